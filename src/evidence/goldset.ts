// Scoring against the evidence gold set (../shared/data/evidence-gold, format in its README):
// detection and quote→speaker attribution, direct and indirect statements separately.
//
// A predicted statement is detected when its content overlaps a gold statement's content (same
// kind). It is rightly attributed when, in addition, its speaker mention overlaps the gold mention
// or its resolved speaker equals the gold speaker (case and diacritics ignored). Attribution
// precision counts the predictions that name a speaker; recall counts gold statements.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Quote } from './types.ts';

const GoldSpan = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
export const GoldDoc = z.object({
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
export type GoldDoc = z.infer<typeof GoldDoc>;
type GoldQuote = GoldDoc['quotes'][number];

export interface GoldText {
  gold: GoldDoc;
  text: string;
}

/** Reads every <id>.json with its <id>.txt from dir; throws naming the file on a malformed one. */
export function readGoldSet(dir: string): GoldText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const parsed = GoldDoc.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${f}: not a gold file (${parsed.error.issues[0]?.message})`);
      return { gold: parsed.data, text: readFileSync(path.join(dir, f.replace(/\.json$/, '.txt')), 'utf8') };
    });
}

export interface Score {
  gold: number;
  predicted: number;
  detection: { precision: number; recall: number };
  attribution: { precision: number; recall: number };
}

export interface Mistake {
  document: string;
  what: 'missed' | 'spurious' | 'wrong-speaker' | 'no-speaker';
  kind: 'direct' | 'indirect';
  text: string;
  predicted?: string;
  expected?: string;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function rightlyAttributed(p: Quote, g: GoldQuote): boolean {
  if (!p.speaker || p.kind !== g.kind || !overlaps(p, g)) return false;
  if (p.speaker.mention && g.speakerMention && overlaps(p.speaker.mention, g.speakerMention)) return true;
  return !!p.speaker.name && norm(p.speaker.name) === norm(g.speaker);
}

/** Scores predictions (one list per gold document, same order) and lists the mistakes. */
export function score(docs: GoldText[], predictions: Quote[][]): { direct: Score; indirect: Score; mistakes: Mistake[] } {
  const mistakes: Mistake[] = [];
  const result = (kind: 'direct' | 'indirect'): Score => {
    let pred = 0, predDetected = 0, gold = 0, goldDetected = 0, withSpeaker = 0, predAttributed = 0, goldAttributed = 0;
    docs.forEach(({ gold: g }, i) => {
      const preds = predictions[i].filter((q) => q.kind === kind);
      const golds = g.quotes.filter((q) => q.kind === kind);
      pred += preds.length;
      gold += golds.length;
      for (const p of preds) {
        const hit = golds.find((x) => overlaps(p, x));
        if (hit) predDetected++;
        else mistakes.push({ document: g.id, what: 'spurious', kind, text: p.text, predicted: p.speaker?.name ?? undefined });
        if (p.speaker && (p.speaker.name || p.speaker.mention)) {
          withSpeaker++;
          if (golds.some((x) => rightlyAttributed(p, x))) predAttributed++;
          else if (hit) {
            mistakes.push({ document: g.id, what: 'wrong-speaker', kind, text: p.text,
              predicted: `${p.speaker.name ?? '?'} (${p.speaker.mention?.text ?? ''})`, expected: `${hit.speaker} (${hit.speakerMention?.text ?? ''})` });
          }
        }
      }
      for (const x of golds) {
        if (preds.some((p) => overlaps(p, x))) goldDetected++;
        else mistakes.push({ document: g.id, what: 'missed', kind, text: x.text, expected: `${x.speaker} (${x.speakerMention?.text ?? ''} ${x.cue?.text ?? ''})` });
        if (preds.some((p) => rightlyAttributed(p, x))) goldAttributed++;
        else if (preds.some((p) => overlaps(p, x) && !p.speaker)) {
          mistakes.push({ document: g.id, what: 'no-speaker', kind, text: x.text, expected: `${x.speaker} (${x.speakerMention?.text ?? ''} ${x.cue?.text ?? ''})` });
        }
      }
    });
    const r = (a: number, b: number) => (b === 0 ? 0 : a / b);
    return {
      gold,
      predicted: pred,
      detection: { precision: r(predDetected, pred), recall: r(goldDetected, gold) },
      attribution: { precision: r(predAttributed, withSpeaker), recall: r(goldAttributed, gold) },
    };
  };
  return { direct: result('direct'), indirect: result('indirect'), mistakes };
}
