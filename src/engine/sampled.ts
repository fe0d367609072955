// The session's questions answered from sampled driver assignments (sampler.ts), for cases with more
// drivers than the exact tables can range over. Every answer is an estimate and says so: the session
// reports `method: {kind: 'monte-carlo', samples, standardError, …}` beside it.
import type { Assignment } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import type { DriverPlan, DriverSetting } from './driver-plan.ts';
import type { PlanCache } from './plan.ts';
import { drawPool, type Estimate, estimate, makeSampler, type Pool, SAMPLES } from './sampler.ts';
import { sensitivityBy, type SensitivityRow } from './sensitivity.ts';
import { type CaseSetup, type Dist, distUnder, driversOf, estimatedFactor, type Unit } from './setup.ts';

const SEED = 20240601;
/** Pools kept per session (one per driver setting asked about, and one per set driver flipped). */
const POOLS = 16;

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
}

export function sampled(setup: CaseSetup, drivers: DriverData[], plans: PlanCache): Sampled {
  const sampler = makeSampler(setup, drivers, plans);
  const factor = estimatedFactor(setup);
  const k = sampler.drivers.length;
  const column = new Map(sampler.drivers.map((d, j) => [d.id, j]));
  // A set driver the sampler does not range over bears on nothing it samples (the sampler ignores
  // it), so it is dropped before a pool is looked up: setting it neither draws a new pool (seconds)
  // nor changes a number, and its sensitivity is exactly 0.
  const own = (set: Assignment): Assignment => Object.fromEntries(Object.entries(set).filter(([id]) => column.has(id)));
  const pools = new Map<string, Pool>();
  const poolFor = (all: Assignment): Pool => {
    const set = own(all);
    const key = JSON.stringify(Object.entries(set).sort());
    let pool = pools.get(key);
    if (!pool) {
      pool = drawPool(sampler, set, SAMPLES, SEED);
      if (pools.size >= POOLS) pools.delete(pools.keys().next().value!);
      pools.set(key, pool);
    }
    return pool;
  };
  /** P(admission | set and, when given, driver j = v) from set's pool (j unset there). */
  const admission = (set: Assignment, j?: number, v?: boolean): Estimate => {
    const pool = poolFor(set);
    const keep = j === undefined ? undefined : (i: number) => pool.values[i * k + j] === (v ? 1 : 0);
    return estimate(pool, pool.admission, keep);
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
    probability: (set) => factor * admission(set).p,
    stageProbabilities(set) {
      const pool = poolFor(set);
      const out: Record<string, number> = {};
      for (const st of setup.stages) {
        const values = pool.stages.get(st.stage.id);
        out[st.stage.id] = !st.applies ? 1 : values ? estimate(pool, values).p : (st.estimate?.p ?? 0);
      }
      return out;
    },
    sensitivity: (set) => sensitivityBy(setup.case.drivers, given(set), set),
    driverPlan: (set) => greedyPlan(sampler.drivers, poolFor(set), own(set), factor),
    unitDist(set, unit) {
      const pool = poolFor(set);
      const names = driversOf(unit.spec).filter((d) => column.has(d));
      const out: Dist = { yes: 0, no: 0, abstain: 0, absent: 0 };
      let sw = 0;
      const a: Assignment = {};
      for (let i = 0; i < pool.n; i++) {
        const w = pool.weights[i];
        if (w === 0) continue;
        for (const d of names) a[d] = pool.values[i * k + column.get(d)!] === 1;
        const x = distUnder(unit.spec, a);
        sw += w;
        out.yes += w * x.yes;
        out.no += w * x.no;
        out.abstain += w * x.abstain;
        out.absent += w * x.absent;
      }
      return { yes: out.yes / sw, no: out.no / sw, abstain: out.abstain / sw, absent: out.absent / sw };
    },
    method(set) {
      const pool = poolFor(set);
      const stageStandardErrors: Record<string, number> = {};
      for (const [id, values] of pool.stages) stageStandardErrors[id] = estimate(pool, values).se;
      return { kind: 'monte-carlo', drivers: k, samples: pool.n, standardError: factor * admission(set).se, stageStandardErrors, seed: SEED };
    },
  };
}

/**
 * The driver plan from a pool: settings added one at a time (the one raising the estimate most), each
 * estimate from the samples that agree with the settings so far; it stops at the target, when nothing
 * helps, or when too few samples remain to tell.
 */
function greedyPlan(drivers: DriverData[], pool: Pool, set: Assignment, factor: number, target = 0.5): DriverPlan {
  const k = drivers.length;
  const chosen: Array<{ j: number; v: number }> = [];
  const agrees = (i: number, extra?: { j: number; v: number }) =>
    chosen.every((c) => pool.values[i * k + c.j] === c.v) && (!extra || pool.values[i * k + extra.j] === extra.v);
  let p = factor * estimate(pool, pool.admission).p;
  while (p < target) {
    let best: { j: number; v: number; p: number } | undefined;
    for (let j = 0; j < k; j++) {
      if (drivers[j].id in set || chosen.some((c) => c.j === j)) continue;
      for (const v of [1, 0]) {
        const e = estimate(pool, pool.admission, (i) => agrees(i, { j, v }));
        if (e.effective < 100) continue;
        const q = factor * e.p;
        if (q > (best?.p ?? p) + 1e-9) best = { j, v, p: q };
      }
    }
    if (!best) break;
    chosen.push(best);
    p = best.p;
  }
  const settings: DriverSetting[] = chosen.map((c) => ({ driver: drivers[c.j].id, name: drivers[c.j].name, value: c.v === 1 }));
  return { settings, probability: p, target, reached: p >= target, exhaustive: false };
}
