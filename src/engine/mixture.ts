// P(pass | drivers) for every assignment of the drivers that stances depend on, computed once per
// case and day, by meeting in the middle. Units are ordered [independent][front][back]: units whose
// stance ignores the drivers are folded forward once; the driver-dependent units are split between a
// "front" half (folded forward from there, depth-first over the front drivers) and a "back" half
// (folded backward from the end, depth-first over the back drivers). P(pass | d) is then the dot
// product of the front distribution for d's front drivers with the back value function for d's back
// drivers, at a layer whose window is narrow because only the back units remain after it.
import type { Assignment } from '../model/drivers.ts';
import type { CaseSetup } from './setup.ts';
import { distUnder, driversOf } from './setup.ts';
import { cachedPlan, orderUnits, type PlanCache } from './plan.ts';
import { backward, forward, initialLayer } from './walk.ts';
import type { Problem } from './problem.ts';
import { EngineError } from './constraints.ts';
import { meetTable } from './meet.ts';

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
  const none: Assignment = {};
  const dists: Float64Array[] = problem.units.map((u) => {
    const x = distUnder(setup.units[u.source].spec, none);
    return Float64Array.of(x.yes, x.no, x.abstain, x.absent);
  });
  const table = new Float64Array(2 ** ref.length);
  const a: Assignment = {};
  const rec = (j: number, from: number, layer: Float64Array, bits: number) => {
    const to = j < ref.length ? firstNeed[j] : order.length;
    for (let k = from; k < to; k++) {
      if (needs[k].length === 0) continue;
      const x = distUnder(setup.units[problem.units[order[k]].source].spec, a);
      dists[order[k]] = Float64Array.of(x.yes, x.no, x.abstain, x.absent);
    }
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
  const backSet = splitDrivers(ref, uses, new Set(ref.filter((d) => specDrivers.some((ds, i) => ds.includes(d) && small(i)))));
  const isBack = specDrivers.map((ds) => ds.length > 0 && ds.every((d) => backSet.has(d)));
  const frontDrivers = ref.filter((d) => specDrivers.some((ds, i) => !isBack[i] && ds.includes(d)));
  const backDrivers = ref.filter((d) => specDrivers.some((ds, i) => isBack[i] && ds.includes(d)));
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

  const none: Assignment = {};
  const dists: Float64Array[] = problem.units.map((u) => {
    const x = distUnder(setup.units[u.source].spec, none);
    return Float64Array.of(x.yes, x.no, x.abstain, x.absent);
  });
  const setDists = (a: Assignment, from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const u = order[k];
      const x = distUnder(setup.units[problem.units[u].source].spec, a);
      dists[u] = Float64Array.of(x.yes, x.no, x.abstain, x.absent);
    }
  };

  const start = forward(plan, 0, nI, initialLayer(plan), dists);
  // Depth-first, so each depth needs one layer at a time: its buffer is reused by the next sibling.
  const frontAt = frontEnds.map((e) => new Float64Array(plan.sizes[e]));
  const fronts: Float64Array[] = new Array(2 ** frontDrivers.length);
  const a: Assignment = {};
  const goFront = (j: number, from: number, layer: Float64Array, bits: number) => {
    if (j === frontDrivers.length) {
      fronts[bits] = from === mid ? layer.slice() : forward(plan, from, mid, layer, dists);
      return;
    }
    for (const v of [true, false]) {
      a[frontDrivers[j]] = v;
      setDists(a, from, frontEnds[j]);
      goFront(j + 1, frontEnds[j], forward(plan, from, frontEnds[j], layer, dists, frontAt[j]), v ? bits | (1 << j) : bits);
    }
  };
  goFront(0, nI, start, 0);

  const backs: Float64Array[] = new Array(2 ** backDrivers.length);
  const b: Assignment = {};
  const tail = backward(plan, end, order.length, Float64Array.of(1), dists);
  const backAt = backStarts.map((s) => new Float64Array(plan.sizes[s]));
  const goBack = (j: number, to: number, values: Float64Array, bits: number) => {
    if (j === backDrivers.length) {
      backs[bits] = to === mid ? values.slice() : backward(plan, mid, to, values, dists);
      return;
    }
    for (const v of [true, false]) {
      b[backDrivers[j]] = v;
      setDists(b, backStarts[j], to);
      goBack(j + 1, backStarts[j], backward(plan, backStarts[j], to, values, dists, backAt[j]), v ? bits | (1 << j) : bits);
    }
  };
  goBack(0, end, tail, 0);

  // Every driver the table depends on is a front or a back driver, so each row is one (front, back) pair.
  const spread = (drivers: string[]) =>
    Int32Array.from({ length: 2 ** drivers.length }, (_, x) => drivers.reduce((r, d, j) => r | (((x >> j) & 1) << ref.indexOf(d)), 0));
  const table = new Float64Array(2 ** ref.length);
  meetTable(fronts, backs, plan.sizes[mid], spread(frontDrivers), spread(backDrivers), table);
  return { drivers: ref.map((d) => idOf.get(d)!), table };
}

/**
 * Which drivers are enumerated from the back. Each side enumerates its drivers depth-first, most used
 * first, so a side costs about Σ_j 2^(j+1)·(units of its j-th driver) unit folds; `late` drivers
 * (those of small stages) must go back, and the others go, most used first, to the side where they add
 * less. With fewer than four drivers meeting in the middle saves nothing: all go front.
 */
export function splitDrivers(ref: string[], uses: Map<string, number>, late: Set<string>): Set<string> {
  if (ref.length < 4) return new Set();
  const cost = (list: string[]) =>
    [...list].sort((a, b) => uses.get(b)! - uses.get(a)!).reduce((c, d, j) => c + 2 ** (j + 1) * uses.get(d)!, 0);
  const back = ref.filter((d) => late.has(d));
  const front: string[] = [];
  for (const d of ref) {
    if (late.has(d)) continue;
    const toFront = cost([...front, d]) + cost(back);
    const toBack = cost(front) + cost([...back, d]);
    (toFront <= toBack ? front : back).push(d);
  }
  return new Set(back);
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
