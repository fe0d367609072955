// The numbers of a case page, computed in the browser with the engine (the same code the CLI and API run).
// Split so a page paints early and a driver toggle repaints at once:
// - prepare: per case and day, the engine's session (its tables of P(pass | driver assignment), the
//   expensive part, are computed by the first question that needs them);
// - compute: per setting, what the headline, stages, map and drivers show (re-weighing those tables; on a
//   Monte Carlo case, from the samples evaluated so far, labelled, after a first short burst). A level
//   says how far: the first load of a case paints the headline (P(admission) needs only the whole
//   procedure's table) and works out the rest after that paint, a level at a time (LEVELS);
// - refine: on a Monte Carlo case, more samples evaluated when the browser is idle, until the page shows
//   exactly the complete estimate (the one the CLI and the API give);
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
  mostLikelyAssignment,
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
  /** P(admission) over the uncertain drivers and the actors' positions. */
  probability: number;
  /** Which method gave the probabilities (exact, or a labelled estimate and how many samples so far). */
  method: Analysis['method'];
  /** Samples still to evaluate before these are the complete answers (0: they are; always 0 when exact). */
  remaining: number;
  /** Each voter's distribution per stage (level 'drivers'; undefined below it). */
  voters?: StageVoters[];
  /** Each driver's effect on P(admission) (level 'drivers'). */
  sensitivity?: Sensitivity[];
  /** The fewest driver settings that make admission more likely than not (level 'drivers'). */
  driverPlan?: DriverPlan;
  /** P(pass) of each stage, in procedure order (level 'stages': each stage has a table of its own). */
  stageProbabilities?: number[];
}

/**
 * How far `compute` works a setting out, in the order a case's first load paints it: the headline
 * (evaluation, P(admission), method); then the voters, sensitivity and driver plan (a few re-weighings
 * of the procedure's table); then each stage's P, whose tables cost as much again as the procedure's.
 */
export const LEVELS = ['headline', 'drivers', 'stages'] as const;
export type Level = (typeof LEVELS)[number];

export interface Prepared {
  setup: CaseSetup;
  /** The engine's session for the case and day (its tables are kept by the engine). */
  session: Session;
  static: CaseStatic;
  /** Stance changes by most-likely driver assignment. */
  changes: Map<string, StanceChanges>;
  /**
   * What is worked out by driver setting: the evaluation and the voters (neither changes as a Monte
   * Carlo estimate refines), and on an exact session every number (none changes at all).
   */
  settled: Map<string, Settled>;
  /** The most likely scenario's evaluation by its driver assignment (see scenarioOf). */
  scenarios: Map<string, Evaluation>;
}

type Settled = Pick<Dynamic, 'evaluation'> & Partial<Omit<Dynamic, 'evaluation'>>;

export function prepare(ix: Indexed, c: CaseData, asOf: string): Prepared {
  const session = openSession(ix, c, asOf);
  return { setup: session.setup, session, static: caseStatic(daySnapshot(ix, asOf), c, session.setup), changes: new Map(), settled: new Map(), scenarios: new Map() };
}

/**
 * The page's numbers under `fixed`, worked out up to `level` (see LEVELS). A Monte Carlo session gives
 * every number at any level: from the samples so far, they cost little.
 */
export function compute(_ix: Indexed, p: Prepared, fixed: Assignment, level: Level = 'stages'): Dynamic {
  const s = p.session;
  const set = s.known(fixed);
  const key = JSON.stringify(Object.entries(set).sort());
  let settled = p.settled.get(key);
  if (!settled) {
    settled = { evaluation: scenarioOf(p, set) };
    if (p.settled.size >= SETTLED) p.settled.delete(p.settled.keys().next().value!);
    p.settled.set(key, settled);
  }
  const at = LEVELS.indexOf(level);
  if (!s.exact) {
    const now = s.progress(set);
    settled.voters ??= stageVoters(s, set);
    return {
      evaluation: settled.evaluation,
      voters: settled.voters,
      probability: now.probability,
      stageProbabilities: p.setup.stages.map((st) => now.stageProbabilities[st.stage.id]),
      sensitivity: now.sensitivity,
      driverPlan: now.driverPlan,
      method: now.method,
      remaining: now.remaining,
    };
  }
  settled.probability ??= s.probability(set);
  settled.method ??= s.method(set);
  settled.remaining = 0;
  if (at >= 1) {
    settled.voters ??= stageVoters(s, set);
    settled.sensitivity ??= s.sensitivity(set);
    settled.driverPlan ??= s.driverPlan(set);
  }
  if (at >= 2 && !settled.stageProbabilities) {
    const stages = s.stageProbabilities(set);
    settled.stageProbabilities = p.setup.stages.map((st) => stages[st.stage.id]);
  }
  return { ...(settled as Dynamic) };
}

/**
 * The most likely scenario's evaluation under the set drivers: it depends on them only through the
 * scenario's assignment (every driver at its set or more likely value), which many settings share —
 * setting a driver to its assumed value changes nothing in it — so it is kept per assignment.
 */
function scenarioOf(p: Prepared, set: Assignment): Evaluation {
  const key = JSON.stringify(mostLikelyAssignment(p.setup.case.drivers, set));
  let ev = p.scenarios.get(key);
  if (!ev) {
    ev = p.session.evaluate(set);
    if (p.scenarios.size >= SCENARIOS) p.scenarios.delete(p.scenarios.keys().next().value!);
    p.scenarios.set(key, ev);
  }
  return ev;
}

/** Scenarios whose evaluation is kept. */
const SCENARIOS = 32;

/** Whether `compute` at `level` under `fixed` is a lookup (already worked out), so no step is needed. */
export function computed(p: Prepared, fixed: Assignment, level: Level): boolean {
  const got = p.settled.get(JSON.stringify(Object.entries(p.session.known(fixed)).sort()));
  if (!got || !p.session.exact) return false;
  return level === 'headline' ? got.probability !== undefined : level === 'drivers' ? got.driverPlan !== undefined : got.stageProbabilities !== undefined;
}

/** Driver settings whose evaluation and voters are kept (toggling back and forth re-reads them). */
const SETTLED = 16;

/** Samples evaluated per step of refinement (a step of the 30-driver case takes a few milliseconds). */
const STEP = 8;

/**
 * Evaluates samples toward the answers under `fixed` (scope 'setting': only its own P, stages and plan,
 * what a toggle paints first) while `more()` allows (at least one step: a Monte Carlo setting never
 * paints from no samples); returns how many remain. Nothing to do when exact.
 */
export function refine(p: Prepared, fixed: Assignment, more: () => boolean, scope: 'all' | 'setting' = 'all'): number {
  const set = p.session.known(fixed);
  let left: number;
  do left = p.session.refine(set, STEP, scope);
  while (left > 0 && more());
  return left;
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
