// The days on which a case's answer can change: every date the case, its organization, the candidate's
// recognitions and state, and the sources it cites carry. Between two such days nothing the answer reads
// compares differently, so a day can be replaced by the latest change point on or before it (its
// "effective day") and the answer computed once for the whole stretch. Pure: data in, days out.
import { EngineError, type Session, sessionOf } from '../engine/index.ts';
import { caseAsOf, publishedIn } from '../model/asof.ts';
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import { addDays, endOf, isPartialDay, startOf } from '../model/grammar.ts';
import type { CaseData } from '../model/schema.ts';
import type { PreparedCase } from './views.ts';

/**
 * Every string in a value that reads as a day or a partial day, and every key `from`/`to` holding a
 * year (a body's terms), walked without knowing the schema: a date field added later is picked up too.
 */
function collect(value: unknown, out: Set<string>, sourceIds: Set<string>, isSource: (id: string) => boolean): void {
  if (typeof value === 'string') {
    if (isPartialDay(value)) {
      // The comparisons in the data's as-of code are of three kinds: startOf(x) > day, endOf(x) <= day and
      // a raw day < x; each flips on one of these days, so all three are change points.
      const first = startOf(value);
      const last = endOf(value);
      out.add(first).add(last).add(addDays(last, 1));
    } else if (isSource(value)) sourceIds.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, sourceIds, isSource);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // A body's terms give years (numbers): a term counts from 1 January of `from` to 31 December of `to`.
      if ((k === 'from' || k === 'to') && typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9999) {
        const y = String(v).padStart(4, '0');
        out.add(`${y}-01-01`).add(addDays(`${y}-12-31`, 1));
      } else collect(v, out, sourceIds, isSource);
    }
  }
}

/** Every state code an organization's data names (its members, its bodies' terms and seats), as values or keys. */
function statesIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (/^[A-Z]{2}$/.test(value)) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) statesIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (/^[A-Z]{2}$/.test(k)) out.add(k);
      statesIn(v, out);
    }
  }
  return out;
}

/** A case's change points, ascending. */
export function changePoints(ix: Indexed, c: CaseData): string[] {
  const days = new Set<string>();
  const sourceIds = new Set<string>();
  const isSource = (id: string) => ix.source(id) !== undefined;
  const org = ix.organization(c.organization);
  const recognitions = ix.recognitions(c.candidate);
  // Only the recognitions by states that ever sit in one of the organization's bodies are read by the
  // answer (its counter, its voters, its doubtful facts): the others' dates change nothing in it.
  const seated = statesIn(org).add(c.candidate);
  const parts: unknown[] = [c, org, recognitions && { ...recognitions, recognitions: recognitions.recognitions.filter((r) => seated.has(r.state)) }, ix.state(c.candidate), ix.candidate(c.candidate)];
  for (const p of parts) collect(p, days, sourceIds, isSource);
  // Sources whose passages say they support something of this case are cited without being named in it.
  const tag = `${c.candidate}/${c.organization}/`;
  for (const s of ix.data.sources) {
    if (sourceIds.has(s.id) || s.passages.some((p) => p.supports?.some((t) => t.startsWith(tag)))) collect(s, days, new Set(), () => false);
  }
  return [...days].filter((d) => d.length === 10).sort();
}

/**
 * The effective day of a day: the latest change point on or before it, or the day itself when it comes
 * before every change point (nothing to share it with: days before the first one are left as asked).
 */
export function effectiveDayOf(points: readonly string[]): (day: string) => string {
  return (day) => {
    let lo = 0;
    let hi = points.length;
    // The number of points <= day.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? day : points[lo - 1]!;
  };
}

/** A case's question reduced to what its answer depends on: the effective day and the drivers in force then. */
export interface EffectiveQuery {
  asOf: string;
  fixed: Assignment;
}

/**
 * For one case: a day and a driver setting to the effective day and the setting of the drivers in force
 * on it (a setting of a driver not yet asked decides nothing; the answer leaves it out). The answers to
 * both questions are the same but for the day they name (change-points.test.ts checks this).
 */
export function effectiveQueryOf(ix: Indexed, c: CaseData): (asOf: string, fixed: Assignment) => EffectiveQuery {
  const points = changePoints(ix, c);
  const dayOf = effectiveDayOf(points);
  // The drivers in force on each change point, found on first use (a day before them all is its own).
  const inForce = new Map<string, Set<string>>();
  // As the engine sees them: a driver without since counts from its first dated report.
  const published = publishedIn(ix);
  const driversOn = (day: string) => new Set(caseAsOf(c, day, published).drivers.map((d) => d.id));
  return (asOf, fixed) => {
    const day = dayOf(asOf);
    let known = inForce.get(day);
    if (!known) {
      known = driversOn(day);
      if (day !== asOf || points.includes(day)) inForce.set(day, known);
    }
    const ids = known;
    return { asOf: day, fixed: Object.fromEntries(Object.entries(fixed).filter(([k]) => ids.has(k))) };
  };
}

/**
 * A case prepared on its effective day, named for another day of the same stretch: the same tables and
 * static part (nothing they read differs between the two days), the session's setup carrying the day asked
 * (the evaluation names it). Undefined when the session estimates by sampling (no tables to share): such a
 * day is prepared on its own.
 */
export function preparedOn(shared: PreparedCase, asOf: string): PreparedCase | undefined {
  if (shared.session.setup.asOf === asOf) return shared;
  let tables: Session['prepared'];
  try {
    tables = shared.session.prepared;
  } catch (e) {
    if (e instanceof EngineError) return undefined;
    throw e;
  }
  // The models of what it would take are built on first use and kept with the tables: built here, once,
  // so that every day named from these tables shares them instead of building its own.
  if (!tables.changes) shared.session.stanceChanges(shared.session.evaluate({}));
  return { session: sessionOf({ ...tables, setup: { ...tables.setup, asOf } }), static: { ...shared.static, asOf } };
}
