// Quote, then speaker: "…," our interlocutor states / "…," said the minister (quote-trailing,
// quote-trailing-inverted), "…," according to X, and "… "…" …, he added." where a
// sentence-final attribution covers the quotations before it (sentence-final-cue).
import { DOC_NOUNS, INVERTED_SPEAKER_FOLLOWERS, NOT_AGENTS, PERSON_ORG_LINKS, PREPOSITIONS, TIME_WORDS, cueOf } from '../lexicon.ts';
import type { NP } from '../phrases.ts';
import { sourceAfter } from './according.ts';
import { finalAttribution } from './clauses.ts';
import type { Attribution, AttributionContext } from './context.ts';
import { cueAt, speakerLike, subjectFits } from './cues.ts';
import { attributionFor } from './resolve.ts';

/** "…," SPEAKER CUE / "…," CUE SPEAKER / "…," according to SPEAKER right after quotation q. */
export function trailing(ctx: AttributionContext, q: number): Attribution | null {
  const { tokens } = ctx;
  const close = ctx.doc.closeTok[q];
  let j = close + 1;
  const sentence = ctx.doc.sentOf[close];
  const dash = tokens[j]?.text === '—' || tokens[j]?.text === '–';
  if (tokens[j]?.text === ',' || dash) j++;
  const t = tokens[j];
  if (!t || ctx.doc.sentOf[j] !== sentence || t.depth !== 0 || t.kind !== 'word') return null;
  const end = ctx.doc.sentences[sentence].last;
  // "…," according to a statement by X
  if (t.lower === 'according' && tokens[j + 1]?.lower === 'to') {
    const src = sourceAfter(ctx, j + 2, end);
    return src ? attributionFor(ctx, src, j, 0.85, 'according-to', j + 1) : null;
  }
  return asPutIt(ctx, j, end) ?? speakerThenCue(ctx, j, end) ?? cueThenSpeaker(ctx, j, end) ?? (dash ? dashSpeaker(ctx, j, end) : null);
}

/**
 * A pull quote signed on the next line: "…"¶— NAME[, ROLE] — a quotation that makes up its paragraph,
 * then a paragraph of a dash and a name alone.
 */
export function signedBelow(ctx: AttributionContext, q: number): Attribution | null {
  const { tokens } = ctx;
  let k = ctx.doc.closeTok[q];
  if (k < 0) return null;
  const para = tokens[k].para;
  if (tokens[k + 1]?.para === para && tokens[k + 1].kind === 'punct' && /^[.!?]$/.test(tokens[k + 1].text)) k++;
  const dash = tokens[k + 1];
  if (!dash || dash.para === para || dash.depth !== 0 || !/^[—–-]$/.test(dash.text)) return null;
  const si = ctx.doc.sentOf[k + 1];
  const end = ctx.doc.sentences[si].last;
  if (tokens[end].para !== dash.para || (tokens[end + 1] && tokens[end + 1].para === dash.para)) return null;
  const att = dashSpeaker(ctx, k + 2, end);
  return att ? { ...att, confidence: Math.min(att.confidence, 0.65), rule: 'quote-signed-below' } : null;
}

/** "…" — NAME, ROLE. A name alone after a dash, ending the sentence, signs the quotation (pull quotes, captions). */
function dashSpeaker(ctx: AttributionContext, j: number, end: number): Attribution | null {
  const np = ctx.np.forward(j, end);
  if (!np || np.kind !== 'name') return null;
  const after = ctx.tokens[np.after];
  const ends = np.after > end || (after.kind === 'punct' && /^[.!]$/.test(after.text) && np.after === end);
  // "— Nils Ek, the party's leader.": an apposition without a verb may follow
  let apposition = after?.text === ',' && np.after < end;
  for (let k = np.after + 1; apposition && k <= end; k++) if (ctx.np.isFiniteVerb(k) || ctx.tokens[k].depth !== 0) apposition = false;
  if (!ends && !apposition) return null;
  return attributionFor(ctx, np, null, 0.7, 'quote-dash-speaker');
}

/** as SPEAKER put it (at j = "as"): traffic "ground to a halt" — as the court's decision put it. */
export function asPutIt(ctx: AttributionContext, j: number, end: number): Attribution | null {
  const { tokens } = ctx;
  if (tokens[j]?.lower !== 'as') return null;
  const np = ctx.np.forward(j + 1, end);
  if (!np || !speakerLike(ctx, np)) return null;
  const v = ctx.np.skipAdjunctsFwd(np.after, end);
  // as X put it; as X called it, described it, dubbed it: a naming verb with "it" for the quoted phrase
  const verb = tokens[v]?.lower ?? '';
  const naming = cueOf(verb)?.cls === 'naming' && /ed$/.test(verb);
  if ((verb !== 'put' && verb !== 'puts' && !naming) || tokens[v + 1]?.lower !== 'it') return null;
  return attributionFor(ctx, np, v, 0.85, 'as-put-it');
}

