// The analysed document every rule reads: quotation spans, tokens, sentences, and which
// quotation-marked spans are quotations at all.
import { findQuoteSpans, type QuoteSpan } from './quotemarks.ts';
import { splitSentences, type Sentence } from './sentences.ts';
import { scanTokens, tokenize, type Token } from './tokens.ts';

export interface Doc {
  /** the text read: all of it, or the part before the token budget ran out (buildDoc's maxTokens) */
  text: string;
  spans: QuoteSpan[];
  tokens: Token[];
  sentences: Sentence[];
  /** sentence index of every token */
  sentOf: Int32Array;
  /** token index of each span's opening / closing mark */
  openTok: number[];
  closeTok: number[];
}

/**
 * Analyses `whole`, or only its beginning when it has more than `maxTokens` tokens: the cost of
 * every later step is per token, and hostile text (a flood of quotation marks, "if if if") is all tokens.
 */
export function buildDoc(whole: string, maxTokens = Number.POSITIVE_INFINITY): Doc {
  const bounds = scanTokens(whole, maxTokens);
  const text = bounds.cut < whole.length ? whole.slice(0, bounds.cut) : whole;
  const spans = findQuoteSpans(text);
  const tokens = tokenize(text, spans, bounds);
  const sentences = splitSentences(tokens);
  const sentOf = new Int32Array(tokens.length);
  sentences.forEach((s, i) => sentOf.fill(i, s.first, s.last + 1));
  const openTok = spans.map(() => -1);
  const closeTok = spans.map(() => -1);
  tokens.forEach((t, i) => {
    if (t.kind === 'qopen' && openTok[t.quote] < 0) openTok[t.quote] = i;
    if (t.kind === 'qclose') closeTok[t.quote] = i;
  });
  return { text, spans, tokens, sentences, sentOf, openTok, closeTok };
}

/** Whether token i opens its sentence (or opens the text inside a quotation). */
export function isSentenceStart(doc: Doc, i: number): boolean {
  if (i <= 0) return true;
  const prev = doc.tokens[i - 1];
  return doc.sentences[doc.sentOf[i]].first === i || prev.kind === 'qopen' || prev.text === ':' ||
    (prev.kind === 'punct' && /^[.!?]$/.test(prev.text));
}
