// The HTTP app in-process (app.request): reads, downloads, pages, errors and the write gate.
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { type EvidenceRef, positionAt, resolveAll, resolveEvidence } from '../../src/case/views.ts';
import { allowedHosts, hostName } from '../../src/server/host-guard.ts';
import { isLoopback, writePolicy } from '../../src/server/node.ts';
import { loadDataset } from '../../src/model/load.ts';
import { cli } from '../cli.ts';
import { FAKE_ASSETS, FIXTURE_DIR, fixtureDataset, tempWorkspace } from './helpers.ts';

const TODAY = '2025-03-01';
const app = createApp({ dataset: fixtureDataset(), writable: false, assets: FAKE_ASSETS, today: () => TODAY });
const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

describe('reads', () => {
  it('compresses answers for a client that asks, but not the health check (a few bytes for a watchdog)', async () => {
    const gzip = { 'accept-encoding': 'gzip, deflate' };
    const health = await get('/api/health', gzip);
    expect(health.headers.get('content-encoding')).toBeNull();
    expect((await health.json()).ok).toBe(true);
    const answer = await get('/api/cases/XK/nato?as=2025-01-01', gzip);
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(answer.headers.get('vary')).toMatch(/Accept-Encoding/);
  });

  it('serves an OpenAPI document that lists every read the pages use', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/dataset',
      '/api/overview',
      '/api/cases',
      '/api/cases/{candidate}/{org}',
      '/api/states/{code}',
      '/api/organizations/{id}',
      '/case/{candidate}/{org}.csv',
      '/case/{candidate}/{org}.json',
      '/api/scenarios',
      '/api/scenarios/{id}',
      '/api/workspace/documents',
      '/api/workspace/documents/{id}',
      '/api/workspace/items',
      '/api/workspace/items/{id}',
      '/api/workspace/items/{id}/curate',
      '/api/workspace/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('serves the dataset the browser computes from, with an ETag', async () => {
    const res = await get('/api/dataset');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(fixtureDataset())));
    const tag = res.headers.get('etag')!;
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    expect((await get('/api/dataset', { 'if-none-match': tag })).status).toBe(304);
  });

  it('gives the overview: a cell per case with its counter, as of the day asked', async () => {
    const res = await get('/api/overview?as=2024-06-01');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.asOf).toBe('2024-06-01');
    expect(body.cells.map((c: { organization: string }) => c.organization).sort()).toEqual(['coe', 'nato']);
    const nato = body.cells.find((c: { organization: string }) => c.organization === 'nato');
    expect(nato.counter.members).toBe(32);
    expect(nato.counter.text).toMatch(/^\d+ of 32 allies recognize Kosovo/);
  });

  it('counts the members of the day: NATO had 28 allies in 2010 and 32 in 2024', async () => {
    const count = async (as: string) => (await (await get(`/api/cases/XK/nato?as=${as}`)).json()).counter.members;
    expect(await count('2010-01-01')).toBe(28);
    expect(await count('2024-06-01')).toBe(32);
  });

  it('evaluates a case under fixed drivers: Spain votes yes when it recognizes Kosovo', async () => {
    const spainAt = async (q: string) => {
      const body = await (await get(`/api/cases/XK/nato${q}`)).json();
      return positionAt(body.positions, 'ES', 'invitation')!.position;
    };
    expect(await spainAt('?as=2025-01-01')).toBe('no');
    expect(await spainAt('?v=1&as=2025-01-01&on=spain-recognizes-kosovo')).toBe('yes');
    expect(await spainAt('?as=2025-01-01&off=spain-recognizes-kosovo')).toBe('no');
  });

  it('gives the exact probabilities, the sensitivity of each driver and what it would take', async () => {
    const body = await (await get('/api/cases/XK/nato?as=2025-01-01')).json();
    expect(body.probability).toBeGreaterThan(0);
    expect(body.probability).toBeLessThan(1);
    expect(Object.keys(body.stageProbabilities)).toEqual(['invitation', 'ratification']);
    const spain = body.sensitivity.find((s: { driver: string }) => s.driver === 'spain-recognizes-kosovo');
    expect(spain.whenTrue).toBeGreaterThan(spain.whenFalse);
    expect(body.whatItTakes.procedure.changes.map((c: { state: string }) => c.state)).toContain('ES');
    const on = await (await get('/api/cases/XK/nato?as=2025-01-01&on=spain-recognizes-kosovo')).json();
    expect(on.probability).toBeCloseTo(spain.whenTrue, 12);
    const overview = await (await get('/api/overview?as=2025-01-01')).json();
    expect(overview.cells.find((c: { organization: string }) => c.organization === 'nato').probability).toBeCloseTo(body.probability, 12);
  });

  it('migrates v0 links (asOf=, set=driver=true) to the current format', async () => {
    const a = await (await get('/api/cases/XK/nato?asOf=2025-01-01&set=spain-recognizes-kosovo=true')).json();
    const b = await (await get('/api/cases/XK/nato?v=1&as=2025-01-01&on=spain-recognizes-kosovo')).json();
    expect(a).toEqual(b);
  });

  it("defaults the day to today's date", async () => {
    expect((await (await get('/api/cases/XK/coe')).json()).asOf).toBe(TODAY);
  });

  it('gives a state across every case, with sources', async () => {
    const res = await get('/api/states/HU?as=2025-01-01');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.state.name).toBe('Hungary');
    expect(body.cases).toHaveLength(2);
    const nato = body.cases.find((c: { organization: string }) => c.organization === 'nato');
    expect(nato.member).toBe(true);
    expect(nato.stages[0].origin).toBe('stance');
    expect(resolveAll(nato.evidence, body.sources).some((e) => e.quote?.includes('Hungary voted against'))).toBe(true);
  });

  it('resolves evidence to quote, speaker, outlet, date and link, each document written once', async () => {
    const body = await (await get('/api/cases/XK/nato?as=2025-01-01')).json();
    const kfor = body.ties.find((t: { id: string }) => t.id === 'kfor');
    expect(kfor.active).toBe(true);
    const cited = kfor.evidence.find((e: EvidenceRef) => e.passage);
    expect(cited.source).toBe('kamberi-2024');
    const quote = resolveEvidence(cited, body.sources);
    expect(quote).toMatchObject({ speaker: 'Belgzim Kamberi', outlet: 'Kosovo Online', date: '2024-06-24' });
    expect(quote.quote).toBeTruthy();
    expect(quote.url).toMatch(/^https:\/\/www\.kosovo-online\.com\//);
    expect(body.stanceEvidence.ES.length).toBeGreaterThan(0);
    const csm = body.drivers.find((d: { id: string }) => d.id === 'csm-established').evidence[0];
    expect(resolveEvidence(csm, body.sources).quote).toMatch(/normalizing relations/);
    // The interview is cited for several drivers, ties and stances, and written once.
    const title = body.sources['kamberi-2024'].title;
    expect(JSON.stringify(body).split(JSON.stringify(title)).length - 1).toBe(1);
  });
});

