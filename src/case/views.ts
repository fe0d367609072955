// What the pages and the API show, computed from the dataset and the engine.
// Pure (no Node, no DOM): the server answers the API with it and the browser renders pages with it,
// so a page and its JSON always agree.
import { caseNotApplicable, type RecognitionStatus, startOf } from '../model/asof.ts';
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData, Position, SourceRefData } from '../model/schema.ts';
import { analyzeCase, type Analysis, type CaseSetup, type Dist, distUnder, driversOf, type Evaluation, evaluateSetup, mostLikely, mostLikelyAssignment, openSession, type Session, setupCase, stanceSources, type StanceSpec } from '../engine/index.ts';
import type { Day } from './snapshot.ts';

// ---------------------------------------------------------------- recognition counters

export interface Counter {
  /** Members of the organization on the day (the candidate excluded). */
  members: number;
  /** Of them, how many recognize the candidate (a disputed withdrawal still counts as recognizing). */
  recognize: number;
  /** Of them, how many have a withdrawal claimed by a third party (shown apart, not subtracted). */
  withdrawalClaimed: number;
  /** Of the members and recognitions counted, how many rows are not verified (`accede audit` lists them). */
  unverified: number;
  /** Whether the dataset records who recognizes the candidate (only contested states have a recognitions file). */
  recorded: boolean;
  /** "28 of 32 members recognize Kosovo" */
  text: string;
}

export function counter(day: Day, candidate: string, orgId: string): Counter {
  const members = day.members(orgId).filter((m) => m !== candidate);
  if (!day.ix.recognitions(candidate)) {
    // No recognitions file: "0 of 30 allies recognize Finland" would be a confident falsehood.
    const text = `not recorded in the dataset for ${day.stateName(candidate)} (${members.length} ${orgNoun(orgId, members.length)})`;
    return { members: members.length, recognize: 0, withdrawalClaimed: 0, unverified: 0, recorded: false, text };
  }
  let recognize = 0;
  let withdrawalClaimed = 0;
  let unverified = 0;
  for (const m of members) {
    if (day.unverified(candidate, orgId, m).length) unverified++;
    const s = day.recognition(candidate, m);
    if (s === 'recognizes' || s === 'withdrawal-disputed') recognize++;
    if (s === 'withdrawal-claimed') withdrawalClaimed++;
  }
  const name = day.stateName(candidate);
  const noun = orgNoun(orgId, members.length);
  let text = `${recognize} of ${members.length} ${noun} recognize ${name}`;
  if (withdrawalClaimed) text += ` (+${withdrawalClaimed} whose withdrawal is claimed)`;
  return { members: members.length, recognize, withdrawalClaimed, unverified, recorded: true, text };
}

function orgNoun(orgId: string, n: number): string {
  if (orgId === 'nato') return n === 1 ? 'ally' : 'allies';
  if (orgId === 'osce') return n === 1 ? 'participating state' : 'participating states';
  return n === 1 ? 'member' : 'members';
}

// ---------------------------------------------------------------- positions under uncertain drivers

/**
 * A stance as an answer shows it, once however many voters hold it (a default is held by most members at
 * every stage): where it comes from, why, its sources and the drivers it depends on. Voters name it by id
 * (StanceSpec.id); it depends on the case and the day only, not on the drivers set.
 */
export interface StanceView {
  origin: StanceSpec['origin'];
  /** For a default: why it is reasonable. */
  basis?: string;
  note?: string;
  sources: SourceRefData[];
  /** Drivers this stance depends on. */
  drivers: string[];
}

/** A voter at a stage, resolved (votersAt): its seats there and its position (the page's map and table show it). */
export interface VoterView {
  state: string;
  seats: number;
  /** The position's distribution over all scenarios: averaged over the drivers left uncertain. */
  dist: Dist;
  /**
   * The position's distribution in the most likely scenario (the drivers at the values the evaluation
   * assumes): what the tally, the blockers and the map colour count.
   */
  scenario: Dist;
  /** The most likely position in that scenario: the one the evaluation's tally, outcome and blockers count. */
  position: Position;
  recognition: RecognitionStatus;
  /** The voter's stance: its key in the answer's `stances`. */
  stance: string;
}

