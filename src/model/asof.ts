// Everything dated is evaluated as of a day: memberships, body seats, recognitions, stances.
import { endOf, startOf } from './grammar.ts';

// Days are defined in the grammar; re-exported here because as-of code reaches for them with the rest.
export { endOf, startOf } from './grammar.ts';
import type { BodyData, CaseData, ConditionData, SourceRefData, OrganizationData, RecognitionData, RecognitionsFileData, StageData, StateData, TimelineStepData } from './schema.ts';

/** Whether a period [since, until) covers the day; a missing bound is open. */
export function covers(asOf: string, since?: string, until?: string): boolean {
  if (since && startOf(since) > asOf) return false;
  // `until`/`left` is the first day outside the period.
  if (until && startOf(until) <= asOf) return false;
  return true;
}

/**
 * The day a membership starts, for as-of evaluation. `joined: unknown` (no source confirmed a date)
 * has no start: the state counts as a member at every date its row covers (every date before
 * `left`, back to the organization's founding) and the row stays `verified: false`, so that pages
 * and `accede audit` flag it. Counting it is the lesser error for these rows: they are current
 * members whose date is missing, and leaving them out would drop real voters from every body.
 */
export function joinedDay(m: { joined?: string }): string | undefined {
  return m.joined === 'unknown' ? undefined : m.joined;
}

/** Whether two periods [since, until) share a day; a missing bound is open. */
export function overlaps(a: { since?: string; until?: string }, b: { since?: string; until?: string }): boolean {
  const before = (until?: string, since?: string) => until !== undefined && since !== undefined && startOf(until) <= startOf(since);
  return !before(a.until, b.since) && !before(b.until, a.since);
}

export function membersAsOf(org: OrganizationData, asOf: string): string[] {
  const out = new Set<string>();
  for (const m of org.members) if (covers(asOf, joinedDay(m), m.left)) out.add(m.state);
  return [...out];
}

export function isMember(org: OrganizationData, state: string, asOf: string): boolean {
  return org.members.some((m) => m.state === state && covers(asOf, joinedDay(m), m.left));
}

/**
 * Who sits in a body on the day, with seats; `undefined` when the dataset cannot name them. A body
 * composed of the candidate seats the candidate (undefined when no candidate is given).
 */
export function bodySeatsAsOf(org: OrganizationData, body: BodyData, asOf: string, candidate?: string): Map<string, number> | undefined {
  let members: string[];
  if (body.composition === 'unknown') return undefined;
  if (body.composition === 'candidate') return candidate ? new Map([[candidate, 1]]) : undefined;
  if (body.composition === 'terms') {
    const year = Number(asOf.slice(0, 4));
    if (!termsKnownIn(body, year)) return undefined;
    members = (body.terms ?? [])
      .filter((t) => t.from <= year && (t.permanent || (t.to ?? t.from) >= year))
      .map((t) => t.state);
  } else {
    members = membersAsOf(org, asOf);
  }
  return new Map(members.map((m) => [m, body.seats?.[m] ?? 1]));
}

export function stageBody(org: OrganizationData, stage: StageData): BodyData {
  const body = org.bodies.find((b) => b.id === stage.body);
  if (!body) throw new Error(`stage ${stage.id} names unknown body ${stage.body}`);
  return body;
}

export type RecognitionStatus = RecognitionData['status'];

/** A state's recognition status on the day: claims and withdrawals count only once made. */
export function recognitionAsOf(rec: RecognitionData | undefined, asOf: string): RecognitionStatus {
  if (!rec || rec.status === 'does-not-recognize') return 'does-not-recognize';
  if (rec.date && startOf(rec.date) > asOf) return 'does-not-recognize';
  if (rec.withdrawalClaimed && startOf(rec.withdrawalClaimed) > asOf) return 'recognizes';
  return rec.status;
}

export function recognitionsAsOf(file: RecognitionsFileData | undefined, asOf: string): Map<string, RecognitionStatus> {
  const out = new Map<string, RecognitionStatus>();
  for (const r of file?.recognitions ?? []) out.set(r.state, recognitionAsOf(r, asOf));
  return out;
}

/**
 * The steps of a timeline known on the day, oldest first. A step dated by month or year counts only
 * from the end of that month or year: what was not yet certainly decided is not used (no hindsight).
 */
export function timelineAsOf(steps: TimelineStepData[] | undefined, asOf: string): TimelineStepData[] {
  return (steps ?? []).filter((t) => endOf(t.date) <= asOf).sort((a, b) => endOf(a.date).localeCompare(endOf(b.date)));
}

/** The stages passed on the day: those whose latest step by then passed, with that step. */
export function passedAsOf(steps: TimelineStepData[] | undefined, asOf: string): Map<string, TimelineStepData> {
  const last = new Map<string, TimelineStepData>();
  for (const t of timelineAsOf(steps, asOf)) last.set(t.stage, t);
  return new Map([...last].filter(([, t]) => t.outcome === 'pass'));
}

