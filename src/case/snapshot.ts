// The dataset on one day: who belongs to each organization, who recognizes each candidate, which ties
// are active, what each case is called. Built once per day (each part on first use, then kept), the way
// rules-as-code projects build their parameters at an instant, so no view goes back to the raw dates.
// Pure: the day is passed in, never read from a clock.
import { covers, joinedDay, membersAsOf, recognitionsAsOf, type RecognitionStatus } from '../model/asof.ts';
import { membershipUnverified, reasonOf } from '../model/audit.ts';
import type { Indexed } from '../model/dataset.ts';
import type { CaseData, TieData } from '../model/schema.ts';

export interface ActiveTie extends TieData {
  /** Whether the tie holds on the day ([since, until) covers it). */
  active: boolean;
}

export interface Day {
  readonly ix: Indexed;
  readonly asOf: string;
  /** Members of the organization on the day (empty for an unknown organization). */
  members(org: string): readonly string[];
  isMember(org: string, state: string): boolean;
  /** Each state's recognition of the candidate on the day (absent: does not recognize). */
  recognitions(candidate: string): ReadonlyMap<string, RecognitionStatus>;
  recognition(candidate: string, state: string): RecognitionStatus;
  /** The case's ties, each marked active or not on the day. */
  ties(c: CaseData): readonly ActiveTie[];
  /**
   * Why what the day says about a state in a case is not checked: its membership row in the
   * organization (the one covering the day) or its recognition of the candidate, when marked
   * `verified: false`. Empty when both are verified, so pages can mark exactly the doubtful facts.
   */
  unverified(candidate: string, org: string, state: string): string[];
  /** "Kosovo × NATO" unless the case names itself. */
  title(c: CaseData): string;
  stateName(code: string): string;
  orgShortName(id: string): string;
}

function memo<K, V>(build: (k: K) => V): (k: K) => V {
  const kept = new Map<K, V>();
  return (k) => {
    if (!kept.has(k)) kept.set(k, build(k));
    return kept.get(k)!;
  };
}

export function daySnapshot(ix: Indexed, asOf: string): Day {
  const members = memo((org: string) => {
    const o = ix.organization(org);
    return o ? membersAsOf(o, asOf) : [];
  });
  const memberSets = memo((org: string) => new Set(members(org)));
  const recognitions = memo((candidate: string) => recognitionsAsOf(ix.recognitions(candidate), asOf));
  const ties = memo((c: CaseData) => c.ties.map((t) => ({ ...t, active: covers(asOf, t.since, t.until) })));
  // The doubtful rows, each kind gathered once per day: the pages ask for every member of every case.
  const doubtfulMembers = memo((org: string) => {
    const rows = (ix.organization(org)?.members ?? []).filter((m) => membershipUnverified(m) && covers(asOf, joinedDay(m), m.left));
    return new Map(rows.map((m) => [m.state, `membership unverified: ${reasonOf(m)}`]));
  });
  const doubtfulRecognitions = memo((candidate: string) => {
    const rows = (ix.recognitions(candidate)?.recognitions ?? []).filter((r) => r.verified === false);
    return new Map(rows.map((r) => [r.state, `recognition unverified: ${reasonOf(r)}`]));
  });
  const unverified = (candidate: string, org: string, state: string): string[] =>
    [doubtfulMembers(org).get(state), doubtfulRecognitions(candidate).get(state)].filter((x): x is string => x !== undefined);
  const stateName = (code: string) => ix.state(code)?.name ?? code;
  const orgShortName = (id: string) => ix.organization(id)?.shortName ?? id;
  return {
    ix,
    asOf,
    members,
    isMember: (org, state) => memberSets(org).has(state),
    recognitions,
    recognition: (candidate, state) => recognitions(candidate).get(state) ?? 'does-not-recognize',
    ties,
    unverified,
    title: (c) => c.title ?? `${stateName(c.candidate)} × ${orgShortName(c.organization)}`,
    stateName,
    orgShortName,
  };
}