/** A stage's voters, resolved (votersAt). */
export interface StageVoters {
  stage: string;
  applies: boolean;
  /** undefined when the dataset cannot name the body's members. */
  voters?: VoterView[];
}

/**
 * A state's position under the setting, once for every stage where it holds the same stance (one draw: the
 * engine's unit), however many stages that is (13 for a candidate to the EU).
 */
export interface PositionView {
  state: string;
  /**
   * The stages where this position is the state's, when the state holds different stances at different stages;
   * absent when this is its one position, at every stage where it sits.
   */
  stages?: string[];
  dist: Dist;
  scenario: Dist;
  position: Position;
  recognition: RecognitionStatus;
  /** Its stance: a key of the answer's `stances`. */
  stance: string;
}

/** Who sits at a stage, with how many seats; each one's position is its entry in `positions` for the stage. */
export interface StageSeats {
  stage: string;
  applies: boolean;
  /** Seats by state, in the body's order; undefined when the dataset cannot name the body's members. */
  voters?: Record<string, number>;
}

/** A case's voters under a setting, as its answer gives them. */
export interface CaseVoters {
  voters: StageSeats[];
  positions: PositionView[];
}

/** Every stance held at some stage on the day, by id (the voters of `stageVoters` name them). */
export function stanceTable(setup: CaseSetup): Record<string, StanceView> {
  const out: Record<string, StanceView> = {};
  for (const { spec } of setup.units) {
    if (spec.id in out) continue;
    out[spec.id] = {
      origin: spec.origin,
      ...(spec.basis ? { basis: spec.basis } : {}),
      ...(spec.note ? { note: spec.note } : {}),
      sources: stanceSources(spec),
      drivers: [...driversOf(spec)],
    };
  }
  return out;
}

/** Every voter's position at every stage, averaged over the uncertain drivers (the session's tables): each position once. */
export function caseVoters(session: Session, fixed: Assignment): CaseVoters {
  const { setup } = session;
  const likely = mostLikelyAssignment(setup.case.drivers, fixed);
  const positions: PositionView[] = [];
  const seen = new Set<object>();
  const voters = session.voters(fixed).map((s): StageSeats => {
    if (!s.voters) return { stage: s.stage, applies: s.applies };
    const seats: Record<string, number> = {};
    for (const { state, seats: n, dist, unit } of s.voters) {
      seats[state] = n;
      if (seen.has(unit)) continue;
      seen.add(unit);
      const scenario = distUnder(unit.spec, likely);
      const recognition = setup.recognition.get(state) ?? 'does-not-recognize';
      const stages = unitsOf(setup, state) > 1 ? { stages: unit.stages } : {};
      positions.push({ state, ...stages, dist, scenario, position: mostLikely(scenario), recognition, stance: unit.spec.id });
    }
    return { stage: s.stage, applies: true, voters: seats };
  });
  return { voters, positions };
}

/** How many positions a state has in a setup (more than one when its stances are limited to stages). */
function unitsOf(setup: CaseSetup, state: string): number {
  let counts = unitCounts.get(setup);
  if (!counts) {
    counts = new Map();
    for (const u of setup.units) counts.set(u.state, (counts.get(u.state) ?? 0) + 1);
    unitCounts.set(setup, counts);
  }
  return counts.get(state) ?? 0;
}
const unitCounts = new WeakMap<CaseSetup, Map<string, number>>();

/** A state's position at a stage: its only one, or the one whose stages include the stage. */
export function positionAt(positions: PositionView[], state: string, stage: string): PositionView | undefined {
  return positions.find((p) => p.state === state && (!p.stages || p.stages.includes(stage)));
}

