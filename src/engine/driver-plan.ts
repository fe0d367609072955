// The fewest driver settings that bring P(admission) to a target (one half): every combination of the
// free drivers is scored from the same table of P(admission | assignment), so the search is exhaustive
// up to 12 free drivers (3^12 partial settings); beyond that it adds one setting at a time, greedily.
import type { Assignment } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import { clamp01, evidence, priorTable } from './conditioning.ts';

export interface DriverSetting {
  driver: string;
  name: string;
  value: boolean;
}

export interface DriverPlan {
  /** The settings to add to the drivers already set (empty when the target is already met). */
  settings: DriverSetting[];
  /** P(admission) with those settings. */
  probability: number;
  target: number;
  /** False: no combination of settings reaches the target; `settings` then give the best reachable. */
  reached: boolean;
  /** False when the search was greedy (more than 12 free drivers). */
  exhaustive: boolean;
}

const EXHAUSTIVE_LIMIT = 12;

export function driverPlan(
  drivers: DriverData[],
  prior: Float64Array,
  values: Float64Array,
  fixed: Assignment,
  factor = 1,
  target = 0.5,
): DriverPlan {
  const free = drivers.map((_, j) => j).filter((j) => !(drivers[j].id in fixed));
  const ev = evidence(drivers, fixed);
  // Mass and mass·P over the assignments of the free drivers, the set ones summed out or forced.
  let base = prior;
  let mass = 0;
  for (let d = 0; d < prior.length; d++) if ((d & ev.mask) === ev.value) mass += prior[d];
  if (mass === 0) base = priorTable(drivers, fixed);
  const u = free.length;
  const a = new Float64Array(2 ** u);
  const b = new Float64Array(2 ** u);
  // Row r (bit k = free driver k) is the assignment d with the set drivers as set and free driver k
  // at bit free[k]: d = the setting | the free bits of r deposited, from two tables of half width.
  const low = u >> 1;
  const deposit = (bits: number, from: number) => {
    const out = new Int32Array(2 ** bits);
    for (let x = 1; x < out.length; x++) {
      const k = 31 - Math.clz32(x);
      out[x] = out[x ^ (1 << k)] | (1 << free[from + k]);
    }
    return out;
  };
  const lo = deposit(low, 0);
  const hi = deposit(u - low, low);
  for (let r = 0; r < a.length; r++) {
    const d = ev.value | lo[r & ((1 << low) - 1)] | hi[r >> low];
    if (base[d] === 0) continue;
    a[r] = base[d] * values[d];
    b[r] = base[d];
  }
  const setting = (k: number, value: boolean): DriverSetting => ({ driver: drivers[free[k]].id, name: drivers[free[k]].name, value });
  return u <= EXHAUSTIVE_LIMIT ? exhaustive(a, b, u, factor, target, setting) : greedy(a, b, u, factor, target, setting);
}

type Make = (k: number, value: boolean) => DriverSetting;

let scratch = { A: new Float64Array(0), B: new Float64Array(0) };
const unsetCache = new Map<number, Uint8Array>();

/** For every t < 3^u: how many of its base-3 digits are 2 ("not set"). */
function unsetDigits(u: number): Uint8Array {
  let unset = unsetCache.get(u);
  if (!unset) {
    unset = new Uint8Array(3 ** u);
    for (let t = 1; t < unset.length; t++) unset[t] = unset[Math.floor(t / 3)] + (t % 3 === 2 ? 1 : 0);
    unsetCache.set(u, unset);
  }
  return unset;
}

/**
 * Digits per free driver: 0 false, 1 true, 2 not set. A[t], B[t] sum over the unset digits, filled in
 * place one digit at a time: after pass k every entry whose highest "not set" digit is ≤ k is right.
 */
function exhaustive(a: Float64Array, b: Float64Array, u: number, factor: number, target: number, make: Make): DriverPlan {
  const size = 3 ** u;
  // Scratch kept between calls: a toggle with 12 free drivers fills 3^12 entries twice.
  if (scratch.A.length < size) scratch = { A: new Float64Array(size), B: new Float64Array(size) };
  // Every entry is written below before the pass that makes it right (no need to clear them).
  const A = scratch.A;
  const B = scratch.B;
  const unset = unsetDigits(u);
  // Entries without a 2: the binary assignment with the same digits.
  for (let bin = 0; bin < 2 ** u; bin++) {
    let t = 0;
    for (let k = 0, p = 1; k < u; k++, p *= 3) if ((bin >> k) & 1) t += p;
    A[t] = a[bin];
    B[t] = b[bin];
  }
  for (let k = 0, p = 1; k < u; k++, p *= 3) {
    for (let base = 0; base < size; base += 3 * p) {
      for (let off = 0; off < p; off++) {
        const t = base + 2 * p + off;
        A[t] = A[t - 2 * p] + A[t - p];
        B[t] = B[t - 2 * p] + B[t - p];
      }
    }
  }
  // The best candidate overall and the best reaching the target, kept as numbers: this loop visits
  // 3^u settings (531,441 for 12 drivers) on every toggle, so it allocates nothing.
  let bestT = -1, bestK = 0, bestP = 0, bestMass = 0;
  let reachT = -1, reachK = 0, reachP = 0, reachMass = 0;
  for (let t = 0; t < size; t++) {
    if (B[t] <= 0) continue;
    const k = u - unset[t];
    const p = clamp01(factor * (A[t] / B[t]));
    const mass = B[t];
    if (p >= target && (reachT < 0 || better(k, p, mass, reachK, reachP, reachMass, true))) {
      reachT = t;
      reachK = k;
      reachP = p;
      reachMass = mass;
    }
    if (bestT < 0 || better(k, p, mass, bestK, bestP, bestMass, false)) {
      bestT = t;
      bestK = k;
      bestP = p;
      bestMass = mass;
    }
  }
  const chosen = reachT >= 0 ? { t: reachT, p: reachP } : bestT >= 0 ? { t: bestT, p: bestP } : { t: size - 1, p: 0 };
  const settings: DriverSetting[] = [];
  let t = chosen.t;
  for (let k = 0; k < u; k++) {
    const dgt = t % 3;
    t = (t - dgt) / 3;
    if (dgt !== 2) settings.push(make(k, dgt === 1));
  }
  return { settings, probability: chosen.p, target, reached: reachT >= 0, exhaustive: true };
}

