// Conditional claims: "X depends on Y", "would depend on", "if", "only if", "unless", "subject to",
// "provided that", "as long as". The condition is the clause the trigger governs; the speaker is
// whoever the surrounding quotation or reported statement belongs to.
import type { Doc } from './document.ts';
import {
  CLAUSE_BREAKS,
  CONDITION_SUBJECTS,
  NOT_CONDITIONAL_AFTER_IF,
  NOT_CONDITIONAL_BEFORE_IF,
  SUBJECT_TO_DETERMINERS,
  TERMINAL_PUNCT,
  TRIGGERS,
  type Trigger,
} from './lexicon.ts';
import type { Token } from './tokens.ts';
import type { Claim, Quote, Span } from './types.ts';


/**
 * How many tokens a condition, and the claim's sentence on either side of its trigger, may run.
 * A longer run-on "sentence" is cut here, which keeps the work and the stored text of every claim
 * bounded: without it, "if if if …" made each claim span the rest of the text (quadratic).
 */
export const MAX_CONDITION_TOKENS = 80;
export const CLAIM_WINDOW_TOKENS = 120;

/** The conditional claims in the document, in text order; at most `max` of them. */
export function findClaims(doc: Doc, quotes: Quote[], max = Number.POSITIVE_INFINITY): Claim[] {
  const { tokens, text } = doc;
  const claims: Claim[] = [];
  for (let i = 0; i < tokens.length && claims.length < max; i++) {
    if (tokens[i].kind !== 'word') continue;
    const m = matchTrigger(tokens, i);
    if (!m) continue;
    const { trigger, last } = m;
    if (!acceptTrigger(tokens, i, last, trigger)) continue;
    const [cStart, cEnd] = conditionRange(tokens, last + 1, trigger);
    if (cEnd < cStart) continue;
    const [sFirst, sLast] = sentenceAround(doc, i, last);
    const condition = spanOf(text, tokens, cStart, cEnd);
    const claimSpan = spanOf(text, tokens, sFirst, sLast);
    if (condition.text.split(/\s+/).length < 2) continue;
    const owner = ownerOf(quotes, tokens[i].start, tokens[last].end);
    claims.push({
      id: `c${claims.length + 1}`,
      text: claimSpan.text,
      start: claimSpan.start,
      end: claimSpan.end,
      trigger: spanOf(text, tokens, i, last),
      condition,
      speaker: owner?.speaker ?? null,
      quote: owner?.id ?? null,
      confidence: trigger.confidence,
      rule: trigger.rule,
    });
    i = last;
  }
  return claims;
}

function matchTrigger(tokens: Token[], i: number): { trigger: Trigger; last: number } | null {
  for (const trigger of TRIGGERS) {
    let k = i;
    let ok = true;
    for (const w of trigger.words) {
      if (w === '*') {
        // one optional adverb: depends primarily on, would also depend on
        if (tokens[k] && /ly$/.test(tokens[k].lower) || tokens[k]?.lower === 'also' || tokens[k]?.lower === 'largely') k++;
        continue;
      }
      if (!tokens[k] || tokens[k].lower !== w || tokens[k].depth !== tokens[i].depth) {
        ok = false;
        break;
      }
      k++;
    }
    if (ok) return { trigger, last: k - 1 };
  }
  return null;
}

function acceptTrigger(tokens: Token[], i: number, last: number, trigger: Trigger): boolean {
  const prev = tokens[i - 1];
  const next = tokens[last + 1];
  if (!next || next.kind === 'punct') return false;
  if (trigger.rule === 'if') {
    if (prev && NOT_CONDITIONAL_BEFORE_IF.has(prev.lower)) return false;
    if (NOT_CONDITIONAL_AFTER_IF.has(next.lower)) return false;
  }
  if (trigger.rule === 'provided') {
    // "provided they respect international law", not "provided weapons"
    if (!CONDITION_SUBJECTS.has(next.lower)) return false;
  }
  if (trigger.rule === 'subject-to' && prev && SUBJECT_TO_DETERMINERS.has(prev.lower)) return false;
  return true;
}

function conditionRange(tokens: Token[], first: number, trigger: Trigger): [number, number] {
  const depth = tokens[first]?.depth ?? 0;
  let last = first - 1;
  const bound = Math.min(tokens.length, first + MAX_CONDITION_TOKENS);
  for (let k = first; k < bound; k++) {
    const t = tokens[k];
    if (t.para !== tokens[first].para) break;
    if (t.kind === 'qclose' || t.kind === 'qopen') {
      if (t.depth <= depth) break;
      last = k;
      continue;
    }
    if (t.depth < depth) break;
    if (t.depth === depth && t.kind === 'punct' && (TERMINAL_PUNCT.has(t.text) || t.text === ';' || t.text === ':' ||
        t.text === '—' || t.text === ',' || t.text === '(')) {
      break;
    }
    if (t.depth === depth && t.kind === 'word' && CLAUSE_BREAKS.has(t.lower) && k > first) break;
    last = k;
  }
  void trigger;
  return [first, last];
}

/**
 * The sentence around the trigger tokens i..last: inside a quotation, the quoted sentence;
 * otherwise the narrative sentence. At most CLAIM_WINDOW_TOKENS on either side of the trigger.
 */
function sentenceAround(doc: Doc, i: number, last: number): [number, number] {
  const { tokens } = doc;
  const t = tokens[i];
  const lo = Math.max(0, i - CLAIM_WINDOW_TOKENS);
  const hi = Math.min(tokens.length - 1, last + CLAIM_WINDOW_TOKENS);
  if (t.depth > 0) {
    let a = i;
    while (a - 1 >= lo && tokens[a - 1].quote === t.quote && tokens[a - 1].kind !== 'qopen' &&
      !(tokens[a - 1].kind === 'punct' && TERMINAL_PUNCT.has(tokens[a - 1].text))) a--;
    let b = i;
    while (b + 1 <= hi && tokens[b + 1].quote === t.quote && tokens[b + 1].kind !== 'qclose' &&
      !(tokens[b].kind === 'punct' && TERMINAL_PUNCT.has(tokens[b].text))) b++;
    return trimPunct(tokens, a, b);
  }
  const s = doc.sentences[doc.sentOf[i]];
  return trimPunct(tokens, Math.max(s.first, lo), Math.min(s.last, hi));
}

function trimPunct(tokens: Token[], a: number, b: number): [number, number] {
  while (a < b && (tokens[a].kind === 'qopen' || tokens[a].kind === 'qclose' || tokens[a].text === ',')) a++;
  while (b > a && (tokens[b].kind === 'qclose' || tokens[b].kind === 'qopen' || tokens[b].kind === 'punct' && /^[.,;:]$/.test(tokens[b].text))) b--;
  return [a, b];
}

function spanOf(text: string, tokens: Token[], first: number, last: number): Span {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { text: text.slice(start, end), start, end };
}

/** The quote containing [start, end): quotes are sorted by start; few overlap, so look back a little. */
function ownerOf(quotes: Quote[], start: number, end: number): Quote | undefined {
  let lo = 0;
  let hi = quotes.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].start <= start) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = best; k >= 0 && k > best - 8; k--) if (quotes[k].start <= start && end <= quotes[k].end) return quotes[k];
  return undefined;
}
