// Wide cases (issue 9): the generated UN case with 20 drivers (exact) and 30 drivers (the labelled
// Monte Carlo estimate) through every face — in process (the session: tables + every answer), and as
// whole commands with their peak memory: `accede evaluate XK un --json|--csv --data DIR` (spawned,
// median of 3), `accede serve` (start, then the first GET /api/cases/XK/un), the case page in headless
// Chromium against that server (load → P(admission) on screen; the renderer's peak memory) and
// `accede build --static` (the whole dataset's export). Each face's P(admission) is checked against
// `evaluate --json` (to 1e-12 when exact).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { index } from '../src/model/dataset.ts';
import { loadDataset } from '../src/model/load.ts';
import { openSession } from '../src/engine/index.ts';
import { launchBrowser } from '../test/browser/setup.ts';
import { generateWideData } from '../test/wide-case.ts';
import type { BenchRow } from './types.ts';

const AS_OF = '2025-06-01';
const CLI = ['node', 'bin/accede.js'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Wall seconds, CPU seconds (user + system: what the command costs on a machine shared with other
 * work) and peak RSS (MB) of a spawned command, through /usr/bin/time.
 */
function timed(argv: string[]): { s: number; cpu: number; mb: number; out: string } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
  const [s, user, sys, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { s, cpu: user + sys, mb: kb / 1024, out: r.stdout };
}

/** Peak RSS (VmHWM, MB) of a process, while it runs. */
function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU seconds (user + system, all threads) a process has used so far, from /proc (0 once it has ended). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), in clock ticks (100 a second on Linux).
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** The pids below `root` whose command name matches (Chromium's browser, renderer and helpers). */
function descendants(root: number, name: RegExp): number[] {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      comm.set(Number(e), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(e), Number(stat.slice(close + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return [...comm].filter(([pid, c]) => name.test(c) && below(pid)).map(([pid]) => pid);
}

interface Served {
  url: string;
  pid: number;
  startS: number;
  stop(): void;
}

/** `accede serve --data DIR --port 0`, resolved when it says where it listens. */
function serve(dir: string, workspace: string): Promise<Served> {
  const t0 = performance.now();
  const child = spawn(CLI[0], [...CLI.slice(1), 'serve', '--data', dir, '--port', '0', '--read-only', '--workspace', workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /serving \d+ cases at (http:\/\/\S+?)\/\s/.exec(out);
      if (m) resolve({ url: m[1], pid: child.pid!, startS: (performance.now() - t0) / 1000, stop: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => reject(new Error(`accede serve exited ${code}: ${err.split('\n').slice(-3).join(' ')}`)));
  });
}

const agrees = (a: number, b: number, exact: boolean) => (exact ? Math.abs(a - b) < 1e-12 : Math.abs(a - b) < 1e-9);

export async function run(): Promise<BenchRow[]> {
  if (!existsSync('/usr/bin/time')) return [{ name: 'wide cases', value: NaN, unit: '', note: 'needs /usr/bin/time' }];
  const rows: BenchRow[] = [];
  const root = mkdtempSync(join(tmpdir(), 'accede-wide-'));
  try {
    for (const n of [20, 30]) {
      const { dir, by } = generateWideData(join(root, `w${n}`), n);
      const target = n === 20 ? '≤ 3 s, ≤ 1 GB' : '≤ 10 s, ≤ 1 GB';
      const ix = index(loadDataset(dir));
      const c = ix.case('XK', 'un')!;
      const rss0 = process.memoryUsage().rss;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const a = openSession(ix, c, AS_OF).analyze({});
      const ms = performance.now() - t0;
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1000;
      const grew = (process.memoryUsage().rss - rss0) / 2 ** 20;
      const exact = a.method.kind === 'exact';
      const how = a.method.kind === 'exact' ? 'exact' : `Monte Carlo, ${a.method.samples} samples, SE ${a.method.standardError.toExponential(1)}`;
      rows.push({
        name: `wide UN case, ${n} drivers: session (tables + every answer), in process`,
        value: ms,
        unit: 'ms',
        target: exact ? 'exact' : 'labelled estimate',
        note: `case by ${by}; ${how}; P = ${a.probability.toPrecision(6)}; ${cpu.toFixed(0)} ms CPU (user+sys); RSS +${grew.toFixed(0)} MB`,
      });

      // The command line, whole process.
      let reference = NaN;
      for (const flag of ['--json', '--csv']) {
        const runs = [0, 1, 2].map(() => timed([...CLI, 'evaluate', 'XK', 'un', '--data', dir, '--as-of', AS_OF, flag]));
        let check = '';
        if (flag === '--json') {
          const doc = JSON.parse(runs[0].out);
          reference = doc.probability;
          check = `method ${doc.method.kind}`;
        } else {
          const head = runs[0].out.split('\n')[0].split(',');
          const row = runs[0].out.split('\n')[1];
          // The last five columns hold no commas: P(stage), P(admission), method, two standard errors.
          const tail = row.split(',').slice(-5);
          check = `P(admission) column ${agrees(Number(tail[1]), reference, exact) ? 'agrees' : `DIFFERS (${tail[1]})`}; ${head.at(-3)} = ${tail[2]}`;
        }
        rows.push({
          name: `accede evaluate XK un ${flag}, ${n} drivers, whole process`,
          value: median(runs.map((r) => r.s)),
          unit: 's',
          target,
          note: `median of 3; CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s; peak ${Math.max(...runs.map((r) => r.mb)).toFixed(0)} MB; ${check}; runs ${runs.map((r) => r.s.toFixed(2)).join(', ')} s`,
        });
      }

      // The server: start, first answer of the case; then the case page in Chromium against it.
      const server = await serve(dir, join(root, `ws${n}.sqlite`));
      try {
        const t1 = performance.now();
        const serverCpu1 = cpuSeconds(server.pid);
        const res = await fetch(`${server.url}/api/cases/XK/un?as=${AS_OF}`);
        const api = (await res.json()) as { probability: number; method: { kind: string } };
        const firstS = (performance.now() - t1) / 1000;
        const apiCpu = cpuSeconds(server.pid) - serverCpu1;
        rows.push({
          name: `accede serve, ${n} drivers: first GET /api/cases/XK/un`,
          value: firstS,
          unit: 's',
          target,
          note: `HTTP ${res.status}; server CPU ${apiCpu.toFixed(2)} s (user+sys, all threads); server listening after ${server.startS.toFixed(2)} s; server peak ${peakMb(server.pid).toFixed(0)} MB (threads included); P ${agrees(api.probability, reference, exact) ? 'agrees' : 'DIFFERS'}; method ${api.method?.kind}`,
        });

        const browser = await launchBrowser();
        try {
          const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
          // CPU of the server and of every Chromium process while the page loads and computes.
          const chromiumCpu = () => descendants(process.pid, /chrom/i).reduce((a, pid) => a + cpuSeconds(pid), 0);
          const cpu2 = cpuSeconds(server.pid) + chromiumCpu();
          const t2 = performance.now();
          await page.goto(`${server.url}/case/XK/un?as=${AS_OF}`);
          const prob = page.locator('[data-testid="probability"]');
          await prob.waitFor({ timeout: 300_000 });
          const pageS = (performance.now() - t2) / 1000;
          const pageCpu = cpuSeconds(server.pid) + chromiumCpu() - cpu2;
          const p = Number(await prob.getAttribute('data-p'));
          const method = await page.locator('[data-testid="method"]').textContent();
          // The page's own marks (ms from navigation): the "computing" state painted (when a worker
          // computes the tables), P(admission) painted, every number worked out (each stage's P too).
          await page.locator('article[data-level="stages"]').waitFor({ timeout: 300_000 });
          const marks = await page.evaluate(() =>
            Object.fromEntries(['computing', 'headline', 'complete'].map((m) => [m, performance.getEntriesByName(`accede:case-${m}`)[0]?.startTime])),
          );
          const at = (m: number | undefined) => (m === undefined ? '–' : `${(m / 1000).toFixed(2)} s`);
          const chromium = Math.max(...descendants(process.pid, /chrom/i).map((pid) => peakMb(pid)));
          rows.push({
            name: `case page in Chromium, ${n} drivers: load → P(admission) shown`,
            value: pageS,
            unit: 's',
            target,
            note: `CPU ${pageCpu.toFixed(2)} s (user+sys: server and every Chromium process); largest Chromium process peak ${chromium.toFixed(0)} MB; P ${agrees(p, reference, exact) ? 'agrees' : 'DIFFERS'}; shown as “${(await prob.textContent())?.trim()}”, method “${method?.slice(0, 40)}…”; page marks: computing shown ${at(marks.computing)}, P shown ${at(marks.headline)}, every stage's P ${at(marks.complete)}`,
          });
        } finally {
          await browser.close();
        }
      } finally {
        server.stop();
      }

      // The static export of the whole dataset (this case and the bundled ones).
      const out = join(root, `site${n}`);
      const cases = ix.data.cases.length;
      const built = timed([...CLI, 'build', '--static', out, '--data', dir, '--as-of', AS_OF, '--force']);
      const exported = JSON.parse(readFileSync(join(out, 'case', 'XK', 'un.json'), 'utf8'));
      rows.push({
        name: `accede build --static, ${n} drivers (all ${cases} cases), whole process`,
        value: built.s,
        unit: 's',
        target,
        note: `CPU ${built.cpu.toFixed(2)} s; peak ${built.mb.toFixed(0)} MB; case/XK/un.json P ${agrees(exported.probability, reference, exact) ? 'agrees' : 'DIFFERS'}, method ${exported.method.kind}`,
      });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
