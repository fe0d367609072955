// Exact Shapley–Shubik counts of a single weighted majority [q; w1..wn] at any size: for each player
// the number of the n! orders of entry in which it is pivotal, Σ_s s!(n−1−s)! · swings_i(s), where
// swings_i(s) counts the coalitions of s others that lose without i and win with it.
//
// The counts by size need the table c[s][w] of coalitions by (size, weight below q). Held as big
// integers it is what makes the C++ tools need gigabytes on large games; here it is counted modulo
// primes below 2^16, one prime at a time in one Uint16Array (two bytes a cell, only the cells a
// size's weights can reach), and each swings_i(s) — below 2^(n−1) — is rebuilt from its residues by
// the Chinese remainder theorem. A player is divided out as in exact-swings.ts, now by size:
//   P₋ᵢ(s, x) = Σ_k (−1)^k P(s − k, x − k·wi),   swings_i(s) = P₋ᵢ(s, q) − P₋ᵢ(s, q − wi),
// with P(t, x) the t-member coalitions of all players weighing less than x (prefix sums of a row).

import { EngineError } from './constraints.ts';
import { type ReadingSetup, wasmTable } from './count-kernel.ts';
import { lowerQuota } from './exact-swings.ts';

export interface ExactPivots {
  /** Banzhaf swings per player (Σ_s swings_i(s)). */
  swings: bigint[];
  /** Orders of entry in which each player is pivotal; they sum to n! unless nobody ever is. */
  pivots: bigint[];
  /** n!, the number of orders. */
  orders: bigint;
}

/** Above this many table cells (two bytes each) the exact count is refused. */
export const MAX_PIVOT_CELLS = 1 << 27;

/** The t-member coalitions' weights below q: one row per size, [lo, hi], packed in one array. */
interface Rows {
  /** Sizes 0..top have rows. */
  top: number;
  lo: Int32Array;
  hi: Int32Array;
  offset: Int32Array;
  cells: number;
}

function rowsOf(light: number[], q: number): Rows {
  const asc = [...light].sort((a, b) => a - b);
  const lo = [0];
  const hi = [0];
  for (let s = 1; s <= asc.length && lo[s - 1] + asc[s - 1] < q; s++) {
    lo.push(lo[s - 1] + asc[s - 1]);
    hi.push(Math.min(q - 1, hi[s - 1] + asc[asc.length - s]));
  }
  const offset = new Int32Array(lo.length);
  let cells = 0;
  lo.forEach((l, s) => {
    offset[s] = cells - l;
    cells += hi[s] - l + 1;
  });
  return { top: lo.length - 1, lo: Int32Array.from(lo), hi: Int32Array.from(hi), offset, cells };
}

/** The largest primes below 2^16 whose product exceeds 2^bits. */
function primesFor(bits: number): number[] {
  const out: number[] = [];
  let have = 0;
  for (let p = 65535; have <= bits; p -= 2) {
    let prime = true;
    for (let d = 3; d * d <= p; d += 2) if (p % d === 0) prime = false;
    if (prime) {
      out.push(p);
      have += Math.log2(p);
    }
  }
  return out;
}

/**
 * Fills `t` with the counts c[s][w] mod p, then turns each row into inclusive prefix sums. Light
 * players are taken in ascending weight, so row s−1 holds only the sums of the s−1 heaviest so far.
 */
function countModulo(t: Uint16Array, R: Rows, asc: number[], p: number): void {
  t.fill(0);
  t[0] = 1;
  let taken = 0;
  const pre = [0];
  asc.forEach((wj, j) => {
    // Row s gains row s − 1 shifted by wj; rows from the top down, so row s − 1 is still the old one.
    for (let s = Math.min(j + 1, R.top); s >= 1; s--) {
      const reach = pre[j] - pre[j - (s - 1)] + wj;
      const from = Math.max(R.lo[s], R.lo[s - 1] + wj);
      const to = Math.min(R.hi[s], reach);
      const d = R.offset[s];
      const src = R.offset[s - 1] - wj;
      for (let w = from; w <= to; w++) {
        const v = t[d + w] + t[src + w] - p;
        t[d + w] = v + ((v >> 31) & p);
      }
    }
    taken += wj;
    pre.push(taken);
  });
  for (let s = 0; s <= R.top; s++) {
    const base = R.offset[s];
    let acc = 0;
    for (let w = R.lo[s]; w <= R.hi[s]; w++) {
      acc += t[base + w];
      if (acc >= p) acc -= p;
      t[base + w] = acc;
    }
  }
}

/** P(size, x) (mod p): the size-member coalitions weighing less than x, and the largest size with any. */
interface Prefix {
  P: (size: number, x: number) => number;
  top: number;
}

