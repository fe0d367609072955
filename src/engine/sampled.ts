// The session's questions answered from sampled driver assignments (sampler.ts), for cases with more
// drivers than the exact tables can range over. Every answer is an estimate and says so: the session
// reports `method: {kind: 'monte-carlo', samples, standardError, …}` beside it.
import { type Assignment, parentsOf } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import type { DriverPlan, DriverSetting } from './driver-plan.ts';
import type { PlanCache } from './plan.ts';
import { type Draw, drawAssignments, drawPool, type Estimate, estimate, evaluated, evaluateMore, makeSampler, type Pool, SAMPLES, type Sampler } from './sampler.ts';
import { sensitivityBy, type SensitivityRow } from './sensitivity.ts';
import { type CaseSetup, type Dist, distUnder, driversOf, estimatedFactor, type Unit } from './setup.ts';

const SEED = 20240601;
/** Pools kept per session, besides the unset one (one per driver setting asked about). */
const POOLS = 64;
/** Fewest agreeing draws of the unset pool that answer for a setting (standard error at most ≈ 0.025). */
const MIN_KEPT = 400;

export interface MonteCarloMethod {
  kind: 'monte-carlo';
  /** How many drivers bear on the case (more than the exact tables range over). */
  drivers: number;
  samples: number;
  /** Standard error of P(admission), and of each stage's P. */
  standardError: number;
  stageStandardErrors: Record<string, number>;
  seed: number;
}

export interface Sampled {
  probability(set: Assignment): number;
  stageProbabilities(set: Assignment): Record<string, number>;
  sensitivity(set: Assignment): SensitivityRow[];
  driverPlan(set: Assignment): DriverPlan;
  unitDist(set: Assignment, unit: Unit): Dist;
  method(set: Assignment): MonteCarloMethod;
  /**
   * The same answers from the samples evaluated so far, evaluating none (a page paints these at once
   * and refines): a sensitivity value whose samples are not evaluated yet is NaN. Once `refine`
   * returns 0 they are exactly the answers above.
   */
  partial(set: Assignment): PartialAnswers;
  /**
   * Evaluates up to `samples` more sampled assignments toward the answers under `set` — its own
   * pool first, then (scope 'all') the pools its sensitivity reads — and returns how many remain.
   */
  refine(set: Assignment, samples: number, scope?: RefineScope): number;
}

/** What `refine` works toward: every answer under the setting, or only its own pool (P, stages, plan). */
export type RefineScope = 'all' | 'setting';

export interface PartialAnswers {
  probability: number;
  stageProbabilities: Record<string, number>;
  sensitivity: SensitivityRow[];
  driverPlan: DriverPlan;
  /** `samples`: those of the setting's own pool evaluated so far. */
  method: MonteCarloMethod;
  /** Samples still to evaluate before these are the complete answers (0: they are). */
  remaining: number;
}

/** Samples every pool a setting reads gets before any of them is completed (a first look at each row). */
const FIRST_LOOK = 256;
/** What drawing a pool's assignments counts for in a refine budget (in samples evaluated). */
const DRAW_COST = 8;

