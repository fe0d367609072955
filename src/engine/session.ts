// A case as of a day, prepared once and re-weighed for any driver settings: the one way every face
// (CLI, server, web page, exports) asks the engine about a case. Preparing computes P(pass | drivers)
// for every assignment of the drivers that bear on the case (prepare.ts); every question after that —
// P(admission), each stage's P, sensitivity, what it takes, each voter's distribution — is a sum over
// those tables under the set drivers, so a toggle costs milliseconds.
import type { Indexed } from '../model/dataset.ts';
import { type Assignment, parentsOf } from '../model/drivers.ts';
import type { CaseData, DriverData } from '../model/schema.ts';
import { clamp01, conditionalSums, expectation, marginal, posterior, priorTable, supersetSums } from './conditioning.ts';
import { type DriverPlan, driverPlan } from './driver-plan.ts';
import { evaluateSetup, type Evaluation } from './evaluate.ts';
import { EngineError } from './constraints.ts';
import { seatsGame } from './game.ts';
import { powerIndices, type PowerRow } from './power.ts';
import { prepare, type Prepared, relevantDrivers, spaceFor, stageIn, type Tables } from './prepare.ts';
import { sensitivityBy, type SensitivityRow } from './sensitivity.ts';
import { type CaseSetup, type Dist, distUnder, driversOf, setupCase, type Unit } from './setup.ts';
import { changeModels, type ChangeModels, type ChangePlan, stanceChanges } from './what-it-takes.ts';
import { type MonteCarloMethod, type RefineScope, sampled, type Sampled } from './sampled.ts';
import { MAX_DRIVERS } from './conditioning.ts';
import type { PlanCache } from './plan.ts';

/** A player's power in a stage, as `--json` prints it (the indices, not the swing count). */
export type PowerEntry = Omit<PowerRow, 'swings'>;

/**
 * How the probabilities were obtained: exactly, summed over every assignment of the drivers that bear
 * on the case; or, beyond MAX_DRIVERS of them, a Monte Carlo estimate over sampled driver assignments
 * (each computed exactly given the drivers), with its standard errors.
 */
export type Method = { kind: 'exact'; drivers: number } | MonteCarloMethod;

export interface StanceChanges {
  /** Per stage, in procedure order: the fewest stance changes that make it pass. */
  stages: ChangePlan[];
  /** The same for all stages together (a state's change counts once however many stages it sits in). */
  procedure: ChangePlan;
}

export interface WhatItTakes extends StanceChanges {
  /** The fewest driver settings that bring P(admission) to at least one half (or the best reachable). */
  drivers: DriverPlan['settings'];
  /** P(admission) with those settings, whether the half was reached, and how the search ran. */
  driverPlan: DriverPlan;
}

export interface Analysis {
  evaluation: Evaluation;
  /** P(every stage passes), over the drivers not set and the actors' positions. */
  probability: number;
  /** P(the stage passes), by stage id; 1 for stages that do not apply, the estimate for unnamed bodies. */
  stageProbabilities: Record<string, number>;
  /** Sorted by |delta|, largest first. */
  sensitivity: SensitivityRow[];
  whatItTakes: WhatItTakes;
  /** Which method gave the probabilities above. */
  method: Method;
  /** Voting power by stage id, for stages whose members are known. */
  power?: Record<string, PowerEntry[]>;
}

/** A voter of a stage and the distribution of its position, the uncertain drivers averaged out. */
export interface VoterDist {
  state: string;
  seats: number;
  dist: Dist;
  /** The draw (a state's stance) this voter's position comes from. */
  unit: Unit;
}

export interface StageDists {
  stage: string;
  applies: boolean;
  /** Undefined when the dataset cannot name the body's members (or the stage does not apply). */
  voters?: VoterDist[];
}