/** P read from a prefix table: the coalitions of the players the table counted. */
function tablePrefix(t: Uint16Array | Float64Array, R: Rows): Prefix {
  return {
    P: (size, x) => (size < 0 || size > R.top || x - 1 < R.lo[size] ? 0 : t[R.offset[size] + Math.min(x - 1, R.hi[size])]),
    top: R.top,
  };
}

/** swings_i(s) for s = 0..n−1 from prefix counts, modulo p (p = 0: the counts are exact). */
function swingsBySize({ P, top }: Prefix, n: number, q: number, wi: number, p: number, out: Float64Array): void {
  // D_k(size) = coalitions of that size weighing in [q − (k+1)wi, q − k·wi); swings_i(s) = Σ_k (−1)^k D_k(s − k).
  const K = Math.floor((q - 1) / wi);
  out.fill(0);
  for (let k = 0; k <= Math.min(K, n - 1); k++) {
    const x = q - k * wi;
    const sign = k % 2 === 0 ? 1 : -1;
    for (let size = 0; size <= top && size + k <= n - 1; size++) {
      const d = P(size, x) - P(size, x - wi);
      if (d !== 0) out[size + k] += sign * d;
    }
  }
  if (p > 0) for (let s = 0; s < n; s++) out[s] = ((out[s] % p) + p) % p;
}

/**
 * A table of counts being filled and read: in JavaScript typed arrays, or in WebAssembly memory
 * (count-kernel.ts: the same additions four cells an instruction, and the same reads).
 */
interface Counter {
  t: Float64Array | Uint32Array;
  /** t[d + w] += t[src + w] for w = from … to (rows d and src are different rows). */
  add(d: number, src: number, from: number, to: number): void;
  /** Prefix sums of row s into scratch row `which` (row[x − lo] = coalitions weighing lo…x); the row's count. */
  prefix(s: number, which: 0 | 1): number;
  /** alternateAll() of light size s for every distinct weight, scratch row `own` its own, the other its complement's. */
  readSize(s: number, own: 0 | 1, lo: number, hi: number, cLo: number, cHi: number, all: number): void;
  /** The swings by size of each distinct weight. */
  outs(): Float64Array[];
}

function jsCounter(t: Float64Array | Uint32Array, R: Rows, width: number, r: ReadingSetup): Counter {
  const rows = [new Float64Array(width), new Float64Array(width)];
  const outs = r.distinct.map(() => new Float64Array(r.n));
  return {
    t,
    add: (d, src, from, to) => addShifted(t, d, src, from, to),
    prefix: (s, which) => rowPrefix(t, R, s, rows[which]),
    readSize: (s, own, lo, hi, cLo, cHi, all) => {
      const P: RowPair = { own: rows[own], lo, hi, comp: rows[1 - own], cLo, cHi, all, cap: r.cap, total: r.total };
      for (let d = 0; d < r.distinct.length; d++) alternateAll(P, s, r.distinct[d], r.q, r.hw, r.hs, outs[d], r.n);
    },
    outs: () => outs,
  };
}

function wasmCounter(R: Rows, width: number, r: ReadingSetup): Counter | undefined {
  const w = wasmTable(R.cells, width, r);
  if (!w) return undefined;
  return {
    t: w.table,
    add: w.addRow,
    prefix: (s, which) => (s < 0 || s > R.top ? 0 : w.prefix(which, R.offset[s] + R.lo[s], R.hi[s] - R.lo[s] + 1)),
    readSize: w.readSize,
    outs: w.outs,
  };
}

/**
 * countModulo without a modulus and without the prefix sums: the counts themselves, exact in float64
 * (below 2^53, n ≤ 53), or modulo 2^32 in 32-bit cells (checked in readRows).
 */
function countRaw(c: Counter, R: Rows, asc: number[]): void {
  c.t[0] = 1;
  const pre = new Float64Array(asc.length + 1);
  for (let j = 0; j < asc.length; j++) {
    const wj = asc[j];
    for (let s = Math.min(j + 1, R.top); s >= 1; s--) {
      c.add(R.offset[s], R.offset[s - 1] - wj, Math.max(R.lo[s], R.lo[s - 1] + wj), Math.min(R.hi[s], pre[j] - pre[j - (s - 1)] + wj));
    }
    pre[j + 1] = pre[j] + wj;
  }
}

// The hot loops are small functions of their own: a one-shot command pays for every optimizing
// compile, and a big function with a hot loop is compiled (and deoptimized) whole, several times.

