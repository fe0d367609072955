// Query keys an endpoint does not read are refused (400 naming them), on every documented endpoint.
import { describe, expect, it } from 'vitest';
import { FAKE_ASSETS, fixtureDataset, tempWorkspace } from '../../test/api/helpers.ts';
import { createApp } from './app.ts';
import { documentedEndpoints } from './query-guard.ts';

const ws = tempWorkspace();
const app = createApp({ dataset: fixtureDataset(), workspace: ws.workspace, writable: true, assets: FAKE_ASSETS, today: () => '2025-03-01' });
const get = (path: string) => app.request(`http://localhost${path}`);

describe('unknown query keys', () => {
  it('refuses a mistyped day instead of answering today', async () => {
    const res = await get('/api/cases/XK/nato?asof=2010-01-01');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('bad_request');
    expect(body.message).toContain('"asof"');
    expect(body.message).toContain('as, on, off');
    expect(body.problems[0].path).toEqual(['asof']);
  });

  it('refuses them on downloads, lists and endpoints that read no query at all', async () => {
    for (const path of ['/case/XK/nato.csv?day=2020-01-01', '/case/XK/nato.json?x=1', '/api/cases/XK/nato.csv?x=1', '/api/overview?date=2020-01-01', '/api/cases?foo', '/api/states/RS?asOf=2020-01-01', '/api/health?x=1', '/api/track-record?as=2020-01-01', '/api/workspace/items?state=accepted', '/api/workspace/audit?limit=5&x=1']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).message, path).toMatch(/unknown query parameter/);
    }
  });

  it('accepts every documented key, a whole permalink on a download, old links, and no query', async () => {
    for (const path of [
      '/api/cases/XK/nato?v=1&as=2020-01-01',
      '/api/cases/xk/NATO?as=2020-01-01',
      '/case/XK/nato.csv?v=1&as=2020-01-01&stage=invitation&view=world',
      '/case/XK/nato.csv?asOf=2020-01-01',
      '/api/overview?as=2020-01-01',
      '/api/states/RS?as=2020-01-01',
      '/api/workspace/audit?limit=5',
      '/api/health',
      '/api/health?',
      '/case/XK/nato?utm_source=x',
    ]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('refuses a day given twice on every endpoint that reads one, as the case endpoints do', async () => {
    for (const path of ['/api/overview', '/api/cases', '/api/states/RS', '/api/organizations/nato', '/api/cases/XK/nato']) {
      const res = await get(`${path}?as=2024-02-29&as=2024-02-29`);
      expect(res.status, path).toBe(400);
      expect((await res.json()).problems[0]).toMatchObject({ code: 'duplicate', path: ['as'] });
    }
  });

  it('answers a documented path asked with another method 405 with Allow, and OPTIONS 204 with Allow', async () => {
    const del = await app.request('http://localhost/api/cases/XK/nato', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect((await del.json()).message).toMatch(/DELETE is not allowed on \/api\/cases\/XK\/nato: it takes GET, HEAD/);
    const post = await app.request('http://localhost/api/scenarios/abc', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, DELETE, HEAD');
    const options = await app.request('http://localhost/api/scenarios', { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    expect((await app.request('http://localhost/api/nope', { method: 'DELETE' })).status).toBe(404);
  });

  it('knows every documented endpoint', () => {
    const e = documentedEndpoints();
    expect(e.find((x) => x.method === 'GET' && x.path.test('/api/cases/XK/nato'))?.keys.has('as')).toBe(true);
    expect(e.find((x) => x.method === 'GET' && x.path.test('/case/XK/nato.csv'))).toBeDefined();
  });
});