export interface Session {
  readonly setup: CaseSetup;
  /** Whether it sums exactly over the driver assignments (else a Monte Carlo estimate: see Method). */
  readonly exact: boolean;
  /** How many drivers bear on the case (the stances name them or their descendants): an exact session's tables have 2^bearing rows. */
  readonly bearing: number;
  /** The engine's tables, computed on first access (for benchmarks and tests; faces use the methods). */
  readonly prepared: Prepared;
  /**
   * Whether the whole procedure's table is computed already (P(admission), the sensitivity and the
   * driver plan are then a re-weighing away; each stage's own table is computed on first use).
   */
  readonly isPrepared: boolean;
  /** Whether every table is computed, each stage's too (every question is then a re-weighing). */
  readonly isComplete: boolean;
  /**
   * Tables computed elsewhere from this session's setup (procedureTable, stageTableOf: the web page
   * computes them in a worker), taken for those not computed yet. Nothing for a Monte Carlo session.
   */
  seed(tables: Tables): void;
  /** `fixed` without the entries that name no driver of the case. */
  known(fixed: Assignment): Assignment;
  /** The deterministic answer: every voter at its most likely position under the drivers. */
  evaluate(fixed: Assignment): Evaluation;
  /** P(admission) given the set drivers. */
  probability(fixed: Assignment): number;
  /** P(pass) per stage id, in procedure order. */
  stageProbabilities(fixed: Assignment): Record<string, number>;
  sensitivity(fixed: Assignment): SensitivityRow[];
  driverPlan(fixed: Assignment): DriverPlan;
  /** The fewest stance changes under an evaluation's positions (the search the page runs after painting). */
  stanceChanges(evaluation: Evaluation): StanceChanges;
  /** Every voter's distribution at every stage, in procedure order. */
  voters(fixed: Assignment): StageDists[];
  method(fixed: Assignment): Method;
  /**
   * The probabilities from what is computed so far, never waiting for more: exact sessions give the
   * complete answers; Monte Carlo ones the estimates from the samples evaluated so far (a sensitivity
   * value not sampled yet is NaN), labelled by their method. Once `refine` returns 0 they equal the
   * complete answers (what the CLI and the API give).
   */
  progress(fixed: Assignment): Progress;
  /**
   * Evaluates up to `samples` more sampled assignments toward the answers under `fixed` (scope
   * 'setting': only its own pool — P, the stages, the plan — not the sensitivity's); returns how many
   * remain (always 0 when exact).
   */
  refine(fixed: Assignment, samples: number, scope?: RefineScope): number;
  /** Everything at once (what `evaluate --json` prints). */
  analyze(fixed?: Assignment, options?: { power?: boolean }): Analysis;
}

/** The probabilities under one setting as far as they are computed (Session.progress). */
export interface Progress {
  probability: number;
  stageProbabilities: Record<string, number>;
  sensitivity: SensitivityRow[];
  driverPlan: DriverPlan;
  method: Method;
  /** Samples still to evaluate before these are the complete answers (0: they are). */
  remaining: number;
}

/**
 * A session over a case laid out on a day. The tables are prepared on the first question that needs
 * them (the evaluation and the voters' distributions do not).
 */
export function createSession(setup: CaseSetup): Session {
  const bearing = bearingDrivers(setup);
  if (bearing.length > MAX_DRIVERS) return sampledSession(setup, bearing);
  let tables: Prepared | undefined;
  let given: Tables = {};
  return makeSession(setup, bearing.length, {
    tables: () => (tables ??= prepare(setup, given)),
    isPrepared: () => tables !== undefined,
    seed(more) {
      if (tables) addStageTables(tables, more.stages);
      else given = { procedure: given.procedure ?? more.procedure, stages: { ...given.stages, ...more.stages } };
    },
  });
}

/** A session over tables already prepared. */
export function sessionOf(p: Prepared): Session {
  return makeSession(p.setup, bearingDrivers(p.setup).length, { tables: () => p, isPrepared: () => true, seed: (more) => addStageTables(p, more.stages) });
}

/** Stage tables computed elsewhere, for the stages still without one. */
function addStageTables(p: Prepared, stages: Tables['stages'] = {}): void {
  for (const [id, t] of Object.entries(stages)) if (p.modeled.includes(id) && !p.stageTables.has(id)) p.stageTables.set(id, t);
}

