// Clause shapes the statement rules share: where a reported clause ends, whether a stretch has a
// finite verb or is a bare clause, a sentence's dateline, and its sentence-final ", X said."
import {
  CLAUSE_OPENING_DEICTICS,
  CONJUNCTIONS,
  DETERMINERS,
  FINITE_ADVERBS,
  PP_STARTS,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  TEMPORAL_WORDS,
  TERMINAL_PUNCT,
  AUX,
  cueOf,
} from '../lexicon.ts';
import type { NP } from '../phrases.ts';
import { SCAN_LIMIT, type AttributionContext, type FinalCue } from './context.ts';
import { cueAt, speakerLike, subjectFits } from './cues.ts';

/** The ", SPEAKER CUE [addressee] [adverbials]." ending of a sentence, if it has one (cached). */
export function finalAttribution(ctx: AttributionContext, si: number): FinalCue | null {
  if (ctx.finalCue.has(si)) return ctx.finalCue.get(si)!;
  const found = computeFinal(ctx, si);
  ctx.finalCue.set(si, found);
  return found;
}

/** The sentence's last token, not counting its final full stop (or ? or !). */
export function lastBeforeStop(ctx: AttributionContext, si: number): number {
  const last = ctx.doc.sentences[si].last;
  const t = ctx.tokens[last];
  return t.kind === 'punct' && TERMINAL_PUNCT.has(t.text) ? last - 1 : last;
}

function computeFinal(ctx: AttributionContext, si: number): FinalCue | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  const end = lastBeforeStop(ctx, si);
  for (let m = end; m > s.first + 2 && end - m <= 25; m--) {
    const t = tokens[m];
    if (t.depth !== 0 || t.text !== ',') {
      if (t.depth > 0) return null;
      continue;
    }
    const found = speakerCueAfterComma(ctx, m + 1, end);
    if (!found) continue;
    const { np, c } = found;
    let k = c < np.first ? np.after : c + 1;
    if (cueAt(ctx, c)!.addressee && c > np.first) {
      const obj = ctx.np.forward(k, end);
      if (obj) k = obj.after;
    }
    // "…, officials said, leaving the talks in limbo." — a participle clause may follow
    const participleAfter = tokens[k]?.text === ',' && /^[a-z]+ing$/.test(tokens[k + 1]?.text ?? '');
    if (!participleAfter && !onlyAdverbials(ctx, k, end)) return null;
    return { np, cue: c, comma: m };
  }
  return null;
}

/** SPEAKER CUE or CUE SPEAKER starting at j (right after a comma), with a speech verb. */
function speakerCueAfterComma(ctx: AttributionContext, j: number, end: number): { np: NP; c: number } | null {
  const first = ctx.np.forward(j, end);
  if (first) {
    const k = ctx.np.skipAdjunctsFwd(first.after, end);
    const cue = cueAt(ctx, k);
    if (cue && cue.cls === 'speech' && !cue.participle && subjectFits(ctx, first, cue, k) && !ctx.np.isPassive(k)) {
      return { np: first, c: k };
    }
  }
  const cue = cueAt(ctx, j);
  if (cue && cue.cls === 'speech' && !cue.participle) {
    const np2 = ctx.np.forward(j + 1, end);
    if (np2 && speakerLike(ctx, np2)) return { np: np2, c: j };
  }
  return null;
}

/** Whether k..end holds only a short adverbial ("on Monday", "in a statement"). */
function onlyAdverbials(ctx: AttributionContext, k: number, end: number): boolean {
  const { tokens } = ctx;
  if (k > end) return true;
  const t = tokens[k];
  if (t.kind === 'word' && (TEMPORAL_WORDS.has(t.lower) || PP_STARTS.has(t.lower) || /ly$/.test(t.lower) ||
      t.lower === 'on' || t.lower === 'in')) {
    for (let i = k; i <= end; i++) {
      if (cueAt(ctx, i) || AUX.has(tokens[i].lower) || tokens[i].lower === 'that' || tokens[i].depth > 0) return false;
    }
    return end - k < 12;
  }
  return false;
}

/** "BRUSSELS (Example Wire) — Ministers failed…": the dateline is not part of what was said. */
export function afterDateline(ctx: AttributionContext, first: number, last: number): number {
  const { tokens } = ctx;
  for (let k = first; k <= Math.min(last, first + 8); k++) {
    const t = tokens[k];
    if (t.text === '—' || t.text === '–' || (t.text === '-' && tokens[k + 1]?.start !== t.end)) {
      const head = tokens.slice(first, k).filter((x) => x.kind === 'word');
      return head.some((x) => /^\p{Lu}{2,}$/u.test(x.text)) ? k + 1 : first;
    }
    if (t.kind === 'word' && !t.cap && !(tokens[k - 1]?.text === '(')) return first;
  }
  return first;
}

