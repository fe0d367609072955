// Precision and recall of quote detection and quote→speaker attribution on the evidence gold set
// (../shared/data/evidence-gold: 29 Wikinews articles), direct and indirect statements separately.
//
//   npm run eval:evidence [-- --gold DIR] [--data DIR] [--verbose] [--json]
//
// A predicted statement is detected when its content overlaps a gold statement's content (same kind).
// It is rightly attributed when, in addition, its speaker mention overlaps the gold mention or its
// resolved speaker equals the gold speaker (case and diacritics ignored).
// Attribution precision counts predictions that name a speaker; recall counts gold statements.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadGazetteer } from '../src/evidence/dataset.ts';
import { emptyGazetteer, extract } from '../src/evidence/extract.ts';
import type { Gazetteer } from '../src/evidence/gazetteer.ts';
import type { Quote } from '../src/evidence/types.ts';

const GoldSpan = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
const GoldDoc = z.object({
  id: z.string(),
  quotes: z.array(
    z.object({
      kind: z.enum(['direct', 'indirect']),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      speaker: z.string(),
      speakerMention: GoldSpan.nullable(),
      cue: GoldSpan.nullable(),
    }),
  ),
  nonQuotes: z.array(GoldSpan.extend({ reason: z.string() })).optional(),
});
type GoldDoc = z.infer<typeof GoldDoc>;
type GoldQuote = GoldDoc['quotes'][number];

interface Counts {
  pred: number;
  predDetected: number;
  gold: number;
  goldDetected: number;
  predWithSpeaker: number;
  predAttributed: number;
  goldAttributed: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

function rightlyAttributed(p: Quote, g: GoldQuote): boolean {
  if (!p.speaker || !overlaps(p, g)) return false;
  if (p.speaker.mention && g.speakerMention && overlaps(p.speaker.mention, g.speakerMention)) return true;
  return !!p.speaker.name && norm(p.speaker.name) === norm(g.speaker);
}

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

async function main(): Promise<number> {
  const opts = args(process.argv.slice(2));
  let files: string[];
  try {
    files = readdirSync(opts.gold).filter((f) => f.endsWith('.json')).sort();
  } catch {
    console.error(`eval-evidence: cannot read the gold directory ${opts.gold}`);
    return 2;
  }
  let gazetteer: Gazetteer;
  try {
    gazetteer = loadGazetteer(opts.data);
  } catch (e) {
    gazetteer = emptyGazetteer();
    if (!opts.json) console.error(`(no gazetteer: ${(e as Error).message.split('\n')[0]}; speakers and quotes do not need one)`);
  }
  const counts: Record<'direct' | 'indirect', Counts> = {
    direct: { pred: 0, predDetected: 0, gold: 0, goldDetected: 0, predWithSpeaker: 0, predAttributed: 0, goldAttributed: 0 },
    indirect: { pred: 0, predDetected: 0, gold: 0, goldDetected: 0, predWithSpeaker: 0, predAttributed: 0, goldAttributed: 0 },
  };
  const misses: string[] = [];
  let ms = 0;
  for (const f of files) {
    const parsed = GoldDoc.safeParse(JSON.parse(readFileSync(path.join(opts.gold, f), 'utf8')));
    if (!parsed.success) {
      console.error(`${f}: not a gold file (${parsed.error.issues[0]?.message})`);
      return 2;
    }
    const gold = parsed.data;
    const text = readFileSync(path.join(opts.gold, f.replace(/\.json$/, '.txt')), 'utf8');
    const t0 = performance.now();
    const result = extract(text, gazetteer);
    ms += performance.now() - t0;
    for (const kind of ['direct', 'indirect'] as const) {
      const c = counts[kind];
      const preds = result.quotes.filter((q) => q.kind === kind);
      const golds = gold.quotes.filter((q) => q.kind === kind);
      c.pred += preds.length;
      c.gold += golds.length;
      for (const p of preds) {
        const hit = golds.some((g) => overlaps(p, g));
        if (hit) c.predDetected++;
        if (p.speaker && (p.speaker.name || p.speaker.mention)) {
          c.predWithSpeaker++;
          const ok = golds.some((g) => rightlyAttributed(p, g));
          if (ok) c.predAttributed++;
          else if (opts.verbose) {
            const g = golds.find((x) => overlaps(p, x));
            misses.push(`${gold.id.slice(9, 40)} WRONG ${kind} [${p.rule}] "${p.text.slice(0, 50)}" → ${p.speaker.name ?? '?'} (${p.speaker.mention?.text})` +
              (g ? ` gold: ${g.speaker} (${g.speakerMention?.text})` : ' (not in gold)'));
          }
        } else if (opts.verbose && !hit) {
          misses.push(`${gold.id.slice(9, 40)} FP ${kind} [${p.rule}] "${p.text.slice(0, 60)}"`);
        }
        if (opts.verbose && !hit && p.speaker) {
          /* already reported as WRONG (not in gold) */
        }
      }
      for (const g of golds) {
        if (preds.some((p) => overlaps(p, g))) c.goldDetected++;
        else if (opts.verbose) misses.push(`${gold.id.slice(9, 40)} MISS ${kind} "${g.text.slice(0, 60)}" (${g.speakerMention?.text} ${g.cue?.text})`);
        if (preds.some((p) => rightlyAttributed(p, g))) c.goldAttributed++;
        else if (opts.verbose && preds.some((p) => overlaps(p, g) && !p.speaker)) {
          misses.push(`${gold.id.slice(9, 40)} NOSPK ${kind} "${g.text.slice(0, 60)}" gold: ${g.speaker} (${g.speakerMention?.text} ${g.cue?.text})`);
        }
      }
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const rows = (['direct', 'indirect'] as const).map((kind) => {
    const c = counts[kind];
    return {
      kind,
      gold: c.gold,
      predicted: c.pred,
      detection: { precision: ratio(c.predDetected, c.pred), recall: ratio(c.goldDetected, c.gold) },
      attribution: { precision: ratio(c.predAttributed, c.predWithSpeaker), recall: ratio(c.goldAttributed, c.gold) },
    };
  });
  if (opts.json) {
    console.log(JSON.stringify({ documents: files.length, msPerDocument: ms / files.length, rows }, null, 2));
  } else {
    if (opts.verbose) for (const m of misses) console.log(m);
    const f = (x: number) => x.toFixed(3);
    console.log(`evidence gold: ${files.length} documents, ${(ms / files.length).toFixed(1)} ms/document`);
    console.log('kind      gold  pred | detection P     R | attribution P     R');
    for (const r of rows) {
      console.log(`${r.kind.padEnd(9)} ${String(r.gold).padStart(4)} ${String(r.predicted).padStart(5)} |` +
        `         ${f(r.detection.precision)} ${f(r.detection.recall)} |` +
        `           ${f(r.attribution.precision)} ${f(r.attribution.recall)}`);
    }
    const d = rows[0];
    const ok = d.detection.precision >= 0.9 && d.detection.recall >= 0.75;
    console.log(`targets on direct quotes (P ≥ 0.90, R ≥ 0.75): ${ok ? 'met' : 'NOT met'}`);
  }
  return 0;
}

process.exitCode = await main();
