// Exact Shapley–Shubik counts equal brute force over all orders of entry on small random games,
// their swings equal exactSwings', and the float method agrees to 1e-9 on a larger game.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactPivots, ratio, swingsBySizeExact } from './exact-pivots.ts';
import { exactSwings } from './exact-swings.ts';
import { powerIndices } from './power.ts';

/** Pivotal orders by walking every permutation (Heap's algorithm). */
function brutePivots(w: number[], q: number): bigint[] {
  const n = w.length;
  const out = w.map(() => 0n);
  const a = w.map((_, i) => i);
  const visit = () => {
    let s = 0;
    for (const i of a) {
      if (s < q && s + w[i] >= q) {
        out[i]++;
        break;
      }
      s += w[i];
    }
  };
  const c = new Array<number>(n).fill(0);
  visit();
  for (let i = 1; i < n; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i], a[j]];
      visit();
      c[i]++;
      i = 1;
    } else c[i++] = 0;
  }
  return out;
}

describe('exactPivots', () => {
  it('equals brute force over all orders of entry on random small games', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 1000 }), (w, r) => {
        const W = w.reduce((a, b) => a + b, 0);
        const q = r % (W + 2);
        const e = exactPivots(w, q);
        expect(e.pivots).toEqual(brutePivots(w, q));
        expect(e.swings).toEqual(exactSwings(w, q));
        const fact = w.reduce((f, _, i) => f * BigInt(i + 1), 1n);
        expect(e.orders).toBe(fact);
        if (q > 0 && q <= W) expect(e.pivots.reduce((a, b) => a + b, 0n)).toBe(fact);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });

  it('agrees with exactSwings and sums to n! on random games of up to 60 players', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 8, maxLength: 60 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (w, f) => {
        const W = w.reduce((a, b) => a + b, 0);
        const q = Math.max(1, Math.ceil(f * W));
        const e = exactPivots(w, q);
        expect(e.swings).toEqual(exactSwings(w, q));
        expect(e.pivots.reduce((a, b) => a + b, 0n)).toBe(e.orders);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('matches the float method to 1e-9 on an IMF-like 120-player game', () => {
    const w = Array.from({ length: 120 }, (_, i) => 3 + Math.floor(1630 / (i + 1)));
    const W = w.reduce((a, b) => a + b, 0);
    const q = Math.floor(W / 2) + 1;
    const e = exactPivots(w, q);
    const f = powerIndices({ players: w.map((_, i) => `P${i + 1}`), constraints: [{ weights: w, quota: q }] }, { method: 'float' });
    f.players.forEach((p, i) => {
      expect(Math.abs(ratio(e.pivots[i], e.orders) - p.shapleyShubik) / p.shapleyShubik).toBeLessThan(1e-9);
    });
  });

  it('powerIndices counts a wide single quota of up to 53 players exactly by (size, weight)', () => {
    // 45 IMF-like players, W = 729,184: the (size, weights) grid would have 46 × 729,185 cells.
    const w = Array.from({ length: 45 }, (_, i) => 285 + Math.floor(163000 / (i + 1)));
    const q = Math.floor(w.reduce((a, b) => a + b, 0) / 2) + 1;
    const g = { players: w.map((_, i) => `P${i + 1}`), constraints: [{ weights: w, quota: q }] };
    const e = powerIndices(g);
    expect(e.method).toBe('exact counting by coalition size');
    const swings = exactSwings(w, q);
    e.players.forEach((p, i) => expect(p.swings).toBe(swings[i].toString()));
    const f = powerIndices(g, { method: 'float' });
    f.players.forEach((p, i) => {
      expect(Math.abs(p.banzhafRaw - e.players[i].banzhafRaw) / p.banzhafRaw).toBeLessThan(1e-12);
      expect(Math.abs(p.shapleyShubik - e.players[i].shapleyShubik) / p.shapleyShubik).toBeLessThan(1e-11);
    });
  });

  it('swingsBySizeExact counts swings by size as brute force does, whichever heaviest players it enumerates', () => {
    // Coalitions of s others that lose without player i and win with it, by walking every subset.
    const bruteBySize = (w: number[], q: number) =>
      w.map((wi, i) => {
        const others = w.filter((_, j) => j !== i);
        const out = new Array<number>(w.length).fill(0);
        for (let mask = 0; mask < 1 << others.length; mask++) {
          let sum = 0;
          let size = 0;
          others.forEach((x, j) => {
            if (mask & (1 << j)) {
              sum += x;
              size++;
            }
          });
          if (sum < q && sum + wi >= q) out[size]++;
        }
        return out;
      });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 11 }), fc.integer({ min: 0, max: 500 }), (w, r) => {
        const q = r % (w.reduce((a, b) => a + b, 0) + 2);
        const expected = bruteBySize(w, q);
        // In WebAssembly (the default where it runs) and in JavaScript.
        for (const wasm of [true, false]) {
          for (const heavy of [undefined, 0, 1, 2, 3, 5, 11]) {
            expect(swingsBySizeExact(w, q, { heavy, wasm }).map((row) => Array.from(row))).toEqual(expected);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('swingsBySizeExact counts past 2^32 a cell (the four-byte table falls back to float64)', () => {
    // 44 equal votes, quota 22: player i swings exactly the C(43, 21) coalitions of 21 others. The
    // light table of 42 or 39 players holds up to C(42, 21) ≈ 5.4·10^11 coalitions in one cell.
    const binom = (n: number, k: number) => Array.from({ length: k }, (_, i) => i + 1).reduce((c, i) => (c * (n - k + i)) / i, 1);
    const w = new Array<number>(44).fill(1);
    for (const heavy of [0, 2, 5]) {
      const want = Array.from({ length: 44 }, (_, s) => (s === 21 ? binom(43, 21) : 0));
      for (const row of swingsBySizeExact(w, 22, { heavy })) expect(Array.from(row)).toEqual(want);
    }
  });

  it('ratio divides big integers beyond the float range', () => {
    const big = 10n ** 400n;
    expect(ratio(big, 3n * big)).toBeCloseTo(1 / 3, 15);
    expect(ratio(0n, big)).toBe(0);
    expect(ratio(7n, 2n)).toBe(3.5);
  });
});
