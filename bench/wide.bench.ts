// Wide cases (issue 9): the generated UN case with 20 drivers (exact) and 30 drivers (the labelled
// Monte Carlo estimate), timed in process (the session: tables + every answer) and as whole commands
// (`accede evaluate XK un --json|--csv --data DIR`, spawned, median of 3, with peak memory).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { index } from '../src/model/dataset.ts';
import { loadDataset } from '../src/model/load.ts';
import { openSession } from '../src/engine/index.ts';
import type { BenchRow } from './types.ts';

const TOOL = '../shared/tools/gen-wide-case.py';
const AS_OF = '2025-06-01';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Wall seconds, CPU seconds (user + system: what the command costs on a machine shared with other
 * work) and peak RSS (MB) of a spawned command, through /usr/bin/time.
 */
function timed(argv: string[]): { s: number; cpu: number; mb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.split('\n').slice(-3).join(' ')}`);
  const [s, user, sys, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { s, cpu: user + sys, mb: kb / 1024 };
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(TOOL) || !existsSync('/usr/bin/time')) return [{ name: 'wide cases', value: NaN, unit: '', note: `needs ${TOOL} and /usr/bin/time` }];
  const rows: BenchRow[] = [];
  const root = mkdtempSync(join(tmpdir(), 'accede-wide-'));
  try {
    for (const n of [20, 30]) {
      const dir = join(root, `w${n}`);
      spawnSync('python3', [TOOL, 'data', dir, String(n)], { encoding: 'utf8' });
      const ix = index(loadDataset(dir));
      const c = ix.case('XK', 'un')!;
      const rss0 = process.memoryUsage().rss;
      const cpu0 = process.cpuUsage().user;
      const t0 = performance.now();
      const a = openSession(ix, c, AS_OF).analyze({});
      const ms = performance.now() - t0;
      const cpu = (process.cpuUsage().user - cpu0) / 1000;
      const grew = (process.memoryUsage().rss - rss0) / 2 ** 20;
      const how = a.method.kind === 'exact' ? 'exact' : `Monte Carlo, ${a.method.samples} samples, SE ${a.method.standardError.toExponential(1)}`;
      rows.push({
        name: `wide UN case, ${n} drivers: session (tables + every answer), in process`,
        value: ms,
        unit: 'ms',
        target: n === 20 ? 'exact' : 'labelled estimate',
        note: `${how}; P = ${a.probability.toPrecision(6)}; ${cpu.toFixed(0)} ms CPU; RSS +${grew.toFixed(0)} MB`,
      });
      const cmds: Array<[string, string[]]> = [['--json', ['--json']]];
      if (n === 20) cmds.push(['--csv', ['--csv']]);
      for (const [label, extra] of cmds) {
        const runs = [0, 1, 2].map(() => timed(['node', 'bin/accede.js', 'evaluate', 'XK', 'un', '--data', dir, '--as-of', AS_OF, ...extra]));
        rows.push({
          name: `accede evaluate XK un ${label}, ${n} drivers, whole process`,
          value: median(runs.map((r) => r.s)),
          unit: 's',
          target: n === 20 ? '≤ 3 s, ≤ 1 GB' : '≤ 10 s, ≤ 1 GB',
          note: `median of 3; CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s; peak ${Math.max(...runs.map((r) => r.mb)).toFixed(0)} MB; runs ${runs.map((r) => r.s.toFixed(2)).join(', ')} s`,
        });
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
