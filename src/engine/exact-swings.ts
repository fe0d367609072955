// Exact Banzhaf swing counts of a single weighted majority [q; w1..wn] at any size, as big integers.
// Coalitions of all n players are counted by weight below the quota, c[w], in multi-precision: each
// count is a few 30-bit limbs held in float64 (exact below 2^53), limb-major, so the knapsack
// recurrence c[w] += c[w − wi] runs over plain typed arrays.
//
// A player is divided out without a pass over the table. With P(x) the number of coalitions of all
// players weighing less than x, and P₋ᵢ the same without player i, every coalition either lacks i or
// is one that lacks i plus i, so P(x) = P₋ᵢ(x) + P₋ᵢ(x − wi), hence P₋ᵢ(x) = Σₖ (−1)^k P(x − k·wi).
// Player i's swings are the coalitions of the others weighing in [q − wi, q):
//   swings_i = P₋ᵢ(q) − P₋ᵢ(q − wi) = P(q) + 2 Σ_{k ≥ 1} (−1)^k P(q − k·wi),
// about q / wi terms of the prefix sums P (integers, so the alternating sum is exact).

import { EngineError } from './constraints.ts';

const BITS = 30;
const BASE = 2 ** BITS;

/** Carries every limb of every count into [0, BASE) (counts are non-negative). */
function normalize(limbs: Float64Array[], size: number): void {
  const L = limbs.length;
  for (let w = 0; w < size; w++) {
    let carry = 0;
    for (let l = 0; l < L; l++) {
      const v = limbs[l][w] + carry;
      carry = Math.floor(v / BASE);
      limbs[l][w] = v - carry * BASE;
    }
  }
}

/** Counts of coalitions by weight below q, then turned in place into inclusive prefix sums. */
function prefixCounts(weights: number[], q: number, L: number): Float64Array[] {
  const c = Array.from({ length: L }, () => new Float64Array(q));
  c[0][0] = 1;
  // Each pass at most doubles a limb, so carries are needed only every 20 players (2^50 < 2^53).
  // Before player i every count is below 2^i, so only its first ⌊i/30⌋ + 1 limbs can be non-zero.
  weights.forEach((wi, i) => {
    const active = Math.min(L, Math.floor(i / BITS) + 1);
    if (wi > 0 && wi < q) {
      for (let l = 0; l < active; l++) {
        const a = c[l];
        for (let w = q - 1; w >= wi; w--) a[w] += a[w - wi];
      }
    } else if (wi === 0) for (let l = 0; l < active; l++) c[l].forEach((v, w, a) => (a[w] = 2 * v));
    if (i % 20 === 19) normalize(c, q);
  });
  normalize(c, q);
  // Running sums, carried at every cell (limbs stay below BASE).
  const acc = new Float64Array(L);
  for (let w = 0; w < q; w++) {
    let carry = 0;
    for (let l = 0; l < L; l++) {
      const v = acc[l] + c[l][w] + carry;
      carry = v >= BASE ? 1 : 0;
      acc[l] = v - carry * BASE;
      c[l][w] = acc[l];
    }
  }
  return c;
}

/**
 * Swings per player (coalitions of the others that lose without the player and win with it) for
 * non-negative integer weights and quota. Work about n · q · ⌈n/30⌉ / 2 additions, memory q · ⌈n/30⌉
 * numbers.
 */
export function exactSwings(weights: number[], quota: number): bigint[] {
  const n = weights.length;
  const { q } = lowerQuota(weights, quota);
  if (q === 0) return weights.map(() => 0n);
  if (!Number.isSafeInteger(q) || q > 1 << 28) throw new EngineError(`quota ${quota} is too large to count exactly`);
  const L = Math.ceil((n + 1) / BITS) + 1;
  const P = prefixCounts(weights, q, L);
  const done = new Map<number, bigint>();
  return weights.map((wi) => {
    if (wi === 0) return 0n;
    let s = done.get(wi);
    if (s === undefined) {
      s = alternating(P, q, wi);
      done.set(wi, s);
    }
    return s;
  });
}

/**
 * The quota to count with: q, or that of the dual game [W − q + 1; w] when lower. A swing's
 * complement among the others is a swing of the dual game (S loses and S + i wins exactly when the
 * others outside S, with i, win the dual and without i lose it), with s others becoming n − 1 − s;
 * so the swings, and the pivotal orders (s!(n−1−s)! is symmetric), are the dual's. A supermajority
 * is thus counted below its complement (85%: below 15% of the weight). q = 0: nobody ever swings.
 */
export function lowerQuota(weights: number[], quota: number): { q: number; dual: boolean } {
  const q = Math.max(0, Math.ceil(quota));
  const W = weights.reduce((a, b) => a + b, 0);
  if (q > W) return { q: 0, dual: false };
  return W - q + 1 < q ? { q: W - q + 1, dual: true } : { q, dual: false };
}

/** P(q) + 2 Σ_{k≥1} (−1)^k P(q − k·w), summed limb by limb and carried into a BigInt in batches. */
function alternating(P: Float64Array[], q: number, w: number): bigint {
  const L = P.length;
  // Each term adds at most 2·BASE to a limb's sum: flush well before 2^53.
  const batch = 2 ** 52 / (2 * BASE);
  const plus = new Float64Array(L);
  const minus = new Float64Array(L);
  let total = 0n;
  let terms = 0;
  const flush = () => {
    let x = 0n;
    for (let l = L - 1; l >= 0; l--) x = (x << BigInt(BITS)) + BigInt(plus[l] - minus[l]);
    total += x;
    plus.fill(0);
    minus.fill(0);
    terms = 0;
  };
  // P(x) = the inclusive prefix at x − 1; P(x) = 0 for x ≤ 0.
  for (let l = 0; l < L; l++) plus[l] += P[l][q - 1];
  for (let k = 1, x = q - w; x > 0; k++, x -= w) {
    const into = k % 2 === 0 ? plus : minus;
    for (let l = 0; l < L; l++) into[l] += 2 * P[l][x - 1];
    if (++terms === batch) flush();
  }
  flush();
  return total;
}
