// P(pass | drivers) for every assignment of the drivers that stances depend on, computed once per
// case and day, by meeting in the middle. Units are ordered [independent][front][back][independent,
// late]: units whose stance ignores the drivers are folded once (forward before the front, backward
// after the back); the driver-dependent units are split between a "front" half (folded forward,
// depth-first over the front drivers) and a "back" half (folded backward, depth-first over the back
// drivers). P(pass | d) is then the dot product of the front distribution for d's front drivers with
// the back value function for d's back drivers, at a layer whose window is narrow because only the
// back units remain after it.
import type { Assignment } from '../model/drivers.ts';
import type { CaseSetup } from './setup.ts';
import { driversOf } from './setup.ts';
import { cachedPlan, orderUnits, type PlanCache } from './plan.ts';
import { backward, forward, initialLayer } from './walk.ts';
import { type Problem, unitDist, unitDists } from './problem.ts';
import { EngineError } from './constraints.ts';
import { meetTable } from './meet.ts';
import { chooseSplit } from './split.ts';

export interface PassTable {
  /** Indices (into the case's drivers) of the drivers the table depends on; bit j of a row is drivers[j]. */
  drivers: number[];
  /** P(pass | those drivers), 2^drivers.length rows. */
  table: Float64Array;
}

export function passTable(setup: CaseSetup, problem: Problem, driverIds: string[], plans?: PlanCache): PassTable {
  try {
    return meetInTheMiddle(setup, problem, driverIds, plans);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    // Driver-dependent units kept to the end hold every stage open at once; with many of them that
    // is too many states, so take the units stage by stage and enumerate drivers along the way.
    return stageByStage(setup, problem, driverIds, plans);
  }
}

/**
 * Units in the order that closes stages early; drivers are enumerated depth-first in the order
 * their first unit comes, so each prefix of units that needs no further driver is folded once.
 */
export function stageByStage(setup: CaseSetup, problem: Problem, driverIds: string[], plans?: PlanCache): PassTable {
  const idOf = new Map(driverIds.map((d, i) => [d, i]));
  const order = orderUnits(problem);
  const plan = cachedPlan(plans, problem, order);
  const needs = order.map((u) => driversOf(setup.units[problem.units[u].source].spec).filter((d) => idOf.has(d)));
  const ref: string[] = [];
  const firstNeed: number[] = [];
  needs.forEach((ds, k) => {
    for (const d of ds) {
      if (!ref.includes(d)) {
        ref.push(d);
        firstNeed.push(k);
      }
    }
  });
  const dists = unitDists(problem, setup, {});
  const table = new Float64Array(2 ** ref.length);
  const a: Assignment = {};
  const rec = (j: number, from: number, layer: Float64Array, bits: number) => {
    const to = j < ref.length ? firstNeed[j] : order.length;
    for (let k = from; k < to; k++) if (needs[k].length > 0) dists[order[k]] = unitDist(problem, setup, order[k], a);
    const next = forward(plan, from, to, layer, dists);
    if (j === ref.length) {
      table[bits] = next[0] ?? 0;
      return;
    }
    for (const v of [true, false]) {
      a[ref[j]] = v;
      rec(j + 1, to, next, v ? bits | (1 << j) : bits);
    }
  };
  rec(0, 0, initialLayer(plan), 0);
  return { drivers: ref.map((d) => idOf.get(d)!), table };
}

