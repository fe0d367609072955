// Quotations and reported statements, and who made them. Rules in precision order, after the
// sieve designs of GenderGapTracker and Muzny et al. (EVIDENCE-NOTES §5), one module per family
// under attribution/, all reading one context (attribution/context.ts):
//   "…," SPEAKER CUE / "…," CUE SPEAKER        quote-trailing, quote-trailing-inverted   quote-then-speaker.ts
//   SPEAKER CUE[,:] "…" / SPEAKER CUE … "…"    cue-before-quote, cue-in-sentence         speaker-then-quote.ts
//   according to SPEAKER, …                   according-to                              according.ts
//   … "…" …, SPEAKER CUE.                     sentence-final-cue                        quote-then-speaker.ts
//   SPEAKER CUE [ADDRESSEE] [PP] that CLAUSE  indirect-that, indirect-bare              indirect.ts
//   CLAUSE, SPEAKER CUE [ADDRESSEE].          indirect-postposed                        indirect.ts
//   a quotation standing alone continues the previous speaker   floating-quote         unmarked.ts
//   X disagreed. "…" / X said P.¶"…"           introduced-subject, floating-after-reported unmarked.ts
//   SPEAKER CUE:¶"…"                           paragraph-colon                           speaker-then-quote.ts
//   "…"¶— NAME                                 quote-signed-below                        quote-then-speaker.ts
// Pronouns, surnames and role nouns resolve through the document's registry of people
// (names.ts registers them, resolve.ts resolves them); word lists live in lexicon.ts.
import type { Doc } from './document.ts';
import { nonQuoteReason, type NonQuoteReason } from './nonquotes.ts';
import type { PlaceLookup, Registry } from './people.ts';
import { createContext, enough, type AttributionContext, type AttributionOptions, type Statement } from './attribution/context.ts';
import { directQuotes } from './attribution/direct.ts';
import { indirectStatements } from './attribution/indirect.ts';
import { collectNames } from './attribution/names.ts';
import { nestedQuotes } from './attribution/nested.ts';

export type { AttributionOptions, Statement } from './attribution/context.ts';

export interface AttributionResult {
  statements: Statement[];
  nonQuotes: Array<{ span: number; reason: NonQuoteReason }>;
  registry: Registry;
}

export function attribute(doc: Doc, places: PlaceLookup, opts: AttributionOptions = {}): AttributionResult {
  const ctx = createContext(doc, places, opts);
  classifyTopLevel(ctx);
  collectNames(ctx);
  // where reading stopped (maxStatements): nested quotations past it are not looked at either
  let readTo = doc.text.length;
  for (let s = 0; s < doc.sentences.length; s++) {
    if (enough(ctx)) {
      readTo = doc.sentences[s].start;
      break;
    }
    directQuotes(ctx, s);
    indirectStatements(ctx, s);
  }
  nestedQuotes(ctx, readTo);
  ctx.statements.sort((a, b) => a.start - b.start || a.end - b.end);
  return { statements: ctx.statements, nonQuotes: ctx.nonQuotes, registry: ctx.registry };
}

/** Which top-level quotation-marked spans are quotations at all. */
function classifyTopLevel(ctx: AttributionContext): void {
  const reasons = new Map<number, NonQuoteReason>();
  ctx.doc.spans.forEach((span, q) => {
    if (span.depth > 1) return;
    const reason = nonQuoteReason(ctx.doc, q, false) ?? coordinatedWithName(ctx, q, reasons);
    if (reason) {
      reasons.set(q, reason);
      ctx.nonQuotes.push({ span: q, reason });
    } else ctx.isQuotation[q] = true;
  });
}

/**
 * the terms "civil union" and "same-sex partnership": a quoted span coordinated right after a name
 * or a word used as a word is one too (and a quotation coordinated with a quotation stays one).
 */
function coordinatedWithName(ctx: AttributionContext, q: number, reasons: Map<number, NonQuoteReason>): NonQuoteReason | null {
  const { tokens } = ctx;
  const open = ctx.doc.openTok[q];
  const link = tokens[open - 1];
  let prev = tokens[open - 2];
  if (prev?.text === ',' && link?.kind === 'word') prev = tokens[open - 3]; // "A", and "B"
  if (!link || !prev || prev.kind !== 'qclose' || prev.depth !== 1) return null;
  if (!(link.lower === 'and' || link.lower === 'or' || link.text === ',')) return null;
  const r = reasons.get(prev.quote);
  return r === 'word-as-word' || r === 'name-or-title' ? r : null;
}
