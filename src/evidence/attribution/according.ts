// "According to": the source after it (a speaker, or the author of a statement, tweet or report)
// and the statements it attributes — "According to X, CLAUSE." and "CLAUSE, according to X."
import { DETERMINERS, DOC_NOUNS, OPENERS, TITLES } from '../lexicon.ts';
import type { NP } from '../phrases.ts';
import type { Attribution, AttributionContext, Statement } from './context.ts';
import { afterDateline, clauseEnd, hasFiniteVerb, lastBeforeStop, trimmedRange } from './clauses.ts';
import { cueAt, cueUsable, speakerLike } from './cues.ts';
import { attributionFor } from './resolve.ts';
import { indirectStatement } from './statements.ts';

export type Source = NP & { sourceEnd: number };

/** Records and accounts that report, after "according to" (not the norms things go by: plan, rules, tradition). */
const ACCOUNT_NOUNS = new Set(['news', 'account', 'accounts', 'witness', 'witnesses', 'eyewitness', 'eyewitnesses',
  'projection', 'projections', 'estimate', 'estimates', 'figure', 'figures', 'data', 'statistics', 'record', 'records',
  'filing', 'filings', 'memo', 'memos', 'clerk', 'tally', 'count', 'census', 'analysis', 'findings', 'testimony',
  'transcript', 'transcripts', 'minutes', 'logs', 'documents', 'papers', 'reporting', 'media', 'outlets', 'sources', 'officials', 'authorities', 'reports', 'report']);

/**
 * The source after "according to": a speaker, or the author of a document
 * ("a tweet on Monday by US Secretary of State Mike Pompeo", "a statement released by Erdogan's office").
 */
export function sourceAfter(ctx: AttributionContext, j: number, hi: number): Source | null {
  const { tokens } = ctx;
  const np = ctx.np.forward(j, hi);
  if (!np) return null;
  const head = tokens[np.last].lower;
  if (np.kind === 'common' && (DOC_NOUNS.has(head) || DOC_NOUNS.has(head.replace(/s$/, '')) || ACCOUNT_NOUNS.has(head))) {
    const author = documentAuthor(ctx, np, hi);
    if (author) return author;
  }
  // after "according to", records and accounts are sources too (projections, the filing, local news, witness accounts)
  if (!speakerLike(ctx, np) && (np.kind !== 'common' || !ACCOUNT_NOUNS.has(head))) return null;
  let e = np.after - 1;
  while (e + 1 <= hi && tokens[e + 1].depth === 0 && tokens[e + 1].text !== ',' && tokens[e + 1].kind !== 'qopen' &&
    e - np.after < 8) e++;
  // "According to Dr. Tom Frieden, formerly the director of …, the pandemic is": skip the apposition
  if (tokens[e + 1]?.text === ',') {
    let m = e + 2;
    while (m <= hi && m < e + 30 && tokens[m].depth === 0 && tokens[m].text !== ',') m++;
    const seg = tokens[e + 2];
    if (tokens[m]?.text === ',' && seg && seg.kind === 'word' && !seg.cap && !hasFiniteVerb(ctx, e + 1, m - 1) &&
        (DETERMINERS.has(seg.lower) || /ly$/.test(seg.lower) || TITLES.has(seg.lower))) {
      e = m - 1;
    }
  }
  return { ...np, sourceEnd: e };
}

/** "a statement … by X" / "a report from X": the agent, with the phrase running to the comma. */
function documentAuthor(ctx: AttributionContext, np: NP, hi: number): Source | null {
  const { tokens } = ctx;
  for (let k = np.after; k <= Math.min(hi, np.after + 8); k++) {
    const t = tokens[k];
    if (t.depth !== 0 || t.kind === 'punct') break;
    if (t.lower === 'by' || (t.lower === 'from' && tokens[k - 1]?.lower !== 'released')) {
      const agent = ctx.np.forward(k + 1, hi);
      if (agent && speakerLike(ctx, agent)) {
        let e = agent.after - 1;
        // "… by NBC News last week": the phrase runs to the comma
        while (e + 1 <= hi && tokens[e + 1].depth === 0 && tokens[e + 1].text !== ',' && tokens[e + 1].kind !== 'qopen') e++;
        return { ...agent, sourceEnd: e };
      }
    }
  }
  return null;
}