/** t[d + w] += t[src + w] for w = to … from (the source row is another row). */
function addShifted(t: Float64Array | Uint32Array, d: number, src: number, from: number, to: number): void {
  for (let w = to; w >= from; w--) t[d + w] += t[src + w];
}

/** Table cells a single quota's exact count needs (coalitions by size and weight below q). */
export function pivotCells(weights: number[], quota: number): number {
  const { q } = lowerQuota(weights, quota);
  return rowsOf(weights.filter((w) => w < q), q).cells;
}

/** C(m, s) for s = 0..m, in float64 (exact for m ≤ 53). */
function binomials(m: number): Float64Array {
  const c = new Float64Array(m + 1);
  c[0] = 1;
  for (let s = 1; s <= m; s++) c[s] = (c[s - 1] * (m - s + 1)) / s;
  return c;
}

/** Cells of the light table (the `h` heaviest left out), cut at half the light total (see swingsBySizeExact). */
function halfCells(asc: number[], q: number, h: number): number {
  const light = asc.slice(0, asc.length - h);
  const total = light.reduce((a, b) => a + b, 0);
  return rowsOf(light, Math.min(q - 1, Math.floor(total / 2)) + 1).cells;
}

/**
 * How many of the heaviest players to leave out of the table and enumerate instead. The table is most
 * of the cost: a fresh page's first touch costs more than the additions that fill it (about 3 ms a MB
 * on this project's VMs: ~12 ns a four-byte cell), and the additions come to about 8 a cell. Each heavy
 * player more doubles the reads: per distinct weight wi, heavy coalition and light size, up to
 * min(q/wi, n) of them. The cost falls then rises with h: the search stops once it has doubled.
 */
function heavyCount(asc: number[], q: number, n: number, distinct: number[]): number {
  let best = 0;
  let bestCost = Infinity;
  for (let h = 0; h <= Math.min(12, asc.length); h++) {
    let reads = 0;
    for (const w of distinct) reads += Math.min(Math.ceil(q / w), n) * (asc.length - h + 1);
    const cost = 30 * halfCells(asc, q, h) + 3 * reads * 2 ** h;
    if (cost < bestCost) [best, bestCost] = [h, cost];
    else if (cost > 2 * bestCost) break;
  }
  return best;
}

/**
 * One light size's prefix counts (row sl) and, for weights beyond the cap, its complement's (row
 * m − sl): the rows of the table summed into two scratch arrays, so the reads stay within them.
 */
interface RowPair {
  own: Float64Array;
  lo: number;
  hi: number;
  comp: Float64Array;
  cLo: number;
  cHi: number;
  /** C(m, sl): all the light coalitions of sl members. */
  all: number;
  cap: number;
  total: number;
}

/** Prefix sums of row s into `into` (into[x − lo] = coalitions weighing lo…x); the row's count. */
function rowPrefix(t: Float64Array | Uint32Array, R: Rows, s: number, into: Float64Array): number {
  if (s < 0 || s > R.top) return 0;
  const base = R.offset[s] + R.lo[s];
  const len = R.hi[s] - R.lo[s] + 1;
  // A float from the first addition: the sums pass 2^31, and an accumulator the optimizer took for a
  // small integer would be deoptimized there, then rerun unoptimized (a boxed number per cell).
  let acc = -0;
  for (let i = 0; i < len; i++) into[i] = acc += t[base + i];
  return acc + 0;
}

/** Light coalitions of sl members weighing less than x (the complement's read beyond the cap). */
function below(P: RowPair, x: number): number {
  if (x <= 0) return 0;
  if (x - 1 <= P.cap) return x - 1 < P.lo ? 0 : P.own[Math.min(x - 1, P.hi) - P.lo];
  const y = P.total - x + 1;
  return P.all - (y <= 0 || y - 1 < P.cLo ? 0 : P.comp[Math.min(y - 1, P.cHi) - P.cLo]);
}

/**
 * out[s0 + k] += (−1)^k (below(x_k) − below(x_{k+1})), x_k = top − k·wi, for k ≤ K while s0 + k < n:
 * one light size's share of the alternating sum, each read serving two terms.
 */
function alternate(P: RowPair, top: number, wi: number, K: number, out: Float64Array, s0: number, n: number): void {
  let prev = below(P, top);
  for (let k = 0; k <= K && s0 + k < n && prev !== 0; k++) {
    const next = below(P, top - (k + 1) * wi);
    out[s0 + k] += k % 2 === 0 ? prev - next : next - prev;
    prev = next;
  }
}

