// What the dataset claims and how much of it is checked: every fact counted by kind and
// verification status, and every unverified fact listed with the reason it could not be confirmed.
// Pure: reads a Dataset, no I/O (the CLI's `accede audit` prints it; the pages can use it too).
import type { Dataset } from './dataset.ts';

/**
 * verified: a fact with a source and no `verified: false`;
 * unverified: marked `verified: false` (or a source whose date was inferred) — a lead, not a fact;
 * judgment: a probability (driver, stance, default, estimate) — sourced, but a modelling judgment
 * that no source can verify.
 */
export type AuditStatus = 'verified' | 'unverified' | 'judgment';
export type AuditKind =
  | 'states'
  | 'memberships'
  | 'council-terms'
  | 'recognitions'
  | 'case-statuses'
  | 'drivers'
  | 'stances'
  | 'defaults'
  | 'estimates'
  | 'ties'
  | 'sources'
  | 'backtests';

export interface UnverifiedFact {
  kind: AuditKind;
  /** The file inside the data folder, as `validate` names it. */
  file: string;
  /** Where in the file, as a path array (the one error shape's path). */
  path: Array<string | number>;
  /** What the fact is about, e.g. "interpol: AF" or "XK recognitions: SV". */
  what: string;
  reason: string;
  /** False when the row says nothing about why it is unverified (no note, no reason). */
  explained: boolean;
}

export interface Audit {
  total: number;
  byStatus: Record<AuditStatus, number>;
  byKind: Record<AuditKind, Record<AuditStatus, number>>;
  unverified: UnverifiedFact[];
}

/**
 * The project's tolerance for facts that could not be confirmed: at most this many may stay
 * unverified, each with the reason. `accede audit --strict` holds the dataset to it.
 */
export const UNVERIFIED_BUDGET = 50;

/** Why `audit --strict` fails, as plain sentences; empty when it passes. */
export function strictFailures(a: Audit, budget: number = UNVERIFIED_BUDGET): string[] {
  const failures: string[] = [];
  const unexplained = a.unverified.filter((f) => !f.explained);
  if (unexplained.length) failures.push(`${unexplained.length} unverified fact(s) give no reason: ${unexplained.map((f) => f.what).join(', ')}`);
  if (a.unverified.length > budget) failures.push(`${a.unverified.length} facts are unverified, more than the ${budget} allowed`);
  return failures;
}

const KINDS: AuditKind[] = ['states', 'memberships', 'council-terms', 'recognitions', 'case-statuses', 'drivers', 'stances', 'defaults', 'estimates', 'ties', 'sources', 'backtests'];
const zero = (): Record<AuditStatus, number> => ({ verified: 0, unverified: 0, judgment: 0 });

/**
 * Whether a membership row is unverified: marked `verified: false`, or with no confirmed join date
 * (`joined: unknown`, which the schema already requires to be marked so; checked here too so a row
 * built in code cannot slip through). The audit counts these rows; pages flag them.
 */
export function membershipUnverified(m: { verified?: boolean; joined?: string }): boolean {
  return m.verified === false || m.joined === 'unknown';
}

/** The reason of an unverified row: its `reason` (joined: unknown), else its note without the "unverified:" prefix. */
export function reasonOf(row: { reason?: string; note?: string }): string {
  if (row.reason) return `join date unknown: ${row.reason}`;
  const note = (row.note ?? '').replace(/^\s*unverified\s*:?\s*/i, '').trim();
  return note || UNEXPLAINED;
}

const UNEXPLAINED = 'marked verified: false without a note';
const explained = (reason: string) => reason !== UNEXPLAINED;

const because = (reason: string) => ({ reason, explained: explained(reason) });

export function audit(data: Dataset): Audit {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, zero()])) as Audit['byKind'];
  const unverified: UnverifiedFact[] = [];
  const count = (kind: AuditKind, status: AuditStatus) => byKind[kind][status]++;
  const flag = (fact: UnverifiedFact) => {
    count(fact.kind, 'unverified');
    unverified.push(fact);
  };

  for (const _ of data.states) count('states', 'verified');

  for (const org of data.organizations) {
    const file = `organizations/${org.id}.yaml`;
    org.members.forEach((m, i) => {
      if (membershipUnverified(m)) flag({ kind: 'memberships', file, path: ['members', i], what: `${org.id}: ${m.state}`, ...because(reasonOf(m)) });
      else count('memberships', 'verified');
    });
    org.bodies.forEach((b) => {
      for (const _ of b.terms ?? []) count('council-terms', 'verified');
    });
  }

  for (const rec of data.recognitions) {
    const file = `recognitions/${rec.candidate}.yaml`;
    rec.recognitions.forEach((r, i) => {
      if (r.verified === false) flag({ kind: 'recognitions', file, path: ['recognitions', i], what: `${rec.candidate} recognitions: ${r.state} (${r.status})`, ...because(reasonOf(r)) });
      else count('recognitions', 'verified');
    });
  }

  for (const c of data.cases) {
    count('case-statuses', 'verified');
    for (const _ of c.drivers) count('drivers', 'judgment');
    for (const _ of c.stances) count('stances', 'judgment');
    for (const _ of c.defaults) count('defaults', 'judgment');
    for (const _ of c.estimates) count('estimates', 'judgment');
    for (const _ of c.ties) count('ties', 'verified');
  }

  // Sources are listed per file by the loader; the audit names them by id.
  data.sources.forEach((s) => {
    if (s.dateVerified === false)
      flag({ kind: 'sources', file: 'sources/', path: [s.id, 'date'], what: `source ${s.id}: date ${s.date ?? '(none)'}`, reason: `publication date not confirmed${s.note ? `: ${s.note}` : ''}`, explained: Boolean(s.note) });
    else count('sources', 'verified');
  });

  for (const _ of data.backtests) count('backtests', 'verified');

  const byStatus = zero();
  for (const k of KINDS) for (const s of Object.keys(byStatus) as AuditStatus[]) byStatus[s] += byKind[k][s];
  return { total: byStatus.verified + byStatus.unverified + byStatus.judgment, byStatus, byKind, unverified };
}
