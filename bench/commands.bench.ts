// Whole commands as a user meets them: spawned processes, medians of several runs after a warm-up,
// the compiled CLI (dist/, what `npm ci` builds) beside the same command run from the TypeScript
// sources through tsx (ACCEDE_FROM_SOURCE=1, the way every command ran before dist/ existed).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../bin/fresh.js';
import { readDataFiles, DEFAULT_DATA_DIR } from '../src/model/load.ts';
import { parseDataset } from '../src/model/parse.ts';
import type { BenchRow } from './types.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'accede.js');
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Where the compiled CLI keeps validated datasets (src/cli/context.ts). */
const CACHE = join(root, 'node_modules', '.cache', 'accede');

/** Seconds for one whole process, from spawn to exit; `cold`: with the dataset cache emptied first. */
function once(args: string[], fromSource: boolean, cold = false): number {
  if (cold) rmSync(CACHE, { recursive: true, force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ACCEDE_FROM_SOURCE: fromSource ? '1' : '0' }, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`accede ${args.join(' ')} exited ${r.status}`);
  return (performance.now() - t) / 1000;
}

/** Seconds from spawning `accede serve` to the first 200 from its front page. */
async function firstOk(fromSource: boolean): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'accede-bench-'));
  const t = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--workspace', join(dir, 'ws.sqlite')], {
    env: { ...process.env, ACCEDE_FROM_SOURCE: fromSource ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /at (http:\/\/\S+?)\/ /.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    for (;;) {
      const res = await fetch(`${url}/`).catch(() => undefined);
      if (res?.status === 200) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return (performance.now() - t) / 1000;
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(f: (fromSource: boolean) => number | Promise<number>): Promise<{ compiled: number; source: number }> {
  await f(false);
  await f(true);
  const compiled: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    compiled.push(await f(false));
    source.push(await f(true));
  }
  return { compiled: median(compiled), source: median(source) };
}

function row(name: string, target: string, m: { compiled: number; source: number }): BenchRow {
  return {
    name,
    value: m.compiled,
    unit: 's',
    target,
    baseline: `from source (tsx): ${m.source.toFixed(2)} s`,
    ratio: `${(m.source / m.compiled).toFixed(1)}× faster`,
    note: `whole process, median of ${RUNS} after a warm-up`,
  };
}

export async function run(): Promise<BenchRow[]> {
  if (!distIsFresh(root)) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const rows: BenchRow[] = [
    row('accede evaluate XK nato --json', '≤ 0.4 s', await measure((s) => once(['evaluate', 'XK', 'nato', '--json'], s))),
    row('accede evaluate UA eu --json', '', await measure((s) => once(['evaluate', 'UA', 'eu', '--json'], s))),
    // The first command after the data or the build changed parses and checks every file, as validate does.
    row('accede evaluate XK nato --json, dataset cache emptied', '', await measure((s) => once(['evaluate', 'XK', 'nato', '--json'], s, true))),
    row('accede validate (always parses and checks every file)', '≤ 0.6 s', await measure((s) => once(['validate'], s))),
    row('accede backtest', '', await measure((s) => once(['backtest'], s))),
    row('accede serve: first 200', '≤ 0.6 s', await measure(firstOk)),
  ];
  // In-process: reading, parsing, validating and cross-checking the bundled data folder.
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t = performance.now();
    parseDataset(readDataFiles(DEFAULT_DATA_DIR));
    times.push(performance.now() - t);
  }
  const load = loadavg()[0].toFixed(2);
  rows.push({ name: 'data loaded and cross-checked (in-process)', value: median(times.slice(2)), unit: 'ms', target: '≤ 150 ms', note: `median of 10 after 2 (the first: ${times[0].toFixed(0)} ms); no cache; load average ${load}` });
  return rows;
}
