// The track record: every dated decision in the data beside the model's P(pass) as of the day
// before, scored (Brier, log) against the base rate, with a calibration table. Pure: the dataset in,
// the record out; the CLI, the API and the page render it.
import { EngineError } from '../engine/constraints.ts';
import { openSession } from '../engine/session.ts';
import type { CaseSetup } from '../engine/setup.ts';
import { startOf } from '../model/asof.ts';
import type { Indexed } from '../model/dataset.ts';
import { addDays, isDay } from '../model/grammar.ts';
import type { CaseData, SourceRefData, TimelineStepData } from '../model/schema.ts';
import { brier, type CalibrationBin, calibration, type Forecast, logScore } from './scores.ts';

/** One decision: a stage of a candidate's procedure, decided on a day. */
export interface Decision {
  id: string;
  candidate: string;
  organization: string;
  stage: string;
  date: string;
  outcome: 'pass' | 'fail';
  /** Where the decision is recorded in the data (a backtest id or a case timeline entry). */
  from: string;
}

export interface DecisionRow extends Decision {
  /** The day the forecast is made: the eve of the decision. */
  asOf: string;
  /** The model's P(the stage passes) as of the eve, under its own driver probabilities; null when it has none. */
  p: number | null;
  /** Why there is no forecast (no case for this candidate and organization, the stage not modelled…). */
  reason?: string;
  /** p ≥ 1/2 and the stage failed, or p < 1/2 and it passed. */
  miss: boolean;
  /**
   * Sources the forecast rests on that are dated on or after the decision day: the model as written
   * today may know the outcome. Listed so a reader can discount those rows (scored apart below).
   */
  laterSources: string[];
}

export interface Scores {
  n: number;
  brier: number;
  log: number;
}

export interface TrackRecord {
  decisions: DecisionRow[];
  /** Over every decision with a forecast. */
  model: Scores;
  /** The base rate: the share of those decisions that passed, forecast for each of them. */
  baseline: Scores & { rate: number };
  /** The same two, over the decisions whose forecasts rest on no source dated on or after the decision. */
  untainted: { model: Scores; baseline: Scores & { rate: number } };
  calibration: CalibrationBin[];
  method: string;
}

export const METHOD =
  'For every dated decision (a backtest, or a step in a case timeline), the model is evaluated as of the day ' +
  'before with every driver at its own probability; its P(the stage passes) is the forecast. Brier score: mean ' +
  'squared error (0 best). Log score: mean −ln of the probability given to what happened (0 best; probabilities ' +
  'clipped to [1e-4, 1−1e-4]). Baseline: the share of these decisions that passed, forecast for every one of ' +
  'them (it knows the outcomes in aggregate, so it is a hard baseline). Rows whose forecast cites a source dated ' +
  'on or after the decision are flagged and also scored apart.';

