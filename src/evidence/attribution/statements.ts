// Turning an attribution into a statement: the direct quotation's trimmed span or the reported
// clause's (cut before any quotation it runs into), with cue, speaker, confidence and rule.
import { round, spanOf, trimSpan, type Attribution, type AttributionContext, type Statement } from './context.ts';
import { trimmedRange } from './clauses.ts';

/** The statement for quotation span q, attributed or not (`unattributed` is its confidence then). */
export function directStatement(ctx: AttributionContext, q: number, att: Attribution | null, unattributed: number): Statement {
  const span = ctx.doc.spans[q];
  const [start, end] = trimSpan(ctx.text, span.start, span.end);
  return {
    kind: 'direct',
    start,
    end,
    cue: att && att.cue !== null ? spanOf(ctx, att.cue, att.cueLast ?? att.cue) : null,
    speaker: att?.speaker ?? null,
    confidence: att ? round(att.confidence) : unattributed,
    rule: att ? att.rule : 'quote-unattributed',
    span: q,
  };
}

/** A reported clause first..last; null when it is too short or runs into a quotation it cannot be cut from. */
export function indirectStatement(ctx: AttributionContext, first: number, last: number, att: Attribution, cue: number,
  cueLast: number, conf: number, rule: string): Statement | null {
  const { tokens } = ctx;
  const range = beforeQuotation(ctx, first, last);
  if (!range) return null;
  [first, last] = range;
  const words = tokens.slice(first, last + 1).filter((t) => t.kind === 'word' || t.kind === 'num').length;
  if (words < 3) return null;
  if (att.entity) ctx.registry.mention(att.entity, cue, true);
  if (att.speaker.name) ctx.lastReported = { para: tokens[cue].para, sentence: ctx.doc.sentOf[cue], att };
  const [start, end] = trimSpan(ctx.text, tokens[first].start, tokens[last].end);
  return {
    kind: 'indirect',
    start,
    end,
    cue: spanOf(ctx, cue, cueLast),
    speaker: att.speaker,
    confidence: round(Math.min(conf, att.confidence)),
    rule,
    span: -1,
  };
}

/** A reported clause never overlaps a quotation: cut it before one at a clause break, or give up. */
function beforeQuotation(ctx: AttributionContext, first: number, last: number): [number, number] | null {
  const { tokens } = ctx;
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (!(t.depth > 0 && ctx.isQuotation[t.quote])) continue;
    let cut = -1;
    for (let b = k - 1; b > first; b--) {
      const x = tokens[b];
      if (x.depth !== 0) continue;
      // a clause break: a comma or semicolon, or "and that"
      if (x.text === ',' || x.text === ';' || x.text === ':' || x.text === '—' ||
          ((x.lower === 'and' || x.lower === 'but') && tokens[b + 1]?.lower === 'that')) {
        cut = b;
        break;
      }
    }
    if (cut < 0) return null;
    return trimmedRange(ctx, first, cut - 1);
  }
  return [first, last];
}