export function sampled(setup: CaseSetup, drivers: DriverData[], plans: PlanCache): Sampled {
  const sampler = makeSampler(setup, drivers, plans);
  const factor = estimatedFactor(setup);
  const k = sampler.drivers.length;
  const column = new Map(sampler.drivers.map((d, j) => [d.id, j]));
  // The sampler ranges over the drivers that bear on the case and every driver connected to them
  // (a descendant set true makes its ancestors likelier: its draws are weighted or restricted like
  // any other). A set driver outside those shares no ancestor with them, so it is dropped before a
  // pool is looked up: setting it neither draws a new pool (seconds) nor changes a number, and its
  // sensitivity is exactly 0.
  const own = (set: Assignment): Assignment => Object.fromEntries(Object.entries(set).filter(([id]) => column.has(id)));
  /** A setting's key: the sampled drivers it sets, in the sampler's order. */
  const keyOf = (set: Assignment): string => {
    let key = '';
    for (const d of sampler.drivers) if (d.id in set) key += `${d.id}=${set[d.id] ? 1 : 0};`;
    return key;
  };
  const draws = new Map<string, Draw>();
  let base: Pool | undefined;
  /** The draw for a setting: made on first use (its assignments only; evaluating them is the cost). */
  const drawFor = (all: Assignment): Draw => {
    const set = own(all);
    const key = keyOf(set);
    let d = draws.get(key);
    if (d) {
      // Most recently used last, so the oldest goes first.
      draws.delete(key);
      draws.set(key, d);
      return d;
    }
    base ??= drawPool(sampler, {}, SAMPLES, SEED);
    if (key === '') d = complete(base);
    else {
      // The draws of the unset pool that agree with the setting are draws given it (rejection
      // sampling): when enough of them agree, a toggle re-reads those instead of drawing anew (a new
      // pool costs seconds; this costs a pass over the samples). Too few (an unlikely setting): a
      // likelihood-weighted pool of its own.
      const kept = restrict(base, k, Object.entries(set).map(([id, v]) => ({ j: column.get(id)!, v: v ? 1 : 0 })));
      d = kept.n >= MIN_KEPT ? complete(kept) : drawAssignments(sampler, set, SAMPLES, SEED);
    }
    if (draws.size >= POOLS) draws.delete(draws.keys().next().value!);
    draws.set(key, d);
    return d;
  };
  /** Every sample of the setting's pool evaluated (the complete answers). */
  const full = (all: Assignment): Pool => {
    const d = drawFor(all);
    evaluateMore(sampler, d, d.all.n - d.done);
    return d.all;
  };
  /** The samples evaluated so far; undefined when none are (or the setting's pool is not made yet). */
  const sofar = (all: Assignment): Pool | undefined => {
    const d = draws.get(keyOf(all));
    return d && d.done > 0 ? evaluated(d) : undefined;
  };
  const exact = answers(full);
  const rough = answers(sofar);

  /** The settings whose pools the answers under `set` read, its own first (its own pool evaluated). */
  const readsOf = new Map<string, Assignment[]>();
  const reads = (set: Assignment): Assignment[] => {
    const key = keyOf(set);
    let out = readsOf.get(key);
    if (out) return out;
    out = [set];
    const mine = own(set);
    const pool = full(set);
    for (const d of setup.case.drivers) {
      if (!column.has(d.id)) continue;
      for (const v of [true, false]) {
        if (d.id in mine ? mine[d.id] === v : estimate(pool, pool.admission, keep(pool, column.get(d.id)!, v)).effective >= 30) continue;
        const others: Assignment = { ...mine };
        delete others[d.id];
        out.push({ ...others, [d.id]: v });
      }
    }
    if (readsOf.size >= POOLS) readsOf.delete(readsOf.keys().next().value!);
    readsOf.set(key, out);
    return out;
  };
  const left = (d: Draw | undefined) => (d ? d.all.n - d.done : SAMPLES);

  return {
    ...exact,
    unitDist(set, unit) {
      const names = driversOf(unit.spec).filter((d) => column.has(d));
      if (names.length === 0) return distUnder(unit.spec, {});
      // The samples' weight by the values of the unit's few drivers, then one distribution per value
      // (the assignments and weights are drawn at once: nothing to evaluate).
      const pool = drawFor(set).all;
      const cols = names.map((d) => column.get(d)!);
      const mass = new Float64Array(1 << cols.length);
      for (let i = 0; i < pool.n; i++) {
        let x = 0;
        for (let b = 0; b < cols.length; b++) x |= pool.values[i * k + cols[b]] << b;
        mass[x] += pool.weights[i];
      }
      const out: Dist = { yes: 0, no: 0, abstain: 0, absent: 0 };
      let sw = 0;
      mass.forEach((w, x) => {
        if (w === 0) return;
        const a: Assignment = Object.fromEntries(names.map((d, b) => [d, ((x >> b) & 1) === 1]));
        const dist = distUnder(unit.spec, a);
        sw += w;
        out.yes += w * dist.yes;
        out.no += w * dist.no;
        out.abstain += w * dist.abstain;
        out.absent += w * dist.absent;
      });
      return { yes: out.yes / sw, no: out.no / sw, abstain: out.abstain / sw, absent: out.absent / sw };
    },
    partial(set) {
      const d = drawFor(set);
      const remaining = d.done < d.all.n ? left(d) + SAMPLES : reads(set).reduce((n, a) => n + left(draws.get(keyOf(a))), 0);
      return {
        probability: rough.probability(set),
        stageProbabilities: rough.stageProbabilities(set),
        sensitivity: rough.sensitivity(set),
        driverPlan: rough.driverPlan(set),
        method: rough.method(set),
        remaining,
      };
    },
    refine(set, samples, scope = 'all') {
      let budget = samples;
      const step = (d: Draw, upto: number) => {
        const m = Math.min(budget, upto - d.done);
        if (m <= 0) return;
        evaluateMore(sampler, d, m);
        budget -= m;
      };
      const mine = drawFor(set);
      step(mine, mine.all.n);
      if (scope === 'setting') return left(mine);
      if (mine.done < mine.all.n) return left(mine) + SAMPLES;
      // Then every pool the sensitivity reads: a first look at each, then each completed. Drawing a
      // pool's assignments costs about as much as evaluating a step of samples, and is counted so.
      const others = reads(set).slice(1);
      for (const upto of [FIRST_LOOK, SAMPLES]) {
        for (const a of others) {
          if (budget <= 0) break;
          let d = draws.get(keyOf(a));
          if (!d) {
            d = drawFor(a);
            budget -= DRAW_COST;
          }
          step(d, Math.min(d.all.n, upto));
        }
      }
      return others.reduce((n, a) => n + left(draws.get(keyOf(a))), 0);
    },
  };

  /** The answers, each from the pools `read` gives (complete, or as evaluated so far). */
  function answers(read: (set: Assignment) => Pool | undefined) {
    /** P(admission | set and, when given, driver j = v) from set's pool (j unset there). */
    const admission = (set: Assignment, j?: number, v?: boolean): Estimate => {
      const pool = read(set);
      if (!pool) return { p: NaN, se: NaN, effective: 0 };
      return estimate(pool, pool.admission, j === undefined ? undefined : keep(pool, j, v!));
    };
    const given = (all: Assignment) => (some: Assignment): number => {
      const base = own(all);
      const a = own(some);
      // One more driver than the base setting, unset there: restrict the base's pool to it.
      const extra = Object.keys(a).filter((id) => !(id in base));
      const same = Object.keys(base).every((id) => a[id] === base[id]);
      if (same && extra.length === 1 && column.has(extra[0])) {
        const e = admission(base, column.get(extra[0]), a[extra[0]]);
        if (e.effective >= 30) return factor * e.p;
      }
      return factor * admission(a).p;
    };
    return {
      probability: (set: Assignment) => factor * admission(set).p,
      stageProbabilities(set: Assignment) {
        const pool = read(set);
        const out: Record<string, number> = {};
        for (const st of setup.stages) {
          const values = pool?.stages.get(st.stage.id);
          out[st.stage.id] = !st.applies ? 1 : !pool ? NaN : values ? estimate(pool, values).p : (st.estimate?.p ?? 0);
        }
        return out;
      },
      sensitivity: (set: Assignment) => sensitivityBy(setup.case.drivers, given(set), set),
      driverPlan: (set: Assignment) => greedyPlan(sampler, read(set) ?? emptyPool(), own(set), factor),
      method(set: Assignment): MonteCarloMethod {
        const pool = read(set) ?? emptyPool();
        const stageStandardErrors: Record<string, number> = {};
        for (const [id, values] of pool.stages) stageStandardErrors[id] = estimate(pool, values).se;
        return { kind: 'monte-carlo', drivers: counted(sampler, own(set)), samples: pool.n, standardError: factor * admission(set).se, stageStandardErrors, seed: SEED };
      },
    };
  }
}