/** Every dated decision the data records, one per (candidate, organization, stage, day). */
export function decisions(ix: Indexed): Decision[] {
  const seen = new Map<string, Decision>();
  const add = (d: Decision) => {
    const key = `${d.candidate}/${d.organization}/${d.stage}/${d.date}`;
    if (!seen.has(key)) seen.set(key, d);
  };
  for (const b of ix.data.backtests) {
    add({ id: b.id, candidate: b.candidate, organization: b.organization, stage: b.stage, date: b.date, outcome: b.outcome, from: `backtest ${b.id}` });
  }
  for (const c of ix.data.cases) {
    for (const [i, t] of (c.timeline ?? []).entries()) {
      if (!isDay(t.date)) continue; // a forecast needs the eve: a day, not a month
      // The candidate's own steps (applying) are its choices, the levers, not decisions the model forecasts.
      if (ownStep(ix, c.organization, t.stage)) continue;
      // The same decision recorded by a backtest a few days apart (a vote and its announcement).
      if ([...seen.values()].some((d) => sameDecision(d, c, t))) continue;
      const id = `${c.candidate.toLowerCase()}-${c.organization}-${t.stage}-${t.date}`;
      add({ id, candidate: c.candidate, organization: c.organization, stage: t.stage, date: t.date, outcome: t.outcome, from: `case ${c.candidate}/${c.organization} timeline[${i}]` });
    }
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

function ownStep(ix: Indexed, org: string, stage: string): boolean {
  const o = ix.organization(org);
  const body = o?.procedure.stages.find((s) => s.id === stage)?.body;
  return o?.bodies.find((b) => b.id === body)?.composition === 'candidate';
}

function sameDecision(d: Decision, c: CaseData, t: TimelineStepData): boolean {
  const days = Math.abs(Date.parse(d.date) - Date.parse(t.date)) / 86_400_000;
  return d.candidate === c.candidate && d.organization === c.organization && d.stage === t.stage && d.outcome === t.outcome && days <= 7;
}

/** The day before an ISO day. */
export function eve(day: string): string {
  return addDays(day, -1);
}

export function forecast(ix: Indexed, d: Decision): DecisionRow {
  const asOf = eve(d.date);
  const row = (p: number | null, reason?: string, laterSources: string[] = []): DecisionRow => ({
    ...d,
    asOf,
    p,
    ...(reason ? { reason } : {}),
    miss: p !== null && (p >= 0.5) !== (d.outcome === 'pass'),
    laterSources,
  });
  const c = ix.case(d.candidate, d.organization);
  if (!c) return row(null, `no case models ${d.candidate} × ${d.organization}`);
  if (!ix.organization(d.organization)?.procedure.stages.some((s) => s.id === d.stage)) {
    return row(null, `the procedure has no stage "${d.stage}"`);
  }
  try {
    const session = openSession(ix, c, asOf);
    const p = session.analyze().stageProbabilities[d.stage];
    if (p === undefined) return row(null, `the stage "${d.stage}" is not evaluated`);
    // The setup the forecast was computed from, not a second one.
    const setup = session.setup;
    const unknown = setup.units.filter((u) => u.spec.origin === 'none' && u.stages.includes(d.stage)).map((u) => u.state);
    // A voter whose stance was first reported after the eve counts as absent in the engine; a number
    // built on that would be a forecast nobody could have made, so there is none.
    if (unknown.length) return row(null, `on ${asOf} the data knew no stance for ${unknown.length} voter(s) (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''})`);
    return row(p, undefined, laterSourcesOf(setup, ix, d.stage, d.date));
  } catch (e) {
    if (e instanceof EngineError) return row(null, e.message);
    throw e;
  }
}

/**
 * The sources behind the forecast of one stage dated on or after `day`: the stances and defaults of
 * the voters at that stage, the drivers in force and the stage's estimate.
 */
function laterSourcesOf(setup: CaseSetup, ix: Indexed, stage: string, day: string): string[] {
  const refs: SourceRefData[] = [
    // Not `confirmedBy`: a later report confirming a stance already sourced adds nothing to the forecast.
    ...setup.units.filter((u) => u.stages.includes(stage)).flatMap((u) => u.spec.sources),
    ...setup.case.drivers.flatMap((x) => x.sources),
    ...setup.case.estimates.filter((e) => e.stage === stage).flatMap((x) => x.sources),
  ];
  const later = new Set<string>();
  for (const r of refs) {
    const id = typeof r === 'string' ? r : r.source;
    const date = ix.source(id)?.date;
    if (date && startOf(date) >= day) later.add(id);
  }
  return [...later].sort();
}

function score(rows: readonly DecisionRow[]): { model: Scores; baseline: Scores & { rate: number } } {
  const fs: Forecast[] = rows.map((r) => ({ p: r.p!, happened: r.outcome === 'pass' }));
  const rate = fs.length ? fs.filter((f) => f.happened).length / fs.length : Number.NaN;
  const base = fs.map((f) => ({ p: rate, happened: f.happened }));
  return {
    model: { n: fs.length, brier: brier(fs), log: logScore(fs) },
    baseline: { n: fs.length, rate, brier: brier(base), log: logScore(base) },
  };
}

/** The whole record: misses first (the worst first), then the other forecasts, then decisions without one. */
export function trackRecord(ix: Indexed): TrackRecord {
  const rows = decisions(ix).map((d) => forecast(ix, d));
  const scored = rows.filter((r) => r.p !== null);
  const all = score(scored);
  const untainted = score(scored.filter((r) => r.laterSources.length === 0));
  const err = (r: DecisionRow) => (r.p === null ? -1 : Math.abs(r.p - (r.outcome === 'pass' ? 1 : 0)));
  const rank = (r: DecisionRow) => (r.p === null ? 2 : r.miss ? 0 : 1);
  const ordered = [...rows].sort((a, b) => rank(a) - rank(b) || err(b) - err(a) || a.date.localeCompare(b.date));
  return {
    decisions: ordered,
    model: all.model,
    baseline: all.baseline,
    untainted,
    calibration: calibration(scored.map((r) => ({ p: r.p!, happened: r.outcome === 'pass' }))),
    method: METHOD,
  };
}
