// Quotations without a cue of their own: a second quotation in a sentence already attributed
// (same-sentence), a quotation standing alone right after an attributed one (floating-quote),
// and a quoted fragment in a sentence without a reporting verb (sentence-subject).
import { previousParagraph, tokenAtOffset, type Attribution, type AttributionContext } from './context.ts';
import { speakerLike } from './cues.ts';
import { attributionFor } from './resolve.ts';

/** A second quotation in a sentence whose first statement is attributed. */
export function sameSentence(ctx: AttributionContext, si: number): Attribution | null {
  const { statements } = ctx;
  for (let k = statements.length - 1; k >= Math.max(0, statements.length - 8); k--) {
    const st = statements[k];
    const tok = tokenAtOffset(ctx, st.start);
    if (tok < 0 || ctx.doc.sentOf[tok] !== si) return null;
    if (!st.speaker) continue;
    const att = st.kind === 'direct' ? ctx.bySpan.get(st.span) : null;
    if (att) return { ...att, confidence: 0.6, rule: 'same-sentence' };
  }
  return null;
}

/** A quotation standing alone right after an attributed one continues it. */
export function floating(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const open = ctx.doc.openTok[q];
  const s = ctx.doc.sentences[si];
  if (open !== s.first) return null;
  const para = ctx.tokens[open].para;
  const last = ctx.lastDirect;
  if (last && (last.para === para || last.para === previousParagraph(ctx, open)) && si - last.sentence <= 2) {
    return { ...last.att, confidence: 0.55, rule: 'floating-quote' };
  }
  // "X revealed that P. "…"": a quotation standing alone right after a reported statement, in its
  // paragraph, continues it (when no quotation came in between)
  const rep = ctx.lastReported;
  if (rep && rep.para === para && si - rep.sentence === 1 && (!last || last.sentence < rep.sentence)) {
    return { ...rep.att, cue: null, cueLast: undefined, confidence: 0.5, rule: 'floating-after-reported' };
  }
  return null;
}

/** A quoted fragment in a sentence without a reporting verb belongs to the sentence's subject. */
export function subjectFallback(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const open = ctx.doc.openTok[q];
  const s = ctx.doc.sentences[si];
  if (open === s.first) return null;
  const np = ctx.np.subject(si);
  if (!np || np.last >= open) return null;
  const v = ctx.np.skipAdjunctsFwd(np.after, open);
  // "COVID-19 was announced to be a "pandemic" by the WHO": the subject of a passive is what was
  // spoken about; the speaker, if any, is the agent after the quotation
  if (passiveAfter(ctx, v, open)) {
    const close = ctx.doc.closeTok[q];
    if (close < 0 || ctx.tokens[close + 1]?.lower !== 'by') return null;
    const agent = ctx.np.forward(close + 2, s.last);
    return agent && speakerLike(ctx, agent) ? attributionFor(ctx, agent, null, 0.6, 'passive-agent-after') : null;
  }
  if (np.kind === 'common' && !speakerLike(ctx, np)) return null;
  return attributionFor(ctx, np, v < open ? v : null, 0.5, 'sentence-subject');
}

/** A passive verb group (was (previously) announced) at v, before the quotation. */
function passiveAfter(ctx: AttributionContext, v: number, open: number): boolean {
  for (let k = v; k < Math.min(open, v + 4); k++) {
    if (ctx.tokens[k].depth !== 0) return false;
    if (ctx.np.isPassive(k)) return true;
  }
  return false;
}
