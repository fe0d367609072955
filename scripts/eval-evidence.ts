// Precision and recall of quote detection and quote→speaker attribution on the evidence gold set
// (../shared/data/evidence-gold: 29 Wikinews articles), direct and indirect statements separately.
// The scoring rules are in src/evidence/goldset.ts.
//
//   npm run eval:evidence [-- --gold DIR] [--data DIR] [--verbose] [--json]
import path from 'node:path';
import { loadGazetteer } from '../src/evidence/dataset.ts';
import { emptyGazetteer, extract } from '../src/evidence/extract.ts';
import type { Gazetteer } from '../src/evidence/gazetteer.ts';
import { readGoldSet, score, type GoldText } from '../src/evidence/goldset.ts';

function args(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  return {
    gold: path.resolve(get('--gold') ?? path.join(repo, '..', 'shared', 'data', 'evidence-gold')),
    data: get('--data'),
    verbose: argv.includes('--verbose'),
    json: argv.includes('--json'),
  };
}

function main(): number {
  const opts = args(process.argv.slice(2));
  let docs: GoldText[];
  try {
    docs = readGoldSet(opts.gold);
  } catch (e) {
    console.error(`eval-evidence: cannot read the gold set in ${opts.gold}: ${(e as Error).message}`);
    return 2;
  }
  let gazetteer: Gazetteer;
  try {
    gazetteer = loadGazetteer(opts.data);
  } catch (e) {
    gazetteer = emptyGazetteer();
    console.error(`(no gazetteer: ${(e as Error).message.split('\n')[0]}; quotes and speakers do not need one)`);
  }
  const t0 = performance.now();
  const predictions = docs.map((d) => extract(d.text, gazetteer).quotes);
  const ms = (performance.now() - t0) / docs.length;
  const { direct, indirect, mistakes } = score(docs, predictions);
  if (opts.json) {
    console.log(JSON.stringify({ documents: docs.length, msPerDocument: ms, direct, indirect, ...(opts.verbose ? { mistakes } : {}) }, null, 2));
    return 0;
  }
  if (opts.verbose) {
    for (const m of mistakes) {
      console.log(`${m.document.slice(9, 45).padEnd(36)} ${m.what.padEnd(13)} ${m.kind.padEnd(8)} "${m.text.slice(0, 60)}"` +
        (m.predicted ? ` → ${m.predicted}` : '') + (m.expected ? `  [gold: ${m.expected}]` : ''));
    }
  }
  const f = (x: number) => x.toFixed(3);
  console.log(`evidence gold set: ${docs.length} documents, ${ms.toFixed(1)} ms/document`);
  console.log('kind       gold  pred | detection  P      R     | attribution  P      R');
  for (const [kind, r] of [['direct', direct], ['indirect', indirect]] as const) {
    console.log(`${kind.padEnd(9)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)} |` +
      `            ${f(r.detection.precision)}  ${f(r.detection.recall)} |` +
      `              ${f(r.attribution.precision)}  ${f(r.attribution.recall)}`);
  }
  const ok = direct.detection.precision >= 0.9 && direct.detection.recall >= 0.75;
  console.log(`targets on direct quotes (P ≥ 0.90, R ≥ 0.75): ${ok ? 'met' : 'NOT met'}`);
  return 0;
}

process.exitCode = main();