interface TableSource {
  tables: () => Prepared;
  isPrepared: () => boolean;
  seed: (tables: Tables) => void;
}

function makeSession(setup: CaseSetup, bearing: number, { tables, isPrepared, seed }: TableSource): Session {
  const voterSpaces = new Map<string, { drivers: DriverData[]; prior: Float64Array }>();
  /** The indices of the drivers some stance names (the same for every question). */
  let named: number[] | undefined;
  const ids = new Set(setup.case.drivers.map((d) => d.id));
  const known = (fixed: Assignment): Assignment => Object.fromEntries(Object.entries(fixed).filter(([k]) => ids.has(k)));
  const given = (set: Assignment) => {
    const p = tables();
    const sp = spaceFor(p, Object.keys(set));
    return p.estimated * expectation(sp.drivers, sp.prior, sp.admission, set);
  };
  const s: Session = {
    setup,
    exact: true,
    bearing,
    get prepared() {
      return tables();
    },
    get isPrepared() {
      return isPrepared();
    },
    get isComplete() {
      if (!isPrepared()) return false;
      const p = tables();
      return p.modeled.every((id) => p.stageTables.has(id));
    },
    seed,
    known,
    evaluate: (fixed) => evaluateSetup(setup, known(fixed)),
    probability: (fixed) => given(known(fixed)),
    stageProbabilities(fixed) {
      const set = known(fixed);
      const p = tables();
      const main = spaceFor(p, Object.keys(set));
      const out: Record<string, number> = {};
      for (const st of setup.stages) {
        const id = st.stage.id;
        const table = st.applies ? stageIn(p, main, id) : undefined;
        out[id] = !st.applies ? 1 : table ? expectation(main.drivers, main.prior, table, set) : (st.estimate?.p ?? 0);
      }
      return out;
    },
    sensitivity(fixed) {
      const set = known(fixed);
      const p = tables();
      const main = spaceFor(p, Object.keys(set));
      // Every driver in the one space (the case has at most MAX_DRIVERS): each unset driver's two
      // conditionals come from one pass over the table instead of two passes each.
      if (main.drivers.length < setup.case.drivers.length) return sensitivityBy(setup.case.drivers, given, set);
      const split = conditionalSums(main.drivers, main.prior, main.admission, set);
      return sensitivityBy(
        setup.case.drivers,
        (some) => {
          const extra = Object.keys(some).filter((id) => !(id in set));
          const pair = extra.length === 1 ? split.get(extra[0]) : undefined;
          const x = pair?.[some[extra[0]] ? 1 : 0];
          return x && x.mass > 0 ? p.estimated * clamp01(x.num / x.mass) : given(some);
        },
        set,
      );
    },
    driverPlan(fixed) {
      const set = known(fixed);
      const p = tables();
      const main = spaceFor(p, Object.keys(set));
      return driverPlan(main.drivers, main.prior, main.admission, set, p.estimated);
    },
    stanceChanges(evaluation) {
      const p = tables();
      p.changes ??= changeModels(setup, p.plans);
      return stanceChanges(setup, evaluation, p.changes);
    },
    voters(fixed) {
      const set = known(fixed);
      // Only the drivers the stances name matter here (and the set ones, with their ancestors).
      named ??= setup.units.flatMap((u) => driversOf(u.spec)).map((id) => setup.case.drivers.findIndex((d) => d.id === id)).filter((j) => j >= 0);
      const members = relevantDrivers(setup.case.drivers, named, Object.keys(set));
      const key = members.join(',');
      let space = voterSpaces.get(key);
      if (!space) {
        const drivers = members.map((j) => setup.case.drivers[j]);
        voterSpaces.set(key, (space = { drivers, prior: priorTable(drivers) }));
      }
      return stageDists(setup, space.drivers, space.prior, set);
    },
    method: (fixed) => ({ kind: 'exact', drivers: spaceFor(tables(), Object.keys(known(fixed))).drivers.length }),
    progress(fixed) {
      const set = known(fixed);
      return {
        probability: s.probability(set),
        stageProbabilities: s.stageProbabilities(set),
        sensitivity: s.sensitivity(set),
        driverPlan: s.driverPlan(set),
        method: s.method(set),
        remaining: 0,
      };
    },
    refine: () => 0,
    analyze: (fixed = {}, options = {}) => analyzeWith(s, fixed, options),
  };
  return s;
}