/** alternate() for every heavy coalition (weights hw, sizes hs) below the quota. */
function alternateAll(P: RowPair, sl: number, wi: number, q: number, hw: Int32Array, hs: Int32Array, out: Float64Array, n: number): void {
  const K = Math.floor((q - 1) / wi);
  for (let j = 0; j < hw.length; j++) if (sl + hs[j] < n) alternate(P, q - hw[j], wi, K, out, sl + hs[j], n);
}

/**
 * Counts the light table into t, then reads it row by row for the alternating sums of every distinct
 * weight. With `check` (a Uint32Array table cut at half the light total), each pair of rows sl, m − sl
 * must hold C(m, sl) coalitions between them (those of the middle weight twice, when the total is even):
 * a count that went past 2^32 would have lost a multiple of 2^32, so a mismatch returns undefined.
 */
function readRows(c: Counter, R: Rows, light: number[], o: { m: number; cap: number; total: number; binom: Float64Array; check: boolean }): Float64Array[] | undefined {
  countRaw(c, R, light);
  const row = (s: number) => (s <= R.top ? { lo: R.lo[s], hi: R.hi[s] } : { lo: Infinity, hi: 0 });
  // Rows sl and m − sl serve each other as complements: both summed once, read for both sizes.
  for (let sl = 0; 2 * sl <= o.m; sl++) {
    const cs = o.m - sl;
    const sum = c.prefix(sl, 0) + c.prefix(cs, 1);
    if (o.check) {
      const middle = o.total % 2 === 0 && sl <= R.top && R.lo[sl] <= o.cap && o.cap <= R.hi[sl] ? c.t[R.offset[sl] + o.cap] : 0;
      if (sum !== o.binom[sl] + middle) return undefined;
    }
    const [a, b] = [row(sl), row(cs)];
    c.readSize(sl, 0, a.lo, a.hi, b.lo, b.hi, o.binom[sl]);
    if (cs !== sl) c.readSize(cs, 1, b.lo, b.hi, a.lo, a.hi, o.binom[cs]);
  }
  return c.outs();
}

/**
 * Swings by coalition size for up to 53 players, in float64 (exact: every count is below 2^53):
 * bySize[i][s] = coalitions of s others that lose without player i and win with it. The heaviest
 * players may be enumerated rather than tabled (heavyCount; `heavy` fixes how many, for tests).
 *
 * The table of the m light players, c(s, x) = their s-member coalitions weighing x, stops at half their
 * total WL (or below the quota, if lower): beyond, the coalitions weighing less than x are all C(m, s)
 * but the complements of the (m − s)-member ones weighing at most WL − x. Player i is divided out by
 * the alternating sum swings_i(s) = Σ_k (−1)^k D_k(s − k), D_k(t) the t-member coalitions (light ones
 * plus a heavy coalition T) weighing in [q − (k+1)·wi, q − k·wi); read per T and light size, along k,
 * each prefix count serves two windows.
 */
export function swingsBySizeExact(weights: number[], quota: number, options: { heavy?: number; wasm?: boolean } = {}): Float64Array[] {
  const n = weights.length;
  if (n > 53) throw new EngineError('float64 counts are exact up to 53 players');
  const { q, dual } = lowerQuota(weights, quota);
  if (q === 0) return weights.map(() => new Float64Array(n));
  const asc = weights.filter((w) => w < q).sort((a, b) => a - b);
  const distinct = [...new Set(weights.filter((w) => w > 0))];
  const h = Math.min(asc.length, options.heavy ?? heavyCount(asc, q, n, distinct));
  const light = asc.slice(0, asc.length - h);
  const m = light.length;
  const total = light.reduce((a, b) => a + b, 0);
  const cap = Math.min(q - 1, Math.floor(total / 2));
  const R = rowsOf(light, cap + 1);
  const binom = binomials(m);
  // The heavy coalitions below the quota: weight and size.
  const hw = [0];
  const hs = [0];
  for (const w of asc.slice(m)) {
    for (let k = 0, len = hw.length; k < len; k++) {
      if (hw[k] + w < q) {
        hw.push(hw[k] + w);
        hs.push(hs[k] + 1);
      }
    }
  }
  const reading: ReadingSetup = { q, n, cap, total, distinct, hw: Int32Array.from(hw), hs: Int32Array.from(hs) };
  // Four bytes a cell when every count fits (checked as the rows are read), in WebAssembly where it
  // runs (options.wasm false: in JavaScript, for tests), else eight bytes a cell in JavaScript.
  const half = cap === Math.floor(total / 2);
  const width = Math.max(1, ...Array.from({ length: R.top + 1 }, (_, s) => R.hi[s] - R.lo[s] + 1));
  const four = () => (options.wasm !== false && wasmCounter(R, width, reading)) || jsCounter(new Uint32Array(R.cells), R, width, reading);
  const outs =
    (half && readRows(four(), R, light, { m, cap, total, binom, check: true })) ||
    readRows(jsCounter(new Float64Array(R.cells), R, width, reading), R, light, { m, cap, total, binom, check: false })!;
  // The dual's coalitions of s others are the complements of n − 1 − s others.
  const byWeight = new Map<number, Float64Array>(distinct.map((wi, d) => [wi, dual ? outs[d].reverse() : outs[d]]));
  return weights.map((wi) => byWeight.get(wi) ?? new Float64Array(n));
}

