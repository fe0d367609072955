// P(pass | drivers) for every assignment of the drivers that stances depend on, computed once per
// case and day. Units whose stance ignores the drivers are folded once, backwards, into a value
// function; per assignment only the driver-dependent units are run forward from the start and the
// result is read off that value function. Assignments are visited depth-first, so units that depend
// on the first drivers are folded once per prefix rather than once per assignment.
import type { Assignment } from '../model/drivers.ts';
import type { CaseSetup } from './setup.ts';
import { distUnder, driversOf } from './setup.ts';
import { backward, forward, initialLayer, makePlan, orderUnits } from './plan.ts';
import type { Problem } from './problem.ts';

export interface PassTable {
  /** Indices (into the case's drivers) of the drivers the table depends on; bit j of a row is drivers[j]. */
  drivers: number[];
  /** P(pass | those drivers), 2^drivers.length rows. */
  table: Float64Array;
}

export function passTable(setup: CaseSetup, problem: Problem, driverIds: string[]): PassTable {
  const idOf = new Map(driverIds.map((d, i) => [d, i]));
  const specDrivers = problem.units.map((u) => driversOf(setup.units[u.source].spec).filter((d) => idOf.has(d)));
  const uses = new Map<string, number>();
  for (const ds of specDrivers) for (const d of ds) uses.set(d, (uses.get(d) ?? 0) + 1);
  // Drivers that many units depend on go first: their units are then folded once per short prefix.
  const ref = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || idOf.get(a)! - idOf.get(b)!);
  const depth = new Map(ref.map((d, j) => [d, j]));
  const batchOf = specDrivers.map((ds) => (ds.length ? Math.max(...ds.map((d) => depth.get(d)!)) : -1));
  const dependent = problem.units
    .map((_, i) => i)
    .filter((i) => batchOf[i] >= 0)
    .sort((a, b) => batchOf[a] - batchOf[b] || a - b);
  const order = orderUnits(problem, dependent);
  const plan = makePlan(problem, order);
  const boundary = order.filter((u) => batchOf[u] >= 0).length;
  const ends = ref.map((_, j) => order.slice(0, boundary).filter((u) => batchOf[u] <= j).length);

  const none: Assignment = {};
  const dists: Float64Array[] = problem.units.map((u) => {
    const x = distUnder(setup.units[u.source].spec, none);
    return Float64Array.of(x.yes, x.no, x.abstain, x.absent);
  });
  const values = backward(plan, boundary, order.length, Float64Array.of(1), dists);

  const table = new Float64Array(2 ** ref.length);
  const a: Assignment = {};
  const rec = (j: number, start: number, layer: Float64Array, bits: number) => {
    if (j === ref.length) {
      let p = 0;
      for (let i = 0; i < layer.length; i++) if (layer[i] !== 0) p += layer[i] * values[i];
      table[bits] = p;
      return;
    }
    for (const v of [true, false]) {
      a[ref[j]] = v;
      for (let k = start; k < ends[j]; k++) {
        const u = order[k];
        const x = distUnder(setup.units[problem.units[u].source].spec, a);
        dists[u] = Float64Array.of(x.yes, x.no, x.abstain, x.absent);
      }
      rec(j + 1, ends[j], forward(plan, start, ends[j], layer, dists), v ? bits | (1 << j) : bits);
    }
  };
  rec(0, 0, initialLayer(plan), 0);
  return { drivers: ref.map((d) => idOf.get(d)!), table };
}

/** Spreads a table over some drivers to all 2^m assignments of the case's m drivers. */
export function expand(t: PassTable, m: number): Float64Array {
  const out = new Float64Array(2 ** m);
  for (let d = 0; d < out.length; d++) {
    let r = 0;
    for (let j = 0; j < t.drivers.length; j++) if ((d >> t.drivers[j]) & 1) r |= 1 << j;
    out[d] = t.table[r];
  }
  return out;
}