/** The voters of the `i`th stage with their positions (what a page's map and table show). */
export function votersAt(v: CaseVoters, i: number): StageVoters {
  const s = v.voters[i];
  if (!s.voters) return { stage: s.stage, applies: s.applies };
  const at = new Map<string, PositionView>();
  for (const p of v.positions) if (!p.stages || p.stages.includes(s.stage)) at.set(p.state, p);
  return {
    stage: s.stage,
    applies: s.applies,
    voters: Object.entries(s.voters).map(([state, seats]) => {
      const { stages: _stages, ...p } = at.get(state)!;
      return { ...p, state, seats };
    }),
  };
}

/** Every stage's voters with their positions (caseVoters, resolved by votersAt). */
export function stageVoters(session: Session, fixed: Assignment): StageVoters[] {
  const v = caseVoters(session, fixed);
  return v.voters.map((_, i) => votersAt(v, i));
}

// ---------------------------------------------------------------- evidence

/** What a page shows of a cited document, whoever cites it. */
export interface DocumentView {
  title: string;
  outlet?: string;
  author?: string;
  date?: string;
  url?: string;
  document?: string;
  /** The date was inferred, not read on the source (`dateVerified: false`): pages say so. */
  dateUnverified?: boolean;
}

/** One citation resolved: its document, the passage cited (quote and speaker), and what the citing file adds. */
export interface EvidenceItem extends DocumentView {
  source: string;
  quote?: string;
  speaker?: string;
  passage?: string;
  accessed?: string;
  note?: string;
}