/** Whether sample i of a pool has driver j = v. */
function keep(pool: Pool, j: number, v: boolean): (i: number) => boolean {
  const k = pool.n === 0 ? 0 : pool.values.length / pool.n;
  return (i) => pool.values[i * k + j] === (v ? 1 : 0);
}

function emptyPool(): Pool {
  return { n: 0, values: new Uint8Array(0), weights: new Float64Array(0), admission: new Float64Array(0), stages: new Map() };
}

/** A pool already evaluated, as a draw with nothing left to do. */
function complete(pool: Pool): Draw {
  return { all: pool, done: pool.n, memo: new Map(), dists: new Map() };
}

/**
 * The driver plan from a pool: settings added one at a time (the one raising the estimate most), each
 * estimate from the samples that agree with the settings so far; it stops at the target, when nothing
 * helps, or when too few samples remain to tell.
 */
function greedyPlan(sampler: Sampler, pool: Pool, set: Assignment, factor: number, target = 0.5): DriverPlan {
  const { drivers } = sampler;
  const k = drivers.length;
  const chosen: Array<{ j: number; v: number }> = [];
  // Samples agreeing with the settings chosen so far; per step one pass sums, for every driver and
  // value, the weights (w, w², w·P) of the agreeing samples that also take that value.
  const agree = new Uint8Array(pool.n).fill(1);
  let p = factor * estimate(pool, pool.admission).p;
  while (p < target) {
    const sw = new Float64Array(2 * k);
    const sw2 = new Float64Array(2 * k);
    const swp = new Float64Array(2 * k);
    for (let i = 0; i < pool.n; i++) {
      const w = pool.weights[i];
      if (!agree[i] || w === 0) continue;
      const wp = w * pool.admission[i];
      for (let j = 0; j < k; j++) {
        const c = 2 * j + pool.values[i * k + j];
        sw[c] += w;
        sw2[c] += w * w;
        swp[c] += wp;
      }
    }
    let best: { j: number; v: number; p: number } | undefined;
    for (let j = 0; j < k; j++) {
      // Settings are proposed among the drivers that bear on the case, as the exact plan does.
      if (!sampler.bearing[j] || drivers[j].id in set || chosen.some((c) => c.j === j)) continue;
      for (const v of [1, 0]) {
        const c = 2 * j + v;
        // Too few agreeing samples (effective size below 100) to tell.
        if (sw[c] === 0 || (sw[c] * sw[c]) / sw2[c] < 100) continue;
        const q = factor * Math.min(1, Math.max(0, swp[c] / sw[c]));
        if (q > (best?.p ?? p) + 1e-9) best = { j, v, p: q };
      }
    }
    if (!best) break;
    chosen.push(best);
    for (let i = 0; i < pool.n; i++) if (pool.values[i * k + best.j] !== best.v) agree[i] = 0;
    p = best.p;
  }
  const settings: DriverSetting[] = chosen.map((c) => ({ driver: drivers[c.j].id, name: drivers[c.j].name, value: c.v === 1 }));
  return { settings, probability: p, target, reached: p >= target, exhaustive: false };
}

