// What every route group shares: the indexed dataset, the day snapshots, the bundled assets, and the
// readers of a request's case and scenario (each refusal a 400 or 404 naming the parameter).
import type { Context } from 'hono';
import type { ClientConfig } from '../case/client-config.ts';
import { parsePermalink } from '../case/permalink.ts';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import type { Assignment } from '../model/drivers.ts';
import { type Dataset, index, type Indexed } from '../model/dataset.ts';
import { isDay, ORG_ID, STATE_CODE, todayUtc } from '../model/grammar.ts';
import type { CaseData } from '../model/schema.ts';
import { type Assets, bundleApp, contentHash } from '../site/bundle.ts';
import { pageHtml } from '../site/shell.ts';
import { badRequest, type ErrorBody, notFound } from './errors.ts';
import type { CaseComputer, TextPreparer } from './compute.ts';
import type { WorkspaceLike } from './write-gate.ts';

/** What the app is built from (the dataset, the workspace, the write policy, where answers are computed). */
export interface AppDeps {
  dataset: Dataset;
  /** The SQLite workspace (imported evidence, curation, scenarios); absent: write endpoints answer 404. */
  workspace?: WorkspaceLike;
  /** When set, write requests need `Authorization: Bearer <token>`. */
  token?: string;
  /** Whether write endpoints accept requests at all (false: 403 with the reason). */
  writable: boolean;
  /** Why writes are refused, shown in 403 answers (e.g. "bound to 0.0.0.0 without a token"). */
  readOnlyReason?: string;
  /** The bundled browser app; built on first use when not given. */
  assets?: Assets | (() => Promise<Assets>);
  /** Today's date (UTC); injectable for tests. */
  today?: () => string;
  /** Host names the server answers to (checked first, against DNS rebinding); default: loopback names. */
  allowedHosts?: readonly string[];
  /** Where case answers are computed: a worker pool under `serve`; default: this thread. */
  computer?: CaseComputer;
  /** Where pasted texts are read and extracted before they are stored: a worker pool under `serve`; default: this thread. */
  importer?: TextPreparer;
}

export interface Scenario {
  asOf: string;
  fixed: Assignment;
  stage?: string;
}

export interface ServerContext {
  deps: AppDeps;
  ix: Indexed;
  dataset: Dataset;
  /** The dataset as JSON and its strong ETag (it names the dataset's version in every cache key too). */
  datasetJson: string;
  datasetTag: string;
  today(): string;
  assets(): Promise<Assets>;
  /** The dataset on a day, built once per day (the last few days kept). */
  day(asOf: string): Day;
  findCase(candidate: string, org: string): CaseData;
  /** The scenario a request asks for: the page's permalink query, checked strictly. */
  scenarioOf(c: Context, cas?: CaseData): Scenario;
  /** The `as` parameter alone (default: today). */
  asOfOnly(c: Context): string;
  clientConfig(version: string): ClientConfig;
  /** An error as JSON, or as the app's page for a browser asking for a page. */
  respondError(c: Context, status: number, body: ErrorBody): Promise<Response>;
  /** A page: the shell the browser app renders into. */
  page(c: Context, title: string, status?: 200 | 404, message?: string): Promise<Response>;
}

/** Case paths accept any case of letters; the canonical form is redirected to or looked up. */
export const CODE = /^[A-Za-z]{2}$/;
export const ORG = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

const DAYS_KEPT = 64;

export function serverContext(deps: AppDeps): ServerContext {
  const ix = index(deps.dataset);
  const today = deps.today ?? todayUtc;
  // The dataset as JSON and its digest (~1 MB: ~10 ms) are made for the first request that needs them
  // (/api/dataset, an answer's ETag), not before the server's first page.
  let datasetJson: string | undefined;
  let datasetTag: string | undefined;
  let assetsPromise: Promise<Assets> | undefined;
  const days = new Map<string, Day>();

  const ctx: ServerContext = {
    deps,
    ix,
    dataset: deps.dataset,
    get datasetJson() {
      return (datasetJson ??= JSON.stringify(deps.dataset));
    },
    get datasetTag() {
      return (datasetTag ??= `"${contentHash(ctx.datasetJson)}"`);
    },
    today,
    assets() {
      if (!assetsPromise) {
        const a = deps.assets;
        assetsPromise = typeof a === 'function' ? a() : a ? Promise.resolve(a) : bundleApp();
      }
      return assetsPromise;
    },
    day(asOf) {
      let d = days.get(asOf);
      if (!d) {
        if (days.size >= DAYS_KEPT) days.delete(days.keys().next().value!);
        days.set(asOf, (d = daySnapshot(ix, asOf)));
      }
      return d;
    },
    findCase(candidate, org) {
      if (!CODE.test(candidate)) throw badRequest(`"${candidate.slice(0, 40)}" is not a state code: expected two letters, e.g. XK`, [{ code: 'invalid_format', path: ['candidate'], message: STATE_CODE.source }]);
      if (!ORG.test(org)) throw badRequest(`"${org.slice(0, 70)}" is not an organization id: expected letters, digits and hyphens, e.g. nato`, [{ code: 'invalid_format', path: ['org'], message: ORG_ID.source }]);
      const cas = ix.case(candidate.toUpperCase(), org.toLowerCase());
      if (!cas) {
        const known = ix.data.cases.map((x) => `${x.candidate}/${x.organization}`).join(', ');
        throw notFound(`no case for ${candidate.toUpperCase()} × ${org.toLowerCase()}; known cases: ${known || 'none'}`);
      }
      return cas;
    },
    scenarioOf(c, cas) {
      const url = new URL(c.req.url);
      const stageIds = cas ? ix.organization(cas.organization)?.procedure.stages.map((s) => s.id) : undefined;
      const r = parsePermalink(url.searchParams, cas, stageIds);
      if (!r.ok) throw badRequest(`the query could not be read: ${r.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, r.problems);
      return { asOf: r.state.asOf ?? today(), fixed: r.state.fixed, stage: r.state.stage };
    },
    asOfOnly(c) {
      const all = c.req.queries('as') ?? [];
      // As the permalink reader does: a day given twice is refused, not the first one taken.
      if (all.length > 1) throw badRequest('as: given more than once', [{ code: 'duplicate', path: ['as'], message: 'given more than once' }]);
      const as = all[0];
      if (as === undefined) return today();
      if (!isDay(as)) throw badRequest(`as: expected a day as YYYY-MM-DD, got "${as.slice(0, 40)}"`, [{ code: 'invalid_format', path: ['as'], message: 'expected YYYY-MM-DD' }]);
      return as;
    },
    clientConfig: (version) => ({ root: '/', mode: 'server', version, writable: deps.writable, workspace: !!deps.workspace }),
    async respondError(c, status, body) {
      const wantsPage = !c.req.path.startsWith('/api/') && c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html');
      if (wantsPage) {
        const a = await ctx.assets().catch(() => undefined);
        const title = status === 404 ? 'Not found — accede' : 'Bad request — accede';
        return c.html(pageHtml({ title, message: body.message, config: ctx.clientConfig(a?.version ?? '0') }), status as 404);
      }
      return c.json(body, status as 404);
    },
    async page(c, title, status = 200, message) {
      const a = await ctx.assets();
      return c.html(pageHtml({ title, message, config: ctx.clientConfig(a.version) }), status);
    },
  };
  return ctx;
}
