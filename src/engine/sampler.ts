// The labelled approximation beyond exact enumeration: when more drivers bear on a case than the
// exact tables can range over (2^MAX_DRIVERS rows), driver assignments are sampled from their joint
// distribution given the set drivers, and for each sample P(pass | d) is computed exactly by the same
// dynamic program (Rao–Blackwellisation: only the drivers are sampled, never the votes, so the
// variance is that of P(pass | d) across driver assignments, far below that of sampled ballots).
// Estimates come with their standard errors; the session reports the method with every number.
import { type Assignment, parentsOf, topologicalOrder } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import { EngineError } from './constraints.ts';
import { cachedPlan, type Plan, type PlanCache } from './plan.ts';
import { buildProblem, modeledStages, type Problem, unitDist, unitDists } from './problem.ts';
import { rng } from './random.ts';
import { type CaseSetup, driversOf } from './setup.ts';
import { backward, forward, initialLayer } from './walk.ts';

/** Samples per pool: the standard error of P(admission) is then about 0.5/√4000 ≈ 0.008 at worst. */
export const SAMPLES = 4000;

/** One problem (the whole procedure, or one stage) set up for repeated evaluation under drivers. */
interface Evaluator {
  problem: Problem;
  plan: Plan;
  /** Layers where the driver-dependent units start and end. */
  from: number;
  to: number;
  /** The distribution after the independent units before `from`, and the values after `to`. */
  start: Float64Array;
  tail: Float64Array;
  /** Positions (into plan.order) of the driver-dependent units. */
  dependent: number[];
}

export interface Sampler {
  setup: CaseSetup;
  /**
   * The drivers sampled, parents first: those that bear on the case (named by a stance, or an
   * ancestor of one) and every driver connected to them through the network (descendants, their
   * other parents, …), since setting any of those conditions the bearing ones.
   */
  drivers: DriverData[];
  /** Whether each of `drivers` bears on the case (only those change P(pass | d)). */
  bearing: boolean[];
  admission: Evaluator;
  stages: Map<string, Evaluator>;
}

/** A set of sampled driver assignments with their weights and P(pass | d) for each. */
export interface Pool {
  n: number;
  /** values[i * k + j]: driver j of sample i (1 true). */
  values: Uint8Array;
  weights: Float64Array;
  admission: Float64Array;
  stages: Map<string, Float64Array>;
}

export interface Estimate {
  p: number;
  se: number;
  /** The weight-equivalent number of samples behind the estimate. */
  effective: number;
}

function evaluator(setup: CaseSetup, problem: Problem, plans: PlanCache): Evaluator {
  const depends = problem.units.map((u) => driversOf(setup.units[u.source].spec).length > 0);
  const touched = problem.units.map((_, i) => i).filter((i) => problem.units[i].touches.length > 0);
  // Independent units first, grouped so their stages close early (smallest stage first), then the
  // dependent ones: each sample folds only those.
  const size = new Array<number>(problem.stages.length).fill(0);
  for (const i of touched) for (const s of problem.units[i].stages) size[s]++;
  const rank = (i: number) => Math.min(...problem.units[i].stages.map((s) => size[s] * 1000 + s));
  const independent = touched.filter((i) => !depends[i]).sort((a, b) => rank(a) - rank(b) || a - b);
  const dependent = touched.filter((i) => depends[i]).sort((a, b) => rank(b) - rank(a) || a - b);
  const order = [...independent, ...dependent];
  const plan = cachedPlan(plans, problem, order);
  const dists = unitDists(problem, setup, {});
  const from = independent.length;
  return {
    problem,
    plan,
    from,
    to: order.length,
    start: forward(plan, 0, from, initialLayer(plan), dists),
    tail: Float64Array.of(1),
    dependent: dependent.map((_, j) => from + j),
  };
}

/**
 * The drivers connected to `bearing` through the network, edges taken either way: a driver outside
 * them shares no ancestor with any of them whatever is set, so setting it changes nothing here.
 */
