// The permalink: the whole state of a case page in its query string, defaults omitted.
// Pure (no Node, no DOM): the server parses it for downloads and API calls, the browser for pages.
//
//   /case/XK/nato?v=1&as=2024-05-01&on=csm-established&off=spain-recognizes-kosovo&stage=ratification&view=world
//
// v      format version (written whenever anything else is; old versions are migrated, see MIGRATIONS)
// as     the as-of day, YYYY-MM-DD (default: today, UTC)
// on     drivers fixed true, joined with "~"
// off    drivers fixed false, joined with "~" (a driver in neither list is uncertain)
// stage  the stage the map shows (default: the first stage that applies)
// view   the map's region: europe (default) or world
// zod/mini: the same validation in a fraction of the browser bundle.
import * as z from 'zod/mini';
import { ID, isDay } from '../model/grammar.ts';
import type { Assignment } from '../model/drivers.ts';
import type { Issue } from '../model/issues.ts';
import type { CaseData } from '../model/schema.ts';

export const PERMALINK_VERSION = 1;
export const VIEWS = ['europe', 'world'] as const;
export type MapView = (typeof VIEWS)[number];

export interface PageState {
  /** undefined: today (the default, omitted from links). */
  asOf?: string;
  fixed: Assignment;
  /** undefined: the default stage. */
  stage?: string;
  view: MapView;
}

export const DEFAULT_STATE: PageState = { fixed: {}, view: 'europe' };

const DriverList = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(2000, 'too long')),
    z.transform((s: string) => s.split('~').filter((x) => x !== '')),
  ),
  z.array(z.string().check(z.regex(ID, 'driver ids are lowercase letters, digits and hyphens'))),
);

/** The query string after migration to the current version: each known key once, each value checked. */
export const PermalinkQuery = z.object({
  v: z.optional(z.literal(String(PERMALINK_VERSION), { error: `an unknown link version (this site reads v=${PERMALINK_VERSION} and older)` })),
  as: z.optional(z.string().check(z.refine(isDay, { message: 'expected a day as YYYY-MM-DD, e.g. 2024-05-01' }))),
  on: z.optional(DriverList),
  off: z.optional(DriverList),
  stage: z.optional(z.string().check(z.regex(ID, 'a stage id of lowercase letters, digits and hyphens'))),
  view: z.optional(z.enum(VIEWS, { error: 'expected europe or world' })),
});

/** The keys of older link versions (v0: asOf, set), read and migrated wherever a permalink is. */
export const OLD_KEYS = ['asOf', 'set'] as const;

/** One migration per old version: each rewrites a query of version n into version n + 1. */
export const MIGRATIONS: Record<number, (q: URLSearchParams) => URLSearchParams> = {
  // v0 links mirrored the CLI's options: asOf=YYYY-MM-DD and set=driver=true|false (repeatable).
  0: (q) => {
    const out = new URLSearchParams();
    const on: string[] = [];
    const off: string[] = [];
    for (const [k, v] of q) {
      if (k === 'asOf') out.set('as', v);
      else if (k === 'set') {
        const m = /^(.*)[=:](true|false)$/.exec(v);
        if (m) (m[2] === 'true' ? on : off).push(m[1]);
        else out.append('set', v); // left for the validator to report
      } else out.append(k, v);
    }
    if (on.length) out.set('on', on.join('~'));
    if (off.length) out.set('off', off.join('~'));
    out.set('v', '1');
    return out;
  },
};

/** A problem with a link: the one error shape, its path the query parameter ["as"], ["on"], … */
export type LinkProblem = Issue;

export type ParseResult = { ok: true; state: PageState } | { ok: false; state: PageState; problems: LinkProblem[] };

/** Which version a query is in: an explicit v, or v0 when it uses v0's keys, else the current one. */
function versionOf(q: URLSearchParams): number | undefined {
  const v = q.get('v');
  if (v !== null) return /^\d{1,3}$/.test(v) ? Number(v) : undefined;
  if (OLD_KEYS.some((k) => q.has(k))) return 0;
  return PERMALINK_VERSION;
}

/**
 * Parses and checks a page query against a case. Never throws: on problems it returns the state it
 * could read (bad parts dropped) and the list of problems, so a page can explain instead of failing.
 */
