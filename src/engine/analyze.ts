// Everything the engine says about a case on a day, under some drivers set: the most likely
// evaluation, exact probabilities, driver sensitivity, what it would take, and (optionally) power.
// The expensive part — P(pass | drivers) for every driver assignment — depends only on the case and
// the day, so it is computed once and cached; toggling a driver only re-weighs the cached tables.
import type { Indexed } from '../model/dataset.ts';
import { type Assignment, parentsOf } from '../model/drivers.ts';
import type { CaseData, DriverData } from '../model/schema.ts';
import { expectation, MAX_DRIVERS, priorTable } from './conditioning.ts';
import { EngineError } from './constraints.ts';
import { type DriverPlan, driverPlan } from './driver-plan.ts';
import { evaluateSetup, type Evaluation } from './evaluate.ts';
import { seatsGame } from './game.ts';
import { expand, type PassTable, passTable } from './mixture.ts';
import { powerIndices, type PowerRow } from './power.ts';
import { buildProblem, modeledStages } from './problem.ts';
import type { PlanCache } from './plan.ts';
import { sensitivityBy, type SensitivityRow } from './sensitivity.ts';
import { type CaseSetup, estimatedFactor, setupCase } from './setup.ts';
import { type ChangeModels, changeModels, type ChangePlan, stanceChanges } from './what-it-takes.ts';

/** A player's power in a stage, as `--json` prints it (the indices, not the swing count). */
export type PowerEntry = Omit<PowerRow, 'swings'>;

export interface WhatItTakes {
  /** Per stage, in procedure order: the fewest stance changes that make it pass. */
  stages: ChangePlan[];
  /** The same for all stages together (a state's change counts once however many stages it sits in). */
  procedure: ChangePlan;
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
  /** Voting power by stage id, for stages whose members are known. */
  power?: Record<string, PowerEntry[]>;
}

/** What analyzeCase keeps between calls for the same case and day. */
export interface Prepared {
  setup: CaseSetup;
  /**
   * The drivers the tables below range over (bit j of a row is drivers[j]): all the case's drivers
   * when there are at most 20, else those the stances name and their ancestors.
   */
  drivers: DriverData[];
  /** P(d) for every assignment d of `drivers`. */
  prior: Float64Array;
  /** P(all modeled stages pass | d), up to the factor `estimated`. */
  admission: Float64Array;
  /** P(stage passes | d) for modeled stages. */
  stages: Map<string, Float64Array>;
  /** The same as functions of only the drivers the stances name. */
  admissionTable: PassTable;
  stageTables: Map<string, PassTable>;
  /** Product of the estimates of stages whose members are unknown (independent of everything else). */
  estimated: number;
  /** Tables over sets of drivers, by key; built on first use. */
  spaces: Map<string, Space>;
  /** Built on first use: the plans behind "what it takes". */
  changes?: ChangeModels;
  /** Plans shared by the probability and "what it takes" (equal problems where no body has seats). */
  plans: PlanCache;
}

/**
 * The joint distribution of some drivers and the pass probabilities over their assignments. A set of
 * drivers closed under "parent of" has its own joint distribution, and drivers outside it that no
 * stance names and nobody set sum out exactly, so computations run over the smallest such set.
 */
export interface Space {
  drivers: DriverData[];
  prior: Float64Array;
  admission: Float64Array;
  stages: Map<string, Float64Array>;
}

export function prepare(setup: CaseSetup): Prepared {
  const ids = setup.case.drivers.map((d) => d.id);
  const modeled = modeledStages(setup);
  const plans: PlanCache = new Map();
  const admissionTable = passTable(setup, buildProblem(setup, modeled, 'seat'), ids, plans);
  const stageTables = new Map<string, PassTable>();
  for (const s of modeled) {
    // With one stage, its table is the admission table.
    stageTables.set(s.stage.id, modeled.length === 1 ? admissionTable : passTable(setup, buildProblem(setup, [s], 'seat'), ids, plans));
  }
  const estimated = estimatedFactor(setup);
  const p: Prepared = {
    setup,
    drivers: [],
    prior: new Float64Array(1),
    admission: new Float64Array(1),
    stages: new Map(),
    admissionTable,
    stageTables,
    estimated,
    spaces: new Map(),
    plans,
  };
  const main = spaceFor(p, []);
  return { ...p, drivers: main.drivers, prior: main.prior, admission: main.admission, stages: main.stages };
}

