// The grammar of the domain language, defined once: ids, state codes, organization ids, evidence links, days.
// Plain patterns and predicates with no dependency, so the browser bundle, the permalink (zod/mini) and
// the zod schemas of the model (schema.ts: Id, StateCode, OrgId, Day, PartialDay, LinkTarget) share them.

/** An id of the dataset (organization, body, stage, driver, tie, source, passage). */
export const ID = /^[a-z0-9][a-z0-9-]*$/;
export const ID_MESSAGE = 'an id of lowercase letters, digits and hyphens';

/** Organization ids follow the id grammar ("nato", "coe"). */
export const ORG_ID = ID;
export const ORG_ID_MESSAGE = 'an organization id of lowercase letters, digits and hyphens, e.g. nato';

/** ISO 3166-1 alpha-2, plus the user-assigned XK for Kosovo. */
export const STATE_CODE = /^[A-Z]{2}$/;
export const STATE_CODE_MESSAGE = 'a two-letter state code (ISO 3166-1 alpha-2, XK for Kosovo)';

/** What an evidence passage or a workspace item supports: CANDIDATE/org/(stance|driver|tie):id. */
export const LINK = /^([A-Z]{2})\/([a-z0-9][a-z0-9-]*)\/(stance|driver|tie):([A-Za-z0-9-]+)$/;
export const LINK_MESSAGE = 'a link like XK/nato/stance:ES (CANDIDATE/org/(stance|driver|tie):id)';

export type LinkKind = 'stance' | 'driver' | 'tie';
export interface Link {
  candidate: string;
  organization: string;
  kind: LinkKind;
  id: string;
}

export function parseLink(s: string): Link | undefined {
  const m = LINK.exec(s);
  return m ? { candidate: m[1], organization: m[2], kind: m[3] as LinkKind, id: m[4] } : undefined;
}

/** An http(s) URL, as sources cite them. */
/** Ids of the workspace's documents, items and scenarios (store ids may have capitals). */
export const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

export const URL_PATTERN = /^https?:\/\/\S+$/i;
export const isUrl = (s: string): boolean => URL_PATTERN.test(s);

export const DAY_MESSAGE = 'a day as YYYY-MM-DD that exists in the calendar, e.g. 2024-02-29';
export const PARTIAL_DAY_MESSAGE = 'a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar';

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * YYYY, YYYY-MM or YYYY-MM-DD naming a real year (0001–9999), month and day: 2024-02-29 is a day,
 * 2023-02-29, 2024-02-30, 2024-13-45 and 0000-00-00 are not. Computed by hand rather than with
 * Date, which maps years below 100 to the 1900s and rolls 02-30 over into March.
 */
export function isPartialDay(s: string): boolean {
  const m = SHAPE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** A full calendar day, YYYY-MM-DD, that exists. */
export function isDay(s: string): boolean {
  return s.length === 10 && isPartialDay(s);
}

/** Partial dates compare by their first day ("2015" → 2015-01-01) when something starts… */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** …and by their last day when something ends ("2015" → 2015-12-31). */
export function endOf(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) return `${d}-${String(daysInMonth(Number(d.slice(0, 4)), Number(d.slice(5, 7)))).padStart(2, '0')}`;
  return d;
}

/** The day n days after a day (before it for n < 0), on the UTC calendar. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Today's day (UTC), the default as-of day of every face. Not for the engine or the case layer: they are given the day. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
