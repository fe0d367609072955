// The numbers of a case page, computed in the browser with the engine (the same code the CLI and API run).
// Split so a driver toggle repaints at once:
// - prepare: per case and day, the engine's tables of P(pass | driver assignment) (the expensive part);
// - compute: per toggle, what the headline, stages, map and drivers show (re-weighing those tables);
// - stanceChangesFor: "what it would take" in stances, a larger search, run after the repaint and
//   remembered per most-likely assignment (many toggles do not change it).
// Together they give exactly what the engine's analyzePrepared gives (test/api/compute.test.ts).
import type { Indexed } from '../src/model/dataset.ts';
import type { Assignment } from '../src/model/drivers.ts';
import type { CaseData } from '../src/model/schema.ts';
import { type Analysis, prepare as enginePrepare, prepared, type Prepared as EnginePrepared } from '../src/engine/analyze.ts';
import { expectation } from '../src/engine/conditioning.ts';
import { driverPlan, type DriverPlan } from '../src/engine/driver-plan.ts';
import { evaluateSetup, type Evaluation } from '../src/engine/evaluate.ts';
import { sensitivity, type SensitivityRow } from '../src/engine/sensitivity.ts';
import { type CaseSetup, setupCase } from '../src/engine/setup.ts';
import { stanceChanges } from '../src/engine/what-it-takes.ts';
import { daySnapshot } from '../src/case/snapshot.ts';
import { caseStatic, type CaseStatic, stageVoters, type StageVoters } from '../src/case/views.ts';

export type Sensitivity = SensitivityRow;
export type StanceChanges = Pick<Analysis['whatItTakes'], 'stages' | 'procedure'>;

export interface Dynamic {
  evaluation: Evaluation;
  voters: StageVoters[];
  /** P(admission) over the uncertain drivers and the actors' positions. */
  probability: number;
  /** P(pass) of each stage, in procedure order. */
  stageProbabilities: number[];
  sensitivity: Sensitivity[];
  /** The fewest driver settings that make admission more likely than not. */
  driverPlan: DriverPlan;
}

export interface Prepared {
  setup: CaseSetup;
  engine: EnginePrepared;
  static: CaseStatic;
  /** Stance changes by most-likely driver assignment. */
  changes: Map<string, StanceChanges>;
}

export function prepare(ix: Indexed, c: CaseData, asOf: string): Prepared {
  const engine = prepared(ix, c, asOf);
  return { setup: engine.setup, engine, static: caseStatic(daySnapshot(ix, asOf), c, engine.setup), changes: new Map() };
}

export function compute(_ix: Indexed, p: Prepared, fixed: Assignment): Dynamic {
  const e = p.engine;
  const known = new Set(e.drivers.map((d) => d.id));
  const set: Assignment = Object.fromEntries(Object.entries(fixed).filter(([k]) => known.has(k)));
  const evaluation = evaluateSetup(p.setup, set);
  return {
    evaluation,
    voters: stageVoters(p.setup, set),
    probability: e.estimated * expectation(e.drivers, e.prior, e.admission, set),
    stageProbabilities: p.setup.stages.map((s) => {
      const table = e.stages.get(s.stage.id);
      return !s.applies ? 1 : table ? expectation(e.drivers, e.prior, table, set) : (s.estimate?.p ?? 0);
    }),
    sensitivity: sensitivity(e.drivers, e.prior, e.admission, set, e.estimated),
    driverPlan: driverPlan(e.drivers, e.prior, e.admission, set, e.estimated),
  };
}

/** The fewest stance changes for the evaluation's positions; remembered per most-likely assignment. */
export function stanceChangesFor(p: Prepared, evaluation: Evaluation): StanceChanges {
  const key = JSON.stringify(evaluation.drivers);
  let hit = p.changes.get(key);
  if (!hit) {
    hit = stanceChanges(p.setup, evaluation);
    p.changes.set(key, hit);
  }
  return hit;
}

/** Whether "what it would take" for this evaluation is already known (no need to wait for it). */
export function hasStanceChanges(p: Prepared, evaluation: Evaluation): boolean {
  return p.changes.has(JSON.stringify(evaluation.drivers));
}

// ---------------------------------------------------------------- P(admission) over time

const history = new WeakMap<CaseData, Map<string, EnginePrepared>>();

/** The engine's tables for a case on a day, kept per case for the history chart (apart from the page's). */
export function historyTables(ix: Indexed, c: CaseData, day: string): EnginePrepared {
  let byDay = history.get(c);
  if (!byDay) history.set(c, (byDay = new Map()));
  let p = byDay.get(day);
  if (!p) {
    p = enginePrepare(setupCase(ix, c, day));
    byDay.set(day, p);
  }
  return p;
}

export function hasHistoryTables(c: CaseData, day: string): boolean {
  return !!history.get(c)?.has(day);
}

/** P(admission) from a day's tables under fixed drivers: a re-weighing, cheap. */
export function probabilityFrom(p: EnginePrepared, fixed: Assignment): number {
  const known = new Set(p.drivers.map((d) => d.id));
  const set: Assignment = Object.fromEntries(Object.entries(fixed).filter(([k]) => known.has(k)));
  return p.estimated * expectation(p.drivers, p.prior, p.admission, set);
}

/** The days of the chart: 1 January of each year up to the as-of day, then the day itself. */
export function historyDays(asOf: string, since: number): string[] {
  const last = Number(asOf.slice(0, 4));
  const days: string[] = [];
  for (let y = Math.max(since, last - 20); y <= last; y++) {
    const d = `${y}-01-01`;
    if (d < asOf) days.push(d);
  }
  days.push(asOf);
  return days;
}
