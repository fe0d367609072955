// The deterministic answer: every voter takes its most likely position; each stage's rule decides.
import type { Indexed } from '../model/dataset.ts';
import { type Assignment, conditionalP, topologicalOrder } from '../model/drivers.ts';
import type { CaseData, DriverData, Position, SourceRefData, TieData, TimelineStepData } from '../model/schema.ts';
import { type Ballot, describeRule, evaluateRule, type Tally, tallyOf } from '../rules/evaluate.ts';
import { covers, passedAsOf, startOf, timelineAsOf } from '../model/asof.ts';
import { distUnder, mostLikely, setupCase, type CaseSetup, type StanceSpec } from './setup.ts';

export interface VoterPosition {
  state: string;
  seats: number;
  position: Position;
  p: number;
  origin: StanceSpec['origin'];
}

export interface StageOutcome {
  id: string;
  name: string;
  body: string;
  kind: 'formal' | 'informal' | 'ratification';
  rule: string;
  legal: string;
  tally: Tally;
  required: string;
  outcome: 'pass' | 'fail';
  margin: number;
  blockers: string[];
  /** Still to be decided: false when not required for this candidate, or already passed (`reached`). */
  applies: boolean;
  /** Passed by the day, according to the case's timeline: the step that passed it. */
  reached?: TimelineStepData;
  /** The dataset cannot name this body's members: the outcome comes from a sourced estimate. */
  estimated?: { p: number; basis: string };
  voters: VoterPosition[];
  sources: SourceRefData[];
}

export interface Evaluation {
  candidate: string;
  organization: string;
  asOf: string;
  drivers: Assignment;
  admitted: boolean;
  status: CaseData['status'];
  stages: StageOutcome[];
  ties: Array<TieData & { active: boolean }>;
  /** The case's timeline as known on the day, oldest first (passed and failed attempts). */
  timeline: TimelineStepData[];
  /** The step reached: the last stage of the procedure (prior steps included) passed by the day. */
  reached?: { stage: string; name: string; date: string };
  sources: string[];
}

/** Unset drivers take their more likely value, parents first. */
export function mostLikelyAssignment(drivers: DriverData[], fixed: Assignment = {}): Assignment {
  const sorted = topologicalOrder(drivers);
  if ('cycle' in sorted) throw new Error(`drivers form a cycle: ${sorted.cycle.join(' → ')}`);
  const a: Assignment = {};
  for (const d of sorted.order) a[d.id] = d.id in fixed ? fixed[d.id] : conditionalP(d, a) >= 0.5;
  return a;
}