export function meetInTheMiddle(setup: CaseSetup, problem: Problem, driverIds: string[], plans?: PlanCache): PassTable {
  const idOf = new Map(driverIds.map((d, i) => [d, i]));
  const specDrivers = problem.units.map((u) => driversOf(setup.units[u.source].spec).filter((d) => idOf.has(d)));
  const uses = new Map<string, number>();
  specDrivers.forEach((ds, i) => {
    if (problem.units[i].touches.length > 0) for (const d of ds) uses.set(d, (uses.get(d) ?? 0) + 1);
  });
  // Drivers that many units depend on go first: their units are then folded once per short prefix.
  const ref = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || idOf.get(a)! - idOf.get(b)!);
  const touched = (i: number) => problem.units[i].touches.length > 0;
  const all = problem.units.map((_, i) => i).filter(touched);
  // A stage with fewer voters than the largest (the Security Council beside the General Assembly)
  // multiplies every layer it is open in; its units are kept to the end so it opens as late as
  // possible, and the drivers of those units are enumerated from the back.
  const stageSize = new Array<number>(problem.stages.length).fill(0);
  for (const i of all) for (const st of problem.units[i].stages) stageSize[st]++;
  const largest = Math.max(0, ...stageSize);
  const small = (i: number) => problem.units[i].stages.some((st) => stageSize[st] < largest);
  const dependent = all.filter((i) => specDrivers[i].length > 0);
  const spanOf = (i: number) => problem.units[i].touches.reduce((a, t) => a + Math.max(...t.coef) - Math.min(...t.coef), 0);
  const lateSpan = all.filter((i) => specDrivers[i].length === 0 && small(i)).reduce((a, i) => a + spanOf(i), 0);
  const refIndex = new Map(ref.map((d, j) => [d, j]));
  const split = chooseSplit({
    drivers: dependent.map((i) => specDrivers[i].map((d) => refIndex.get(d)!)),
    span: dependent.map(spanOf),
    forcedBack: dependent.map(small),
    lateSpan,
    earlySpan: 0,
  });
  const isBack = problem.units.map(() => false);
  dependent.forEach((i, k) => (isBack[i] = split.back[k]));
  // Each side enumerates the drivers its units name, most used (on that side) first.
  const sideDrivers = (back: boolean) => {
    const count = new Map<string, number>();
    for (const i of dependent) if (isBack[i] === back) for (const d of specDrivers[i]) count.set(d, (count.get(d) ?? 0) + 1);
    return [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || idOf.get(a)! - idOf.get(b)!);
  };
  const frontDrivers = sideDrivers(false);
  const backDrivers = sideDrivers(true);
  const depth = (list: string[]) => new Map(list.map((d, j) => [d, j]));
  const fDepth = depth(frontDrivers);
  const bDepth = depth(backDrivers);
  const batch = (i: number) => {
    const ds = specDrivers[i];
    if (ds.length === 0) return -1;
    return isBack[i] ? Math.max(...ds.map((d) => bDepth.get(d)!)) : Math.max(...ds.map((d) => fDepth.get(d)!));
  };
  const batchOf = problem.units.map((_, i) => (touched(i) ? batch(i) : -1));
  const front = all.filter((i) => specDrivers[i].length > 0 && !isBack[i]).sort((a, b) => batchOf[a] - batchOf[b] || a - b);
  // Back units run backwards from the end: the first back driver's units sit last.
  const back = all.filter((i) => isBack[i]).sort((a, b) => batchOf[b] - batchOf[a] || b - a);
  // Stages with driver-dependent units stay open through the independent block. Those that can close
  // there go first, smallest first (as orderUnits does); the others follow, largest first. Independent
  // units of a small open stage go after the back units, folded once into the back's starting values.
  const openStage = new Set(all.filter((i) => specDrivers[i].length > 0).flatMap((i) => problem.units[i].stages));
  const independentCount = new Array<number>(problem.stages.length).fill(0);
  for (const i of all) if (specDrivers[i].length === 0) for (const st of problem.units[i].stages) independentCount[st]++;
  const lateUnit = (i: number) => problem.units[i].stages.some((st) => openStage.has(st) && stageSize[st] < largest);
  const rank = (i: number): number => {
    const stages = problem.units[i].stages;
    const open = stages.filter((st) => openStage.has(st));
    if (open.length === 0) return Math.min(...stages.map((st) => independentCount[st] * 1000 + st));
    return 1e9 - Math.min(...open.map((st) => independentCount[st] * 1000 + st));
  };
  const rankOf = problem.units.map((_, i) => (specDrivers[i].length === 0 && touched(i) ? rank(i) : 0));
  const independent = all.filter((i) => specDrivers[i].length === 0).sort((a, b) => rankOf[a] - rankOf[b] || a - b);
  const early = independent.filter((i) => !lateUnit(i));
  const late = independent.filter(lateUnit);
  const order = [...early, ...front, ...back, ...late];
  const plan = cachedPlan(plans, problem, order);
  const nI = early.length;
  const mid = nI + front.length;
  const end = mid + back.length;
  const frontEnds = frontDrivers.map((_, j) => nI + front.filter((u) => batchOf[u] <= j).length);
  const backStarts = backDrivers.map((_, j) => end - back.filter((u) => batchOf[u] <= j).length);

  const dists = unitDists(problem, setup, {});
  /**
   * One side's vectors at the meeting layer, one per assignment of its drivers (row `bits` of the
   * returned block, each of the meeting layer's width): depth-first from the side's own end (`origin`,
   * holding `initial`), the j-th driver's units lying between the current layer and bounds[j]. `fold`
   * carries a vector from one layer to another (forward for the front, backward for the back), into a
   * given buffer. Each depth needs one vector at a time, so its buffer serves every sibling; the
   * leaves go straight into the block (one allocation per side, not one per assignment).
   */
  const width = plan.sizes[mid];
  const side = (
    drivers: string[],
    bounds: number[],
    origin: number,
    initial: Float64Array,
    fold: (at: number, next: number, v: Float64Array, into: Float64Array) => Float64Array,
  ): Float64Array => {
    const out = new Float64Array(2 ** drivers.length * width);
    const buffers = bounds.map((e) => new Float64Array(plan.sizes[e]));
    const a: Assignment = {};
    const go = (j: number, at: number, v: Float64Array, bits: number) => {
      if (j === drivers.length) {
        if (at === mid) out.set(v, bits * width);
        else fold(at, mid, v, out.subarray(bits * width, (bits + 1) * width));
        return;
      }
      for (const value of [true, false]) {
        a[drivers[j]] = value;
        for (let k = Math.min(at, bounds[j]); k < Math.max(at, bounds[j]); k++) dists[order[k]] = unitDist(problem, setup, order[k], a);
        go(j + 1, bounds[j], fold(at, bounds[j], v, buffers[j]), value ? bits | (1 << j) : bits);
      }
    };
    go(0, origin, initial, 0);
    return out;
  };
  const start = forward(plan, 0, nI, initialLayer(plan), dists);
  const fronts = side(frontDrivers, frontEnds, nI, start, (at, next, v, into) => forward(plan, at, next, v, dists, into));
  const tail = backward(plan, end, order.length, Float64Array.of(1), dists);
  const backs = side(backDrivers, backStarts, end, tail, (at, next, v, into) => backward(plan, next, at, v, dists, into));

  // Every driver the table depends on is a front or a back driver, so each row is one (front, back)
  // pair that agree on the drivers both sides name.
  const spread = (drivers: string[]) =>
    Int32Array.from({ length: 2 ** drivers.length }, (_, x) => drivers.reduce((r, d, j) => r | (((x >> j) & 1) << ref.indexOf(d)), 0));
  const table = new Float64Array(2 ** ref.length);
  meetShared(fronts, backs, width, spread(frontDrivers), spread(backDrivers), frontDrivers, backDrivers, ref, table);
  return { drivers: ref.map((d) => idOf.get(d)!), table };
}

