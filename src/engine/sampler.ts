// The labelled approximation beyond exact enumeration: when more drivers bear on a case than the
// exact tables can range over (2^MAX_DRIVERS rows), driver assignments are sampled from their joint
// distribution given the set drivers, and for each sample P(pass | d) is computed exactly by the same
// dynamic program (Rao–Blackwellisation: only the drivers are sampled, never the votes, so the
// variance is that of P(pass | d) across driver assignments, far below that of sampled ballots).
// Estimates come with their standard errors; the session reports the method with every number.
import { type Assignment, conditionalP, parentsOf, topologicalOrder } from '../model/drivers.ts';
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
 * `n` assignments drawn parents first, the set drivers taking their set value and weighting the
 * sample by its probability (likelihood weighting: the weighted samples follow the distribution
 * given the setting). When the setting is impossible, the set drivers are forced instead, as the
 * exact engine does. Seeded from `seed`, so the same question gets the same numbers.
 */
export function drawPool(s: Sampler, set: Assignment, n: number, seed: number): Pool {
  const k = s.drivers.length;
  const random = rng(seed);
  const values = new Uint8Array(n * k);
  const weights = new Float64Array(n);
  const a: Assignment = {};
  const draw = (forced: boolean) => {
    for (let i = 0; i < n; i++) {
      let w = 1;
      s.drivers.forEach((d, j) => {
        const pt = conditionalP(d, a);
        let v: boolean;
        if (d.id in set) {
          v = set[d.id];
          if (!forced) w *= v ? pt : 1 - pt;
        } else v = random() < pt;
        a[d.id] = v;
        values[i * k + j] = v ? 1 : 0;
      });
      weights[i] = w;
    }
  };
  draw(false);
  if (weights.every((w) => w === 0)) draw(true);
  const dists = new Map<Evaluator, Float64Array[]>();
  // P(pass | d) depends only on the bearing drivers: samples that agree on those share one computation.
  const memo = new Map<string, number[]>();
  const keyed = s.drivers.map((_, j) => j).filter((j) => s.bearing[j]);
  const evaluators = [s.admission, ...s.stages.values()];
  const out = evaluators.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    let key = '';
    for (const j of keyed) key += values[i * k + j];
    let ps = memo.get(key);
    if (!ps) {
      s.drivers.forEach((d, j) => (a[d.id] = values[i * k + j] === 1));
      ps = evaluators.map((e) => {
        let ds = dists.get(e);
        if (!ds) dists.set(e, (ds = unitDists(e.problem, s.setup, {})));
        return passGiven(s, e, a, ds);
      });
      memo.set(key, ps);
    }
    ps.forEach((p, x) => (out[x][i] = p));
  }
  const stages = new Map<string, Float64Array>();
  [...s.stages.keys()].forEach((id, x) => stages.set(id, out[1 + x]));
  return { n, values, weights, admission: out[0], stages };
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
