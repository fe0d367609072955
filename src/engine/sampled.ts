// The session's questions answered from sampled driver assignments (sampler.ts), for cases with more
// drivers than the exact tables can range over. Every answer is an estimate and says so: the session
// reports `method: {kind: 'monte-carlo', samples, standardError, …}` beside it.
import { type Assignment, parentsOf } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import type { DriverPlan, DriverSetting } from './driver-plan.ts';
import type { PlanCache } from './plan.ts';
import { drawPool, type Estimate, estimate, makeSampler, type Pool, SAMPLES, type Sampler } from './sampler.ts';
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
}

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
  const pools = new Map<string, Pool>();
  let base: Pool | undefined;
  const poolFor = (all: Assignment): Pool => {
    const set = own(all);
    const key = JSON.stringify(Object.entries(set).sort());
    let pool = pools.get(key);
    if (pool) return pool;
    base ??= drawPool(sampler, {}, SAMPLES, SEED);
    if (key === '[]') pool = base;
    else {
      // The draws of the unset pool that agree with the setting are draws given it (rejection
      // sampling): when enough of them agree, a toggle re-reads those instead of drawing anew (a new
      // pool costs seconds; this costs a pass over the samples). Too few (an unlikely setting): a
      // likelihood-weighted pool of its own.
      const kept = restrict(base, k, Object.entries(set).map(([id, v]) => ({ j: column.get(id)!, v: v ? 1 : 0 })));
      pool = kept.n >= MIN_KEPT ? kept : drawPool(sampler, set, SAMPLES, SEED);
    }
    if (pools.size >= POOLS) pools.delete(pools.keys().next().value!);
    pools.set(key, pool);
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
    driverPlan: (set) => greedyPlan(sampler, poolFor(set), own(set), factor),
    unitDist(set, unit) {
      const names = driversOf(unit.spec).filter((d) => column.has(d));
      if (names.length === 0) return distUnder(unit.spec, {});
      // The samples' weight by the values of the unit's few drivers, then one distribution per value.
      const pool = poolFor(set);
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
    method(set) {
      const pool = poolFor(set);
      const stageStandardErrors: Record<string, number> = {};
      for (const [id, values] of pool.stages) stageStandardErrors[id] = estimate(pool, values).se;
      return { kind: 'monte-carlo', drivers: counted(sampler, own(set)), samples: pool.n, standardError: factor * admission(set).se, stageStandardErrors, seed: SEED };
    },
  };
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