/** The space of the drivers that bear on the answer once `extra` are set (all of them when few). */
export function spaceFor(p: Prepared, extra: Iterable<string>): Space {
  const all = p.setup.case.drivers;
  const m = all.length;
  let members: number[];
  if (m <= MAX_DRIVERS) members = all.map((_, j) => j);
  else {
    const byId = new Map(all.map((d, j) => [d.id, j]));
    const want = new Set<number>([...p.admissionTable.drivers, ...[...p.stageTables.values()].flatMap((t) => t.drivers)]);
    for (const id of extra) if (byId.has(id)) want.add(byId.get(id)!);
    const stack = [...want];
    while (stack.length) {
      for (const parent of parentsOf(all[stack.pop()!])) {
        const j = byId.get(parent);
        if (j !== undefined && !want.has(j)) {
          want.add(j);
          stack.push(j);
        }
      }
    }
    members = [...want].sort((a, b) => a - b);
    if (members.length > MAX_DRIVERS) {
      throw new EngineError(
        `${members.length} drivers bear on this case (of ${m}); the exact engine enumerates at most 2^${MAX_DRIVERS} driver assignments`,
      );
    }
  }
  const key = members.join(',');
  let space = p.spaces.get(key);
  if (!space) {
    const drivers = members.map((j) => all[j]);
    const stages = new Map<string, Float64Array>();
    for (const [id, t] of p.stageTables) stages.set(id, expand(t, members));
    space = { drivers, prior: priorTable(drivers), admission: expand(p.admissionTable, members), stages };
    p.spaces.set(key, space);
  }
  return space;
}

const cache = new WeakMap<Indexed, WeakMap<CaseData, Map<string, Prepared>>>();

/** The prepared tables for a case and day, computed on first use. */
export function prepared(ix: Indexed, c: CaseData, asOf: string): Prepared {
  let byCase = cache.get(ix);
  if (!byCase) cache.set(ix, (byCase = new WeakMap()));
  let byDay = byCase.get(c);
  if (!byDay) byCase.set(c, (byDay = new Map()));
  let p = byDay.get(asOf);
  if (!p) {
    p = prepare(setupCase(ix, c, asOf));
    // A handful of days per case is plenty; an as-of slider should not grow this without bound.
    if (byDay.size >= 8) byDay.delete(byDay.keys().next().value!);
    byDay.set(asOf, p);
  }
  return p;
}

export function analyzeCase(ix: Indexed, c: CaseData, asOf: string, fixed: Assignment = {}, options: { power?: boolean } = {}): Analysis {
  return analyzePrepared(prepared(ix, c, asOf), fixed, options);
}

export function analyzePrepared(p: Prepared, fixed: Assignment = {}, options: { power?: boolean } = {}): Analysis {
  const known = new Set(p.setup.case.drivers.map((d) => d.id));
  const set: Assignment = Object.fromEntries(Object.entries(fixed).filter(([k]) => known.has(k)));
  const evaluation = evaluateSetup(p.setup, set);
  const main = spaceFor(p, Object.keys(set));
  const probability = p.estimated * expectation(main.drivers, main.prior, main.admission, set);
  const stageProbabilities: Record<string, number> = {};
  for (const s of p.setup.stages) {
    const id = s.stage.id;
    const table = main.stages.get(id);
    stageProbabilities[id] = !s.applies ? 1 : table ? expectation(main.drivers, main.prior, table, set) : (s.estimate?.p ?? 0);
  }
  const given = (a: Assignment) => {
    const sp = spaceFor(p, Object.keys(a));
    return p.estimated * expectation(sp.drivers, sp.prior, sp.admission, a);
  };
  const plan = driverPlan(main.drivers, main.prior, main.admission, set, p.estimated);
  p.changes ??= changeModels(p.setup, p.plans);
  const changes = stanceChanges(p.setup, evaluation, p.changes);
  const analysis: Analysis = {
    evaluation,
    probability,
    stageProbabilities,
    sensitivity: sensitivityBy(p.setup.case.drivers, given, set),
    whatItTakes: { stages: changes.stages, procedure: changes.procedure, drivers: plan.settings, driverPlan: plan },
  };
  if (options.power) analysis.power = stagePower(p.setup);
  return analysis;
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