/**
 * Spreads a table over some drivers to every assignment of `space` (indices into the case's drivers;
 * bit j of a row is space[j]), which must contain the table's drivers.
 */
export function expand(t: PassTable, space: number[]): Float64Array {
  const bit = t.drivers.map((d) => space.indexOf(d));
  if (bit.some((b) => b < 0)) throw new Error('expand: the space lacks a driver the table depends on');
  // The table's bit of each bit of the space (0 for drivers the table ignores); a row's table row is
  // the row without its lowest bit, plus that bit's image.
  const image = new Int32Array(space.length);
  bit.forEach((b, j) => (image[b] = 1 << j));
  const out = new Float64Array(2 ** space.length);
  const row = new Int32Array(out.length);
  out[0] = t.table[0];
  for (let d = 1; d < out.length; d++) {
    const low = d & -d;
    row[d] = row[d ^ low] | image[31 - Math.clz32(low)];
    out[d] = t.table[row[d]];
  }
  return out;
}

/**
 * The meeting of fronts and backs (rows of `width` in one block each) whose drivers overlap: pairs are
 * grouped by the assignment of the shared drivers, and each group is an all-pairs meeting.
 */
function meetShared(
  fronts: Float64Array,
  backs: Float64Array,
  width: number,
  fRow: Int32Array,
  bRow: Int32Array,
  frontDrivers: string[],
  backDrivers: string[],
  ref: string[],
  table: Float64Array,
): void {
  let shared = 0;
  for (const d of frontDrivers) if (backDrivers.includes(d)) shared |= 1 << ref.indexOf(d);
  const groups = new Map<number, { f: number[]; b: number[] }>();
  const group = (key: number) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { f: [], b: [] }));
    return g;
  };
  for (let f = 0; f < fRow.length; f++) group(fRow[f] & shared).f.push(f);
  for (let b = 0; b < bRow.length; b++) group(bRow[b] & shared).b.push(b);
  for (const g of groups.values()) meetTable(fronts, Int32Array.from(g.f), backs, Int32Array.from(g.b), width, fRow, bRow, table);
}
