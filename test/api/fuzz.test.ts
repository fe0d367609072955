// HTTP fuzz: 5,000 seeded requests generated from the OpenAPI document's paths (every method, path
// parameters and query parameters drawn from valid values, near misses and junk, odd methods, odd
// headers, bodies), run in-process with app.request. None may answer 5xx other than a 503 with
// Retry-After, and each must answer (a hang fails the test by its timeout).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { FAKE_ASSETS, fixtureDataset, tempWorkspace } from './helpers.ts';

const RUNS = 5_000;

type Operation = { method: string; path: string; params: Array<{ name: string; in: string }> };

/** Every operation the document lists, with its parameters. */
function operations(): Operation[] {
  const doc = openApiDocument();
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>)) {
    for (const [method, op] of Object.entries(item)) out.push({ method: method.toUpperCase(), path, params: op.parameters ?? [] });
  }
  return out;
}

const GOOD: Record<string, string[]> = {
  candidate: ['XK', 'xk', 'RS'],
  org: ['nato', 'coe', 'NATO', 'un'],
  code: ['ES', 'RS', 'XK', 'us'],
  id: ['nato', 'coe', 'abc', 'doc-1'],
  as: ['2024-05-01', '2008-02-17', '1999-01-01', '2030-12-31', '2024-02-29'],
  on: ['csm-established', 'csm-established~x', ''],
  off: ['csm-established', 'spain-recognizes-kosovo'],
  v: ['1', '0', '2'],
};
const JUNK = ['', '%', '%ZZ', '%00', '..', '../..', '2024-02-30', '0000-00-00', '9'.repeat(400), 'é', '\u202e', '<script>', "'", '"', '~~', 'a'.repeat(70), '-1', 'NaN', 'null', '[]', '{}'];

const request = (ops: Operation[]) =>
  fc.record({
    op: fc.constantFrom(...ops),
    method: fc.oneof({ weight: 8, arbitrary: fc.constant('') }, fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'BREW')),
    seed: fc.integer(),
    junk: fc.array(fc.oneof(fc.constantFrom(...JUNK), fc.string({ maxLength: 16 })), { minLength: 1, maxLength: 3 }),
    query: fc.array(fc.tuple(fc.constantFrom('as', 'on', 'off', 'v', 'stage', 'view', 'asOf', 'set', 'who', 'limit', 'after', 'status', 'kind', 'document', 'entity', 'candidate', 'organization', 'x'), fc.string({ maxLength: 3 })), { maxLength: 4 }),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', ''),
    body: fc.oneof(fc.constant(undefined), fc.constantFrom('{}', '{"name":"x","candidate":"XK","organization":"nato"}', '{"text":" ","who":"fuzz"}', 'not json', '[]', 'null', '{"action":"accept","expectedVersion":1,"who":"f"}')),
    contentType: fc.constantFrom('application/json', 'text/plain', ''),
    inm: fc.constantFrom('', '*', '"x"', 'W/"x"'),
  });

describe('HTTP fuzz from the OpenAPI paths', () => {
  it(`answers ${RUNS} generated requests without a 5xx`, async () => {
    const ws = tempWorkspace();
    const app = createApp({ dataset: fixtureDataset(), workspace: ws.workspace, writable: true, assets: FAKE_ASSETS, today: () => '2026-06-01' });
    const ops = operations();
    expect(ops.length).toBeGreaterThan(15);
    const statuses = new Map<number, number>();
    try {
      await fc.assert(
        fc.asyncProperty(request(ops), fc.context(), async (r, log) => {
          // Path parameters: a good value two times in three, else junk, chosen by the seed.
          let i = 0;
          const path = r.op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            const good = GOOD[name] ?? ['x'];
            const k = Math.abs(r.seed + i++);
            return encodeURIComponent(r.seed % 3 !== 0 ? good[k % good.length] : (r.junk[k % r.junk.length] ?? ''));
          });
          const q = r.query.map(([k, v]) => `${k}=${encodeURIComponent(r.seed % 2 && GOOD[k] ? GOOD[k][Math.abs(r.seed) % GOOD[k].length] : v)}`).join('&');
          const url = `http://localhost${path}${q ? `?${q}` : ''}`;
          const method = r.method || r.op.method;
          const headers: Record<string, string> = {};
          if (r.accept) headers.accept = r.accept;
          if (r.contentType) headers['content-type'] = r.contentType;
          if (r.inm) headers['if-none-match'] = r.inm;
          const hasBody = r.body !== undefined && !['GET', 'HEAD'].includes(method);
          log.log(`${method} ${url}`);
          const res = await app.request(url, { method, headers, ...(hasBody ? { body: r.body } : {}) });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          await res.arrayBuffer();
          if (res.status === 503) expect(res.headers.get('retry-after')).toBeTruthy();
          else expect(res.status, `${method} ${url}`).toBeLessThan(500);
        }),
        { numRuns: RUNS, seed: 20261204 },
      );
    } finally {
      ws.dispose();
    }
    // The generator reaches both answers and refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect([...statuses.keys()].filter((s) => s >= 400 && s < 500).length).toBeGreaterThan(3);
  }, 600_000);
});
