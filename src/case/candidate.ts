// A candidate across every organization it has a case in: one row per organization (status, step
// reached, P(admission), blockers, what others would have to change, de facto ties), the effect of
// each of its levers on P(admission) everywhere, and a ranking of where its efforts pay most.
// Pure: the model and the engine in, plain data out (the CLI, the API and the page print it).
import { analyzePrepared, prepare, prepared, type Analysis } from '../engine/analyze.ts';
import { EngineError } from '../engine/constraints.ts';
import { setupCase } from '../engine/setup.ts';
import { caseNotApplicable, NotApplicableError, notYetAState } from '../model/asof.ts';
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData, DriverData, Position, TimelineStepData } from '../model/schema.ts';

export const METHOD =
  'Each lever is a driver the candidate controls. Its effect in an organization is P(admission | lever true) − ' +
  'P(admission | lever false), with every other driver as set or uncertain as in the model, computed exactly by ' +
  'the same engine as each case page. Its gain is P(admission | lever true) − P(admission) as things stand: what ' +
  'taking the step adds, given how likely the model already judges it. Efforts are ranked by that gain, per ' +
  'organization and summed over organizations; a lever a case does not use has no effect there. Probabilities ' +
  'are modelling judgments (see each driver\'s note), so the ranking compares efforts under the model, not certainties.';

export interface OtherChange {
  state: string;
  from: Position;
  to: Position;
  /** Probability of the new position under the evaluated drivers. */
  p: number;
}

export interface PriorStep {
  stage: string;
  name: string;
  /** The timeline step by which it was reached, as of the day. */
  reached?: TimelineStepData;
  /** P(the step passes), 1 when reached; null when the case gives some voter there no stance (not modelled). */
  probability: number | null;
}

export interface OrganizationRow {
  organization: string;
  name: string;
  deJure: CaseData['status']['deJure'];
  since?: string;
  /** The last stage passed by the day (prior steps included). */
  reached?: { stage: string; name: string; date: string };
  /** The first required stage still to be decided. */
  next?: { stage: string; name: string; probability: number };
  /** Failed attempts known by the day. */
  failed: TimelineStepData[];
  /** Steps before the vote that admission does not require (NATO's Partnership for Peace, MAP). */
  priorSteps: PriorStep[];
  admitted: boolean;
  probability: number;
  /** Blockers of the failing stages under the most likely positions. */
  blockers: string[];
  /** The fewest stance changes by others that make every stage pass (the candidate's own steps apart). */
  whatItTakes: { feasible: boolean; changes: OtherChange[]; ownSteps: string[]; note?: string };
  ties: Array<{ id: string; name: string; kind: string; since?: string }>;
  /** The engine could not answer (a case too large for the exact engine): the reason. */
  error?: string;
}

export interface LeverEffect {
  organization: string;
  /** The case defines or shares this driver; otherwise the lever has no effect there. */
  inCase: boolean;
  whenTrue: number;
  whenFalse: number;
  /** P(admission | lever true) − P(admission | lever false). */
  delta: number;
  /** P(admission | lever true) − P(admission) now. */
  gain: number;
}

export interface LeverView {
  driver: string;
  name: string;
  /** The model's probability that the candidate takes the step (unconditional prior). */
  p: number;
  shared: boolean;
  /** Set by a what-if: the value it is fixed to. */
  set?: boolean;
  effects: LeverEffect[];
  /** Sum of the gains over the organizations. */
  totalGain: number;
}

export interface CandidateView {
  candidate: string;
  name: string;
  asOf: string;
  set: Assignment;
  rows: OrganizationRow[];
  /** Drivers shared by all the candidate's cases (candidates/<CODE>.yaml). */
  shared: Array<{ id: string; name: string; p: number; lever: boolean }>;
  levers: LeverView[];
  /** (lever, organization) pairs by gain, largest first; zero gains left out. */
  ranking: Array<{ driver: string; organization: string; gain: number; delta: number }>;
  method: string;
}

/** Driver ids in `set` that no case of the candidate knows. */
export function unknownDrivers(ix: Indexed, candidate: string, set: Assignment): string[] {
  const known = new Set(ix.casesOf(candidate).flatMap((c) => c.drivers.map((d) => d.id)));
  return Object.keys(set).filter((id) => !known.has(id));
}

/** Every driver id any case of the candidate knows, shared ones first. */
export function candidateDrivers(ix: Indexed, candidate: string): DriverData[] {
  const out = new Map<string, DriverData>();
  for (const c of ix.casesOf(candidate)) for (const d of c.drivers) if (!out.has(d.id)) out.set(d.id, d);
  return [...out.values()];
}

