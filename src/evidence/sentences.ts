// Sentence boundaries in the narrative. A quotation is never split: sentences inside it belong
// to the speaker, and attribution looks at the narrative around it.
import { ABBREVIATIONS, FINITE_HINTS, NON_NAME_CAPS, TERMINAL_PUNCT, cueOf } from './lexicon.ts';
import type { Token } from './tokens.ts';

export interface Sentence {
  /** first and last token index, inclusive */
  first: number;
  last: number;
  start: number;
  end: number;
}


export function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i === tokens.length - 1 || boundaryAfter(tokens, i)) {
      out.push({ first, last: i, start: tokens[first].start, end: tokens[i].end });
      first = i + 1;
    }
  }
  return out;
}

function startsSentence(t: Token | undefined): boolean {
  if (!t) return true;
  return t.cap || t.kind === 'qopen' || t.kind === 'num' || t.text === '(' || t.text === '[';
}

function boundaryAfter(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (next.para !== t.para) {
    // a quotation continued into the next paragraph keeps its sentence
    return !(t.depth > 0 && next.quote === t.quote && next.kind === 'qopen');
  }
  if (t.depth === 0 && t.kind === 'punct' && TERMINAL_PUNCT.has(t.text)) {
    if (!startsSentence(next)) return false;
    const prev = tokens[i - 1];
    if (t.text === '.' && prev && prev.end === t.start && prev.kind === 'word') {
      if (ABBREVIATIONS.has(prev.lower)) return false;
      // an initial: John R. Bolton
      if (/^\p{Lu}$/u.test(prev.text) && next.cap) return false;
    }
    return true;
  }
  // "U.S." ends a sentence only when an obvious sentence opener follows
  if (t.depth === 0 && t.kind === 'word' && t.text.endsWith('.') && next.cap && NON_NAME_CAPS.has(next.lower)) {
    return true;
  }
  if (t.kind === 'qclose' && t.depth === 1) {
    const inner = tokens[i - 1];
    if (!inner || !(inner.kind === 'punct' && TERMINAL_PUNCT.has(inner.text))) return false;
    if (!startsSentence(next)) return false;
    // "…?" Kamberi wonders. — the attribution belongs to the quotation's sentence
    return !cueFollows(tokens, i + 1, inner.text !== '.');
  }
  return false;
}

/**
 * Whether an attribution starts at i: a short name or pronoun and a reporting verb. After a
 * quotation ending in "?" or "!" that is enough; after a full stop, nothing but an addressee or
 * adverbials may follow the verb ("…." Macron told the world on Thursday via Twitter.), since a
 * new clause would make it a sentence of its own.
 */
export function cueFollows(tokens: Token[], i: number, loose = false): boolean {
  for (let j = i; j < Math.min(tokens.length, i + 7); j++) {
    const t = tokens[j];
    if (t.depth !== 0 || t.kind === 'qopen') return false;
    if (t.kind === 'punct' && t.text !== '-') return false;
    if (t.kind === 'word' && !t.cap && cueOf(t.lower)) {
      if (loose) return true;
      for (let k = j + 1; k < tokens.length && tokens[k].para === t.para; k++) {
        const x = tokens[k];
        if (x.kind === 'punct' && /^[.;!?,]$/.test(x.text)) return true;
        if (x.depth !== 0 || x.kind === 'qopen' || x.lower === 'that' || FINITE_HINTS.has(x.lower) ||
            (/[a-z]ed$/.test(x.lower) && !x.cap)) return false;
      }
      return true;
    }
  }
  return false;
}

