// The joint distribution of the drivers, as a table over all 2^m assignments, and probabilities
// conditional on some drivers being set. Setting a driver conditions on it (as `--set` does): a
// child that is observed true makes its parents more likely too. When the setting has probability
// zero under the model, conditioning is undefined and the driver is forced instead (an intervention).
import type { Assignment } from '../model/drivers.ts';
import { topologicalOrder } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import { EngineError } from './constraints.ts';

/** Beyond this many drivers the 2^m tables are not built (see docs/engine.md). */
export const MAX_DRIVERS = 20;

export interface Evidence {
  mask: number;
  value: number;
}

export function evidence(drivers: DriverData[], fixed: Assignment): Evidence {
  let mask = 0;
  let value = 0;
  drivers.forEach((d, j) => {
    if (d.id in fixed) {
      mask |= 1 << j;
      if (fixed[d.id]) value |= 1 << j;
    }
  });
  return { mask, value };
}

/** P(d) for every assignment d (bit j = drivers[j] is true); forced drivers take their value for sure. */
export function priorTable(drivers: DriverData[], forced: Assignment = {}): Float64Array {
  const m = drivers.length;
  if (m > MAX_DRIVERS) throw new EngineError(`${m} drivers: the exact engine enumerates at most 2^${MAX_DRIVERS} assignments`);
  const sorted = topologicalOrder(drivers);
  if ('cycle' in sorted) throw new EngineError(`drivers form a cycle: ${sorted.cycle.join(' → ')}`);
  const bit = new Map(drivers.map((d, j) => [d.id, j]));
  // Each driver's conditions as bit masks over the drivers before it; a condition naming a driver
  // outside the table never holds (as `holds` finds it unset).
  const nodes = sorted.order.map((d) => ({
    bit: 1 << bit.get(d.id)!,
    p: d.id in forced ? (forced[d.id] ? 1 : 0) : d.p,
    given:
      d.id in forced
        ? []
        : (d.given ?? []).flatMap((g) => {
            let mask = 0;
            let value = 0;
            for (const [id, v] of Object.entries(g.when)) {
              const b = bit.get(id);
              if (b === undefined) return [];
              mask |= 1 << b;
              if (v) value |= 1 << b;
            }
            return [{ mask, value, p: g.p }];
          }),
  }));
  // Drivers are taken in topological order; after each, out[x] is P(the drivers so far take x) for
  // every x over their bits (the others still 0), so each split multiplies in one conditional.
  const out = new Float64Array(2 ** m);
  out[0] = 1;
  let seen = 0;
  for (const node of nodes) {
    // Every x whose bits lie within `seen`, by the subset-enumeration trick.
    let x = 0;
    do {
      let pt = node.p;
      for (const g of node.given) {
        if ((x & g.mask) === g.value) {
          pt = g.p;
          break;
        }
      }
      const p = out[x];
      out[x | node.bit] = p * pt;
      out[x] = p * (1 - pt);
      x = (x - seen) & seen;
    } while (x !== 0);
    seen |= node.bit;
  }
  return out;
}

/** Σ prior·values and Σ prior over the assignments that agree with the evidence. */
export function sums(prior: Float64Array, values: Float64Array, ev: Evidence): { num: number; mass: number } {
  let num = 0;
  let mass = 0;
  for (let d = 0; d < prior.length; d++) {
    if ((d & ev.mask) !== ev.value) continue;
    const w = prior[d];
    if (w === 0) continue;
    mass += w;
    num += w * values[d];
  }
  return { num, mass };
}

/**
 * For every driver not in `fixed`: `sums` over the assignments that agree with `fixed` and give that
 * driver false ([0]) or true ([1]), all in one pass. Each sum adds the same terms in the same order as
 * `sums` with that driver set too, so the conditionals are those `expectation` gives.
 */
