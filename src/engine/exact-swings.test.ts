// Exact swing counts equal brute-force enumeration on small games, and EPIC's on the IMF-like game.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSwings } from './exact-swings.ts';
import { powerIndices } from './power.ts';

function brute(w: number[], q: number): bigint[] {
  const out = w.map(() => 0n);
  for (let m = 0; m < 1 << w.length; m++) {
    let s = 0;
    for (let i = 0; i < w.length; i++) if ((m >> i) & 1) s += w[i];
    for (let i = 0; i < w.length; i++) if (!((m >> i) & 1) && s < q && s + w[i] >= q) out[i]++;
  }
  return out;
}

describe('exactSwings', () => {
  it('equals brute force on random small games, and the float Banzhaf agrees', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 11 }), fc.integer({ min: 0, max: 1000 }), (w, r) => {
        const q = r % (w.reduce((a, b) => a + b, 0) + 2);
        const s = exactSwings(w, q);
        expect(s).toEqual(brute(w, q));
        if (q > 0 && q <= w.reduce((a, b) => a + b, 0)) {
          const f = powerIndices({ players: w.map((_, i) => `p${i}`), constraints: [{ weights: w, quota: q }] }, { method: 'float' });
          f.players.forEach((p, i) => expect(p.banzhafRaw).toBeCloseTo(Number(s[i]) / 2 ** (w.length - 1), 12));
        }
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it("reproduces EPIC's exact counts on the IMF-like 193-player game at q50", () => {
    const w = Array.from({ length: 193 }, (_, i) => 285 + Math.floor(163000 / (i + 1)));
    const s = exactSwings(w, 503621);
    expect(s[0].toString()).toBe('4833862922940792625610374121965266401171966717685400346701');
    expect(s[192].toString()).toBe('21712141351998618331446619524828299744771478750350369285');
    expect(s.reduce((a, b) => a + b, 0n).toString()).toBe('20848395475664521038827801498252887424495433359333544586521');
  });

  it("reproduces EPIC's counts at q85, counted below the dual game's quota W − q + 1", () => {
    const w = Array.from({ length: 193 }, (_, i) => 285 + Math.floor(163000 / (i + 1)));
    const s = exactSwings(w, 856154);
    expect(s[0].toString()).toBe('33808987914752738998830000811125369940910927619552');
    expect(s[1].toString()).toBe('33808987914748596311511367001441602678729041702126');
    expect(s[192].toString()).toBe('4128744068351237610188509064033433730334253065254');
  });
});
