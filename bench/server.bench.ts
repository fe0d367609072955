// Server load benchmark: autocannon against `startServer` (worker pool, answer cache) on 127.0.0.1,
// GET /api/cases/XK/nato with a random driver setting and day per request at 200 connections, after a
// warm-up pass. Bounded in time (ACCEDE_BENCH_SECONDS, default 20 s). Also: /api/health latency while
// the pool is saturated.
//
//   node --import tsx bench/server.bench.ts        (prints the rows)
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { loadDataset } from '../src/model/load.ts';
import { startServer } from '../src/server/node.ts';
import type { BenchRow } from './types.ts';

const SECONDS = Number(process.env.ACCEDE_BENCH_SECONDS ?? 20);
const CONNECTIONS = 200;

/** A small deterministic generator, so two runs ask the same sequence of questions. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

/** The days asked: the first of January and of July of each year from Kosovo's statehood (2008-02-17) to 2026 (37 days). */
const DAYS = Array.from({ length: 19 }, (_, i) => 2008 + i)
  .flatMap((y) => [`${y}-01-01`, `${y}-07-01`])
  .filter((d) => d >= '2008-02-17');

function randomPath(drivers: string[], next: () => number): string {
  const on: string[] = [];
  const off: string[] = [];
  for (const d of drivers) {
    const r = next();
    if (r < 1 / 3) on.push(d);
    else if (r < 2 / 3) off.push(d);
  }
  const q = [`as=${DAYS[Math.floor(next() * DAYS.length)]}`];
  if (on.length) q.push(`on=${on.join('~')}`);
  if (off.length) q.push(`off=${off.join('~')}`);
  return `/api/cases/XK/nato?v=1&${q.join('&')}`;
}

function load(url: string, seconds: number, drivers: string[], seed: number): Promise<autocannon.Result> {
  const next = rng(seed);
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: randomPath(drivers, next) }) }],
  });
}

export async function run(): Promise<BenchRow[]> {
  const dataset = loadDataset();
  const drivers = dataset.cases.find((c) => c.candidate === 'XK' && c.organization === 'nato')!.drivers.map((d) => d.id);
  const server = await startServer({ dataset, writable: false, assets: { js: '', css: '', atlas: '{}', version: 'bench' } });
  try {
    // Warm-up: the workers start, prepare the engine's tables for the days asked, fill the cache.
    await load(server.url, Math.max(5, Math.round(SECONDS / 2)), drivers, 1);
    // Health while the pool is busy: sampled during the measured run.
    const health: number[] = [];
    let measuring = true;
    const probe = (async () => {
      while (measuring) {
        const t = performance.now();
        await fetch(`${server.url}/api/health`);
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const r = await load(server.url, SECONDS, drivers, 2);
    measuring = false;
    await probe;
    health.sort((a, b) => a - b);
    const non2xx = r.non2xx;
    const note = `${CONNECTIONS} connections, ${SECONDS} s after a warm-up, random setting of ${drivers.length} drivers × ${DAYS.length} days; ${r.requests.total} requests`;
    return [
      { name: 'server: GET /api/cases/XK/nato, random setting and day — throughput', value: r.requests.average, unit: 'req/s', note },
      { name: 'server: … latency p50', value: r.latency.p50, unit: 'ms' },
      { name: 'server: … latency p99', value: r.latency.p99, unit: 'ms', target: '≤ 250 ms' },
      { name: 'server: … errors + timeouts', value: r.errors + r.timeouts, unit: '', target: '0' },
      { name: 'server: … non-2xx answers (503 busy included)', value: non2xx, unit: '', target: '0' },
      { name: 'server: /api/health while busy, p99', value: health[Math.max(0, Math.ceil(health.length * 0.99) - 1)] ?? NaN, unit: 'ms', target: '≤ 50 ms', note: `${health.length} probes` },
    ];
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await run()) console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
}
