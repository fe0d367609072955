// Voting power and pass probabilities on the reference games of ENGINE-NOTES §1: the IMF-like
// 193-player weighted game and the EU27 double majority, each against a baseline run here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../bin/fresh.js';
import type { Formula } from '../src/engine/constraints.ts';
import type { Game } from '../src/engine/game.ts';
import { addPlayer, capped1, makeGrid, sumRange } from '../src/engine/grid.ts';
import { gamePassProbability, powerIndices } from '../src/engine/power.ts';
import { rng } from '../src/engine/random.ts';
import type { BenchRow } from './types.ts';

const imfWeights = Array.from({ length: 193 }, (_, i) => 285 + Math.floor(163000 / (i + 1)));
const W = imfWeights.reduce((a, b) => a + b, 0);
const q50 = Math.floor(W / 2) + 1;
const imf: Game = { players: imfWeights.map((_, i) => `P${i + 1}`), constraints: [{ weights: imfWeights, quota: q50 }] };

const EU: Array<[string, number]> = [
  ['DE', 1849], ['FR', 1517], ['IT', 1323], ['ES', 1078], ['PL', 833], ['RO', 423], ['NL', 401], ['BE', 262], ['CZ', 242],
  ['PT', 236], ['SE', 234], ['EL', 231], ['HU', 213], ['AT', 202], ['BG', 143], ['DK', 132], ['FI', 125], ['SK', 121],
  ['IE', 119], ['HR', 86], ['LT', 64], ['SI', 47], ['LV', 42], ['EE', 30], ['CY', 21], ['LU', 15], ['MT', 12],
];
const pop = EU.map(([, w]) => w);
const ones = pop.map(() => 1);
const leaf = (c: number): Formula => ({ kind: 'leaf', c });
const euA: Game = { players: EU.map(([id]) => id), constraints: [{ weights: ones, quota: 15 }, { weights: pop, quota: 6501 }] };
const euB: Game = {
  ...euA,
  constraints: [...euA.constraints, { weights: ones, quota: 24 }],
  formula: { kind: 'or', args: [{ kind: 'and', args: [leaf(0), leaf(1)] }, leaf(2)] },
};

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};
const best = (runs: number, f: () => void): number => Math.min(...Array.from({ length: runs }, () => time(f)[1]));
const secs = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

/** The textbook way: for each player, a fresh DP over the other players (O(n²·W)). */
function naiveBanzhaf(weights: number[], quota: number): number[] {
  return weights.map((w, i) => {
    const others = weights.map((x, j) => (j === i ? 0 : x));
    const D = capped1(others, () => 0.5, quota);
    return sumRange(D, quota - w, quota - 1);
  });
}