export function conditionalSums(drivers: DriverData[], prior: Float64Array, values: Float64Array, fixed: Assignment): Map<string, [{ num: number; mass: number }, { num: number; mass: number }]> {
  const ev = evidence(drivers, fixed);
  const free = drivers.map((_, j) => j).filter((j) => !(drivers[j].id in fixed));
  const u = free.length;
  // num[2i + b], mass[2i + b]: free driver i (bit free[i]) taking value b.
  const num = new Float64Array(2 * u);
  const mass = new Float64Array(2 * u);
  const bit = Int32Array.from(free);
  for (let d = 0; d < prior.length; d++) {
    if ((d & ev.mask) !== ev.value) continue;
    const w = prior[d];
    if (w === 0) continue;
    const wv = w * values[d];
    for (let i = 0; i < u; i++) {
      const c = 2 * i + ((d >> bit[i]) & 1);
      mass[c] += w;
      num[c] += wv;
    }
  }
  return new Map(free.map((j, i) => [drivers[j].id, [{ num: num[2 * i], mass: mass[2 * i] }, { num: num[2 * i + 1], mass: mass[2 * i + 1] }]]));
}

/** E[values | evidence], falling back to forcing the set drivers when the evidence is impossible. */
export function expectation(drivers: DriverData[], prior: Float64Array, values: Float64Array, fixed: Assignment): number {
  const ev = evidence(drivers, fixed);
  const { num, mass } = sums(prior, values, ev);
  if (mass > 0) return clamp01(num / mass);
  const forced = priorTable(drivers, fixed);
  return clamp01(sums(forced, values, ev).num);
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * P(d | the set drivers) for every assignment d: the prior restricted to the assignments that agree
 * with the setting and renormalized (or, when the setting is impossible, the forced prior).
 */
export function posterior(drivers: DriverData[], prior: Float64Array, fixed: Assignment): Float64Array {
  const ev = evidence(drivers, fixed);
  const out = new Float64Array(prior.length);
  let mass = 0;
  for (let d = 0; d < prior.length; d++) {
    if ((d & ev.mask) !== ev.value) continue;
    out[d] = prior[d];
    mass += prior[d];
  }
  if (mass > 0) {
    for (let d = 0; d < out.length; d++) out[d] /= mass;
    return out;
  }
  const forced = priorTable(drivers, fixed);
  for (let d = 0; d < out.length; d++) out[d] = (d & ev.mask) === ev.value ? forced[d] : 0;
  return out;
}

/**
 * Superset sums of a table over assignments: out[s] = Σ_{d ⊇ s} table[d], i.e. P(every driver in s
 * is true) for a distribution. One pass per driver (k · 2^k), after which the joint distribution of
 * any few drivers is an inclusion–exclusion over their 2^j subsets (`marginal`).
 */
export function supersetSums(table: Float64Array): Float64Array {
  const out = table.slice();
  // Per bit, the rows without it come in runs of `bit` followed by their partners with it.
  for (let bit = 1; bit < out.length; bit <<= 1) {
    for (let run = 0; run < out.length; run += 2 * bit) {
      for (let d = run; d < run + bit; d++) out[d] += out[d + bit];
    }
  }
  return out;
}

/**
 * The joint distribution of the drivers at bit positions `bits` from superset sums: entry x (bit i of
 * x = bits[i] true) is P(exactly those of them true), by inclusion–exclusion; clamped at 0 against
 * rounding.
 */
export function marginal(sup: Float64Array, bits: number[]): Float64Array {
  const j = bits.length;
  const out = new Float64Array(2 ** j);
  const maskOf = (x: number) => bits.reduce((m, b, i) => ((x >> i) & 1 ? m | (1 << b) : m), 0);
  for (let x = 0; x < out.length; x++) {
    let p = 0;
    // Every superset r of x within the j drivers, with sign (−1)^|r \ x|.
    const rest = (out.length - 1) & ~x;
    let extra = rest;
    for (;;) {
      let sign = 1;
      for (let e = extra; e; e &= e - 1) sign = -sign;
      p += sign * sup[maskOf(x | extra)];
      if (extra === 0) break;
      extra = (extra - 1) & rest;
    }
    out[x] = p < 0 ? 0 : p;
  }
  return out;
}