/** According to SPEAKER, CLAUSE. / CLAUSE, according to SPEAKER. */
export function accordingTo(ctx: AttributionContext, si: number): Statement | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  const end = lastBeforeStop(ctx, si);
  for (let k = s.first; k < end; k++) {
    if (tokens[k].lower !== 'according' || tokens[k + 1]?.lower !== 'to' || tokens[k].depth !== 0) continue;
    const np = sourceAfter(ctx, k + 2, end);
    if (!np) return null;
    const atStart = k === s.first || (k === s.first + 1 && OPENERS.has(tokens[s.first].lower));
    const phraseEnd = np.sourceEnd;
    let bounds: [number, number] | null;
    if ((atStart || tokens[k - 1]?.text === ',') && tokens[phraseEnd + 1]?.text === ',') {
      // According to X, CLAUSE — unless the clause names its own speaker ("…, a spokesman said that")
      bounds = clauseEnd(ctx, phraseEnd + 2, s.last);
      if (!bounds) return null;
      if (clauseHasOwnSpeaker(ctx, bounds[0], bounds[1])) return null;
      if (!atStart && !hasFiniteVerb(ctx, bounds[0] - 1, bounds[1])) return null;
    } else if (phraseEnd >= end && !atStart) {
      // CLAUSE, according to X.
      bounds = trimmedRange(ctx, afterDateline(ctx, s.first, k - 1), k - 1);
      if (!bounds) return null;
    } else {
      return null;
    }
    const a = attributionFor(ctx, np, k, 0.8, 'according-to', k + 1);
    return a ? indirectStatement(ctx, bounds[0], bounds[1], a, k, k + 1, 0.8, 'according-to') : null;
  }
  return null;
}

/** "…, a spokesman for 10 Downing Street expressed disappointment and that …": the clause has its own speaker. */
function clauseHasOwnSpeaker(ctx: AttributionContext, first: number, last: number): boolean {
  for (let i = first; i <= Math.min(last, first + 30); i++) {
    const cue = cueAt(ctx, i);
    if (!cue || cue.cls !== 'speech' || !cueUsable(ctx, i)) continue;
    const np = ctx.np.backward(ctx.np.skipAdjunctsBack(i - 1, first), first);
    // the clause opens with the subject of its own reporting verb (appositions allowed)
    if (np && speakerLike(ctx, np) && !hasFiniteVerb(ctx, first - 1, np.first - 1)) return true;
  }
  return false;
}

/** "…" …, according to X. — a sentence-final "according to" attributes the quotations before it. */
export function accordingAfter(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const { tokens } = ctx;
  const end = lastBeforeStop(ctx, si);
  const k = nextAccordingTo(ctx, ctx.doc.closeTok[q] + 1, si);
  if (k < 0 || k >= end) return null;
  if (tokens[k - 1]?.text !== ',') return null;
  const np = sourceAfter(ctx, k + 2, end);
  if (!np || np.sourceEnd < end) return null;
  return attributionFor(ctx, np, k, 0.8, 'according-to-after', k + 1);
}

/**
 * The first "according to" in the narrative at or after token `from` in sentence si, -1 if none.
 * The sentence is scanned once and the positions kept: a sentence of a hundred thousand
 * quotations would otherwise be scanned to its end once for each of them.
 */
function nextAccordingTo(ctx: AttributionContext, from: number, si: number): number {
  const s = ctx.doc.sentences[si];
  let at = ctx.accordingTo.get(si);
  if (!at) {
    at = [];
    for (let k = s.first; k <= s.last; k++) if (isAccordingTo(ctx, k)) at.push(k);
    ctx.accordingTo.set(si, at);
  }
  if (from < s.first) {
    // not the case for a quotation of this sentence; kept exact all the same
    for (let k = from; k < s.first; k++) if (isAccordingTo(ctx, k)) return k;
  }
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length ? at[lo] : -1;
}

function isAccordingTo(ctx: AttributionContext, k: number): boolean {
  const t = ctx.tokens[k];
  return t.depth === 0 && t.lower === 'according' && ctx.tokens[k + 1]?.lower === 'to';
}