describe('downloads at the page URL plus an extension', () => {
  it('serves the same CSV bytes as `accede evaluate --csv`', async () => {
    const res = await get('/case/XK/nato.csv?v=1&as=2024-06-01&on=csm-established&off=spain-recognizes-kosovo');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = await res.text();
    const run = await cli('evaluate', 'XK', 'nato', '--data', FIXTURE_DIR, '--as-of', '2024-06-01', '--set', 'csm-established=true', '--set', 'spain-recognizes-kosovo=false', '--csv');
    expect(run.code).toBe(0);
    expect(body).toBe(run.out);
    expect(body.split('\n')[0]).toMatch(/^candidate,organization,as_of,drivers_most_likely_scenario,stage/);
  });

  // When this fails, `accede evaluate --json` and the downloads both use evaluationJson
  // (src/case/exports.ts); this guards the CLI printing it unchanged.
  it('serves the same JSON bytes as `accede evaluate --json`', async () => {
    const res = await get('/case/XK/coe.json?as=2024-06-01');
    expect(res.status).toBe(200);
    const run = await cli('evaluate', 'XK', 'coe', '--data', FIXTURE_DIR, '--as-of', '2024-06-01', '--json');
    expect(await res.text()).toBe(run.out);
  });

  it('answers the API path with an extension too', async () => {
    const a = await (await get('/api/cases/XK/nato.csv?as=2024-06-01')).text();
    const b = await (await get('/case/XK/nato.csv?as=2024-06-01')).text();
    expect(a).toBe(b);
  });
});