/** Where a reported clause starting at j ends: the sentence end, or a following attribution or participle. */
export function clauseEnd(ctx: AttributionContext, j: number, last: number): [number, number] | null {
  const { tokens } = ctx;
  // a reported clause of more than SCAN_LIMIT tokens is not one we can trust anyway
  if (last - j > SCAN_LIMIT) last = j + SCAN_LIMIT;
  let end = last;
  for (let k = j; k <= last; k++) {
    const t = tokens[k];
    if (t.depth !== 0) continue;
    if (t.text === ';') {
      end = k - 1;
      break;
    }
    if (t.text === ',' && k + 1 <= last) {
      const cue = cueAt(ctx, k + 1);
      const n = tokens[k + 1];
      if ((cue && cue.participle) || (n.lower === 'according' && tokens[k + 2]?.lower === 'to')) {
        end = k - 1;
        break;
      }
      const fin = finalAttribution(ctx, ctx.doc.sentOf[k]);
      if (fin && fin.comma === k) {
        end = k - 1;
        break;
      }
    }
  }
  return trimmedRange(ctx, j, end);
}

/** first..last without leading punctuation or "that" and without trailing punctuation. */
export function trimmedRange(ctx: AttributionContext, first: number, last: number): [number, number] | null {
  const { tokens } = ctx;
  while (first <= last && (tokens[first].kind === 'punct' || tokens[first].lower === 'that')) first++;
  while (last >= first && tokens[last].kind === 'punct' && !/^[)\]%]$/.test(tokens[last].text)) last--;
  return first <= last ? [first, last] : null;
}

/** A clause without "that": a subject pronoun, or a noun phrase followed by a finite verb. */
export function bareClause(ctx: AttributionContext, j: number, last: number): boolean {
  const { tokens } = ctx;
  const t = tokens[j];
  if (!t || t.depth !== 0 || (t.kind !== 'word' && t.kind !== 'num')) return false;
  if ((SUBJECT_PRONOUNS.has(t.lower) && t.lower !== 'you') || CLAUSE_OPENING_DEICTICS.has(t.lower)) {
    if (finiteAfter(ctx, j + 1, last)) return true;
    // after a subject pronoun any plain word is a verb: "they keep channels open"
    const n = tokens[j + 1];
    if (SUBJECT_PRONOUNS.has(t.lower)) {
      return !!n && n.kind === 'word' && !n.cap && !PREPOSITIONS.has(n.lower) && !CONJUNCTIONS.has(n.lower) &&
        !DETERMINERS.has(n.lower) && n.lower !== 'to';
    }
  }
  if (t.lower === 'to' || cueOf(t.lower)) return false;
  const np = subjectPhrase(ctx, j, last);
  return np ? finiteAfter(ctx, np.after, last) : false;
}

/** A clause's subject phrase with its coordinations and prepositional phrases. */
function subjectPhrase(ctx: AttributionContext, j: number, last: number): NP | null {
  const { tokens } = ctx;
  let np = ctx.np.forward(j, last);
  if (!np) return null;
  // both production and export of oil had been disrupted
  while (np && (tokens[np.after]?.lower === 'and' || tokens[np.after]?.lower === 'or')) {
    const more = ctx.np.forward(np.after + 1, last);
    if (!more) break;
    np = { ...np, last: more.last, after: more.after };
  }
  // the ban on Mahan Air is …: prepositional phrases inside the subject
  for (let g = 0; g < 3 && np; g++) {
    const p = tokens[np.after];
    if (!p || p.kind !== 'word' || !PREPOSITIONS.has(p.lower) || p.lower === 'to') break;
    const obj = ctx.np.forward(np.after + 1, last);
    if (!obj || obj.kind === 'pronoun') break;
    np = { ...np, last: obj.last, after: obj.after };
  }
  return np;
}

/** A finite verb at k, possibly after adverbs: "might rename", "was to join", "also said". */
function finiteAfter(ctx: AttributionContext, k: number, last: number): boolean {
  const { tokens } = ctx;
  for (let i = k; i <= Math.min(last, k + 3); i++) {
    if (ctx.np.isFiniteVerb(i)) return true;
    const t = tokens[i];
    if (!(t.kind === 'word' && !t.cap && (/^[a-z]+ly$/.test(t.lower) || FINITE_ADVERBS.has(t.lower)))) return false;
  }
  return false;
}

/** Whether first+1..last holds a finite verb in the narrative. */
export function hasFiniteVerb(ctx: AttributionContext, first: number, last: number): boolean {
  for (let k = first + 1; k <= last; k++) {
    const t = ctx.tokens[k];
    if (t.depth === 0 && t.kind === 'word' && !t.cap && ctx.np.isFiniteVerb(k)) return true;
  }
  return false;
}
