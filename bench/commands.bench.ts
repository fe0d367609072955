// Whole commands as a user meets them: spawned processes, medians of several runs after a warm-up,
// the compiled CLI (dist/, what `npm ci` builds) beside the same command run from the TypeScript
// sources through tsx (ACCEDE_FROM_SOURCE=1, the way every command ran before dist/ existed). Each row
// gives the median wall time and the median CPU time (user + system, from /usr/bin/time or, for serve,
// /proc): on a machine shared with other work the wall time stretches with the load, the CPU time much less.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/** One whole process: wall seconds from spawn to exit, and its CPU seconds (user + system). */
interface Timed {
  wall: number;
  cpu: number;
}

const TIME = existsSync('/usr/bin/time');

/** `node ARGS…` timed as a whole process. */
function timedNode(args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const t = performance.now();
  const r = TIME
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    : spawnSync(process.execPath, args, { env, stdio: 'ignore', encoding: 'utf8' });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN };
}

/** One whole `accede` command; `cold`: with the dataset cache emptied first. */
function once(args: string[], fromSource: boolean, cold = false): Timed {
  if (cold) rmSync(CACHE, { recursive: true, force: true });
  return timedNode([BIN, ...args], { ...process.env, ACCEDE_FROM_SOURCE: fromSource ? '1' : '0' });
}

/** CPU seconds (user + system, every thread) a running process has used so far; NaN off Linux. */
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // USER_HZ
  } catch {
    return NaN;
  }
}

/** Seconds from spawning `accede serve` to the first 200 from its front page, and its CPU time by then. */
async function firstOk(fromSource: boolean): Promise<Timed> {
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
      if (res?.status === 200) {
        await res.arrayBuffer();
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    return { wall: (performance.now() - t) / 1000, cpu: cpuOf(child.pid!) };
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Measured {
  compiled: Timed;
  source: Timed;
}

const medians = (xs: Timed[]): Timed => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });

/** The compiled command and the same from the sources, interleaved, after a warm-up of each. */
async function measure(f: (fromSource: boolean) => Timed | Promise<Timed>): Promise<Measured> {
  await f(false);
  await f(true);
  const compiled: Timed[] = [];
  const source: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    compiled.push(await f(false));
    source.push(await f(true));
  }
  return { compiled: medians(compiled), source: medians(source) };
}

const load = () => `load average ${loadavg()[0].toFixed(1)}`;

function row(name: string, target: string, m: Measured, floor: Timed): BenchRow {
  return {
    name,
    value: m.compiled.wall,
    unit: 's',
    target,
    baseline: `from source (tsx): ${m.source.wall.toFixed(2)} s`,
    ratio: `${(m.source.wall / m.compiled.wall).toFixed(1)}× faster`,
    note: `whole process, median of ${RUNS} after a warm-up; CPU (user + system) ${m.compiled.cpu.toFixed(3)} s, of which node itself (node -e 0) ${floor.cpu.toFixed(3)} s; from source ${m.source.cpu.toFixed(2)} s CPU; ${load()}`,
  };
}

export async function run(): Promise<BenchRow[]> {
  if (!distIsFresh(root)) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  // The floor under every row: Node starting and exiting with nothing to do.
  timedNode(['-e', '0']);
  const floor = medians(Array.from({ length: RUNS }, () => timedNode(['-e', '0'])));
  const rows: BenchRow[] = [
    { name: 'node -e 0 (the floor of any command)', value: floor.wall, unit: 's', note: `median of ${RUNS}; CPU ${floor.cpu.toFixed(3)} s; ${load()}` },
    row('accede evaluate XK nato --json', '≤ 0.4 s', await measure((s) => once(['evaluate', 'XK', 'nato', '--json'], s)), floor),
    row('accede evaluate UA eu --json', '', await measure((s) => once(['evaluate', 'UA', 'eu', '--json'], s)), floor),
    // The first command after the data or the build changed parses and checks every file, as validate does.
    row('accede evaluate XK nato --json, dataset cache emptied', '', await measure((s) => once(['evaluate', 'XK', 'nato', '--json'], s, true)), floor),
    row('accede validate (always parses and checks every file)', '≤ 0.6 s', await measure((s) => once(['validate'], s)), floor),
    row('accede backtest', '', await measure((s) => once(['backtest'], s)), floor),
    // CPU here: the server process (every thread) when the first 200 arrives.
    row('accede serve: first 200', '≤ 0.6 s', await measure(firstOk), floor),
  ];
  // In-process: reading, parsing, validating and cross-checking the bundled data folder.
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t = performance.now();
    parseDataset(readDataFiles(DEFAULT_DATA_DIR));
    times.push(performance.now() - t);
  }
  rows.push({ name: 'data loaded and cross-checked (in-process)', value: median(times.slice(2)), unit: 'ms', target: '≤ 150 ms', note: `median of 10 after 2 (the first: ${times[0].toFixed(0)} ms); no cache; ${load()}` });
  return rows;
}