describe('pages', () => {
  const html = { accept: 'text/html' };
  it('serves a page shell for a case, with its title and the app', async () => {
    const res = await get('/case/XK/nato', html);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('<title>Kosovo and NATO — accede</title>');
    expect(text).toContain('/assets/app.js?v=test');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('redirects a case URL in another case to the canonical one, keeping the query', async () => {
    const res = await get('/case/xk/NATO?as=2024-01-01', html);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/case/XK/nato?as=2024-01-01');
  });

  it('answers an unknown case or page with a 404 page, not a blank one', async () => {
    for (const path of ['/case/XX/nato', '/case/XK/nope', '/state/QQ', '/no/such/page', '/case/XK', '/case/%ZZ/nato']) {
      const res = await get(path, html);
      expect(res.status, path).toBe(404);
      const text = await res.text();
      expect(text, path).toContain('<div id="app">');
      expect(text, path).toMatch(/not found/i);
      expect(text, path).not.toContain('Loading…');
    }
  });
});

describe('bad input is refused with a 4xx and a reason, never a 5xx', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['/api/cases/XK/nope', 404, /no case for XK × nope; known cases: XK\/coe, XK\/nato|known cases/],
    ['/api/cases/XKK/nato', 400, /not a state code/],
    ['/api/cases/XK/na%20to', 400, /not an organization id/],
    ['/api/cases/XK/nato?as=2024-02-30', 400, /as: expected a day/],
    ['/api/cases/XK/nato?as=yesterday', 400, /as: expected a day/],
    ['/api/cases/XK/nato?on=no-such-driver', 400, /unknown driver "no-such-driver"/],
    ['/api/cases/XK/nato?on=csm-established&off=csm-established', 400, /both on and off/],
    ['/api/cases/XK/nato?on=Bad!', 400, /driver ids/],
    ['/api/cases/XK/nato?v=99', 400, /unknown link version/],
    ['/api/cases/XK/nato?as=2024-01-01&as=2024-01-02', 400, /more than once/],
    ['/api/cases/XK/nato?stage=nope', 400, /unknown stage "nope"/],
    ['/api/cases/XK/nato?view=moon', 400, /europe or world/],
    ['/api/cases/XK/nato?set=csm-established=maybe', 400, /driver=true or driver=false/],
    [`/api/cases/XK/nato?on=${'a'.repeat(3000)}`, 400, /too long/],
    ['/case/XK/nato.csv?as=2024-13-01', 400, /as: expected a day/],
    ['/case/XK/nope.json', 404, /no case/],
    ['/api/states/ESP', 400, /not a state code/],
    ['/api/states/QQ', 404, /no state with code QQ/],
    ['/api/states/ES?as=2024', 400, /expected a day/],
    ['/api/overview?as=2024-00-10', 400, /expected a day/],
    ['/api/organizations/nope', 404, /no organization "nope"/],
    ['/api/organizations/n%00pe', 400, /not an organization id/],
    ['/api/nothing-here', 404, /no endpoint GET \/api\/nothing-here/],
    ['/assets/../../etc/passwd', 404, /no such page|no asset/],
    ['/assets/nope.js', 404, /no asset/],
    ['/api/cases/%E0%A4%A/nato', 400, /not a state code|bad request|malformed/i],
    ['/api/scenarios', 404, /no workspace/],
  ];
  for (const [path, status, detail] of cases) {
    it(`${path.slice(0, 70)} → ${status}`, async () => {
      const res = await get(path);
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.code).toMatch(/^[a-z_]+$/);
      expect(body.message).toMatch(detail);
    });
  }

  it('answers writes to read endpoints with 404/405, not 500', async () => {
    for (const [method, path] of [
      ['POST', '/api/cases/XK/nato'],
      ['DELETE', '/api/dataset'],
      ['PUT', '/case/XK/nato'],
      ['POST', '/'],
    ] as const) {
      const res = await app.request(`http://localhost${path}`, { method, body: '{}', headers: { 'content-type': 'application/json' } });
      expect([404, 405], `${method} ${path}`).toContain(res.status);
      expect((await res.json()).message).toBeTruthy();
    }
  });
});