export function evaluateSetup(setup: CaseSetup, fixed: Assignment = {}): Evaluation {
  const c = setup.case;
  const drivers = mostLikelyAssignment(c.drivers, fixed);
  const position = new Map<string, VoterPosition>();
  for (const u of setup.units) {
    const d = distUnder(u.spec, drivers);
    const pos = mostLikely(d);
    for (const stage of u.stages) position.set(`${stage}:${u.state}`, { state: u.state, seats: 1, position: pos, p: d[pos], origin: u.spec.origin });
  }

  const stages: StageOutcome[] = setup.stages.map((s) => {
    const base = {
      id: s.stage.id,
      name: s.stage.name,
      body: s.body.name,
      kind: s.stage.kind,
      rule: describeRule(s.stage.rule),
      legal: s.stage.legal,
      applies: s.applies,
      ...(s.reached ? { reached: s.reached } : {}),
      sources: s.stage.sources,
    };
    if (!s.applies) {
      const required = s.reached ? `passed on ${s.reached.date}` : 'not required for this candidate';
      return { ...base, tally: { yes: 0, no: 0, abstain: 0, absent: 0 }, required, outcome: 'pass', margin: 0, blockers: [], voters: [] };
    }
    if (!s.seats) {
      const e = s.estimate;
      return {
        ...base,
        tally: { yes: 0, no: 0, abstain: 0, absent: 0 },
        required: `${describeRule(s.stage.rule)} of ${s.body.size ?? '?'} members (members not in the dataset)`,
        outcome: e && e.p >= 0.5 ? 'pass' : 'fail',
        margin: 0,
        blockers: [],
        estimated: { p: e?.p ?? 0, basis: e?.basis ?? 'no estimate in the dataset' },
        voters: [],
      };
    }
    const voters: VoterPosition[] = [...s.seats].map(([state, seats]) => ({ ...position.get(`${s.stage.id}:${state}`)!, seats }));
    const ballots: Ballot[] = voters.map((v) => ({ voter: v.state, position: v.position, seats: v.seats }));
    const tally = tallyOf(ballots);
    const r = evaluateRule(s.stage.rule, { tally, ballots });
    return { ...base, tally, required: r.required, outcome: r.outcome, margin: r.margin, blockers: r.blockers, voters };
  });

  const sources = new Set<string>();
  const addRefs = (refs: SourceRefData[] | undefined) => refs?.forEach((r) => sources.add(typeof r === 'string' ? r : r.source));
  setup.stages.forEach((s) => addRefs(s.stage.sources));
  c.drivers.forEach((d) => addRefs(d.sources));
  c.stances.forEach((s) => addRefs(s.sources));
  c.defaults.forEach((d) => addRefs(d.sources));
  c.ties.forEach((t) => addRefs(t.sources));
  c.timeline?.forEach((t) => addRefs(t.sources));
  addRefs(c.status.sources);
  const reached = stepReached(setup);

  return {
    candidate: c.candidate,
    organization: c.organization,
    asOf: setup.asOf,
    drivers,
    admitted: stages.every((s) => s.outcome === 'pass'),
    status: statusAsOf(setup),
    stages,
    ties: c.ties.map((t) => ({ ...t, active: covers(setup.asOf, t.since, t.until) })),
    timeline: timelineAsOf(c.timeline, setup.asOf),
    ...(reached ? { reached } : {}),
    sources: [...sources],
  };
}

/**
 * The de jure status on the day, not as the data records it today: a member from its join date, and
 * before a recorded status begins (Finland is recorded "member since 2023-04-04"), an applicant when the
 * timeline shows the candidate's own step passed, else not applied — so no answer leaks what came later.
 */
export function statusAsOf(setup: CaseSetup): CaseData['status'] {
  const { case: c, organization: org, asOf } = setup;
  const row = org.members.find((m) => m.state === c.candidate && covers(asOf, m.joined === 'unknown' ? undefined : m.joined, m.left));
  if (row) return { ...c.status, deJure: 'member', since: row.joined === 'unknown' ? undefined : row.joined };
  if (c.status.deJure !== 'member' && (!c.status.since || startOf(c.status.since) <= asOf)) return c.status;
  const own = new Set(org.bodies.filter((b) => b.composition === 'candidate').map((b) => b.id));
  const ownStages = new Set(org.procedure.stages.filter((s) => own.has(s.body)).map((s) => s.id));
  const applied = [...passedAsOf(c.timeline, asOf)].find(([stage]) => ownStages.has(stage))?.[1];
  return {
    deJure: applied ? 'applicant' : 'not-applied',
    ...(applied ? { since: applied.date } : {}),
    note: `as of ${asOf}; the status recorded today (${c.status.deJure}${c.status.since ? ` since ${c.status.since}` : ''}) begins later`,
    sources: c.status.sources,
  };
}

/** The last stage of the whole procedure (prior steps included) that the timeline says was passed by the day. */
export function stepReached(setup: CaseSetup): Evaluation['reached'] {
  const passed = passedAsOf(setup.case.timeline, setup.asOf);
  const last = setup.organization.procedure.stages.filter((s) => passed.has(s.id)).pop();
  return last && { stage: last.id, name: last.name, date: passed.get(last.id)!.date };
}

export function evaluateCase(ix: Indexed, c: CaseData, asOf: string, fixed: Assignment = {}): Evaluation {
  return evaluateSetup(setupCase(ix, c, asOf), fixed);
}
