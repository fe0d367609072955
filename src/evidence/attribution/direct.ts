// Direct quotations of one sentence: the rules tried in precision order for each quotation that
// opens in it, and the statement each one becomes.
import { accordingAfter } from './according.ts';
import { enough, type Attribution, type AttributionContext } from './context.ts';
import { cueAt } from './cues.ts';
import { asPutIt, signedBelow, trailing, sentenceFinal } from './quote-then-speaker.ts';
import { colon, leading, paragraphColon } from './speaker-then-quote.ts';
import { directStatement } from './statements.ts';
import { floating, sameSentence, subjectFallback } from './unmarked.ts';

/** Attributes every top-level quotation that opens in sentence si. */
export function directQuotes(ctx: AttributionContext, si: number): void {
  const s = ctx.doc.sentences[si];
  const { tokens } = ctx;
  for (let i = s.first; i <= s.last && !enough(ctx); i++) {
    const t = tokens[i];
    if (t.kind !== 'qopen' || t.depth !== 1 || ctx.doc.openTok[t.quote] !== i) continue;
    if (!ctx.isQuotation[t.quote]) continue;
    const att = attributeDirect(ctx, t.quote, si);
    if (!att && uncuedTerm(ctx, t.quote, si)) {
      ctx.isQuotation[t.quote] = false;
      ctx.nonQuotes.push({ span: t.quote, reason: 'term-or-scare-quote' });
      continue;
    }
    emitDirect(ctx, t.quote, att);
  }
}

function emitDirect(ctx: AttributionContext, q: number, att: Attribution | null): void {
  const open = ctx.doc.openTok[q];
  if (att) {
    ctx.bySpan.set(q, att);
    ctx.lastDirect = { para: ctx.tokens[open].para, sentence: ctx.doc.sentOf[open], att };
    if (att.entity) ctx.registry.mention(att.entity, att.cue ?? open, true);
  }
  ctx.statements.push(directStatement(ctx, q, att, 0.5));
}

/** Trailing and leading cues first (trailing wins after a comma), then the weaker rules in order. */
function attributeDirect(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const after = trailing(ctx, q);
  const before = leading(ctx, q, si);
  const close = ctx.doc.closeTok[q];
  // "…," / "…;" / "…?" asked X: punctuation closing the quoted clause hands it to the cue after it (after
  // "?" and "!" only a lowercase word continues the sentence: "…?" Vatican archbishop X said, "…" is the next)
  const inner = ctx.tokens[close - 1]?.text ?? '';
  const next = ctx.tokens[close + 1];
  const endsWithComma = inner === ',' || next?.text === ',' || inner === ';' ||
    ((inner === '?' || inner === '!') && next?.kind === 'word' && !next.cap);
  // "X called it a "…," according to NBC": the outlet reports what X said; X's own verb wins
  const reportedBy = after?.rule === 'according-to' && (before?.rule === 'cue-before-quote' || before?.rule === 'cue-in-sentence');
  const att = after && (endsWithComma || !before) && !reportedBy ? after : (before ?? after);
  return att ?? asPutItBefore(ctx, q, si) ?? sentenceFinal(ctx, q, si) ?? accordingAfter(ctx, q, si) ?? signedBelow(ctx, q) ?? colon(ctx, q, si) ?? paragraphColon(ctx, q, si) ?? sameSentence(ctx, si) ??
    floating(ctx, q, si) ?? subjectFallback(ctx, q, si);
}

/** As SPEAKER put it, "…": the sentence opens with the attribution. */
function asPutItBefore(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const s = ctx.doc.sentences[si];
  const open = ctx.doc.openTok[q];
  return open > s.first ? asPutIt(ctx, s.first, open - 1) : null;
}

/**
 * A short quoted phrase inside a sentence that reports nobody (no reporting verb, no "according
 * to") and that no rule attributes: a term, a label or a scare quote — raised the risk from
 * "moderate" to "high", the 2013 "Bridgegate scandal" — not anyone's words.
 */
function uncuedTerm(ctx: AttributionContext, q: number, si: number): boolean {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  const open = ctx.doc.openTok[q];
  const close = ctx.doc.closeTok[q];
  if (close < 0 || open === s.first) return false;
  const inner = tokens.slice(open + 1, close);
  const words = inner.filter((x) => x.kind === 'word' || x.kind === 'num');
  const lastInner = inner[inner.length - 1];
  if (words.length === 0 || words.length > 3 || (lastInner && /^[.!?…]$/.test(lastInner.text))) return false;
  return !reportsSomeone(ctx, si);
}

/** Whether sentence si has a reporting verb or "according to" in its narrative (once per sentence: a flood of quotations is one sentence). */
function reportsSomeone(ctx: AttributionContext, si: number): boolean {
  const known = ctx.reports.get(si);
  if (known !== undefined) return known;
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  let found = false;
  for (let k = s.first; k <= s.last && !found; k++) {
    const x = tokens[k];
    if (x.depth !== 0 || x.kind !== 'word') continue;
    found = (x.lower === 'according' && tokens[k + 1]?.lower === 'to') || !!cueAt(ctx, k);
  }
  ctx.reports.set(si, found);
  return found;
}
