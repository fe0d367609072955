// The HTTP app: the JSON API, the downloads and the pages. `createApp(deps)` returns a Hono app that
// tests drive in-process with `app.request()`; only `accede serve` binds it to a port.
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { NotApplicableError } from '../model/asof.ts';
import { isDay } from '../model/grammar.ts';
import { type Dataset, index } from '../model/dataset.ts';
import type { CaseData } from '../model/schema.ts';
import { type Assets, bundleApp, hash } from '../site/bundle.ts';
import { ApiError, badRequest, type ErrorBody, notFound } from './errors.ts';
import { caseCsv, caseJsonText } from '../case/exports.ts';
import type { ClientConfig } from '../case/client-config.ts';
import { pageHtml } from '../site/shell.ts';
import { openApiDocument } from './openapi.ts';
import { type TrackRecord, trackRecord } from '../case/track-record.ts';
import { parsePermalink } from '../case/permalink.ts';
import { daySnapshot } from '../case/snapshot.ts';
import { caseDetails, overview, stateAcrossCases, summaryWithProbability } from '../case/views.ts';
import { candidateView, unknownDrivers } from '../case/candidate.ts';
import { buildGazetteer, type Gazetteer } from '../evidence/gazetteer.ts';
import { WorkspaceError } from '../store/index.ts';
import { allowedHosts, hostGuard } from './host-guard.ts';
import { type WorkspaceLike, workspaceErrorResponse, workspaceRoutes } from './workspace.ts';

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
}

