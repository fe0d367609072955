// Speaker, then quote: SPEAKER CUE, "…" and SPEAKER CUE … "…" in the same sentence
// (cue-before-quote, cue-in-sentence), "according to X … "…"", a second quotation coordinated
// with an attributed one (quote-coordinated), and SUBJECT VERB …: "…" (colon-subject).
import { DOC_NOUNS, QUOTE_COORDINATORS } from '../lexicon.ts';
import { sourceAfter } from './according.ts';
import { SCAN_LIMIT, type Attribution, type AttributionContext } from './context.ts';
import { cueAt, cueUsable, frame, speakerLike } from './cues.ts';
import { attributionFor } from './resolve.ts';

/** The nearest usable cue before quotation q in sentence si, or an "according to" before it. */
export function leading(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  const open = ctx.doc.openTok[q];
  let crossedQuote = false;
  let gap = 0;
  let according: Attribution | null = null;
  // a cue further back than this is not this quotation's (and a bound keeps huge sentences linear)
  const lo = Math.max(s.first, open - SCAN_LIMIT);
  for (let k = open - 1; k >= lo; k--) {
    const t = tokens[k];
    if (t.depth > 0 || t.kind === 'qclose' || t.kind === 'qopen') {
      if (t.kind === 'qclose' && t.depth === 1) {
        const shared = coordinated(ctx, t.quote, k, open);
        if (shared) return shared;
        crossedQuote = true;
      }
      continue;
    }
    // a parenthetical — as reported by X — or (…) between the cue and the quotation
    if ((t.text === '—' || t.text === '–' || t.text === ')') && k > s.first) {
      const o = ctx.np.matchingOpener(k, s.first);
      if (o >= 0) {
        k = o;
        continue;
      }
    }
    // a semicolon ends the clause: an attribution before it is not this quotation's
    if (t.text === ';') break;
    gap++;
    if (t.lower === 'to' && tokens[k - 1]?.lower === 'according' && !according) {
      const np = sourceAfter(ctx, k + 1, open - 1);
      if (np) according = attributionFor(ctx, np, k - 1, 0.85, 'according-to', k);
      continue;
    }
    const cue = cueAt(ctx, k);
    if (!cue || !cueUsable(ctx, k)) continue;
    const att = frame(ctx, k, si);
    if (!att) continue;
    // "One of the victims said the men thought they were "…"": a belief inside what a verb of saying
    // reports is the reporter's account; the words are the reporter's
    if (cue.cls === 'belief') {
      const outer = reporterBefore(ctx, k, lo, si);
      if (outer) return { ...outer, confidence: Math.min(outer.confidence, 0.75), rule: 'cue-in-sentence' };
    }
    const tight = gap <= 4 && !crossedQuote;
    const conf = (tight ? 0.9 : 0.75) * (crossedQuote ? 0.9 : 1) * (cue.cls === 'naming' && !tight ? 0.9 : 1);
    return { ...att, confidence: Math.min(att.confidence, conf), rule: tight ? 'cue-before-quote' : 'cue-in-sentence' };
  }
  return according;
}

/** The frame of a verb of saying before token k (back to lo, within the clause): the reporter of what follows it. */
function reporterBefore(ctx: AttributionContext, k: number, lo: number, si: number): Attribution | null {
  for (let j = k - 1; j >= lo; j--) {
    const t = ctx.tokens[j];
    if (t.depth > 0 || t.kind === 'qclose' || t.kind === 'qopen') continue;
    if (t.text === ';' || t.text === ':') return null;
    const c = cueAt(ctx, j);
    if (!c || c.cls !== 'speech' || !cueUsable(ctx, j)) continue;
    return frame(ctx, j, si);
  }
  return null;
}

/** "…" and "…": a second quotation coordinated with the first (closed at token k) shares its speaker. */
function coordinated(ctx: AttributionContext, prevQuote: number, k: number, open: number): Attribution | null {
  const prev = ctx.bySpan.get(prevQuote);
  if (!prev || open - k >= 12) return null;
  const between = ctx.tokens.slice(k + 1, Math.min(open, k + 12)).filter((x) => x.depth === 0);
  if (!between.every((x) => QUOTE_COORDINATORS.has(x.lower))) return null;
  return { ...prev, confidence: Math.min(prev.confidence, 0.85), rule: 'quote-coordinated' };
}

/**
 * SPEAKER CUE …:¶"…" — a paragraph ending in a colon introduces the quotation that opens the next
 * one (a layout common to wire copy and British outlets): the colon's sentence's cue speaks, or,
 * without one, its subject as for a colon in the same sentence. Not across a heading or a list.
 */
export function paragraphColon(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const { tokens } = ctx;
  const open = ctx.doc.openTok[q];
  const c = open - 1;
  if (open !== ctx.doc.sentences[si].first || tokens[c]?.text !== ':' || tokens[c].para === tokens[open].para || tokens[c].depth !== 0) {
    return null;
  }
  const ps = ctx.doc.sentOf[c];
  const s = ctx.doc.sentences[ps];
  for (let k = c - 1; k >= Math.max(s.first, c - SCAN_LIMIT); k--) {
    const t = tokens[k];
    if (t.depth > 0 || t.kind === 'qclose' || t.kind === 'qopen') continue;
    if (t.text === ';') break;
    if (!cueAt(ctx, k) || !cueUsable(ctx, k)) continue;
    const att = frame(ctx, k, ps);
    return att ? { ...att, confidence: Math.min(att.confidence, 0.8), rule: 'paragraph-colon' } : null;
  }
  const att = colonAt(ctx, c, ps);
  return att ? { ...att, confidence: Math.min(att.confidence, 0.6), rule: 'paragraph-colon' } : null;
}

/** SUBJECT VERB …: "…" — the verb before a colon introduces the quotation. */
export function colon(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const open = ctx.doc.openTok[q];
  if (ctx.tokens[open - 1]?.text !== ':' || ctx.doc.sentOf[open - 1] !== si) return null;
  return colonAt(ctx, open - 1, si);
}

/** The subject of sentence si speaks what follows its colon at token c. */
function colonAt(ctx: AttributionContext, c: number, si: number): Attribution | null {
  const open = c + 1;
  const np = ctx.np.subject(si);
  if (!np || np.last >= open - 1) return null;
  const v = ctx.np.skipAdjunctsFwd(np.after, open - 1);
  // "The palace issued a statement from the king:": the document's author speaks
  for (let k = np.after; k < open - 2; k++) {
    const t = ctx.tokens[k];
    if (t.depth !== 0 || !DOC_NOUNS.has(t.lower) || (ctx.tokens[k + 1].lower !== 'from' && ctx.tokens[k + 1].lower !== 'by')) continue;
    const author = ctx.np.forward(k + 2, open - 2);
    if (author && author.after === open - 1 && speakerLike(ctx, author)) return attributionFor(ctx, author, null, 0.7, 'document-author');
  }
  return attributionFor(ctx, np, v < open - 1 ? v : null, 0.65, 'colon-subject');
}
