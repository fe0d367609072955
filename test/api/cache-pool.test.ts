// The server under varied queries: answers cached with a strong ETag (304 on If-None-Match before any
// computation), computations in a worker pool whose full queue answers 503 + Retry-After at once while
// health still answers, and odd methods (CONNECT included, on a real socket) refused with 405.
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { changePoints } from '../../src/case/change-points.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { Hono } from 'hono';
import { answerCache } from '../../src/server/answers.ts';
import { createApp } from '../../src/server/app.ts';
import type { CaseComputer } from '../../src/server/compute.ts';
import { startServer } from '../../src/server/node.ts';
import { poolComputer } from '../../src/server/pool.ts';
import { FAKE_ASSETS, fixtureDataset } from './helpers.ts';

const base = { dataset: fixtureDataset(), writable: false, assets: FAKE_ASSETS, today: () => '2026-06-01' };

/**
 * Days whose answers are each computed on their own: change points, each the first day of its stretch (two
 * days of one stretch share one computation, src/server/answers.ts).
 */
const fixtureIx = index(fixtureDataset());
const ownDays = (n: number) => changePoints(fixtureIx, fixtureIx.case('XK', 'nato')!).slice(-n);

describe('the answer cache', () => {
  let computed = 0;
  const counting: CaseComputer = {
    run: async (job) => {
      computed++;
      return JSON.stringify(job);
    },
    close: async () => {},
  };
  const app = createApp({ ...base, computer: counting });
  const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

  it('answers with a strong ETag and Cache-Control, and 304 when If-None-Match names it, computing once', async () => {
    const a = await get('/api/cases/XK/nato?as=2024-05-01&on=csm-established');
    expect(a.status).toBe(200);
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(a.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const before = computed;
    const b = await get('/api/cases/XK/nato?as=2024-05-01&on=csm-established', { 'if-none-match': etag });
    expect(b.status).toBe(304);
    const c = await get('/api/cases/XK/nato?v=1&on=csm-established&as=2024-05-01');
    expect(c.headers.get('etag')).toBe(etag);
    expect(await c.text()).toBe(await a.clone().text());
    expect(computed).toBe(before);
  });

  it('gives another ETag to another day, setting or format', async () => {
    // A day when csm-established is in force (first reported 2024-06-24): before it, setting it changes
    // nothing and rightly shares the ETag of the unset answer.
    const tags = new Set<string>();
    for (const p of ['/api/cases/XK/nato?as=2025-06-01', '/api/cases/XK/nato?as=2025-06-02', '/api/cases/XK/nato?as=2025-06-01&off=csm-established', '/case/XK/nato.csv?as=2025-06-01', '/api/cases/XK/coe?as=2025-06-01']) {
      tags.add((await get(p)).headers.get('etag')!);
    }
    expect(tags.size).toBe(5);
  });

  it('gives another ETag to the same dataset and query answered in another format (ANSWERS_VERSION)', async () => {
    const tagOf = async (format: number) => {
      const cache = answerCache('"dataset"', 1 << 20, format);
      const one = new Hono().get('/x', (c) => cache.send(c, 'details|XK/nato|2025-06-01|', 'application/json', async () => '{}'));
      return (await one.request('/x')).headers.get('etag');
    };
    expect(await tagOf(2)).toBe(await tagOf(2));
    expect(await tagOf(3)).not.toBe(await tagOf(2));
  });

  it('resolves the default day into the key: "today" is a day like any other', async () => {
    const a = await get('/api/cases/XK/nato');
    const b = await get('/api/cases/XK/nato?as=2026-06-01');
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'));
  });
});

describe('odd methods', () => {
  const app = createApp(base);
  it.each(['PROPFIND', 'PATCH', 'PUT', 'BREW'])('%s → 405 with Allow', async (method) => {
    const res = await app.request('http://localhost/api/cases/XK/nato', { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toMatch(/GET/);
    expect((await res.json()).code).toBe('method_not_allowed');
  });

  // fetch and app.request refuse to send these two; a raw socket sends what a client may.
  it.each([
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n'],
    ['TRACE', 'TRACE /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  ])('%s on a real socket gets a 405 answer, not a closed socket', async (_method, request) => {
    const server = await startServer(base, { pool: false });
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const s = connect(server.port, '127.0.0.1', () => s.write(request));
        let text = '';
        s.on('data', (d) => (text += d));
        s.on('end', () => resolve(text));
        s.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    } finally {
      await server.close();
    }
  });
});

describe('requests Node cannot parse', () => {
  const raw = async (request: string) => {
    const server = await startServer(base, { pool: false });
    try {
      return await new Promise<string>((resolve, reject) => {
        const s = connect(server.port, '127.0.0.1', () => s.write(request));
        let text = '';
        s.on('data', (d) => (text += d));
        s.on('end', () => resolve(text));
        s.on('error', reject);
      });
    } finally {
      await server.close();
    }
  };

  it('answers headers beyond the limit with 431 and a reason, not an empty 400', async () => {
    const answer = await raw(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).code).toBe('headers_too_large');
  });

  it('answers a malformed request with 400 and the parser\'s reason', async () => {
    const answer = await raw('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body.code).toBe('bad_request');
    expect(body.message).toMatch(/HPE_/);
  });
});

describe('the worker pool', () => {
  // A small bound, so the test knows how many jobs wait.
  const pool = poolComputer(fixtureDataset(), { threads: 1, maxQueue: 2 });
  afterAll(() => pool.close());

  it('computes the same bytes as the server thread', async () => {
    const inline = createApp(base);
    const pooled = createApp({ ...base, computer: pool });
    for (const p of ['/api/cases/XK/nato?as=2024-05-01', '/case/XK/coe.csv?as=2020-01-01&on=csm-established', '/api/overview?as=2024-05-01']) {
      const [a, b] = await Promise.all([inline.request(`http://localhost${p}`), pooled.request(`http://localhost${p}`)]);
      expect(b.status).toBe(200);
      expect(await b.text()).toBe(await a.text());
    }
  }, 120_000);

  it('answers a day before the candidate existed with 422, as the server thread does', async () => {
    // The bundled dataset knows Kosovo's statehood (2008-02-17); the fixture does not.
    const dataset = loadDataset();
    const bundledPool = poolComputer(dataset, { threads: 1 });
    try {
      const pooled = createApp({ ...base, dataset, computer: bundledPool });
      const inline = createApp({ ...base, dataset });
      const [a, b] = await Promise.all([inline.request('http://localhost/api/cases/XK/nato?as=2008-01-01'), pooled.request('http://localhost/api/cases/XK/nato?as=2008-01-01')]);
      expect(a.status).toBe(422);
      expect(b.status).toBe(422);
      expect((await b.json()).code).toBe('not_applicable');
    } finally {
      await bundledPool.close();
    }
  }, 120_000);

  it('refuses at once with 503 and Retry-After when the queue is full, and health answers meanwhile', async () => {
    const app = createApp({ ...base, computer: pool });
    const days = ownDays(12);
    let settled = 0;
    const pending = days.map((d) =>
      Promise.resolve(app.request(`http://localhost/api/cases/XK/nato?as=${d}`)).then((r) => {
        settled++;
        return r;
      }),
    );
    // One computing, two queued: the others are refused without waiting for them.
    const health = await app.request('http://localhost/api/health');
    expect(health.status).toBe(200);
    expect(settled).toBeLessThan(days.length);
    const answers = await Promise.all(pending);
    const busy = answers.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.headers.get('retry-after')).toBe('1');
      expect((await r.json()).code).toBe('busy');
    }
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(3);
    // A refusal does not stick: the same question answers once the pool is free.
    const again = await app.request(`http://localhost/api/cases/XK/nato?as=${days[days.length - 1]}`);
    expect(again.status).toBe(200);
  }, 120_000);

  it('refuses a job that would wait longer than the queue\'s time budget at the pool\'s pace', async () => {
    // A budget of 0 ms: while one job runs, any other would wait, so it is refused at once.
    const strict = poolComputer(fixtureDataset(), { threads: 1, queueBudgetMs: 0 });
    try {
      const app = createApp({ ...base, computer: strict });
      const days = ownDays(5);
      const answers = await Promise.all(days.map((d) => app.request(`http://localhost/api/cases/XK/nato?as=${d}`)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      expect(answers.find((r) => r.status === 503)!.headers.get('retry-after')).toBe('1');
    } finally {
      await strict.close();
    }
  }, 120_000);

  it('queues rather than refuses while the jobs waiting stay within the bound', async () => {
    // One thread and room for 6 waiting (and time enough): 7 questions at once are all answered, none refused.
    const roomy = poolComputer(fixtureDataset(), { threads: 1, maxQueue: 6, queueBudgetMs: 60_000 });
    try {
      const app = createApp({ ...base, computer: roomy });
      const days = ownDays(7);
      const answers = await Promise.all(days.map((d) => app.request(`http://localhost/api/cases/XK/nato?as=${d}`)));
      expect(answers.map((r) => r.status)).toEqual(days.map(() => 200));
    } finally {
      await roomy.close();
    }
  }, 120_000);
});