export function parsePermalink(search: string | URLSearchParams, c?: CaseData, stageIds?: string[]): ParseResult {
  let q = new URLSearchParams(search);
  const problems: LinkProblem[] = [];
  let version = versionOf(q);
  if (version === undefined || version > PERMALINK_VERSION) {
    problems.push({ code: 'unknown_version', path: ['v'], message: `an unknown link version "${q.get('v')}" (this site reads v=${PERMALINK_VERSION} and older)` });
    q.delete('v');
    version = PERMALINK_VERSION;
  }
  for (let n = version; n < PERMALINK_VERSION; n++) q = MIGRATIONS[n](q);

  const raw: Record<string, string> = {};
  for (const key of Object.keys(PermalinkQuery.shape)) {
    const all = q.getAll(key);
    if (all.length > 1) problems.push({ code: 'duplicate', path: [key], message: 'given more than once' });
    if (all.length > 0) raw[key] = all[0];
  }
  if (q.has('set')) problems.push({ code: 'invalid_format', path: ['set'], message: 'expected driver=true or driver=false' });

  const state: PageState = { fixed: {}, view: 'europe' };
  // Validate each key on its own so one bad value does not discard the rest.
  for (const [key, schema] of Object.entries(PermalinkQuery.shape)) {
    if (!(key in raw)) continue;
    const r = z.safeParse(schema as z.ZodMiniType, raw[key]);
    if (!r.success) {
      problems.push({ code: r.error.issues[0]?.code ?? 'invalid_value', path: [key], message: r.error.issues[0]?.message ?? 'not understood' });
      continue;
    }
    const value = r.data as string | string[] | undefined;
    if (key === 'as') state.asOf = value as string;
    if (key === 'view') state.view = value as MapView;
    if (key === 'stage') state.stage = value as string;
    if (key === 'on' || key === 'off') for (const id of value as string[]) state.fixed[id] = key === 'on';
  }
  const on = new Set(((raw.on ?? '').split('~')).filter(Boolean));
  for (const id of (raw.off ?? '').split('~').filter(Boolean)) {
    if (on.has(id)) {
      problems.push({ code: 'conflict', path: ['off'], message: `driver "${id}" is both on and off` });
      delete state.fixed[id];
    }
  }

  if (c) {
    const known = new Set(c.drivers.map((d) => d.id));
    for (const id of Object.keys(state.fixed)) {
      if (!known.has(id)) {
        problems.push({
          code: 'unknown_reference',
          path: [state.fixed[id] ? 'on' : 'off'],
          message: `unknown driver "${id}" for this case (known: ${[...known].join(', ') || 'none'})`,
        });
        delete state.fixed[id];
      }
    }
  }
  if (stageIds && state.stage !== undefined && !stageIds.includes(state.stage)) {
    problems.push({ code: 'unknown_reference', path: ['stage'], message: `unknown stage "${state.stage}" (known: ${stageIds.join(', ')})` });
    state.stage = undefined;
  }
  return problems.length ? { ok: false, state, problems } : { ok: true, state };
}

/** The query string for a state, defaults omitted, keys in a fixed order; "" for the default state. */
export function formatPermalink(s: PageState, defaults: { stage?: string } = {}): string {
  const q: string[] = [];
  const ids = Object.keys(s.fixed).sort();
  const on = ids.filter((id) => s.fixed[id] === true);
  const off = ids.filter((id) => s.fixed[id] === false);
  if (s.asOf) q.push(`as=${s.asOf}`);
  if (on.length) q.push(`on=${on.join('~')}`);
  if (off.length) q.push(`off=${off.join('~')}`);
  if (s.stage && s.stage !== defaults.stage) q.push(`stage=${encodeURIComponent(s.stage)}`);
  if (s.view !== 'europe') q.push(`view=${s.view}`);
  return q.length ? `?v=${PERMALINK_VERSION}&${q.join('&')}` : '';
}

/** The query string a download or an API call needs: only what changes the numbers (as-of, drivers). */
export function formatScenarioQuery(s: Pick<PageState, 'asOf' | 'fixed'>): string {
  return formatPermalink({ asOf: s.asOf, fixed: s.fixed, view: 'europe' });
}
