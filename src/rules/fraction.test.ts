import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meets, minimumCount, parseFraction } from './fraction.ts';

describe('fractions', () => {
  it('parses "2/3" and decimals exactly', () => {
    expect(parseFraction('2/3')).toEqual({ num: 2, den: 3 });
    expect(parseFraction(0.65)).toEqual({ num: 65, den: 100 });
    expect(parseFraction(1)).toEqual({ num: 1, den: 1 });
  });
  it('gives the thresholds of the real procedures', () => {
    expect(minimumCount({ num: 2, den: 3 }, 142)).toBe(95);
    expect(minimumCount({ num: 2, den: 3 }, 46)).toBe(31);
    expect(minimumCount({ num: 2, den: 3 }, 45)).toBe(30);
    expect(minimumCount({ num: 1, den: 2 }, 720, true)).toBe(361);
    expect(minimumCount({ num: 1, den: 2 }, 41, true)).toBe(21);
  });
  it('minimumCount is the least k that meets the fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 2000 }), fc.boolean(), (a, b, base, strict) => {
        const f = { num: Math.min(a, b), den: Math.max(a, b) };
        const k = minimumCount(f, base, strict);
        expect(meets(f, k, base, strict)).toBe(true);
        if (k > 0) expect(meets(f, k - 1, base, strict)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
