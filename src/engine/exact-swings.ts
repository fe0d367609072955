// Exact Banzhaf swing counts of a single weighted majority [q; w1..wn] at any size, as big integers.
// Coalitions are counted by weight below the quota, c[w], in multi-precision: each count is a few
// 30-bit limbs held in float64 (exact below 2^53), limb-major, so the knapsack recurrence
// c[w] += c[w − wi] runs over plain typed arrays. A player is divided out exactly by the reverse
// recurrence c₋ᵢ[w] = c[w] − c₋ᵢ[w − wi] (integers: no rounding, so no direction is unstable), and
// its swings are the coalitions of the others with q − wi ≤ weight < q.

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

/**
 * Swings per player (coalitions of the others that lose without the player and win with it) for
 * integer weights and quota. Work about 2 · n · q · ⌈n/30⌉ additions; memory q · ⌈n/30⌉ numbers, twice.
 */
export function exactSwings(weights: number[], quota: number): bigint[] {
  const n = weights.length;
  const q = Math.max(0, Math.ceil(quota));
  if (q === 0) return weights.map(() => 0n);
  if (!Number.isSafeInteger(q) || q > 1 << 28) throw new RangeError(`quota ${quota} is too large to count exactly`);
  const L = Math.ceil((n + 1) / BITS) + 1;
  const c = Array.from({ length: L }, () => new Float64Array(q));
  c[0][0] = 1;
  // Each pass at most doubles a limb, so carries are needed only every 20 players (2^50 < 2^53).
  weights.forEach((wi, i) => {
    if (wi > 0 && wi < q) {
      for (let l = 0; l < L; l++) {
        const a = c[l];
        for (let w = q - 1; w >= wi; w--) a[w] += a[w - wi];
      }
    } else if (wi === 0) for (let l = 0; l < L; l++) for (let w = 0; w < q; w++) c[l][w] *= 2;
    if (i % 20 === 19) normalize(c, q);
  });
  normalize(c, q);
  const minus = Array.from({ length: L }, () => new Float64Array(q));
  return weights.map((wi) => {
    if (wi === 0) return 0n;
    const depth = Math.floor(q / wi) + 2;
    if (depth > 2 ** 21) throw new RangeError(`weight ${wi} is too small beside quota ${q} to count exactly`);
    // Window terms summed per limb before carrying into a BigInt, so the sums stay below 2^52.
    const batch = Math.max(1, Math.floor(2 ** 52 / (depth * BASE)));
    // c₋ᵢ: limbs may go negative or above BASE here; their size stays below (q / wi + 1) · BASE.
    for (let l = 0; l < L; l++) {
      const a = c[l];
      const m = minus[l];
      const lim = Math.min(wi, q);
      for (let w = 0; w < lim; w++) m[w] = a[w];
      for (let w = wi; w < q; w++) m[w] = a[w] - m[w - wi];
    }
    const from = Math.max(0, q - wi);
    // Sum the window limb by limb, carrying into a BigInt every `batch` terms to stay exact.
    let total = 0n;
    const acc = new Array<number>(L).fill(0);
    let terms = 0;
    const flush = () => {
      let x = 0n;
      for (let l = L - 1; l >= 0; l--) x = (x << BigInt(BITS)) + BigInt(acc[l]);
      total += x;
      acc.fill(0);
      terms = 0;
    };
    for (let w = from; w < q; w++) {
      for (let l = 0; l < L; l++) acc[l] += minus[l][w];
      if (++terms === batch) flush();
    }
    flush();
    return total;
  });
}