/** How many drivers bear on an answer: those that bear on the case, and the set ones with their ancestors. */
function counted(sampler: Sampler, set: Assignment): number {
  const byId = new Map(sampler.drivers.map((d) => [d.id, d]));
  const seen = new Set(sampler.drivers.filter((_, j) => sampler.bearing[j]).map((d) => d.id));
  const stack = Object.keys(set).filter((id) => !seen.has(id));
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...parentsOf(byId.get(id)!).filter((p) => byId.has(p)));
  }
  return seen.size;
}

/** The samples of a pool whose drivers take the given values, as a pool of their own. */
function restrict(pool: Pool, k: number, fixed: Array<{ j: number; v: number }>): Pool {
  const keep: number[] = [];
  for (let i = 0; i < pool.n; i++) if (pool.weights[i] > 0 && fixed.every((f) => pool.values[i * k + f.j] === f.v)) keep.push(i);
  const values = new Uint8Array(keep.length * k);
  keep.forEach((i, x) => values.set(pool.values.subarray(i * k, (i + 1) * k), x * k));
  const pick = (a: Float64Array) => Float64Array.from(keep, (i) => a[i]);
  return {
    n: keep.length,
    values,
    weights: pick(pool.weights),
    admission: pick(pool.admission),
    stages: new Map([...pool.stages].map(([id, a]) => [id, pick(a)])),
  };
}