export function candidateView(ix: Indexed, candidate: string, asOf: string, set: Assignment = {}): CandidateView {
  const cases = ix.casesOf(candidate);
  // A day on which no case has an answer (the candidate not yet a state, say) is answered as such; a day on
  // which some have none (the Security Council's seats not recorded) gives those rows the reason instead.
  const state = ix.state(candidate);
  const whyNot = cases.map((c) => caseNotApplicable(ix.organization(c.organization)!, state, asOf));
  if (whyNot.length && whyNot.every((w) => w !== undefined)) throw new NotApplicableError(notYetAState(state, asOf) ?? whyNot[0]!);
  const analyses = new Map<string, Analysis | undefined>();
  const rows = cases.map((c) => {
    const { row, analysis } = organizationRow(ix, c, asOf, set);
    analyses.set(c.organization, analysis);
    return row;
  });
  const sharedIds = new Set((ix.candidate(candidate)?.drivers ?? []).map((d) => d.id));
  const levers = candidateDrivers(ix, candidate)
    .filter((d) => d.lever)
    .map((d): LeverView => {
      const effects = cases.map((c): LeverEffect => {
        const a = analyses.get(c.organization);
        const row = a?.sensitivity.find((s) => s.driver === d.id);
        if (!a || !row) {
          const p = a?.probability ?? 0;
          return { organization: c.organization, inCase: false, whenTrue: p, whenFalse: p, delta: 0, gain: 0 };
        }
        return { organization: c.organization, inCase: true, whenTrue: row.whenTrue, whenFalse: row.whenFalse, delta: row.delta, gain: clean(row.whenTrue - a.probability) };
      });
      return {
        driver: d.id,
        name: d.name,
        p: d.p,
        shared: sharedIds.has(d.id),
        ...(d.id in set ? { set: set[d.id] } : {}),
        effects,
        totalGain: effects.reduce((s, e) => s + e.gain, 0),
      };
    })
    .sort((a, b) => b.totalGain - a.totalGain || a.driver.localeCompare(b.driver));
  const ranking = levers
    .flatMap((l) => l.effects.filter((e) => e.inCase && e.gain > 0).map((e) => ({ driver: l.driver, organization: e.organization, gain: e.gain, delta: e.delta })))
    .sort((a, b) => b.gain - a.gain || a.driver.localeCompare(b.driver));
  return {
    candidate,
    name: ix.state(candidate)?.name ?? ix.candidate(candidate)?.name ?? candidate,
    asOf,
    set,
    rows,
    shared: (ix.candidate(candidate)?.drivers ?? []).map((d) => ({ id: d.id, name: d.name, p: d.p, lever: !!d.lever })),
    levers,
    ranking,
    method: METHOD,
  };
}

/** A difference of equal sums up to rounding is no difference. */
function clean(x: number): number {
  return Math.abs(x) < 1e-12 ? 0 : x;
}

function organizationRow(ix: Indexed, c: CaseData, asOf: string, set: Assignment): { row: OrganizationRow; analysis?: Analysis } {
  const org = ix.organization(c.organization)!;
  const base = {
    organization: c.organization,
    name: org.shortName,
    deJure: c.status.deJure,
    ...(c.status.since ? { since: c.status.since } : {}),
  };
  let a: Analysis;
  try {
    a = analyzePrepared(prepared(ix, c, asOf), set);
  } catch (e) {
    if (!(e instanceof EngineError) && !(e instanceof NotApplicableError)) throw e;
    const row: OrganizationRow = {
      ...base,
      failed: [],
      priorSteps: [],
      admitted: false,
      probability: Number.NaN,
      blockers: [],
      whatItTakes: { feasible: false, changes: [], ownSteps: [] },
      ties: [],
      error: e.message,
    };
    return { row };
  }
  const ev = a.evaluation;
  const nextStage = ev.stages.find((s) => s.applies);
  const plan = a.whatItTakes.procedure;
  const row: OrganizationRow = {
    ...base,
    ...(ev.reached ? { reached: ev.reached } : {}),
    ...(nextStage ? { next: { stage: nextStage.id, name: nextStage.name, probability: a.stageProbabilities[nextStage.id] } } : {}),
    failed: ev.timeline.filter((t) => t.outcome === 'fail'),
    priorSteps: priorSteps(ix, c, asOf, set),
    admitted: ev.admitted,
    probability: a.probability,
    blockers: [...new Set(ev.stages.filter((s) => s.applies && s.outcome === 'fail').flatMap((s) => s.blockers))].filter((s) => s !== c.candidate),
    whatItTakes: {
      feasible: plan.feasible,
      changes: plan.changes.filter((x) => x.state !== c.candidate).map(({ state, from, to, p }) => ({ state, from, to, p })),
      ownSteps: plan.changes.filter((x) => x.state === c.candidate).flatMap((x) => x.stages),
      ...(plan.note ? { note: plan.note } : {}),
    },
    ties: ev.ties.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, kind: t.kind, ...(t.since ? { since: t.since } : {}) })),
  };
  return { row, analysis: a };
}

/** The steps before the vote (`required: false`), each with whether it was reached and its probability. */
export function priorSteps(ix: Indexed, c: CaseData, asOf: string, set: Assignment): PriorStep[] {
  const org = ix.organization(c.organization);
  if (!org?.procedure.stages.some((s) => s.required === false)) return [];
  const setup = setupCase(ix, c, asOf, 'prior');
  const a = analyzePrepared(prepare(setup), set);
  const unmodelled = new Set(setup.units.filter((u) => u.spec.origin === 'none').flatMap((u) => u.stages));
  return setup.stages.map((s) => ({
    stage: s.stage.id,
    name: s.stage.name,
    ...(s.reached ? { reached: s.reached } : {}),
    probability: unmodelled.has(s.stage.id) ? null : a.stageProbabilities[s.stage.id],
  }));
}
