// Route group: the browser app's files — script, styles, the world atlas — immutable when asked for by
// their version.
import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';
import { notFound } from '../errors.ts';

export function assetRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/assets/:name', async (c) => {
    const a = await ctx.assets();
    const name = c.req.param('name');
    const immutable = c.req.query('v') === a.version;
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (name === 'app.js') return c.body(a.js, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    if (name === 'app.css') return c.body(a.css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
    if (name === 'atlas.json') return c.body(a.atlas, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    throw notFound(`no asset ${name.slice(0, 80)}`);
  });
  app.get('/data/dataset.json', (c) => c.redirect('/api/dataset', 308));
  return app;
}