/** What a reference points to, with its passage when it names one; a bare URL stays a link. */
export function resolveRef(ix: Indexed, ref: SourceRefData): EvidenceItem {
  const r = typeof ref === 'string' ? { source: ref } : ref;
  const src = ix.source(r.source);
  if (!src) return { source: r.source, title: r.source, url: /^https?:\/\//.test(r.source) ? r.source : undefined, note: (r as { note?: string }).note };
  const passage = 'passage' in r && r.passage ? src.passages.find((p) => p.id === r.passage) : undefined;
  return {
    source: src.id,
    title: src.title,
    outlet: src.outlet,
    author: src.author,
    date: src.date,
    url: src.url,
    document: src.document,
    quote: passage?.text,
    speaker: passage?.speaker,
    passage: passage?.id,
    ...(src.dateVerified === false ? { dateUnverified: true } : {}),
    accessed: 'accessed' in r ? r.accessed : undefined,
    note: ('note' in r ? r.note : undefined) ?? undefined,
  };
}

export type EvidenceTarget = { kind: 'stance' | 'driver' | 'tie'; id: string };

/**
 * A document an answer cites, written once however often it is cited (a case's answer cites one interview
 * for a dozen drivers, ties and stances): what every citation of it shares, and the passages cited.
 */
export interface SourceView extends DocumentView {
  /** The passages cited, by id: the quote and who said it. */
  passages?: Record<string, { quote: string; speaker?: string }>;
}

/** A citation in an answer's evidence: a key of its `sources`, the passage cited, and what the citing file adds. */
export interface EvidenceRef {
  source: string;
  passage?: string;
  accessed?: string;
  note?: string;
}

/** An answer's cited documents by id (filled by `citing`). */
export type SourceTable = Record<string, SourceView>;

/** Evidence as citations, each document put in `table` once (resolveEvidence gives the items back). */
export function citing(items: EvidenceItem[], table: SourceTable): EvidenceRef[] {
  return items.map((e) => {
    const src = (table[e.source] ??= {
      title: e.title,
      ...(e.outlet !== undefined ? { outlet: e.outlet } : {}),
      ...(e.author !== undefined ? { author: e.author } : {}),
      ...(e.date !== undefined ? { date: e.date } : {}),
      ...(e.url !== undefined ? { url: e.url } : {}),
      ...(e.document !== undefined ? { document: e.document } : {}),
      ...(e.dateUnverified ? { dateUnverified: true } : {}),
    });
    if (e.passage && e.quote !== undefined) (src.passages ??= {})[e.passage] = { quote: e.quote, ...(e.speaker !== undefined ? { speaker: e.speaker } : {}) };
    return {
      source: e.source,
      ...(e.passage !== undefined ? { passage: e.passage } : {}),
      ...(e.accessed !== undefined ? { accessed: e.accessed } : {}),
      ...(e.note !== undefined ? { note: e.note } : {}),
    };
  });
}

/** A citation read with its answer's sources: the item a page shows (the inverse of `citing`). */
export function resolveEvidence(r: EvidenceRef, table: SourceTable): EvidenceItem {
  const { passages, ...src } = table[r.source] ?? { title: r.source };
  const p = r.passage ? passages?.[r.passage] : undefined;
  return {
    source: r.source,
    ...src,
    ...(p ? { quote: p.quote, ...(p.speaker !== undefined ? { speaker: p.speaker } : {}), passage: r.passage } : r.passage ? { passage: r.passage } : {}),
    ...(r.accessed !== undefined ? { accessed: r.accessed } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  };
}

/** Citations read with their answer's sources (resolveEvidence on each). */
export function resolveAll(refs: EvidenceRef[], table: SourceTable): EvidenceItem[] {
  return refs.map((r) => resolveEvidence(r, table));
}

/** Whether a source was published by the day (an undated URL cannot be placed, so it stays). */
export function publishedBy(asOf: string): (e: EvidenceItem) => boolean {
  return (e) => !e.date || startOf(e.date) <= asOf;
}

/** References resolved, keeping only what was published by the day: nothing later is shown as a basis. */
export function evidenceOf(ix: Indexed, refs: SourceRefData[], asOf: string): EvidenceItem[] {
  return refs.map((r) => resolveRef(ix, r)).filter(publishedBy(asOf));
}

/**
 * The evidence for a stance, a driver or a tie as of a day: the references the data file gives, then
 * the passages of any source that say they support it ("XK/nato/stance:ES"). Each (source, passage)
 * once; a source published after the day is left out (no hindsight in what a page cites).
 */
export function evidenceFor(ix: Indexed, c: CaseData, target: EvidenceTarget, refs: SourceRefData[], asOf: string): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  const seen = new Set<string>();
  const add = (e: EvidenceItem) => {
    const key = `${e.source}#${e.passage ?? ''}`;
    if (seen.has(key)) return;
    // A whole-source reference is redundant once one of its passages is shown.
    if (!e.passage && out.some((x) => x.source === e.source)) return;
    seen.add(key);
    out.push(e);
  };
  for (const r of refs) add(resolveRef(ix, r));
  const tag = `${c.candidate}/${c.organization}/${target.kind}:${target.id}`;
  for (const src of ix.data.sources) {
    for (const p of src.passages) {
      if (p.supports?.includes(tag)) add(resolveRef(ix, { source: src.id, passage: p.id }));
    }
  }
  // Drop a whole-source entry when a passage of the same source was added after it.
  return out.filter((e) => e.passage || !out.some((x) => x.source === e.source && x.passage)).filter(publishedBy(asOf));
}

// ---------------------------------------------------------------- the overview

export interface CaseSummary {
  candidate: string;
  candidateName: string;
  organization: string;
  organizationName: string;
  title: string;
  status: CaseData['status'];
  isMember: boolean;
  counter: Counter;
  /** Whether the procedure passes with every actor at its most likely position. */
  admitted: boolean;
  /** P(admission), when computed (the API computes it; the overview page fills it in after the table). */
  probability?: number;
  /** Stages that fail under the most likely positions, with their blockers. */
  failing: Array<{ stage: string; name: string; blockers: string[] }>;
}

/** The names every view of a case starts with. */
function caseHeader(day: Day, c: CaseData) {
  return {
    candidate: c.candidate,
    candidateName: day.stateName(c.candidate),
    organization: c.organization,
    organizationName: day.orgShortName(c.organization),
    title: day.title(c),
  };
}

export function caseSummary(day: Day, c: CaseData, ev?: Evaluation, probability?: number): CaseSummary {
  const e = ev ?? evaluateSetup(setupCase(day.ix, c, day.asOf));
  return {
    ...caseHeader(day, c),
    status: e.status,
    isMember: day.isMember(c.organization, c.candidate),
    counter: counter(day, c.candidate, c.organization),
    admitted: e.admitted,
    ...(probability !== undefined ? { probability } : {}),
    failing: e.stages.filter((s) => s.outcome === 'fail').map((s) => ({ stage: s.id, name: s.name, blockers: s.blockers })),
  };
}

/** A case that has no answer on the day (caseNotApplicable: the organization or the candidate did not exist yet, or a body's seats are not recorded), and why. */
export interface NotApplicableCase {
  candidate: string;
  organization: string;
  title: string;
  reason: string;
}

/**
 * The cases that can be asked about on the day, and those that cannot: a view across cases answers
 * the first and names the second with the reason ("NATO did not exist on …"), instead of refusing
 * the whole day because one case has no answer.
 */
export function casesOnDay(day: Day): { cases: CaseData[]; notApplicable: NotApplicableCase[] } {
  const cases: CaseData[] = [];
  const notApplicableCases: NotApplicableCase[] = [];
  for (const c of day.ix.data.cases) {
    const org = day.ix.organization(c.organization);
    const why = org && caseNotApplicable(org, day.ix.state(c.candidate), day.asOf);
    if (why) notApplicableCases.push({ candidate: c.candidate, organization: c.organization, title: day.title(c), reason: why });
    else cases.push(c);
  }
  return { cases, notApplicable: notApplicableCases };
}

/** Candidates × organizations: each cell the status, the verdict under the most likely stances and the counter. */
export function overview(day: Day) {
  const ix = day.ix;
  const candidates = [...new Set(ix.data.cases.map((c) => c.candidate))].sort();
  const organizations = [...new Set(ix.data.cases.map((c) => c.organization))].sort();
  const on = casesOnDay(day);
  return {
    asOf: day.asOf,
    candidates: candidates.map((code) => ({ code, name: day.stateName(code) })),
    organizations: organizations.map((id) => ({ id, name: ix.organization(id)?.name ?? id, shortName: ix.organization(id)?.shortName ?? id })),
    cells: on.cases.map((cas) => summaryWithProbability(day, cas)),
    notApplicable: on.notApplicable,
  };
}

/** Every case's summary with its P(admission) (the case list), and the cases without an answer on the day. */
export function caseList(day: Day) {
  const on = casesOnDay(day);
  return { asOf: day.asOf, cases: on.cases.map((c) => summaryWithProbability(day, c)), notApplicable: on.notApplicable };
}

/** A case's summary with its exact P(admission) (the API's answer; the overview page fills it in later). */
export function summaryWithProbability(day: Day, cas: CaseData) {
  const a = analyzeCase(day.ix, cas, day.asOf);
  return caseSummary(day, cas, a.evaluation, a.probability);
}

// ---------------------------------------------------------------- a state across every case

export interface StateStance {
  candidate: string;
  organization: string;
  title: string;
  /** Member of the organization on the day. */
  member: boolean;
  recognition: RecognitionStatus;
  /** Why the membership or the recognition above is not checked (empty when both are verified). */
  unverified: string[];
  stages: Array<{
    stage: string;
    name: string;
    sits: boolean;
    dist?: Dist;
    /** The position's distribution in the most likely scenario (what the map colours). */
    scenario?: Dist;
    origin?: StanceSpec['origin'];
    basis?: string;
    note?: string;
    drivers?: string[];
  }>;
  /** Citations of the answer's `sources`. */
  evidence: EvidenceRef[];
}

/**
 * A state in every case that has an answer on the day (casesOnDay names the others), and every document its
 * evidence cites, once.
 */
export function stateAcrossCases(day: Day, code: string): { cases: StateStance[]; sources: SourceTable } {
  const ix = day.ix;
  const sources: SourceTable = {};
  const cases = casesOnDay(day).cases.map((c) => {
    const session = openSession(ix, c, day.asOf);
    const setup = session.setup;
    const voters = stageVoters(session, {});
    const stances = stanceTable(setup);
    let refs: SourceRefData[] = [];
    const stages = setup.stages.map((s, i) => {
      const v = voters[i].voters?.find((x) => x.state === code);
      const st = v && stances[v.stance];
      if (st) refs = refs.concat(st.sources);
      return {
        stage: s.stage.id,
        name: s.stage.name,
        sits: !!v,
        ...(v && st ? { dist: v.dist, scenario: v.scenario, origin: st.origin, basis: st.basis, note: st.note, drivers: st.drivers } : {}),
      };
    });
    return {
      candidate: c.candidate,
      organization: c.organization,
      title: day.title(c),
      member: day.isMember(c.organization, code),
      recognition: day.recognition(c.candidate, code),
      unverified: day.unverified(c.candidate, c.organization, code),
      stages,
      evidence: citing(evidenceFor(ix, c, { kind: 'stance', id: code }, dedupeRefs(refs), day.asOf), sources),
    };
  });
  return { cases, sources };
}

function dedupeRefs(refs: SourceRefData[]): SourceRefData[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = JSON.stringify(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------- one case, everything the page shows

export interface CaseDetails {
  candidate: string;
  candidateName: string;
  organization: string;
  organizationName: string;
  title: string;
  asOf: string;
  /** Drivers fixed by the request (the rest are uncertain). */
  fixed: Assignment;
  counter: Counter;
  isMember: boolean;
  evaluation: CaseEvaluation;
  /** P(admission): every stage passes, over the drivers not fixed and every member's position. */
  probability: number;
  /** P(pass) by stage id. */
  stageProbabilities: Record<string, number>;
  /** Which method gave the probabilities: exact, or a Monte Carlo estimate with its standard errors. */
  method: Analysis['method'];
  /** How much each driver moves P(admission), largest first. */
  sensitivity: Analysis['sensitivity'];
  /** The fewest stance changes per stage and for the procedure; the fewest driver settings. */
  whatItTakes: Analysis['whatItTakes'];
  /** Who sits at each stage, with their seats. */
  voters: StageSeats[];
  /** Each state's position at the stages where it holds one stance, once. */
  positions: PositionView[];
  /** Every stance the voters hold, by the id they name it with. */
  stances: Record<string, StanceView>;
  drivers: Array<{ id: string; name: string; p: number; fixed?: boolean; note?: string; evidence: EvidenceRef[] }>;
  ties: Array<{ id: string; name: string; kind: string; since?: string; until?: string; active: boolean; note?: string; evidence: EvidenceRef[] }>;
  /** Evidence for each voter's stance, by state code. */
  stanceEvidence: Record<string, EvidenceRef[]>;
  statusEvidence: EvidenceRef[];
  /** Every document the evidence above cites, once, by the id its citations name (resolveEvidence reads them). */
  sources: SourceTable;
  /** Why a member's membership or recognition on the day is not checked, by state (only the doubtful ones). */
  unverified: Record<string, string[]>;
}

/**
 * The evaluation (every voter at its most likely position in the most likely scenario) as a case's answer
 * gives it: without what the answer says once elsewhere — each stage's voters (in `voters`, with the
 * position counted) and the ties (in `ties`, with their evidence as of the day).
 */
export type CaseEvaluation = Omit<Evaluation, 'stages' | 'ties'> & { stages: Array<Omit<Evaluation['stages'][number], 'voters'>> };

export function caseEvaluation(ev: Evaluation): CaseEvaluation {
  const { stages, ties: _ties, ...rest } = ev;
  return { ...rest, stages: stages.map(({ voters: _voters, ...s }) => s) };
}

/** The parts of a case that depend on the day only (not on the drivers): evidence, ties, counter. */
export function caseStatic(day: Day, c: CaseData, setup: CaseSetup) {
  const ix = day.ix;
  // Every document cited, once: the evidence below cites them by id.
  const sources: SourceTable = {};
  const cite = (items: EvidenceItem[]) => citing(items, sources);
  // A state's evidence: the sources of each stance it holds (one per stage, when stances are limited to stages).
  const refsByState = new Map<string, SourceRefData[]>();
  for (const u of setup.units) refsByState.set(u.state, [...(refsByState.get(u.state) ?? []), ...stanceSources(u.spec)]);
  const stanceEvidence: Record<string, EvidenceRef[]> = {};
  for (const [state, refs] of refsByState) stanceEvidence[state] = cite(evidenceFor(ix, c, { kind: 'stance', id: state }, dedupeRefs(refs), day.asOf));
  return {
    ...caseHeader(day, c),
    asOf: day.asOf,
    counter: counter(day, c.candidate, c.organization),
    isMember: day.isMember(c.organization, c.candidate),
    members: [...day.members(c.organization)],
    // Facts on the day that no source confirmed, by state (the members and the candidate): pages mark them.
    unverified: Object.fromEntries(
      [...day.members(c.organization), c.candidate].map((m) => [m, day.unverified(c.candidate, c.organization, m)] as const).filter(([, r]) => r.length > 0),
    ),
    // The drivers in force on the day (setup.case), not every driver the file defines.
    driverEvidence: Object.fromEntries(setup.case.drivers.map((d) => [d.id, cite(evidenceFor(ix, c, { kind: 'driver', id: d.id }, d.sources, day.asOf))])),
    ties: day.ties(c).map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      since: t.since,
      until: t.until,
      active: t.active,
      note: t.note,
      evidence: cite(evidenceFor(ix, c, { kind: 'tie', id: t.id }, t.sources, day.asOf)),
    })),
    stances: stanceTable(setup),
    stanceEvidence,
    statusEvidence: cite(evidenceOf(ix, c.status.sources, day.asOf)),
    sources,
  };
}
export type CaseStatic = ReturnType<typeof caseStatic>;