export function connectedDrivers(all: DriverData[], bearing: DriverData[]): DriverData[] {
  const next = new Map<string, string[]>(all.map((d) => [d.id, []]));
  for (const d of all) {
    for (const p of parentsOf(d)) {
      if (!next.has(p)) continue;
      next.get(p)!.push(d.id);
      next.get(d.id)!.push(p);
    }
  }
  const seen = new Set(bearing.map((d) => d.id));
  const stack = [...seen];
  while (stack.length) {
    for (const id of next.get(stack.pop()!) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(id);
    }
  }
  return all.filter((d) => seen.has(d.id));
}

/** A sampler over `bearing` (the drivers that bear on the case) and the drivers connected to them. */
export function makeSampler(setup: CaseSetup, bearing: DriverData[], plans: PlanCache): Sampler {
  const sorted = topologicalOrder(connectedDrivers(setup.case.drivers, bearing));
  if ('cycle' in sorted) throw new EngineError(`drivers form a cycle: ${sorted.cycle.join(' → ')}`);
  const bears = new Set(bearing.map((d) => d.id));
  const modeled = modeledStages(setup);
  const admission = evaluator(setup, buildProblem(setup, modeled, 'seat'), plans);
  const stages = new Map<string, Evaluator>();
  for (const s of modeled) stages.set(s.stage.id, modeled.length === 1 ? admission : evaluator(setup, buildProblem(setup, [s], 'seat'), plans));
  return { setup, drivers: sorted.order, bearing: sorted.order.map((d) => bears.has(d.id)), admission, stages };
}

/** P(pass | a) for one problem under one driver assignment. */
function passGiven(s: Sampler, e: Evaluator, a: Assignment, dists: Float64Array[]): number {
  const { plan } = e;
  for (const k of e.dependent) dists[plan.order[k]] = unitDist(e.problem, s.setup, plan.order[k], a);
  const end = forward(plan, e.from, e.to, e.start, dists);
  const tail = e.to === plan.order.length ? e.tail : backward(plan, e.to, plan.order.length, e.tail, dists);
  let p = 0;
  for (let i = 0; i < end.length; i++) p += end[i] * tail[i];
  return p;
}

/**
 * A pool being evaluated: its `n` assignments and weights are drawn at once (cheap), P(pass | d) is
 * computed for a prefix of them at a time (`evaluateMore`), so a page can answer from the first
 * samples and refine; once `done` reaches `n` it is the pool `drawPool` returns.
 */
export interface Draw {
  /** The whole arrays; only the first `done` entries of admission and stages are computed. */
  all: Pool;
  done: number;
  /** P(pass | d) by the bearing drivers' values, for samples that repeat them (few drivers, or set ones). */
  memo: Map<string, number[]>;
  dists: Map<Evaluator, Float64Array[]>;
}

/**
 * `n` assignments drawn parents first, the set drivers taking their set value and weighting the
 * sample by its probability (likelihood weighting: the weighted samples follow the distribution
 * given the setting). When the setting is impossible, the set drivers are forced instead, as the
 * exact engine does. Seeded from `seed`, so the same question gets the same numbers.
 */
export function drawPool(s: Sampler, set: Assignment, n: number, seed: number): Pool {
  const d = drawAssignments(s, set, n, seed);
  evaluateMore(s, d, n);
  return d.all;
}

/** The assignments and weights of `drawPool`, nothing evaluated yet. */
export function drawAssignments(s: Sampler, set: Assignment, n: number, seed: number): Draw {
  const k = s.drivers.length;
  const random = rng(seed);
  const values = new Uint8Array(n * k);
  const weights = new Float64Array(n);
  const rules = compiledRules(s.drivers);
  // Per driver: -1 unset (drawn), else the value it is set to.
  const fixed = s.drivers.map((d) => (d.id in set ? (set[d.id] ? 1 : 0) : -1));
  const draw = (forced: boolean) => {
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let w = 1;
      for (let j = 0; j < k; j++) {
        const pt = rules[j](values, row);
        let v: number;
        if (fixed[j] >= 0) {
          v = fixed[j];
          if (!forced) w *= v ? pt : 1 - pt;
        } else v = random() < pt ? 1 : 0;
        values[row + j] = v;
      }
      weights[i] = w;
    }
  };
  draw(false);
  if (weights.every((w) => w === 0)) draw(true);
  const stages = new Map<string, Float64Array>();
  for (const id of s.stages.keys()) stages.set(id, new Float64Array(n));
  return { all: { n, values, weights, admission: new Float64Array(n), stages }, done: 0, memo: new Map(), dists: new Map() };
}

