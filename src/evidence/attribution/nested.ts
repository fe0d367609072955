// Nested quotations: a quotation inside a quotation is one only when someone is said to say it
// there ("I told him, 'go'", "Vask said: '…'"); otherwise it is a scare quote or a title.
import { DETERMINERS, PARTITIVE_SPEAKERS, PRONOUNS, SUBJECT_PRONOUNS, TITLES, VERB_ADJUNCTS, cueOf } from '../lexicon.ts';
import { nonQuoteReason } from '../nonquotes.ts';
import { speakerOf, spanOf, unknownSpeaker, type Attribution, type AttributionContext } from './context.ts';
import { resolvePronoun } from './resolve.ts';
import { directStatement } from './statements.ts';

/** Addressees between a reporting verb and what it reports: told me, asked him. */
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'you']);

/** Nested quotations opening before offset `readTo` (where reading stopped, if it did). */
export function nestedQuotes(ctx: AttributionContext, readTo: number): void {
  ctx.doc.spans.forEach((span, q) => {
    if (span.depth < 2 || !ctx.isQuotation[span.parent] || span.open >= readTo) return;
    if (ctx.doc.openTok[q] < 0 || ctx.doc.closeTok[q] < 0) return;
    const att = nestedAttribution(ctx, q, span.parent);
    const reason = nonQuoteReason(ctx.doc, q, att !== null);
    if (reason) {
      ctx.nonQuotes.push({ span: q, reason });
      return;
    }
    ctx.isQuotation[q] = true;
    ctx.statements.push(directStatement(ctx, q, att, 0.4));
  });
}

/** SUBJECT CUE[,:] 'nested' inside the parent quotation: I / a capitalized name / a pronoun. */
function nestedAttribution(ctx: AttributionContext, q: number, parent: number): Attribution | null {
  const { tokens } = ctx;
  let k = ctx.doc.openTok[q] - 1;
  if (tokens[k]?.text === ',' || tokens[k]?.text === ':') k--;
  // "The officer told me, 'He'll turn up'": an addressee pronoun between the cue and the quotation
  if (OBJECT_PRONOUNS.has(tokens[k]?.lower ?? '') && tokens[k - 1]?.quote === parent && cueOf(tokens[k - 1].lower)) k--;
  const cueTok = tokens[k];
  if (!cueTok || cueTok.kind !== 'word' || !cueOf(cueTok.lower) || cueTok.quote !== parent) return null;
  let s = k - 1;
  while (s >= 0 && tokens[s].quote === parent && tokens[s].kind === 'word' && VERB_ADJUNCTS.has(tokens[s].lower)) s--;
  const subj = tokens[s];
  if (!subj || subj.quote !== parent || subj.kind !== 'word') return null;
  if (subj.lower === 'i' || subj.lower === 'we') {
    const parentAtt = ctx.bySpan.get(parent);
    return parentAtt ? { ...parentAtt, cue: k, cueLast: k, confidence: 0.8, rule: 'nested-first-person' } : null;
  }
  if (subj.cap) {
    let first = s;
    while (first - 1 >= 0 && tokens[first - 1].quote === parent && tokens[first - 1].kind === 'word' &&
      tokens[first - 1].cap) first--;
    while (first < s && TITLES.has(tokens[first].lower)) first++;
    const words = tokens.slice(first, s + 1).map((x) => x.text);
    const e = ctx.registry.lookup(words, s) ?? ctx.registry.register(words, 'person');
    return { speaker: speakerOf(e, spanOf(ctx, first, s)), entity: e, cue: k, cueLast: k, confidence: 0.8, rule: 'nested-cue' };
  }
  // "One of the musicians said, 'Bloody hell'", "the crowd shouted 'Out!'": a described speaker
  if (!subj.cap && !SUBJECT_PRONOUNS.has(subj.lower) && !PRONOUNS.has(subj.lower) && /^[a-z]+$/.test(subj.lower)) {
    let first = s;
    while (first - 1 >= 0 && first > s - 4 && tokens[first - 1].quote === parent && tokens[first - 1].kind === 'word' &&
      !cueOf(tokens[first - 1].lower) && (DETERMINERS.has(tokens[first - 1].lower) || tokens[first - 1].lower === 'of' ||
      PARTITIVE_SPEAKERS.has(tokens[first - 1].lower))) first--;
    if (first === s) return null;
    const mention = spanOf(ctx, first, s);
    return { speaker: { ...unknownSpeaker(mention), name: mention.text, kind: 'unknown' }, entity: null, cue: k, cueLast: k,
      confidence: 0.6, rule: 'nested-cue' };
  }
  if (SUBJECT_PRONOUNS.has(subj.lower)) {
    const e = resolvePronoun(ctx, subj.lower, s);
    const mention = spanOf(ctx, s, s);
    return {
      speaker: e ? speakerOf(e, mention) : unknownSpeaker(mention),
      entity: e, cue: k, cueLast: k, confidence: 0.7, rule: 'nested-cue',
    };
  }
  return null;
}
