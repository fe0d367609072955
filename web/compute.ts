// The numbers of a case page, computed in the browser with the engine (the same code the CLI and API run).
// Split so a driver toggle repaints at once:
// - prepare: per case and day, the engine's tables of P(pass | driver assignment) (the expensive part);
// - compute: per toggle, what the headline, stages, map and drivers show (re-weighing those tables);
// - stanceChangesFor: "what it would take" in stances, a larger search, run after the repaint and
//   remembered per most-likely assignment (many toggles do not change it).
// All of it through the engine's session, so the page gives exactly what `evaluate --json` and the
// API give (test/api/compute.test.ts).
import type { Indexed } from '../src/model/dataset.ts';
import type { Assignment } from '../src/model/drivers.ts';
import type { CaseData } from '../src/model/schema.ts';
import {
  type Analysis,
  type DriverPlan,
  type Evaluation,
  hasSession,
  openSession,
  type SensitivityRow,
  type Session,
  type CaseSetup,
} from '../src/engine/index.ts';
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
  /** Which method gave the probabilities (exact, or a labelled estimate). */
  method: Analysis['method'];
}

export interface Prepared {
  setup: CaseSetup;
  /** The engine's session for the case and day (its tables are kept by the engine). */
  session: Session;
  static: CaseStatic;
  /** Stance changes by most-likely driver assignment. */
  changes: Map<string, StanceChanges>;
}

export function prepare(ix: Indexed, c: CaseData, asOf: string): Prepared {
  const session = openSession(ix, c, asOf);
  return { setup: session.setup, session, static: caseStatic(daySnapshot(ix, asOf), c, session.setup), changes: new Map() };
}

export function compute(_ix: Indexed, p: Prepared, fixed: Assignment): Dynamic {
  const s = p.session;
  const set = s.known(fixed);
  const stages = s.stageProbabilities(set);
  return {
    evaluation: s.evaluate(set),
    voters: stageVoters(s, set),
    probability: s.probability(set),
    stageProbabilities: p.setup.stages.map((st) => stages[st.stage.id]),
    sensitivity: s.sensitivity(set),
    driverPlan: s.driverPlan(set),
    method: s.method(set),
  };
}

/** The fewest stance changes for the evaluation's positions; remembered per most-likely assignment. */
export function stanceChangesFor(p: Prepared, evaluation: Evaluation): StanceChanges {
  const key = JSON.stringify(evaluation.drivers);
  let hit = p.changes.get(key);
  if (!hit) {
    hit = p.session.stanceChanges(evaluation);
    p.changes.set(key, hit);
  }
  return hit;
}

/** Whether "what it would take" for this evaluation is already known (no need to wait for it). */
export function hasStanceChanges(p: Prepared, evaluation: Evaluation): boolean {
  return p.changes.has(JSON.stringify(evaluation.drivers));
}

// ---------------------------------------------------------------- P(admission) over time

/**
 * Beyond this many drivers bearing on a case a day's tables take a second or more and tens of MB
 * (docs/engine.md), so the chart, which needs one table per year, is not drawn.
 */
export const HISTORY_MAX_DRIVERS = 16;

/** The method of the as-of day when the history chart would be too costly to compute, else undefined. */
export function historyTooCostly(ix: Indexed, c: CaseData, asOf: string): Analysis['method'] | undefined {
  const m = openSession(ix, c, asOf).method({});
  return m.kind !== 'exact' || m.drivers > HISTORY_MAX_DRIVERS ? m : undefined;
}

/** The engine's session for a case on a day, for the history chart (the engine keeps the last 32 days per case). */
export function historyTables(ix: Indexed, c: CaseData, day: string): Session {
  const s = openSession(ix, c, day);
  void s.prepared;
  return s;
}

export function hasHistoryTables(ix: Indexed, c: CaseData, day: string): boolean {
  return hasSession(ix, c, day);
}

/** P(admission) from a day's session under fixed drivers: a re-weighing, cheap. */
export function probabilityFrom(s: Session, fixed: Assignment): number {
  return s.probability(fixed);
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