/**
 * Each driver's P(true | its parents) as a function of a sample's row of values (parents come first
 * in the sampler's order, so they are drawn already): `conditionalP` over column indices instead of an
 * assignment object, for the thousands of draws of a pool. A condition on a driver outside the
 * sampler never holds (as in `conditionalP`, where it is undefined in the assignment).
 */
function compiledRules(drivers: DriverData[]): Array<(values: Uint8Array, row: number) => number> {
  const column = new Map(drivers.map((d, j) => [d.id, j]));
  return drivers.map((d) => {
    const given = (d.given ?? []).map((g) => ({
      when: Object.entries(g.when).map(([id, v]) => ({ j: column.get(id) ?? -1, v: v ? 1 : 0 })),
      p: g.p,
    }));
    if (given.length === 0) return () => d.p;
    return (values, row) => {
      for (const g of given) if (g.when.every((c) => c.j >= 0 && values[row + c.j] === c.v)) return g.p;
      return d.p;
    };
  });
}

/** Computes P(pass | d) for up to `count` more samples of a draw; returns how many remain. */
export function evaluateMore(s: Sampler, d: Draw, count: number): number {
  const { n, values, weights } = d.all;
  const k = s.drivers.length;
  const evaluators = [s.admission, ...s.stages.values()];
  const out = [d.all.admission, ...d.all.stages.values()];
  // P(pass | d) depends only on the bearing drivers: samples that agree on those share one computation.
  const keyed = s.drivers.map((_, j) => j).filter((j) => s.bearing[j]);
  const a: Assignment = {};
  const end = Math.min(n, d.done + Math.max(0, count));
  for (let i = d.done; i < end; i++) {
    if (weights[i] === 0) continue;
    let key = '';
    for (const j of keyed) key += values[i * k + j];
    let ps = d.memo.get(key);
    if (!ps) {
      s.drivers.forEach((dr, j) => (a[dr.id] = values[i * k + j] === 1));
      ps = evaluators.map((e) => {
        let ds = d.dists.get(e);
        if (!ds) d.dists.set(e, (ds = unitDists(e.problem, s.setup, {})));
        return passGiven(s, e, a, ds);
      });
      d.memo.set(key, ps);
    }
    ps.forEach((p, x) => (out[x][i] = p));
  }
  d.done = end;
  return n - end;
}

/** The samples of a draw evaluated so far, as a pool (views on the draw's arrays, nothing copied). */
export function evaluated(d: Draw): Pool {
  const { all, done } = d;
  if (done === all.n) return all;
  const k = all.n === 0 ? 0 : all.values.length / all.n;
  return {
    n: done,
    values: all.values.subarray(0, done * k),
    weights: all.weights.subarray(0, done),
    admission: all.admission.subarray(0, done),
    stages: new Map([...all.stages].map(([id, v]) => [id, v.subarray(0, done)])),
  };
}

/**
 * The weighted mean of `values` over the samples that `keep` accepts (all by default), its standard
 * error (the self-normalized estimator's, by the delta method) and the effective sample size.
 */
export function estimate(pool: Pool, values: Float64Array, keep?: (i: number) => boolean): Estimate {
  let sw = 0;
  let swp = 0;
  let sw2 = 0;
  for (let i = 0; i < pool.n; i++) {
    const w = pool.weights[i];
    if (w === 0 || (keep && !keep(i))) continue;
    sw += w;
    swp += w * values[i];
    sw2 += w * w;
  }
  if (sw === 0) return { p: NaN, se: NaN, effective: 0 };
  const p = swp / sw;
  let v = 0;
  for (let i = 0; i < pool.n; i++) {
    const w = pool.weights[i];
    if (w === 0 || (keep && !keep(i))) continue;
    v += w * w * (values[i] - p) ** 2;
  }
  return { p: Math.min(1, Math.max(0, p)), se: Math.sqrt(v) / sw, effective: (sw * sw) / sw2 };
}