/** The drivers the stances name, with their ancestors: those a table of P(pass | drivers) ranges over. */
function bearingDrivers(setup: CaseSetup): DriverData[] {
  const all = setup.case.drivers;
  const byId = new Map(all.map((d, j) => [d.id, j]));
  const want = new Set(setup.units.flatMap((u) => driversOf(u.spec)).filter((id) => byId.has(id)));
  const stack = [...want];
  while (stack.length) {
    for (const parent of parentsOf(all[byId.get(stack.pop()!)!])) {
      if (byId.has(parent) && !want.has(parent)) {
        want.add(parent);
        stack.push(parent);
      }
    }
  }
  return all.filter((d) => want.has(d.id));
}

/**
 * A session for a case with more drivers bearing on it than the exact tables range over: every
 * probability is a Monte Carlo estimate over sampled driver assignments, labelled as such.
 */
function sampledSession(setup: CaseSetup, drivers: DriverData[]): Session {
  const plans: PlanCache = new Map();
  let est: Sampled | undefined;
  const mc = () => (est ??= sampled(setup, drivers, plans));
  let changes: ChangeModels | undefined;
  const ids = new Set(setup.case.drivers.map((d) => d.id));
  const known = (fixed: Assignment): Assignment => Object.fromEntries(Object.entries(fixed).filter(([k]) => ids.has(k)));
  const s: Session = {
    setup,
    exact: false,
    bearing: drivers.length,
    get prepared(): Prepared {
      throw new EngineError(`${drivers.length} drivers bear on this case: beyond the exact tables (at most ${MAX_DRIVERS}); the session estimates`);
    },
    get isPrepared() {
      return est !== undefined;
    },
    get isComplete() {
      return est !== undefined;
    },
    // No tables to take: the estimate samples.
    seed: () => undefined,
    known,
    evaluate: (fixed) => evaluateSetup(setup, known(fixed)),
    probability: (fixed) => mc().probability(known(fixed)),
    stageProbabilities: (fixed) => mc().stageProbabilities(known(fixed)),
    sensitivity: (fixed) => mc().sensitivity(known(fixed)),
    driverPlan: (fixed) => mc().driverPlan(known(fixed)),
    stanceChanges(evaluation) {
      changes ??= changeModels(setup, plans);
      return stanceChanges(setup, evaluation, changes);
    },
    voters(fixed) {
      const set = known(fixed);
      return stageDistsBy(setup, (u) => mc().unitDist(set, u));
    },
    method: (fixed) => mc().method(known(fixed)),
    progress: (fixed) => mc().partial(known(fixed)),
    refine: (fixed, samples, scope) => mc().refine(known(fixed), samples, scope),
    analyze: (fixed = {}, options = {}) => analyzeWith(s, fixed, options),
  };
  return s;
}

/** Everything a session says under one setting. */
function analyzeWith(s: Session, fixed: Assignment, options: { power?: boolean }): Analysis {
  const set = s.known(fixed);
  const evaluation = s.evaluate(set);
  const plan = s.driverPlan(set);
  const analysis: Analysis = {
    evaluation,
    probability: s.probability(set),
    stageProbabilities: s.stageProbabilities(set),
    sensitivity: s.sensitivity(set),
    whatItTakes: { ...s.stanceChanges(evaluation), drivers: plan.settings, driverPlan: plan },
    method: s.method(set),
  };
  if (options.power) analysis.power = stagePower(s.setup);
  return analysis;
}

