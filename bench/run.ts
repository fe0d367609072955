// `npm run bench`: runs every bench/*.bench.ts in turn and prints one table.
//   npm run bench                 all benchmarks
//   npm run bench -- power engine only the files whose names contain one of the words
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './types.ts';

type Row = { [K in keyof BenchRow]: BenchRow[K] | number };

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

const rows: Array<{ file: string; row: Row }> = [];
const started = performance.now();
for (const f of files) {
  process.stderr.write(`running ${f}…\n`);
  const t = performance.now();
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { run?: () => Promise<Row[]> };
    if (typeof mod.run !== 'function') throw new Error('exports no run()');
    for (const row of await mod.run()) rows.push({ file: f, row });
  } catch (e) {
    rows.push({ file: f, row: { name: `${f} failed`, value: NaN, unit: '', note: e instanceof Error ? e.message.split('\n')[0] : String(e) } });
  }
  process.stderr.write(`  ${f}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

const fmt = (v: unknown): string => {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3);
  return v === undefined ? '' : String(v);
};
const header = ['benchmark', 'value', 'target', 'baseline', 'ratio', 'note'];
const table = rows.map(({ row }) => [row.name, `${fmt(row.value)} ${row.unit}`.trim(), fmt(row.target), fmt(row.baseline), fmt(row.ratio), fmt(row.note)]);
const cpu = cpus();
console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`);
console.log('');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((_, i) => (i === 1 ? '---:' : '---')).join('|')}|`);
for (const r of table) console.log(`| ${r.map((x) => String(x).replace(/\|/g, '\\|')).join(' | ')} |`);
console.log('');
console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
