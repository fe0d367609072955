// Everything the engine says about a case on a day, under some drivers set: the most likely
// evaluation, exact probabilities, driver sensitivity, what it would take, and (optionally) power.
// The expensive part — P(pass | drivers) for every driver assignment — depends only on the case and
// the day, so it is computed once and cached; toggling a driver only re-weighs the cached tables.
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData, DriverData } from '../model/schema.ts';
import { expectation, priorTable } from './conditioning.ts';
import { type DriverPlan, driverPlan } from './driver-plan.ts';
import { evaluateSetup, type Evaluation } from './evaluate.ts';
import { seatsGame } from './game.ts';
import { expand, passTable } from './mixture.ts';
import { powerIndices } from './power.ts';
import { buildProblem, modeledStages } from './problem.ts';
import { sensitivity, type SensitivityRow } from './sensitivity.ts';
import { type CaseSetup, setupCase } from './setup.ts';
import { type ChangeModels, changeModels, type ChangePlan, stanceChanges } from './what-it-takes.ts';

export interface PowerEntry {
  id: string;
  banzhaf: number;
  banzhafRaw: number;
  shapleyShubik: number;
}

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
  drivers: DriverData[];
  prior: Float64Array;
  /** P(all modeled stages pass | assignment), over all 2^m assignments. */
  admission: Float64Array;
  /** P(stage passes | assignment) for modeled stages. */
  stages: Map<string, Float64Array>;
  /** Product of the estimates of stages whose members are unknown (independent of everything else). */
  estimated: number;
  /** Built on first use: the plans behind "what it takes". */
  changes?: ChangeModels;
}

export function prepare(setup: CaseSetup): Prepared {
  const drivers = setup.case.drivers;
  const ids = drivers.map((d) => d.id);
  const m = drivers.length;
  const prior = priorTable(drivers);
  const modeled = modeledStages(setup);
  const admission = expand(passTable(setup, buildProblem(setup, modeled, 'seat'), ids), m);
  const stages = new Map<string, Float64Array>();
  for (const s of modeled) stages.set(s.stage.id, expand(passTable(setup, buildProblem(setup, [s], 'seat'), ids), m));
  let estimated = 1;
  for (const s of setup.stages) if (s.applies && !s.seats) estimated *= s.estimate?.p ?? 0;
  return { setup, drivers, prior, admission, stages, estimated };
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
  const known = new Set(p.drivers.map((d) => d.id));
  const set: Assignment = Object.fromEntries(Object.entries(fixed).filter(([k]) => known.has(k)));
  const evaluation = evaluateSetup(p.setup, set);
  const probability = p.estimated * expectation(p.drivers, p.prior, p.admission, set);
  const stageProbabilities: Record<string, number> = {};
  for (const s of p.setup.stages) {
    const id = s.stage.id;
    const table = p.stages.get(id);
    stageProbabilities[id] = !s.applies ? 1 : table ? expectation(p.drivers, p.prior, table, set) : (s.estimate?.p ?? 0);
  }
  const plan = driverPlan(p.drivers, p.prior, p.admission, set, p.estimated);
  p.changes ??= changeModels(p.setup);
  const changes = stanceChanges(p.setup, evaluation, p.changes);
  const analysis: Analysis = {
    evaluation,
    probability,
    stageProbabilities,
    sensitivity: sensitivity(p.drivers, p.prior, p.admission, set, p.estimated),
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
