// The load generator of server.bench.ts, run in a process of its own so that its work (sending,
// reading ~53 KB answers) does not share the server's event loop and the numbers are the server's.
//   node --import tsx bench/load-client.ts load  '{"url":…,"seconds":20,"connections":200,"drivers":[…],"seed":1}'
//   node --import tsx bench/load-client.ts probe '{"url":…,"seconds":20,"everyMs":100}'
// "load": autocannon (programmatic API) asking GET /api/cases/XK/nato with a random driver setting and
// day per request; "probe": GET /api/health every `everyMs`, each latency kept. Each prints one JSON line.
import autocannon from 'autocannon';
import { rng } from '../src/engine/random.ts';
import { randomQuery } from './random-query.ts';

export interface LoadConfig {
  url: string;
  seconds: number;
  connections: number;
  drivers: string[];
  seed: number;
}

export interface LoadResult {
  requests: number;
  /** Answers a second, whatever their status. */
  throughput: number;
  /** Latency of the 2xx answers (autocannon's histogram counts only those), ms. */
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** CPU time (user + system) of this load generator while it ran, ms: one thread reading every answer. */
  cpuMs: number;
}

export interface ProbeConfig {
  url: string;
  seconds: number;
  everyMs: number;
}

export interface ProbeResult {
  /** Each probe's latency in ms (a probe without an answer in 5 s counts as 5,000 ms). */
  latencies: number[];
  failures: number;
}

/** The days asked: the first of January and of July of each year from Kosovo's statehood (2008-02-17) to 2026 (37 days). */
export const DAYS = Array.from({ length: 19 }, (_, i) => 2008 + i)
  .flatMap((y) => [`${y}-01-01`, `${y}-07-01`])
  .filter((d) => d >= '2008-02-17');

/** A request path: each driver on, off or uncertain with equal chance, and a day from DAYS. */
export function randomPath(drivers: string[], next: () => number): string {
  return `/api/cases/XK/nato?v=1&${randomQuery(drivers, DAYS, next)}`;
}

async function load(c: LoadConfig): Promise<LoadResult> {
  const next = rng(c.seed);
  const cpu0 = process.cpuUsage();
  const r = await autocannon({
    url: c.url,
    connections: c.connections,
    duration: c.seconds,
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: randomPath(c.drivers, next) }) }],
  });
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, (v as { count: number }).count]));
  const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
  const cpu = process.cpuUsage(cpu0);
  return { requests: answered, throughput: answered / c.seconds, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors, timeouts: r.timeouts, statuses, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function probe(c: ProbeConfig): Promise<ProbeResult> {
  const latencies: number[] = [];
  let failures = 0;
  const end = performance.now() + c.seconds * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    try {
      const res = await fetch(`${c.url}/api/health`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (!res.ok) failures++;
      latencies.push(performance.now() - t);
    } catch {
      failures++;
      latencies.push(5000);
    }
    await new Promise((r) => setTimeout(r, c.everyMs));
  }
  return { latencies, failures };
}

const [mode, config] = process.argv.slice(2);
if (mode === 'load' || mode === 'probe') {
  const c = JSON.parse(config ?? '{}');
  const result = mode === 'load' ? await load(c as LoadConfig) : await probe(c as ProbeConfig);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