describe('writes', () => {
  const scenario = { name: 'Spain recognizes', candidate: 'XK', organization: 'nato', fixed: { 'spain-recognizes-kosovo': true }, who: 'Ana' };
  const send = (a: ReturnType<typeof createApp>, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    a.request(`http://localhost${path}`, {
      method,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const post = (a: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = {}) => send(a, 'POST', '/api/scenarios', body, headers);
  const spaces: Array<ReturnType<typeof tempWorkspace>> = [];
  const space = () => {
    const w = tempWorkspace();
    spaces.push(w);
    return w.workspace;
  };
  afterAll(() => spaces.forEach((w) => w.dispose()));

  it('are refused with 403 and the reason when the server is read-only', async () => {
    const a = createApp({ dataset: fixtureDataset(), workspace: space(), writable: false, readOnlyReason: 'listening on 0.0.0.0 without a token', assets: FAKE_ASSETS });
    const res = await post(a, scenario);
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/read-only: listening on 0\.0\.0\.0 without a token/);
    // Reads stay open.
    expect((await a.request('http://localhost/api/scenarios')).status).toBe(200);
  });

  it('need the token when one is set', async () => {
    const ws = space();
    const a = createApp({ dataset: fixtureDataset(), workspace: ws, writable: true, token: 'correct-horse-battery-staple', assets: FAKE_ASSETS });
    expect((await post(a, scenario)).status).toBe(401);
    expect((await post(a, scenario, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
    const ok = await post(a, scenario, { authorization: 'Bearer correct-horse-battery-staple' });
    expect(ok.status).toBe(201);
    // The scheme in any case, as HTTP allows.
    expect((await post(a, { ...scenario, id: 'lower' }, { authorization: 'bearer correct-horse-battery-staple' })).status).toBe(201);
    expect(await ok.json()).toMatchObject({ id: 'spain-recognizes', name: 'Spain recognizes', version: 1, createdBy: 'Ana', payload: { fixed: { 'spain-recognizes-kosovo': true } } });
    const list = await (await a.request('http://localhost/api/scenarios?candidate=XK&organization=nato')).json();
    expect(list.scenarios).toHaveLength(2);
  });

  it('update a scenario only from the version last read: a stale one is a 409 with the current version', async () => {
    const a = createApp({ dataset: fixtureDataset(), workspace: space(), writable: true, assets: FAKE_ASSETS });
    expect((await post(a, scenario)).status).toBe(201);
    const upd = await post(a, { ...scenario, id: 'spain-recognizes', name: 'Spain recognizes (v2)', expectedVersion: 1 });
    expect(upd.status).toBe(200);
    expect((await upd.json()).version).toBe(2);
    const stale = await post(a, { ...scenario, id: 'spain-recognizes', name: 'late edit', expectedVersion: 1, who: 'Ben' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'conflict', current: { version: 2, updatedBy: 'Ana' } });
    const del = await a.request('http://localhost/api/scenarios/spain-recognizes?who=Ana&expectedVersion=2', { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await a.request('http://localhost/api/scenarios/spain-recognizes')).status).toBe(404);
  });

  it('refuse cross-origin requests, non-JSON bodies, bad fields, unknown drivers and oversized bodies', async () => {
    const a = createApp({ dataset: fixtureDataset(), workspace: space(), writable: true, assets: FAKE_ASSETS });
    expect((await post(a, scenario, { origin: 'https://evil.example' })).status).toBe(403);
    const form = await a.request('http://localhost/api/scenarios', { method: 'POST', body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect((await post(a, '{not json')).status).toBe(400);
    const bad = await post(a, { ...scenario, candidate: 'kosovo', extra: 1 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems.map((p: { path: string[] }) => p.path[0])).toEqual(expect.arrayContaining(['candidate']));
    expect((await post(a, { ...scenario, organization: 'nope' })).status).toBe(404);
    expect((await post(a, { ...scenario, fixed: { 'no-such-driver': true } })).status).toBe(400);
    expect((await post(a, { ...scenario, name: 'x'.repeat(70_000) })).status).toBe(413);
    expect((await post(a, scenario)).status).toBe(201);
  });

  it('answer only to the names the server listens on: a rebound domain gets 421 before any route (DNS rebinding)', async () => {
    const a = createApp({ dataset: fixtureDataset(), workspace: space(), writable: true, assets: FAKE_ASSETS, allowedHosts: allowedHosts('127.0.0.1') });
    const evil = { host: 'evil.example:4413', origin: 'http://evil.example:4413', 'content-type': 'application/json' };
    const write = await a.request('http://evil.example:4413/api/workspace/documents', { method: 'POST', headers: evil, body: JSON.stringify({ text: 'Spain does not recognize Kosovo.', who: 'x' }) });
    expect(write.status).toBe(421);
    expect((await write.json()).message).toMatch(/evil\.example/);
    expect((await a.request('http://evil.example:4413/api/workspace/documents', { headers: evil })).status).toBe(421);
    expect((await a.request('http://evil.example:4413/api/health', { headers: evil })).status).toBe(421);
    // The same request under the server's own name passes the gate.
    const own = { host: '127.0.0.1:4413', origin: 'http://127.0.0.1:4413', 'content-type': 'application/json' };
    const ok = await a.request('http://127.0.0.1:4413/api/scenarios', { method: 'POST', headers: own, body: JSON.stringify(scenario) });
    expect(ok.status).toBe(201);
    // An allowed Host with a page from elsewhere, or a browser saying cross-site, still cannot write.
    const other = await a.request('http://127.0.0.1:4413/api/scenarios', { method: 'POST', headers: { ...own, origin: 'http://localhost:9999' }, body: JSON.stringify({ ...scenario, id: 'x2' }) });
    expect(other.status).toBe(403);
    const xsite = await a.request('http://127.0.0.1:4413/api/scenarios', { method: 'POST', headers: { host: '127.0.0.1:4413', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: JSON.stringify({ ...scenario, id: 'x3' }) });
    expect(xsite.status).toBe(403);
  });

  it('list the host names a server answers to from the address it listens on', () => {
    expect(hostName('Evil.Example:4413')).toBe('evil.example');
    expect(hostName('[::1]:4321')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(allowedHosts('127.0.0.1').sort()).toEqual(['127.0.0.1', '::1', 'localhost']);
    expect(allowedHosts('127.0.0.1', ['accede.lan:8080'])).toContain('accede.lan');
    const all = allowedHosts('0.0.0.0');
    expect(all).toContain('127.0.0.1');
    expect(all).not.toContain('evil.example');
  });

  it('import a document, curate its items with versions, and keep an audit log', async () => {
    const ws = space();
    const a = createApp({ dataset: fixtureDataset(), workspace: ws, writable: true, assets: FAKE_ASSETS });
    const text =
      'Pristina, 24 June 2024. "In a certain context, Kosovo is de facto in NATO. Whether it will be de jure depends on the security context," ' +
      'Belgzim Kamberi told Kosovo Online. Spain does not recognize Kosovo.';
    const imp = await send(a, 'POST', '/api/workspace/documents', { text, who: 'Ana', meta: { title: 'Kamberi interview', outlet: 'Kosovo Online', date: '2024-06-24' } });
    expect(imp.status).toBe(201);
    const { document } = await imp.json();
    expect(document).toMatchObject({ title: 'Kamberi interview', outlet: 'Kosovo Online' });
    expect((await send(a, 'POST', '/api/workspace/documents', { text, who: 'Ana' })).status).toBe(200); // same content: nothing new
    const docs = await (await a.request('http://localhost/api/workspace/documents')).json();
    expect(docs.documents).toHaveLength(1);
    const detail = await (await a.request(`http://localhost/api/workspace/documents/${document.id}`)).json();
    expect(detail.text).toBe(text);
    const quote = detail.items.find((i: { kind: string }) => i.kind === 'quote');
    expect(quote.text).toMatch(/de facto in NATO/);

    const curate = (body: unknown) => send(a, 'POST', `/api/workspace/items/${quote.id}/curate`, body);
    const ok = await curate({ action: 'accept', expectedVersion: quote.version, who: 'Ana' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'accepted', version: quote.version + 1, updatedBy: 'Ana' });
    const stale = await curate({ action: 'reject', expectedVersion: quote.version, who: 'Ben' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'conflict', current: { version: quote.version + 1, updatedBy: 'Ana' } });
    const linked = await curate({ action: 'link', expectedVersion: quote.version + 1, who: 'Ana', link: 'XK/nato/tie:kfor' });
    expect((await linked.json()).links).toEqual(['XK/nato/tie:kfor']);
    expect((await curate({ action: 'explode', expectedVersion: 3, who: 'Ana' })).status).toBe(400);
    expect((await curate({ action: 'link', expectedVersion: 3, who: 'Ana', link: 'not a link' })).status).toBe(400);
    expect((await send(a, 'POST', '/api/workspace/items/no-such-item/curate', { action: 'accept', expectedVersion: 1, who: 'Ana' })).status).toBe(404);

    const items = await (await a.request(`http://localhost/api/workspace/items?document=${document.id}&status=accepted`)).json();
    expect(items.items.map((i: { id: string }) => i.id)).toEqual([quote.id]);
    expect((await a.request('http://localhost/api/workspace/items?status=maybe')).status).toBe(400);
    const audit = await (await a.request(`http://localhost/api/workspace/audit?entity=${quote.id}`)).json();
    expect(audit.entries.map((e: { action: string; who: string }) => `${e.action}:${e.who}`)).toEqual(['accept:Ana', 'link:Ana']);
  });
});

describe('write policy', () => {
  it('treats only loopback addresses as loopback', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) expect(isLoopback(h), h).toBe(false);
  });
  it('starts read-only off loopback without a token, and says why', () => {
    expect(writePolicy({ host: '127.0.0.1' })).toEqual({ writable: true });
    expect(writePolicy({ host: '0.0.0.0', token: 'x'.repeat(20) })).toEqual({ writable: true });
    const p = writePolicy({ host: '0.0.0.0' });
    expect(p.writable).toBe(false);
    expect(p.reason).toMatch(/not loopback.*without a token/);
    expect(writePolicy({ host: '127.0.0.1', readOnly: true }).writable).toBe(false);
  });
});

describe('no input reaches the 500 handler', () => {
  it('answers random paths and queries with a status below 500', async () => {
    const fc = await import('fast-check');
    const seg = fc.oneof(
      fc.constantFrom('api', 'case', 'state', 'cases', 'states', 'organizations', 'XK', 'nato', 'coe', 'ES', 'nato.csv', 'coe.json', 'assets', 'app.js', '..', '%', '%ZZ', '%00', ''),
      fc.string({ maxLength: 8 }).map(encodeURIComponent),
    );
    const key = fc.constantFrom('v', 'as', 'on', 'off', 'stage', 'view', 'asOf', 'set', 'x');
    const val = fc.oneof(fc.constantFrom('1', '0', '2024-01-01', '2024-02-30', 'csm-established', 'world', '~', '%', ''), fc.string({ maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(seg, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(key, val), { maxLength: 4 }), fc.boolean(), async (segs, params, html) => {
        const q = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const res = await get(`/${segs.join('/')}${q ? `?${q}` : ''}`, html ? { accept: 'text/html' } : {});
        expect(res.status, `/${segs.join('/')}?${q}`).toBeLessThan(500);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});

describe('under load', () => {
  it('answers 300 concurrent case requests, all correctly', async () => {
    const paths = Array.from({ length: 300 }, (_, i) => `/api/cases/XK/${i % 2 ? 'nato' : 'coe'}?as=${2010 + (i % 15)}-06-01${i % 3 ? '&on=csm-established' : ''}`);
    const answers = await Promise.all(paths.map((p) => get(p)));
    expect(answers.map((r) => r.status).every((s) => s === 200)).toBe(true);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    bodies.forEach((b, i) => expect(b.organization).toBe(i % 2 ? 'nato' : 'coe'));
  });
});

describe('days before an organization or a candidate existed (bundled dataset)', () => {
  const bundled = createApp({ dataset: loadDataset(), writable: false, assets: FAKE_ASSETS, today: () => TODAY });
  const at = (path: string) => bundled.request(`http://localhost${path}`);

  it('an organization before its founding answers 422 not_applicable, as a case does', async () => {
    const res = await at('/api/organizations/nato?as=1800-01-01');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: 'not_applicable', path: [], message: 'NATO did not exist on 1800-01-01 (founded 1949-08-24)' });
    expect((await at('/api/organizations/nato?as=1949-08-24')).status).toBe(200);
  });

  it('the overview before Kosovo existed answers the other cases and names Kosovo\'s', async () => {
    const res = await at('/api/overview?as=2000-01-01');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.cells.some((c: { candidate: string }) => c.candidate === 'FI')).toBe(true);
    expect(body.notApplicable.find((n: { candidate: string; organization: string }) => n.candidate === 'XK' && n.organization === 'nato').reason).toMatch(/Kosovo did not exist as a state on 2000-01-01/);
    expect((await at('/api/states/ES?as=2000-01-01')).status).toBe(200);
  }, 120_000);
});