/**
 * Whether candidate x (k settings, probability p, prior mass) beats y. Probabilities equal up to
 * rounding count as equal; then fewer settings, more mass, higher probability win. With fewestFirst
 * (among candidates that reach the target) fewer settings come first.
 */
function better(xk: number, xp: number, xm: number, yk: number, yp: number, ym: number, fewestFirst: boolean): boolean {
  const tol = 1e-9 * Math.max(xp, yp);
  const higher = xp > yp + tol;
  const same = Math.abs(xp - yp) <= tol;
  const tieBreak = xk < yk || (xk === yk && (xm > ym || (xm === ym && xp > yp)));
  if (fewestFirst) return xk < yk || (xk === yk && (higher || (same && tieBreak)));
  return higher || (same && tieBreak);
}

/**
 * Settings added one at a time, each the one raising P(admission) most. The rows agreeing with the
 * settings so far are kept packed (the chosen drivers' bits removed), so each step halves them; one
 * step scores every next setting at once by folding the rows in half once per remaining driver
 * (about 2 · 2^u additions a step, 4 · 2^u in all).
 */
function greedy(a: Float64Array, b: Float64Array, u: number, factor: number, target: number, make: Make): DriverPlan {
  // bits[i]: the free driver at bit i of the packed rows.
  let bits = Array.from({ length: u }, (_, k) => k);
  let A = a;
  let B = b;
  const chosen = new Map<number, number>();
  const ratio = (n: number, d: number) => (d > 0 ? clamp01((factor * n) / d) : -1);
  const numOf = new Float64Array(2 * u);
  const denOf = new Float64Array(2 * u);
  let p = -1;
  for (;;) {
    const total = halves(A, bits, numOf);
    const totalDen = halves(B, bits, denOf);
    if (p < 0) p = ratio(total, totalDen);
    if (p >= target) break;
    let best = { k: -1, v: 0, p };
    for (let k = 0; k < u; k++) {
      if (chosen.has(k)) continue;
      for (const v of [1, 0]) {
        const sc = ratio(numOf[2 * k + v], denOf[2 * k + v]);
        if (sc > best.p + 1e-9 * Math.max(sc, best.p)) best = { k, v, p: sc };
      }
    }
    if (best.k < 0) break;
    chosen.set(best.k, best.v);
    const at = bits.indexOf(best.k);
    A = half(A, at, best.v);
    B = half(B, at, best.v);
    bits = bits.filter((k) => k !== best.k);
    p = best.p;
  }
  const settings: DriverSetting[] = [];
  for (let k = 0; k < u; k++) if (chosen.has(k)) settings.push(make(k, chosen.get(k) === 1));
  return { settings, probability: Math.max(0, p), target, reached: p >= target, exhaustive: false };
}

/**
 * out[2k + v] = the sum of the rows whose driver k (at bit i of the row, k = bits[i]) is v, for every
 * k in bits; returns the sum of all rows. Folding the rows in half on the highest bit leaves the
 * sums over the lower bits, so all of them cost about 2 · rows.length additions.
 */
function halves(rows: Float64Array, bits: number[], out: Float64Array): number {
  const cur = rows.slice();
  let len = cur.length;
  for (let i = bits.length - 1; i >= 0; i--) {
    len >>= 1;
    let zero = 0;
    let one = 0;
    for (let x = 0; x < len; x++) {
      zero += cur[x];
      one += cur[len + x];
      cur[x] += cur[len + x];
    }
    out[2 * bits[i]] = zero;
    out[2 * bits[i] + 1] = one;
  }
  return cur[0];
}

/** The rows whose bit `at` is v, packed (that bit removed). */
function half(rows: Float64Array, at: number, v: number): Float64Array {
  const out = new Float64Array(rows.length >> 1);
  const lowMask = (1 << at) - 1;
  for (let x = 0; x < out.length; x++) out[x] = rows[((x & ~lowMask) << 1) | (v << at) | (x & lowMask)];
  return out;
}
