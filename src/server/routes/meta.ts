// Route group: the API's own description and the raw dataset — the index, the OpenAPI document,
// health, and the dataset the browser app computes from (with its ETag).
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { openApiDocument } from '../openapi.ts';

export function metaRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
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
    c.header('Cache-Control', 'no-store');
    // Probed on every call: a full disk or a read-only file shows here, not only in a failed write.
    const deps = ctx.deps;
    const state = deps.workspace?.writableState?.() ?? { writable: !!deps.workspace };
    const writable = deps.writable && !!deps.workspace && state.writable;
    return c.json({ ok: true, cases: ctx.ix.data.cases.length, writable, ...(state.reason ? { writeProblem: state.reason } : {}) });
  });
  app.get('/api/dataset', (c) => {
    c.header('ETag', ctx.datasetTag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === ctx.datasetTag) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(ctx.datasetJson);
  });
  return app;
}