/** A case on a day with what does not depend on the drivers done once: its session and its static part. */
export interface PreparedCase {
  session: Session;
  static: CaseStatic;
}

export function prepareCase(day: Day, c: CaseData): PreparedCase {
  const session = openSession(day.ix, c, day.asOf);
  return { session, static: caseStatic(day, c, session.setup) };
}

/**
 * Everything the page shows for a case on a day under fixed drivers (the API's answer). A caller that
 * answers many settings for one case and day (the server's workers) passes the case prepared once.
 */
export function caseDetails(day: Day, c: CaseData, fixed: Assignment = {}, prepared: PreparedCase = prepareCase(day, c)): CaseDetails {
  const asOf = day.asOf;
  const { session, static: st } = prepared;
  const analysis = session.analyze(fixed);
  const evaluation = analysis.evaluation;
  return {
    candidate: st.candidate,
    candidateName: st.candidateName,
    organization: st.organization,
    organizationName: st.organizationName,
    title: st.title,
    asOf,
    // Only the drivers in force on the day: a setting of a question not yet asked decides nothing.
    fixed: session.known(fixed),
    counter: st.counter,
    isMember: st.isMember,
    evaluation: caseEvaluation(evaluation),
    probability: analysis.probability,
    stageProbabilities: analysis.stageProbabilities,
    method: analysis.method,
    sensitivity: analysis.sensitivity,
    whatItTakes: analysis.whatItTakes,
    ...caseVoters(session, fixed),
    stances: st.stances,
    drivers: session.setup.case.drivers.map((d) => ({
      id: d.id,
      name: d.name,
      p: d.p,
      ...(d.id in fixed ? { fixed: fixed[d.id] } : {}),
      ...(d.note ? { note: d.note } : {}),
      evidence: st.driverEvidence[d.id],
    })),
    ties: st.ties,
    stanceEvidence: st.stanceEvidence,
    statusEvidence: st.statusEvidence,
    sources: st.sources,
    unverified: st.unverified,
  };
}