/**
 * Why a case has no answer on the day: the organization or the candidate did not exist yet. The question
 * is then answered as such, never computed (members "as of 1800" would be an empty body that passes).
 */
export function notApplicable(org: OrganizationData, candidate: StateData | undefined, asOf: string): string | undefined {
  if (org.founded && asOf < org.founded.date) return `${org.shortName} did not exist on ${asOf} (founded ${org.founded.date})`;
  return notYetAState(candidate, asOf);
}

/** Why a candidate has no case at all on the day: it was not yet a state. */
export function notYetAState(candidate: StateData | undefined, asOf: string): string | undefined {
  if (candidate?.statehood && asOf < candidate.statehood.date) {
    return `${candidate.name} did not exist as a state on ${asOf} (since ${candidate.statehood.date})`;
  }
  return undefined;
}

/** Whether a body composed of terms names every seat in the year (true when the data claims no limit). */
function termsKnownIn(body: BodyData, year: number): boolean {
  return !body.termsKnown || (body.termsKnown.from <= year && year <= body.termsKnown.to);
}

/**
 * Why a case has no answer on the day: `notApplicable`, or a stage of its procedure is voted by a
 * body whose seats the dataset does not name that year (the UN Security Council before its recorded
 * terms). Computing it would seat only the permanent five, who can never reach nine votes: a
 * confident wrong answer, so the day is refused with the reason instead.
 */
export function caseNotApplicable(org: OrganizationData, candidate: StateData | undefined, asOf: string): string | undefined {
  const why = notApplicable(org, candidate, asOf);
  if (why) return why;
  const year = Number(asOf.slice(0, 4));
  for (const stage of org.procedure.stages) {
    const body = org.bodies.find((b) => b.id === stage.body);
    if (body?.composition !== 'terms' || termsKnownIn(body, year)) continue;
    const { from, to } = body.termsKnown!;
    return `the members of the ${org.shortName} ${body.name} in ${year} are not in the dataset (recorded for ${from}–${to}), so ${org.shortName} admission cannot be computed on ${asOf}`;
  }
  return undefined;
}

/** Thrown by the engine's input preparation for a day a case has no answer (caseNotApplicable says why). */
export class NotApplicableError extends Error {
  readonly code = 'not_applicable';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotApplicableError';
  }
}

/** The day a source was published (its first possible day), or undefined when the data does not say. */
export type PublishedOn = (ref: SourceRefData) => string | undefined;

/** Publication days read from the dataset's sources (URLs and undated sources have none). */
export function publishedIn(ix: { source(id: string): { date?: string } | undefined }): PublishedOn {
  return (r) => {
    const date = ix.source(typeof r === 'string' ? r : r.source)?.date;
    return date ? startOf(date) : undefined;
  };
}

/**
 * The first day a fact with no `since` of its own was known: the earliest publication among its
 * sources. Undefined (known at every date) when any source carries no date — a bare URL cannot be
 * placed in time, so it cannot prove hindsight.
 */
export function knownFrom(sources: readonly SourceRefData[], published: PublishedOn): string | undefined {
  let first: string | undefined;
  for (const r of sources) {
    const day = published(r);
    if (!day) return undefined;
    if (!first || day < first) first = day;
  }
  return first;
}

/**
 * A case as of a day: only the drivers in force then (`since`/`until`), and every condition that names
 * a driver not yet (or no longer) in force dropped — a question nobody asked yet decides nothing.
 * A stance or driver without `since` takes effect when it was first reported (`knownFrom`): evaluated
 * on the eve of a vote, a state's position known only from reports of the vote itself is not used,
 * and the state falls back to the case's defaults. Defaults are the model's prior for every voter
 * without a known stance and always apply (a voter without any would count as absent); where their
 * basis was learnt later, the track record says so beside the forecast.
 * The same object back when nothing is dropped, so sessions keyed by case stay shared.
 */
export function caseAsOf(c: CaseData, asOf: string, published: PublishedOn = () => undefined): CaseData {
  const known = (x: { since?: string; sources: readonly SourceRefData[] }) => {
    if (x.since) return true;
    const from = knownFrom(x.sources, published);
    return !from || from <= asOf;
  };
  const gone = new Set(c.drivers.filter((d) => !covers(asOf, d.since, d.until) || !known(d)).map((d) => d.id));
  const stances = c.stances.filter(known);
  if (gone.size === 0 && stances.length === c.stances.length) return c;
  const names = (cond: ConditionData) => Object.keys(cond).some((id) => gone.has(id));
  const keep = <T extends { when?: Array<{ if: ConditionData }> }>(x: T): T =>
    x.when?.some((w) => names(w.if)) ? { ...x, when: x.when.filter((w) => !names(w.if)) } : x;
  return {
    ...c,
    drivers: c.drivers
      .filter((d) => !gone.has(d.id))
      .map((d) => (d.given?.some((g) => names(g.when)) ? { ...d, given: d.given.filter((g) => !names(g.when)) } : d)),
    stances: stances.map(keep),
    defaults: c.defaults.map(keep),
  };
}