/** Per player, count the others by (size, weight) from scratch, then sum swings by size. */
function naiveCounts(g: Game, win: (size: number, weight: number) => boolean): number[] {
  const n = g.players.length;
  const w = g.constraints[1].weights;
  const total = w.reduce((a, b) => a + b, 0);
  const grid = makeGrid([total + 1, n + 1]);
  return w.map((wi, i) => {
    const D = new Float64Array(grid.size);
    D[0] = 1;
    const hi = [0, 0];
    w.forEach((x, j) => {
      if (j === i) return;
      hi[0] += x;
      hi[1] += 1;
      addPlayer(D, grid, [x, 1], 1, 1, hi);
    });
    let swings = 0;
    for (let c = 0; c < n; c++) for (let v = 0; v + wi <= total; v++) if (!win(c, v) && win(c + 1, v + wi)) swings += D[c * (total + 1) + v];
    return swings;
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // IMF193, Banzhaf only.
  const [bz, tBz] = time(() => powerIndices(imf, { shapleyShubik: false }));
  const [naive, tNaive] = time(() => naiveBanzhaf(imfWeights, q50));
  const maxDiff = Math.max(...bz.players.map((p, i) => Math.abs(p.banzhafRaw - naive[i]) / naive[i]));
  rows.push({
    name: 'IMF193 q50: Banzhaf, all 193 players',
    value: tBz / 1000,
    unit: 's',
    target: '≤ 1 s',
    baseline: `naive per-player DP: ${secs(tNaive)} s`,
    ratio: `${(tNaive / tBz).toFixed(0)}× faster`,
    note: `max relative difference to the baseline ${maxDiff.toExponential(1)}; EPIC (C++/GMP) 5.4 s, powerindex 31 s (quoted)`,
  });

  // IMF193, both indices.
  const before = process.resourceUsage().maxRSS;
  const [both, tBoth] = time(() => powerIndices(imf));
  const rss = process.resourceUsage().maxRSS;
  rows.push({
    name: 'IMF193 q50: Banzhaf + Shapley–Shubik, all players',
    value: tBoth / 1000,
    unit: 's',
    target: '≤ 60 s, ≤ 1 GB',
    note: `${both.method}; peak RSS of the process ${(rss / 1024).toFixed(0)} MB (before: ${(before / 1024).toFixed(0)} MB); EPIC needs ~800 s and 7.6 GB for SS (quoted)`,
  });

  // EU27 double majority, both variants, both indices.
  for (const [label, g, win] of [
    ['A', euA, (c: number, v: number) => c >= 15 && v >= 6501],
    ['B', euB, (c: number, v: number) => (c >= 15 && v >= 6501) || c >= 24],
  ] as const) {
    powerIndices(g);
    const t = best(7, () => powerIndices(g));
    const [, tn] = time(() => naiveCounts(g, win));
    rows.push({
      name: `EU27 double majority, variant ${label}: Banzhaf + Shapley–Shubik`,
      value: t,
      unit: 'ms',
      target: '≤ 50 ms',
      baseline: `naive per-player (count, weight) DP: ${tn.toFixed(0)} ms`,
      ratio: `${(tn / t).toFixed(0)}× faster`,
      note: 'exact swing counts; best of 7 runs; a BDD tool needs 1.1 s for both variants (quoted)',
    });
  }

  // Exact P(pass) of the 193-player game with heterogeneous P(yes), against Monte Carlo to ±0.001.
  const p = imfWeights.map((_, i) => (500 + ((i * 3701) % 9001)) / 10000);
  gamePassProbability(imf, p);
  const [pass, tPass] = time(() => gamePassProbability(imf, p));
  const samples = Math.ceil((1.96 ** 2 * pass * (1 - pass)) / 0.001 ** 2);
  const random = rng(7);
  const [hits, tMc] = time(() => {
    let h = 0;
    for (let s = 0; s < samples; s++) {
      let sum = 0;
      for (let i = 0; i < p.length; i++) if (random() < p[i]) sum += imfWeights[i];
      if (sum >= q50) h++;
    }
    return h;
  });
  rows.push({
    name: 'IMF193 q50: exact P(pass), heterogeneous P(yes)',
    value: tPass,
    unit: 'ms',
    target: 'numpy float64 DP: 0.5 s (quoted)',
    baseline: `Monte Carlo ±0.001 (95%, ${samples} draws): ${secs(tMc)} s`,
    ratio: `${(tMc / tPass).toFixed(0)}× faster`,
    note: `P = ${pass.toPrecision(16)} (exact 1.36508829624524403e-01); Monte Carlo ${(hits / samples).toFixed(4)}`,
  });
  rows.push(...(await runWhole()));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Whole process: `node bin/accede.js power …` spawned as a user runs it (the compiled CLI in dist/,
// rebuilt first when stale), wall time median of several runs, peak RSS from /usr/bin/time.

const root = fileURLToPath(new URL('..', import.meta.url));

interface Spawned {
  wall: number;
  /** User + system CPU seconds: steadier than the wall time on a shared machine. */
  cpu: number;
  rssMB: number;
  out: string;
}

function spawnOnce(args: string[]): Spawned {
  const timed = existsSync('/usr/bin/time');
  const argv = [...(timed ? ['-f', '%e %M %U %S', process.execPath] : []), join(root, 'bin', 'accede.js'), 'power', ...args];
  const t = performance.now();
  const r = spawnSync(timed ? '/usr/bin/time' : process.execPath, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`accede power ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-300)}`);
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  const m = /^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/.exec(last);
  return { wall: m ? Number(m[1]) : wall, cpu: m ? Number(m[3]) + Number(m[4]) : NaN, rssMB: m ? Number(m[2]) / 1024 : NaN, out: r.stdout };
}

function spawnRuns(args: string[], runs: number): Spawned & { runs: number } {
  const all = Array.from({ length: runs }, () => spawnOnce(args));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(runs / 2)];
  return { wall: median(all.map((x) => x.wall)), cpu: median(all.map((x) => x.cpu)), rssMB: Math.max(...all.map((x) => x.rssMB)), out: all[0].out, runs };
}

const load = () => `load ${loadavg()[0].toFixed(1)}`;
const wp = (s: Spawned & { runs: number }) => `median of ${s.runs}, CPU ${s.cpu.toFixed(2)} s, peak RSS ${s.rssMB.toFixed(0)} MB`;

type PowerJson = { players: Array<{ banzhafRaw?: number; shapleyShubik?: number; swings?: string }> };

function maxRel(a: PowerJson, b: PowerJson, key: 'banzhafRaw' | 'shapleyShubik'): number {
  return Math.max(...a.players.map((p, i) => Math.abs((p[key] ?? NaN) - (b.players[i][key] ?? NaN)) / Math.abs(b.players[i][key] ?? NaN)));
}

export async function runWhole(): Promise<BenchRow[]> {
  if (!distIsFresh(root)) spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'ignore' });
  const fresh = distIsFresh(root) ? 'compiled dist/' : 'TypeScript through tsx (dist/ could not be built)';
  const dir = mkdtempSync(join(tmpdir(), 'accede-power-bench-'));
  const csv = join(dir, 'imf193.csv');
  writeFileSync(csv, imfWeights.join('\n') + '\n');
  const game = join(dir, 'imf193.json');
  writeFileSync(game, JSON.stringify({ quota: q50, players: imfWeights.map((w, i) => ({ id: `P${i + 1}`, weight: w })) }));
  // The 45-player game: the IMF formula's first 45 players, quota ⌊W/2⌋ + 1 (the issue's "45-player
  // single-quota game" is not defined further; EPIC's 0.21 s is quoted from it).
  const w45 = imfWeights.slice(0, 45);
  const q45 = Math.floor(w45.reduce((a, b) => a + b, 0) / 2) + 1;
  const csv45 = join(dir, 'g45.csv');
  writeFileSync(csv45, w45.join('\n') + '\n');
  const imfArgs = ['--weights', csv, '--quota', String(q50)];
  const rows: BenchRow[] = [];
  const row = (name: string, s: Spawned & { runs: number }, target: string, note: string, baseline?: string) =>
    rows.push({ name, value: s.wall, unit: 's', target, baseline, note: `${wp(s)}; ${load()}; ${fresh}; ${note}` });

  const start = spawnRuns(['--weights', csv45, '--quota', '1', '--index', 'banzhaf'], 5);
  row('whole process: accede power, startup (45 players, quota 1: no swings beyond the trivial)', start, '—', 'what the command costs before any real work');

  const bz = spawnRuns([...imfArgs, '--index', 'banzhaf', '--json'], 5);
  row('whole process: accede power --weights imf193.csv --index banzhaf', bz, '≤ 1 s', 'float64 generating function', 'EPIC (C++/GMP) 3.5 s (quoted)');
  const bzGame = spawnRuns(['--game', game, '--index', 'banzhaf'], 3);
  row('whole process: accede power --game imf193.json --index banzhaf', bzGame, '≤ 1 s', 'same game from a JSON file', 'EPIC 3.5 s (quoted)');

  const exBz = spawnRuns([...imfArgs, '--exact', '--index', 'banzhaf', '--json'], 3);
  const exBzJson = JSON.parse(exBz.out) as PowerJson;
  const epicOk = exBzJson.players[0].swings === '4833862922940792625610374121965266401171966717685400346701';
  row('whole process: accede power --exact --index banzhaf (IMF193)', exBz, '< EPIC 3.5 s', `exact swing counts; P1 ${epicOk ? 'equals' : 'DIFFERS FROM'} EPIC's count; max relative difference of raw Banzhaf to the float run ${maxRel(JSON.parse(bz.out) as PowerJson, exBzJson, 'banzhafRaw').toExponential(1)}`, 'EPIC 3.5 s (quoted)');

  const ss = spawnRuns([...imfArgs, '--index', 'shapley-shubik', '--json'], 3);
  row('whole process: accede power --index shapley-shubik (IMF193)', ss, '≤ 15 s, ≤ 300 MB', '97-node Gauss–Legendre over float64 generating functions', 'EPIC -i SH ~800 s, 7.6 GB (quoted)');

  const exSs = spawnRuns([...imfArgs, '--exact', '--index', 'shapley-shubik', '--json'], 1);
  const exSsJson = JSON.parse(exSs.out) as PowerJson;
  row('whole process: accede power --exact --index shapley-shubik (IMF193)', exSs, '≤ 300 MB', `exact pivotal orders out of 193! (16-bit primes, CRT); max relative difference to the float run ${maxRel(JSON.parse(ss.out) as PowerJson, exSsJson, 'shapleyShubik').toExponential(1)} (≤ 1e-9 wanted)`, 'EPIC -i SH ~800 s, 7.6 GB (quoted)');

  const g45 = spawnRuns(['--weights', csv45, '--quota', String(q45)], 5);
  row('whole process: accede power, 45-player single quota, both indices', g45, '< 0.21 s (EPIC, quoted)', `first 45 IMF-like weights, quota ${q45}: exact counting by (size, weight)`);
  return rows;
}
