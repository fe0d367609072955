// Precision and recall of quote detection and quote→speaker attribution, direct and indirect
// statements separately, on each evidence gold set in its own table:
//   tuning   ../shared/data/evidence-gold  (29 Wikinews articles; the rules were tuned on it)
//   dev      data/evidence-dev             (98 articles; study errors here when changing rules)
//   held-out data/evidence-heldout         (41 articles since 2026-12-05; never tune on it; measure at
//                                           checkpoints only, logging each run in its MEASUREMENTS.md)
// The scoring rules are in src/evidence/goldset.ts.
//
//   npm run eval:evidence [-- --gold DIR] [--dev DIR] [--heldout DIR] [--set NAME]... [--data DIR]
//                         [--verbose] [--json]
// --verbose lists the mistakes of the tuning and dev sets only, never of the held-out set, unless
// --set heldout names it explicitly.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadGazetteer } from '../src/evidence/dataset.ts';
import { emptyGazetteer, extract } from '../src/evidence/extract.ts';
import type { Gazetteer } from '../src/evidence/gazetteer.ts';
import { readGoldSet, score, type Mistake, type Score } from '../src/evidence/goldset.ts';

const SET_NAMES = ['tuning', 'dev', 'heldout'] as const;
type SetName = (typeof SET_NAMES)[number];

interface Options {
  dirs: Record<SetName, string>;
  explicit: Set<SetName>;
  only: SetName[];
  data?: string;
  verbose: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const flags: Record<SetName, string> = { tuning: '--gold', dev: '--dev', heldout: '--heldout' };
  const defaults: Record<SetName, string> = {
    tuning: path.join(repo, '..', 'shared', 'data', 'evidence-gold'),
    dev: path.join(repo, 'data', 'evidence-dev'),
    heldout: path.join(repo, 'data', 'evidence-heldout'),
  };
  const explicit = new Set<SetName>();
  const dirs = { ...defaults };
  for (const s of SET_NAMES) {
    const v = get(flags[s]);
    if (v !== undefined) {
      dirs[s] = path.resolve(v);
      explicit.add(s);
    }
  }
  const only: SetName[] = [];
  argv.forEach((a, i) => {
    if (a === '--set') only.push(argv[i + 1] as SetName);
  });
  const bad = only.find((s) => !SET_NAMES.includes(s));
  if (bad !== undefined) return `--set expects one of ${SET_NAMES.join(', ')}, got ${JSON.stringify(bad)}`;
  only.forEach((s) => explicit.add(s));
  return { dirs, explicit, only: only.length ? only : [...SET_NAMES], data: get('--data'), verbose: argv.includes('--verbose'), json: argv.includes('--json') };
}

interface SetResult {
  name: SetName;
  dir: string;
  documents: number;
  msPerDocument: number;
  direct: Score;
  indirect: Score;
  mistakes: Mistake[];
}

function evaluate(name: SetName, dir: string, gazetteer: Gazetteer): SetResult {
  const docs = readGoldSet(dir);
  const t0 = performance.now();
  const predictions = docs.map((d) => extract(d.text, gazetteer).quotes);
  const ms = (performance.now() - t0) / Math.max(1, docs.length);
  const { direct, indirect, mistakes } = score(docs, predictions);
  return { name, dir, documents: docs.length, msPerDocument: ms, direct, indirect, mistakes };
}

const LABEL: Record<SetName, string> = { tuning: 'tuning set', dev: 'dev set', heldout: 'held-out set (never tune on it)' };

function printTable(r: SetResult) {
  const f = (x: number) => x.toFixed(3);
  console.log(`${LABEL[r.name]}: ${r.documents} documents in ${r.dir}, ${r.msPerDocument.toFixed(1)} ms/document`);
  console.log('kind       gold  pred | detection  P      R     | attribution  P      R');
  for (const [kind, s] of [['direct', r.direct], ['indirect', r.indirect]] as const) {
    console.log(`${kind.padEnd(9)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} |` +
      `            ${f(s.detection.precision)}  ${f(s.detection.recall)} |` +
      `              ${f(s.attribution.precision)}  ${f(s.attribution.recall)}`);
  }
}

function printMistakes(r: SetResult) {
  for (const m of r.mistakes) {
    console.log(`${r.name.padEnd(7)} ${m.document.slice(9, 45).padEnd(36)} ${m.what.padEnd(13)} ${m.kind.padEnd(8)} "${m.text.slice(0, 60)}"` +
      (m.predicted ? ` → ${m.predicted}` : '') + (m.expected ? `  [gold: ${m.expected}]` : ''));
  }
}

function main(): number {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(`eval-evidence: ${opts}`);
    return 2;
  }
  let gazetteer: Gazetteer;
  try {
    gazetteer = loadGazetteer(opts.data);
  } catch (e) {
    gazetteer = emptyGazetteer();
    console.error(`(no gazetteer: ${(e as Error).message.split('\n')[0]}; quotes and speakers do not need one)`);
  }
  const results: SetResult[] = [];
  for (const name of opts.only) {
    const dir = opts.dirs[name];
    // a default set that is absent (../shared outside this machine) is skipped; a named one is an error
    if (!existsSync(dir) && !opts.explicit.has(name)) {
      console.error(`(${LABEL[name]} not found at ${dir}; skipped)`);
      continue;
    }
    try {
      results.push(evaluate(name, dir, gazetteer));
    } catch (e) {
      console.error(`eval-evidence: cannot read the ${LABEL[name]} in ${dir}: ${(e as Error).message}`);
      return 2;
    }
  }
  const showMistakes = (r: SetResult) => opts.verbose && (r.name !== 'heldout' || opts.explicit.has('heldout'));
  if (opts.json) {
    const sets = Object.fromEntries(results.map((r) => [r.name, {
      dir: r.dir, documents: r.documents, msPerDocument: r.msPerDocument, direct: r.direct, indirect: r.indirect,
      ...(showMistakes(r) ? { mistakes: r.mistakes } : {}),
    }]));
    console.log(JSON.stringify({ sets }, null, 2));
    return 0;
  }
  for (const r of results) if (showMistakes(r)) printMistakes(r);
  for (const r of results) {
    printTable(r);
    console.log('');
  }
  const held = results.find((r) => r.name === 'heldout');
  if (held) {
    const ok = held.direct.attribution.precision >= 0.92 && held.direct.attribution.recall >= 0.78;
    console.log(`target on unseen news (held-out, direct attribution P ≥ 0.92, R ≥ 0.78): ${ok ? 'met' : 'NOT met'}`);
  }
  return 0;
}

process.exitCode = main();
