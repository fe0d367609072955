// Draws a reproducible random sample of the dataset's verified facts that rest on a bare URL (no
// quoted passage, no day of reading), for a person to re-check against sources (issue 11: a spot
// check of random facts). The seed makes the sample the same on every run and machine, so a
// record of "seed S, N facts, K wrong" can be re-drawn and audited.
//
// Run from the repository root:   node --import tsx scripts/factcheck-sample.ts --seed 20261207 [--n 20] [--data DIR] [--json]
import { resolve } from 'node:path';
import { z } from 'zod';
import { rng } from '../src/engine/random.ts';
import { loadDataset } from '../src/model/load.ts';
import type { Dataset } from '../src/model/dataset.ts';
import type { SourceRefData } from '../src/model/schema.ts';

const Args = z.object({
  seed: z.coerce.number().int().nonnegative(),
  n: z.coerce.number().int().positive().default(20),
  data: z.string().optional(),
  json: z.boolean().default(false),
});

function parseArgs(argv: string[]) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const parsed = Args.safeParse({ seed: get('seed'), n: get('n'), data: get('data'), json: argv.includes('--json') });
  if (!parsed.success) {
    console.error(`factcheck-sample: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')} (usage: --seed N [--n 20] [--data DIR] [--json])`);
    process.exit(2);
  }
  return parsed.data;
}

/** One checkable statement: what it says, where it is, and the URLs it rests on. */
export interface Fact {
  kind: 'membership' | 'council-term' | 'recognition' | 'un-admission' | 'backtest';
  where: string;
  says: string;
  urls: string[];
}

/** A fact "rests on a bare URL" when none of its sources carries a quoted passage or a reading day. */
const bare = (sources: SourceRefData[]) => sources.every((s) => typeof s === 'string' || (!s.note && !s.passage && !s.accessed));
const urls = (sources: SourceRefData[]) => sources.map((s) => (typeof s === 'string' ? s : s.source));

/** The pool, in the dataset's own order (files, then rows), so that a seed always draws the same facts. */
export function pool(data: Dataset): Fact[] {
  const out: Fact[] = [];
  for (const s of data.states) {
    if (s.unMemberSince && bare(s.sources)) out.push({ kind: 'un-admission', where: `states.yaml ${s.code}`, says: `${s.name} was admitted to the UN on ${s.unMemberSince}`, urls: urls(s.sources) });
  }
  for (const o of data.organizations) {
    if (o.id === 'un') continue; // UN rows repeat states.yaml's admission dates
    o.members.forEach((m, i) => {
      if (m.verified === false || m.joined === 'unknown' || !bare(m.sources)) return;
      out.push({ kind: 'membership', where: `organizations/${o.id}.yaml members[${i}]`, says: `${m.state} joined ${o.shortName} on ${m.joined}${m.left ? `, left ${m.left}` : ''}`, urls: urls(m.sources) });
    });
    for (const b of o.bodies) {
      (b.terms ?? []).forEach((t, i) => {
        if (t.permanent || !bare(t.sources)) return;
        out.push({ kind: 'council-term', where: `organizations/${o.id}.yaml ${b.id} terms[${i}]`, says: `${t.state} sat on the ${o.shortName} ${b.name} ${t.from}-${t.to ?? t.from}`, urls: urls(t.sources) });
      });
    }
  }
  for (const f of data.recognitions) {
    f.recognitions.forEach((r, i) => {
      if (r.verified === false || !bare(r.sources)) return;
      const says = r.status === 'does-not-recognize' ? `${r.state} does not recognize ${f.candidate}` : `${r.state} recognized ${f.candidate} on ${r.date ?? '(no date)'} (${r.status})`;
      out.push({ kind: 'recognition', where: `recognitions/${f.candidate}.yaml recognitions[${i}]`, says, urls: urls(r.sources) });
    });
  }
  for (const b of data.backtests) {
    if (!bare(b.sources)) continue;
    const result = b.tally ? `tally ${JSON.stringify(b.tally)}` : b.acclamation ? 'by acclamation' : b.votes ? `${Object.keys(b.votes).length} named votes` : '';
    out.push({ kind: 'backtest', where: `backtests ${b.id}`, says: `${b.candidate} × ${b.organization} ${b.stage} on ${b.date}: ${b.outcome}${result ? `, ${result}` : ''}`, urls: urls(b.sources) });
  }
  return out;
}

/** n facts drawn without replacement (a partial Fisher-Yates shuffle driven by the seeded generator). */
export function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const a = [...items];
  const next = rng(seed);
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

const isMain = process.argv[1] && resolve(process.argv[1]).endsWith('factcheck-sample.ts');
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  const data = loadDataset(args.data);
  const all = pool(data);
  const drawn = sample(all, args.n, args.seed);
  if (args.json) console.log(JSON.stringify({ seed: args.seed, pool: all.length, sample: drawn }, null, 2));
  else {
    console.log(`seed ${args.seed}: ${drawn.length} of ${all.length} verified facts resting on a bare URL`);
    drawn.forEach((f, i) => console.log(`${String(i + 1).padStart(2)}. [${f.kind}] ${f.says}\n    ${f.where}\n    ${f.urls.join('\n    ')}`));
  }
}