/** "…," our interlocutor states */
function speakerThenCue(ctx: AttributionContext, j: number, end: number): Attribution | null {
  let np = ctx.np.forward(j, end);
  if (!np) return null;
  let c = ctx.np.skipAdjunctsFwd(np.after, end);
  // "…," the report by the Institute for Fiscal Studies warned: a phrase after by/from/of/at/for belongs to
  // the subject — and a document's author (by/from) speaks through it
  const link = ctx.tokens[c];
  if (!cueAt(ctx, c) && link && link.kind === 'word' && (link.lower === 'by' || PERSON_ORG_LINKS.has(link.lower))) {
    const pp = ctx.np.forward(c + 1, end);
    const c2 = pp ? ctx.np.skipAdjunctsFwd(pp.after, end) : -1;
    if (pp && cueAt(ctx, c2)) {
      const doc = DOC_NOUNS.has(ctx.tokens[np.last].lower) && (link.lower === 'by' || link.lower === 'from');
      if (doc && speakerLike(ctx, pp)) np = pp;
      c = c2;
    }
  }
  const cue = cueAt(ctx, c);
  if (!cue || cue.participle || !subjectFits(ctx, np, cue, c) || ctx.np.isPassive(c)) return null;
  const att = attributionFor(ctx, np, c, 0.95, 'quote-trailing');
  if (att) ctx.frames.set(c, att);
  return att;
}

/** "…," said the minister */
function cueThenSpeaker(ctx: AttributionContext, j: number, end: number): Attribution | null {
  const { tokens } = ctx;
  const cue = cueAt(ctx, j);
  if (!cue || cue.cls === 'naming' || cue.participle) return null;
  const np2 = ctx.np.forward(j + 1, end);
  const after = np2 ? tokens[np2.after] : undefined;
  // "…," said Ryan Cloutier of the Harvard–Smithsonian Center: a named person is the speaker whatever follows "of"
  // (and of the University of X's medical school, where the affiliation goes on past the name)
  const linked = np2?.kind === 'name' && !!after && (PERSON_ORG_LINKS.has(after.lower) ||
    (!!np2.affiliation && (after.lower === "'s" || after.lower === '’s')));
  // "…," said his father, Olaf Brenn, following the hearing / said Ivo Roth per the radio: once the
  // phrase is closed by an apposition's comma, or a prepositional phrase follows, the speaker is complete
  const closed = !!np2 && np2.after - 1 > np2.last && tokens[np2.after - 1]?.text === ',';
  const adjunct = !!after && after.kind === 'word' && !after.cap && PREPOSITIONS.has(after.lower) && after.lower !== 'to';
  if (np2 && (speakerLike(ctx, np2) || describedAfterCue(ctx, np2, cue.cls)) && (!after || after.kind === 'punct' || after.kind === 'qopen' || np2.after > end ||
      INVERTED_SPEAKER_FOLLOWERS.has(after.lower) || linked || closed || adjunct)) {
    const att = attributionFor(ctx, np2, j, 0.9, 'quote-trailing-inverted');
    if (att) ctx.frames.set(j, att);
    return att;
  }
  return null;
}

/**
 * ""…," said the warden": after a verb of saying that follows the quotation, a determined or possessed
 * lowercase noun is its speaker whatever the noun (no word list names every person a story quotes).
 */
function describedAfterCue(ctx: AttributionContext, np: NP, cls: string): boolean {
  const { tokens } = ctx;
  if (cls !== 'speech' || np.kind !== 'common' || np.last - np.first > 4) return false;
  const head = tokens[np.last];
  const lead = tokens[np.first].lower;
  const possessed = tokens.slice(np.first, np.last).some((x) => x.lower === "'s" || x.lower === '’s');
  return head.kind === 'word' && !head.cap && /^[a-z][a-z-]*[a-z]$/.test(head.lower) && !TIME_WORDS.has(head.lower) &&
    !NOT_AGENTS.has(head.lower) && (possessed || lead === 'the' || lead === 'a' || lead === 'an' || lead === 'his' ||
    lead === 'her' || lead === 'their' || lead === 'its' || lead === 'one');
}

/** … "…" …, he added. — a sentence-final attribution covers the quotations before it. */
export function sentenceFinal(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const fin = finalAttribution(ctx, si);
  if (!fin || ctx.doc.closeTok[q] >= fin.comma) return null;
  const att = ctx.frames.get(fin.cue) ?? attributionFor(ctx, fin.np, fin.cue, 0.8, 'sentence-final-cue');
  if (att) ctx.frames.set(fin.cue, att);
  return att ? { ...att, rule: 'sentence-final-cue', confidence: Math.min(att.confidence, 0.8) } : null;
}
