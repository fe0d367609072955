// The HTTP app: security headers, the Host allowlist, compression, the route groups (meta, cases,
// workspace, assets, pages) and the mapping of every error to an answer. `createApp(deps)` returns a
// Hono app that tests drive in-process with `app.request()`; only `startServer` binds it to a port.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Gazetteer } from '../evidence/gazetteer.ts';
import { answerCache } from './answers.ts';
import { inlineComputer, inlinePreparer } from './compute.ts';
import { type AppDeps, serverContext } from './context.ts';
import { apiError, asApiError } from './errors.ts';
import { allowedHosts, hostGuard } from './host-guard.ts';
import { documentedEndpoints, methodsFor, queryGuard } from './query-guard.ts';
import { assetRoutes } from './routes/assets.ts';
import { caseRoutes } from './routes/cases.ts';
import { metaRoutes } from './routes/meta.ts';
import { pageRoutes } from './routes/pages.ts';
import { workspaceRoutes } from './routes/workspace.ts';

export type { AppDeps } from './context.ts';
export type { WorkspaceLike } from './write-gate.ts';

/** The methods the app answers; others (CONNECT, TRACE, PROPFIND…) get 405 with the list. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS']);

export function createApp(deps: AppDeps) {
  const ctx = serverContext(deps);
  const hosts = deps.allowedHosts ?? allowedHosts('127.0.0.1');
  const computer = deps.computer ?? inlineComputer(ctx.ix, ctx.day);
  const answers = answerCache(() => ctx.datasetTag);
  const app = new Hono();

  app.use('*', async (c, next) => {
    // Set before the answer exists: a header set after it makes Hono rebuild the response around its body
    // as a stream (a copy and a stream read per answer, a third of the event loop's time under load).
    // Every answer varies with Accept-Encoding (compress() would add it afterwards, with the same cost).
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Vary', 'Accept-Encoding');
    await next();
    // Only pages need a policy; reading the type does not rebuild the answer, and pages are few.
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'");
    }
  });
  app.use('*', async (c, next) => {
    if (!METHODS.has(c.req.method)) throw apiError(405, 'method_not_allowed', `${c.req.method.slice(0, 20)} is not allowed here`, {}, { Allow: [...METHODS].join(', ') });
    await next();
  });
  app.use('*', hostGuard(hosts));
  // A mistyped key (?asof=) is refused, not ignored: ignoring it answered today as if it were the day asked.
  app.use('*', queryGuard());
  // Not the health check: a few bytes asked every few seconds by a watchdog (fetch asks for gzip by default),
  // for which gzip cost 5-10x the CPU of the answer and a round trip through zlib's thread pool, that is more
  // turns of a busy event loop before the answer leaves.
  const compressed = compress();
  app.use('*', (c, next) => (c.req.path === '/api/health' ? next() : compressed(c, next)));

  app.onError((err, c) => {
    const e = asApiError(err);
    if (!e) {
      // Unexpected: a bug, not bad input (bad input is refused with a 4xx). Logged, and reported as such.
      console.error(err);
      return ctx.respondError(c, 500, { code: 'internal', path: [], message: 'an internal error; please report it with the URL' });
    }
    for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
    return ctx.respondError(c, e.status, e.body);
  });
  app.notFound((c) => ctx.respondError(c, 404, { code: 'not_found', path: [], message: `no such page or endpoint: ${c.req.path}` }));

  let gazetteer: Gazetteer | undefined;
  app.route('/', metaRoutes(ctx));
  app.route('/', caseRoutes(ctx, { answers, computer }));
  app.route(
    '/',
    workspaceRoutes({
      workspace: deps.workspace,
      // The gazetteer (and its lexicon) load with the first import made on this thread, not with the app.
      importer: deps.importer ?? inlinePreparer(async () => (gazetteer ??= (await import('../evidence/gazetteer.ts')).buildGazetteer(deps.dataset))),
      token: deps.token,
      hosts,
      writable: deps.writable,
      readOnlyReason: deps.readOnlyReason,
      knownCase: (candidate, org) => !!ctx.ix.case(candidate, org),
      knownDrivers: (candidate, org) => ctx.ix.case(candidate, org)?.drivers.map((d) => d.id) ?? [],
    }),
  );
  let endpoints: ReturnType<typeof documentedEndpoints> | undefined;
  app.all('/api/*', (c) => {
    // A documented path asked with another method: 405 naming the ones it takes (OPTIONS: just the list).
    const allowed = methodsFor((endpoints ??= documentedEndpoints()), c.req.path);
    if (allowed.length && c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: [...allowed, 'OPTIONS'].join(', ') });
    if (allowed.length) throw apiError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path.slice(0, 100)}: it takes ${allowed.join(', ')}`, {}, { Allow: allowed.join(', ') });
    return ctx.respondError(c, 404, { code: 'not_found', path: [], message: `no endpoint ${c.req.method} ${c.req.path}; see /api/openapi.json` });
  });
  app.route('/', assetRoutes(ctx));
  app.route('/', pageRoutes(ctx, { answers, computer }));

  // Any other GET that wants a page gets the app's "not found" page (status 404), not a blank one.
  app.get('*', (c) => {
    const wantsPage = (c.req.header('accept') ?? '').includes('text/html');
    if (wantsPage) return ctx.page(c, 'Not found — accede', 404, `There is no page at ${c.req.path}.`);
    return ctx.respondError(c, 404, { code: 'not_found', path: [], message: `no such page or endpoint: ${c.req.path}` });
  });
  // Writes beyond the API are never accepted.
  app.all('*', (c) => ctx.respondError(c, 405, { code: 'method_not_allowed', path: [], message: `${c.req.method} is not allowed on ${c.req.path}` }));
  return app;
}
