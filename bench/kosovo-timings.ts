// Per-case timings of analyzeCase on the bundled Kosovo dataset (not part of `npm run bench`):
//   node --import tsx bench/kosovo-timings.ts [YYYY-MM-DD]
import { analyzeCase } from '../src/engine/analyze.ts';
import { index } from '../src/model/dataset.ts';
import { loadDataset } from '../src/model/load.ts';

const asOf = process.argv[2] ?? '2025-06-01';
const data = loadDataset();
const warmup = index(data);
for (const c of data.cases) analyzeCase(warmup, c, asOf);
const ix = index(data);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`as of ${asOf}; first call on a fresh index (after one warm-up pass on another), then 21 driver toggles`);
console.log('| case | drivers | states voting | P(admission) | first call | toggle, median | toggle, max |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const c of data.cases) {
  let t = performance.now();
  const a = analyzeCase(ix, c, asOf);
  const first = performance.now() - t;
  const toggles: number[] = [];
  for (let i = 0; i < 21; i++) {
    const set = c.drivers.length ? { [c.drivers[i % c.drivers.length].id]: i % 2 === 0 } : {};
    t = performance.now();
    analyzeCase(ix, c, asOf, set);
    toggles.push(performance.now() - t);
  }
  const units = new Set(a.evaluation.stages.flatMap((s) => s.voters.map((v) => v.state))).size;
  console.log(
    `| ${c.candidate} × ${c.organization} | ${c.drivers.length} | ${units} | ${a.probability.toExponential(3)} | ${first.toFixed(1)} ms | ${median(toggles).toFixed(1)} ms | ${Math.max(...toggles).toFixed(1)} ms |`,
  );
}
