// Indirect (reported) statements of one sentence: SPEAKER CUE [ADDRESSEE] [PP] that CLAUSE
// (indirect-that), the same without "that" (indirect-bare), CLAUSE, SPEAKER CUE. (indirect-postposed),
// and "according to" (according-to). Overlapping finds keep the first.
import { BARE_CLAUSE_LEMMAS, OBJECT_THEN_THAT, PP_STARTS, QUANTIFIER_START_RE, TEMPORAL_WORDS, type Cue } from '../lexicon.ts';
import { accordingTo } from './according.ts';
import { afterDateline, bareClause, clauseEnd, finalAttribution, hasFiniteVerb, trimmedRange } from './clauses.ts';
import { enough, type AttributionContext, type Statement } from './context.ts';
import { cueAt, cueUsable, frame } from './cues.ts';
import { attributionFor } from './resolve.ts';
import { indirectStatement } from './statements.ts';

export function indirectStatements(ctx: AttributionContext, si: number): void {
  const s = ctx.doc.sentences[si];
  const { tokens } = ctx;
  const found: Statement[] = [];
  const add = (st: Statement | null) => {
    if (!st) return;
    if (found.slice(-4).some((f) => f.start < st.end && st.start < f.end)) return;
    found.push(st);
  };
  add(accordingTo(ctx, si));
  for (let k = s.first; k <= s.last && !enough(ctx, found.length); k++) {
    if (tokens[k].depth !== 0) continue;
    const cue = cueAt(ctx, k);
    if (!cue || cue.cls !== 'speech' || !cueUsable(ctx, k)) continue;
    add(forwardClause(ctx, k, cue, si));
  }
  add(postposed(ctx, si));
  for (const st of found) ctx.statements.push(st);
}

/** SPEAKER CUE [ADDRESSEE] [PP] (that) CLAUSE, from the cue at c. */
function forwardClause(ctx: AttributionContext, c: number, cue: Cue, si: number): Statement | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  let j = c + 1;
  if (cue.lemma === 'point') {
    if (tokens[j]?.lower !== 'out') return null;
    j++;
  }
  // an addressee: told reporters (that) …, informed police that …
  if (cue.addressee) {
    const obj = ctx.np.forward(j, s.last);
    if (!obj) return null;
    j = obj.after;
  } else {
    const obj = OBJECT_THEN_THAT.has(cue.lemma) ? ctx.np.forward(j, s.last) : null;
    if (obj && tokens[obj.after]?.lower === 'that') j = obj.after;
  }
  j = skipAdverbials(ctx, j, s.last);
  if (tokens[j]?.text === ',' && tokens[j + 1]?.lower === 'that') j++;
  let conf: number;
  let rule: string;
  if (tokens[j]?.lower === 'that' && tokens[j].depth === 0) {
    j++;
    conf = 0.85;
    rule = 'indirect-that';
  } else {
    if (!BARE_CLAUSE_LEMMAS.has(cue.lemma) || !bareClause(ctx, j, s.last)) return null;
    conf = 0.7;
    rule = 'indirect-bare';
  }
  const bounds = clauseEnd(ctx, j, s.last);
  if (!bounds) return null;
  const att = frame(ctx, c, si);
  if (!att) return null;
  return indirectStatement(ctx, bounds[0], bounds[1], att, c, c, conf, rule);
}

/** Adverbs and prepositional phrases: said earlier …, said in a statement on Monday that … */
function skipAdverbials(ctx: AttributionContext, j: number, last: number): number {
  const { tokens } = ctx;
  for (let guard = 0; guard < 4 && j <= last; guard++) {
    const t = tokens[j];
    if (t.depth !== 0 || t.kind !== 'word') break;
    if (TEMPORAL_WORDS.has(t.lower)) {
      j++;
      continue;
    }
    if (!PP_STARTS.has(t.lower) || QUANTIFIER_START_RE.test(`${t.lower} ${tokens[j + 1]?.lower}`)) break;
    const obj = ctx.np.forward(j + 1, last);
    if (!obj) break;
    j = obj.after;
    if (tokens[j]?.text === ',') j++;
  }
  return j;
}

/** CLAUSE, SPEAKER CUE [addressee] [PP]. / CLAUSE, CUE SPEAKER. */
function postposed(ctx: AttributionContext, si: number): Statement | null {
  const s = ctx.doc.sentences[si];
  if (ctx.tokens[s.first].kind === 'qopen') return null;
  const fin = finalAttribution(ctx, si);
  if (!fin) return null;
  const bounds = trimmedRange(ctx, afterDateline(ctx, s.first, fin.comma - 1), fin.comma - 1);
  if (!bounds || !hasFiniteVerb(ctx, bounds[0], bounds[1])) return null;
  const att = ctx.frames.get(fin.cue) ?? attributionFor(ctx, fin.np, fin.cue, 0.8, 'indirect-postposed');
  if (!att) return null;
  ctx.frames.set(fin.cue, att);
  return indirectStatement(ctx, bounds[0], bounds[1], att, fin.cue, fin.cue, 0.8, 'indirect-postposed');
}