/** Each voter of each stage with the distribution `distOf` gives its draw. */
function stageDistsBy(setup: CaseSetup, distOf: (u: Unit) => Dist): StageDists[] {
  const memo = new Map<Unit, Dist>();
  const units = unitsByState(setup);
  return setup.stages.map((s) => {
    if (!s.applies || !s.seats) return { stage: s.stage.id, applies: s.applies };
    const voters: VoterDist[] = [];
    for (const [state, seats] of s.seats) {
      const unit = units.get(state)?.find((u) => u.stages.includes(s.stage.id));
      if (!unit) continue;
      let dist = memo.get(unit);
      if (!dist) memo.set(unit, (dist = distOf(unit)));
      voters.push({ state, seats, dist, unit });
    }
    return { stage: s.stage.id, applies: true, voters };
  });
}

/** A setup's units by state, in their order (asked on every toggle; a setup does not change). */
function unitsByState(setup: CaseSetup): Map<string, Unit[]> {
  let byState = unitIndex.get(setup);
  if (!byState) {
    byState = new Map();
    for (const u of setup.units) byState.set(u.state, [...(byState.get(u.state) ?? []), u]);
    unitIndex.set(setup, byState);
  }
  return byState;
}
const unitIndex = new WeakMap<CaseSetup, Map<string, Unit[]>>();

/**
 * Each voter's distribution: its stance's distribution under each assignment of the drivers it
 * names, weighted by the joint probability of those drivers given the set ones (from the session's
 * prior table, through superset sums — never by listing assignments).
 */
function stageDists(setup: CaseSetup, drivers: DriverData[], prior: Float64Array, set: Assignment): StageDists[] {
  const bitOf = new Map(drivers.map((d, j) => [d.id, j]));
  let sup: Float64Array | undefined;
  return stageDistsBy(setup, (u) => {
    const names = driversOf(u.spec).filter((d) => bitOf.has(d));
    if (names.length === 0) return distUnder(u.spec, {});
    sup ??= supersetSums(posterior(drivers, prior, set));
    const joint = marginal(sup, names.map((d) => bitOf.get(d)!));
    const dist: Dist = { yes: 0, no: 0, abstain: 0, absent: 0 };
    for (let x = 0; x < joint.length; x++) {
      if (joint[x] === 0) continue;
      const d = distUnder(u.spec, Object.fromEntries(names.map((n, i) => [n, ((x >> i) & 1) === 1])));
      dist.yes += joint[x] * d.yes;
      dist.no += joint[x] * d.no;
      dist.abstain += joint[x] * d.abstain;
      dist.absent += joint[x] * d.absent;
    }
    return dist;
  });
}

/** Banzhaf and Shapley–Shubik per stage whose members are known (delegations as blocs). */
export function stagePower(setup: CaseSetup): Record<string, PowerEntry[]> {
  const out: Record<string, PowerEntry[]> = {};
  for (const s of setup.stages) {
    if (!s.seats) continue;
    out[s.stage.id] = powerIndices(seatsGame(s.stage, s.seats)).players.map(({ id, banzhaf, banzhafRaw, shapleyShubik }) => ({
      id,
      banzhaf,
      banzhafRaw,
      shapleyShubik,
    }));
  }
  return out;
}

/** Days kept per case: enough for the page's P(admission)-over-time chart (one day a year, 20 years). */
const DAYS_PER_CASE = 32;
const cache = new WeakMap<Indexed, WeakMap<CaseData, Map<string, Session>>>();

/** The session for a case and day, prepared on first use and kept (the last 32 days per case). */
export function openSession(ix: Indexed, c: CaseData, asOf: string): Session {
  let byCase = cache.get(ix);
  if (!byCase) cache.set(ix, (byCase = new WeakMap()));
  let byDay = byCase.get(c);
  if (!byDay) byCase.set(c, (byDay = new Map()));
  let s = byDay.get(asOf);
  if (s) byDay.delete(asOf);
  else {
    s = createSession(setupCase(ix, c, asOf));
    if (byDay.size >= DAYS_PER_CASE) byDay.delete(byDay.keys().next().value!);
  }
  // Most recently used last, so the oldest goes first.
  byDay.set(asOf, s);
  return s;
}

/** Whether the session for a case and day has its tables already (its probabilities cost nothing to wait for). */
export function hasSession(ix: Indexed, c: CaseData, asOf: string): boolean {
  return !!cache.get(ix)?.get(c)?.get(asOf)?.isPrepared;
}