const CODE = /^[A-Za-z]{2}$/;
const ORG = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function createApp(deps: AppDeps) {
  const ix = index(deps.dataset);
  const today = deps.today ?? todayUtc;
  const datasetJson = JSON.stringify(deps.dataset);
  const datasetTag = `"${hash(datasetJson)}"`;
  let assetsPromise: Promise<Assets> | undefined;
  const assets = (): Promise<Assets> => {
    if (!assetsPromise) {
      const a = deps.assets;
      assetsPromise = typeof a === 'function' ? a() : a ? Promise.resolve(a) : bundleApp();
    }
    return assetsPromise;
  };

  const app = new Hono();
  const hosts = deps.allowedHosts ?? allowedHosts('127.0.0.1');

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'");
    }
  });
  app.use('*', hostGuard(hosts));
  app.use('*', compress());

  // ------------------------------------------------------------ errors

  app.onError((err, c) => {
    if (err instanceof ApiError) return respondError(c, err.status, err.body);
    if (err instanceof NotApplicableError) return respondError(c, 422, { error: 'not_applicable', detail: err.reason });
    if (err instanceof WorkspaceError) {
      const e = workspaceErrorResponse(err);
      if (e.status === 503) c.header('Retry-After', '1');
      return respondError(c, e.status, e.body);
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      return respondError(c, status, { error: status === 413 ? 'payload_too_large' : 'bad_request', detail: err.message || 'bad request' });
    }
    // Unexpected: a bug, not bad input (bad input is refused above with a 4xx). Logged, and reported as such.
    console.error(err);
    return respondError(c, 500, { error: 'internal', detail: 'an internal error; please report it with the URL' });
  });
  app.notFound((c) => respondError(c, 404, { error: 'not_found', detail: `no such page or endpoint: ${c.req.path}` }));

  function wantsHtml(c: Context): boolean {
    if (c.req.path.startsWith('/api/')) return false;
    return (c.req.header('accept') ?? '').includes('text/html');
  }

  async function respondError(c: Context, status: number, body: ErrorBody) {
    if (wantsHtml(c) && c.req.method === 'GET') {
      const a = await assets().catch(() => undefined);
      const html = errorPage(status, body, a?.version ?? '0');
      return c.html(html, status as 404);
    }
    return c.json(body, status as 404);
  }

  function errorPage(status: number, body: ErrorBody, version: string): string {
    // The app renders a helpful page from the path (the list of known cases, etc.); the shell says it too.
    return pageHtml({
      title: status === 404 ? 'Not found — accede' : 'Bad request — accede',
      message: body.detail,
      config: clientConfig(version),
    });
  }

  function clientConfig(version: string): ClientConfig {
    return { root: '/', mode: 'server', version, writable: deps.writable, workspace: !!deps.workspace };
  }

  // ------------------------------------------------------------ helpers

  function findCase(candidate: string, org: string): CaseData {
    if (!CODE.test(candidate)) throw badRequest(`"${candidate}" is not a state code: expected two letters, e.g. XK`);
    if (!ORG.test(org)) throw badRequest(`"${org}" is not an organization id: expected letters, digits and hyphens, e.g. nato`);
    const cas = ix.case(candidate.toUpperCase(), org.toLowerCase());
    if (!cas) {
      const known = ix.data.cases.map((x) => `${x.candidate}/${x.organization}`).join(', ');
      throw notFound(`no case for ${candidate.toUpperCase()} × ${org.toLowerCase()}; known cases: ${known || 'none'}`);
    }
    return cas;
  }

  /** The scenario a request asks for: the page's permalink query, checked strictly. */
  function scenarioOf(c: Context, cas?: CaseData): { asOf: string; fixed: Record<string, boolean>; stage?: string } {
    const url = new URL(c.req.url);
    const stageIds = cas ? ix.organization(cas.organization)?.procedure.stages.map((s) => s.id) : undefined;
    const r = parsePermalink(url.searchParams, cas, stageIds);
    if (!r.ok) throw badRequest(`the query could not be read: ${r.problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`, r.problems);
    return { asOf: r.state.asOf ?? today(), fixed: r.state.fixed, stage: r.state.stage };
  }

  function asOfOnly(c: Context): string {
    const as = c.req.query('as');
    if (as === undefined) return today();
    if (!isDay(as)) throw badRequest(`as: expected a day as YYYY-MM-DD, got "${as}"`, [{ param: 'as', message: 'expected YYYY-MM-DD' }]);
    return as;
  }

  // ------------------------------------------------------------ API: reads

  app.get('/api', (c) =>
    c.json({
      name: 'accede',
      description: 'What does it take for a state to join an international organization?',
      openapi: '/api/openapi.json',
      endpoints: Object.keys(openApiDocument().paths),
    }),
  );
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/health', (c) => {
    // probed on every call: a full disk or a read-only file shows here, not only in a failed write
    const state = deps.workspace?.writableState?.() ?? { writable: !!deps.workspace };
    const writable = deps.writable && !!deps.workspace && state.writable;
    return c.json({ ok: true, cases: ix.data.cases.length, writable, ...(state.reason ? { writeProblem: state.reason } : {}) });
  });

  app.get('/api/dataset', (c) => {
    if (c.req.header('if-none-match') === datasetTag) return c.body(null, 304);
    c.header('ETag', datasetTag);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(datasetJson);
  });

  app.get('/api/overview', (c) => {
    const asOf = asOfOnly(c);
    return c.json(overview(daySnapshot(ix, asOf)));
  });

  app.get('/api/cases', (c) => {
    const asOf = asOfOnly(c);
    const day = daySnapshot(ix, asOf);
    return c.json({ asOf, cases: ix.data.cases.map((cas) => summaryWithProbability(day, cas)) });
  });

  app.get('/api/cases/:candidate/:org', (c) => {
    const { candidate, org } = c.req.param();
    const ext = /\.(csv|json)$/.exec(org);
    if (ext) return download(c, candidate, org.slice(0, -ext[0].length), ext[1] as 'csv' | 'json');
    const cas = findCase(candidate, org);
    const s = scenarioOf(c, cas);
    return c.json(caseDetails(daySnapshot(ix, s.asOf), cas, s.fixed));
  });

  // A candidate across its cases; ?on=/?off= (the permalink's driver settings) move every case at once.
  app.get('/api/candidates/:code', (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw badRequest(`"${code}" is not a state code: expected two letters, e.g. XK`);
    const candidate = code.toUpperCase();
    if (ix.casesOf(candidate).length === 0) {
      const known = [...new Set(ix.data.cases.map((x) => x.candidate))].sort().join(', ');
      throw notFound(`no case for ${candidate} in the dataset; candidates with cases: ${known || 'none'}`);
    }
    const s = scenarioOf(c);
    const unknown = unknownDrivers(ix, candidate, s.fixed);
    if (unknown.length) {
      const problems = unknown.map((id) => ({ param: 'on', message: `unknown driver "${id}" for ${candidate}` }));
      throw badRequest(`the query could not be read: ${problems.map((p) => p.message).join('; ')}`, problems);
    }
    return c.json(candidateView(ix, candidate, s.asOf, s.fixed));
  });

  // Pure and the same for every request: computed once, on first use.
  let record: TrackRecord | undefined;
  app.get('/api/track-record', (c) => c.json((record ??= trackRecord(ix))));

  app.get('/api/states/:code', (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw badRequest(`"${code}" is not a state code: expected two letters, e.g. ES`);
    const state = ix.state(code.toUpperCase());
    if (!state) throw notFound(`no state with code ${code.toUpperCase()} in the dataset`);
    const asOf = asOfOnly(c);
    return c.json({ asOf, state, cases: stateAcrossCases(daySnapshot(ix, asOf), state.code) });
  });

  app.get('/api/organizations/:id', (c) => {
    const id = c.req.param('id');
    if (!ORG.test(id)) throw badRequest(`"${id}" is not an organization id`);
    const org = ix.organization(id.toLowerCase());
    if (!org) throw notFound(`no organization "${id}"; known: ${ix.data.organizations.map((o) => o.id).join(', ')}`);
    const asOf = asOfOnly(c);
    const members = [...daySnapshot(ix, asOf).members(org.id)].sort();
    return c.json({ asOf, organization: { id: org.id, name: org.name, shortName: org.shortName }, members });
  });

  // ------------------------------------------------------------ API: writes (the workspace)

  let gazetteer: Gazetteer | undefined;
  workspaceRoutes(app, {
    workspace: deps.workspace,
    gazetteer: () => (gazetteer ??= buildGazetteer(deps.dataset)),
    token: deps.token,
    hosts,
    writable: deps.writable,
    readOnlyReason: deps.readOnlyReason,
    knownCase: (candidate, org) => !!ix.case(candidate, org),
    knownDrivers: (candidate, org) => ix.case(candidate, org)?.drivers.map((d) => d.id) ?? [],
  });
  app.all('/api/*', (c) => respondError(c, 404, { error: 'not_found', detail: `no endpoint ${c.req.method} ${c.req.path}; see /api/openapi.json` }));

  // ------------------------------------------------------------ downloads: the page URL plus an extension

  function download(c: Context, candidate: string, org: string, format: 'csv' | 'json') {
    const cas = findCase(candidate, org);
    const s = scenarioOf(c, cas);
    const name = `${cas.candidate}-${cas.organization}-${s.asOf}`;
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `inline; filename="${name}.csv"`);
      return c.body(caseCsv(ix, cas, s.asOf, s.fixed));
    }
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', `inline; filename="${name}.json"`);
    return c.body(`${caseJsonText(ix, cas, s.asOf, s.fixed)}\n`);
  }

  // ------------------------------------------------------------ assets

  app.get('/assets/:name', async (c) => {
    const a = await assets();
    const name = c.req.param('name');
    const immutable = c.req.query('v') === a.version;
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (name === 'app.js') return c.body(a.js, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    if (name === 'app.css') return c.body(a.css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
    if (name === 'atlas.json') return c.body(a.atlas, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    throw notFound(`no asset ${name}`);
  });
  app.get('/data/dataset.json', (c) => c.redirect('/api/dataset', 308));

  // ------------------------------------------------------------ pages

  async function page(c: Context, title: string, status: 200 | 404 = 200, message?: string) {
    const a = await assets();
    return c.html(pageHtml({ title, message, config: clientConfig(a.version) }), status);
  }
  const knownCases = () => ix.data.cases.map((x) => `${x.candidate}/${x.organization}`).join(', ');

  app.get('/', (c) => page(c, 'accede — what does it take to join?'));
  app.get('/case/:candidate/:org', (c) => {
    const { candidate, org } = c.req.param();
    const ext = /\.(csv|json)$/.exec(org);
    if (ext) return download(c, candidate, org.slice(0, -ext[0].length), ext[1] as 'csv' | 'json');
    const cas = CODE.test(candidate) && ORG.test(org) ? ix.case(candidate.toUpperCase(), org.toLowerCase()) : undefined;
    if (cas && (cas.candidate !== candidate || cas.organization !== org)) {
      const q = new URL(c.req.url).search;
      return c.redirect(`/case/${cas.candidate}/${cas.organization}${q}`, 301);
    }
    if (!cas) return page(c, 'Case not found — accede', 404, `There is no case for ${candidate} × ${org}. Known cases: ${knownCases()}.`);
    return page(c, `${cas.title ?? `${ix.state(cas.candidate)?.name} × ${ix.organization(cas.organization)?.shortName}`} — accede`);
  });
  app.get('/state/:code', (c) => {
    const code = c.req.param('code');
    const st = CODE.test(code) ? ix.state(code.toUpperCase()) : undefined;
    if (st && st.code !== code) return c.redirect(`/state/${st.code}${new URL(c.req.url).search}`, 301);
    if (!st) return page(c, 'State not found — accede', 404, `There is no state with the code ${code} in the dataset.`);
    return page(c, `${st.name} — accede`);
  });

  app.get('/candidate/:code', (c) => {
    const code = c.req.param('code');
    const candidate = CODE.test(code) ? code.toUpperCase() : undefined;
    if (candidate && candidate !== code && ix.casesOf(candidate).length) return c.redirect(`/candidate/${candidate}${new URL(c.req.url).search}`, 301);
    if (!candidate || ix.casesOf(candidate).length === 0) {
      const known = [...new Set(ix.data.cases.map((x) => x.candidate))].sort().join(', ');
      return page(c, 'Candidate not found — accede', 404, `There is no case for ${code}. Candidates with cases: ${known}.`);
    }
    return page(c, `${ix.state(candidate)?.name ?? candidate} — every organization — accede`);
  });
  app.get('/track-record', (c) => page(c, 'Track record — accede'));
  app.get('/workspace', (c) => page(c, 'Workspace — accede', deps.workspace ? 200 : 404, deps.workspace ? undefined : 'This server has no workspace.'));
  app.get('/workspace/:id', (c) => page(c, 'Document — workspace — accede', deps.workspace ? 200 : 404, deps.workspace ? undefined : 'This server has no workspace.'));

  // Any other GET that wants a page gets the app's "not found" page (status 404), not a blank one.
  app.get('*', (c) => {
    if (wantsHtml(c)) return page(c, 'Not found — accede', 404, `There is no page at ${c.req.path}.`);
    return respondError(c, 404, { error: 'not_found', detail: `no such page or endpoint: ${c.req.path}` });
  });

  // Writes beyond the API are never accepted.
  app.all('*', (c) => respondError(c, 405, { error: 'method_not_allowed', detail: `${c.req.method} is not allowed on ${c.req.path}` }));

  return app;
}