/** Rebuilds integers below the product of the primes from their residues (Garner's mixed radix). */
function crt(primes: number[]): (residues: number[]) => bigint {
  const m = primes.length;
  // inv[j][k] = primes[k]^−1 mod primes[j], for k < j.
  const inv = primes.map((pj, j) => primes.slice(0, j).map((pk) => modInverse(pk % pj, pj)));
  return (r) => {
    const digit = new Array<number>(m);
    for (let j = 0; j < m; j++) {
      const pj = primes[j];
      let x = r[j] % pj;
      for (let k = 0; k < j; k++) x = (((x - digit[k]) % pj) + pj) % pj * inv[j][k] % pj;
      digit[j] = x;
    }
    let v = 0n;
    for (let j = m - 1; j >= 0; j--) v = v * BigInt(primes[j]) + BigInt(digit[j]);
    return v;
  };
}

function modInverse(a: number, p: number): number {
  let [r0, r1, s0, s1] = [p, a, 0, 1];
  while (r1 !== 0) {
    const f = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - f * r1, s1, s0 - f * s1];
  }
  return ((s0 % p) + p) % p;
}

/**
 * Exact Shapley–Shubik (pivotal orders) and Banzhaf (swings) counts for non-negative integer weights
 * and quota. Work about (number of primes ≈ n/16) × (table cells touched); memory two bytes per cell.
 */
export function exactPivots(weights: number[], quota: number): ExactPivots {
  const n = weights.length;
  // The dual game's pivotal orders and swings are the same (see lowerQuota).
  const { q } = lowerQuota(weights, quota);
  const fact: bigint[] = [1n];
  for (let k = 1; k <= n; k++) fact.push(fact[k - 1] * BigInt(k));
  const zero = { swings: weights.map(() => 0n), pivots: weights.map(() => 0n), orders: fact[n] };
  if (q === 0 || n === 0) return zero;
  if (!Number.isSafeInteger(q)) throw new EngineError(`quota ${quota} is too large to count exactly`);
  // Players at or above the quota are never in a coalition below it: the table holds the others.
  const asc = weights.filter((w) => w < q).sort((a, b) => a - b);
  const R = rowsOf(asc, q);
  if (R.cells > MAX_PIVOT_CELLS) {
    throw new EngineError(`this game is too large to count exactly: its Shapley–Shubik table needs ${R.cells} cells (coalition sizes × weights below the quota), at most ${MAX_PIVOT_CELLS} are supported`);
  }
  const t = new Uint16Array(R.cells);
  const primes = primesFor(n);
  const distinct = [...new Set(weights.filter((w) => w > 0))];
  // residues[d][s][j]: swings of distinct weight d with s others, modulo primes[j].
  const residues = distinct.map(() => Array.from({ length: n }, () => new Array<number>(primes.length)));
  const out = new Float64Array(n);
  const prefix = tablePrefix(t, R);
  primes.forEach((p, j) => {
    countModulo(t, R, asc, p);
    distinct.forEach((wi, d) => {
      swingsBySize(prefix, n, q, wi, p, out);
      for (let s = 0; s < n; s++) residues[d][s][j] = out[s];
    });
  });
  const rebuild = crt(primes);
  const byWeight = new Map<number, { swings: bigint; pivots: bigint }>();
  distinct.forEach((wi, d) => {
    let swings = 0n;
    let pivots = 0n;
    for (let s = 0; s < n; s++) {
      const c = rebuild(residues[d][s]);
      swings += c;
      pivots += c * fact[s] * fact[n - 1 - s];
    }
    byWeight.set(wi, { swings, pivots });
  });
  return {
    swings: weights.map((w) => byWeight.get(w)?.swings ?? 0n),
    pivots: weights.map((w) => byWeight.get(w)?.pivots ?? 0n),
    orders: fact[n],
  };
}

/** a / b as a float, for big integers of any size (to about 2^−60 relative). */
export function ratio(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const shift = b.toString(2).length - a.toString(2).length + 64;
  const scaled = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  return Number(scaled) / 2 ** shift;
}
