// Quotations without a cue of their own: a second quotation in a sentence already attributed
// (same-sentence), a quotation standing alone right after an attributed one (floating-quote),
// and a quoted fragment in a sentence without a reporting verb (sentence-subject).
import {
  IRREGULAR_PAST,
  STANCE_ADJECTIVES,
  STANCE_DEGREE,
  STANCE_LINKING,
  STANCE_OBJECTS,
  STANCE_OBJECT_VERBS,
  STANCE_PHRASAL,
  STANCE_VERBS,
} from '../lexicon.ts';
import type { NP } from '../phrases.ts';
import { previousParagraph, tokenAtOffset, type Attribution, type AttributionContext } from './context.ts';
import { cueAt, speakerLike } from './cues.ts';
import { attributionFor, resolvePronoun } from './resolve.ts';
import { registerRun } from './names.ts';

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

/**
 * A quotation standing alone right after an attributed one continues it — unless the sentence
 * between them turns to someone else: "Orr disagreed. "…"" is Orr's (introduced-subject), and after
 * "Orr was elected in 2019." nobody can tell, so the quotation is left without a speaker.
 */
export function floating(ctx: AttributionContext, q: number, si: number): Attribution | null {
  const open = ctx.doc.openTok[q];
  const s = ctx.doc.sentences[si];
  if (open !== s.first) return null;
  // ""…," read a banner held by protesters": a cue right after the quotation whose subject no rule
  // took is still its attribution — someone else's, not the previous speaker's
  if (cueRightAfter(ctx, q)) return null;
  const intro = introducedBy(ctx, si);
  if (intro) return intro;
  const para = ctx.tokens[open].para;
  const last = ctx.lastDirect;
  if (last && (last.para === para || last.para === previousParagraph(ctx, open)) && si - last.sentence <= 2) {
    if (si - last.sentence === 2 && turnsToSomeoneElse(ctx, si - 1, last.att)) return null;
    return { ...last.att, confidence: 0.55, rule: 'floating-quote' };
  }
  // "X revealed that P. "…"": a quotation standing alone right after a reported statement, in its
  // paragraph, continues it (when no quotation came in between)
  const rep = ctx.lastReported;
  // (or, in the paragraph before, as its last sentence: "X said P.¶"…"" — a paragraph of quotation alone)
  const prevPara = rep && rep.para !== para && rep.para === previousParagraph(ctx, open) && quotationParagraph(ctx, q);
  if (rep && (rep.para === para || prevPara) && si - rep.sentence === 1 && (!last || last.sentence < rep.sentence)) {
    return { ...rep.att, cue: null, cueLast: undefined, confidence: 0.5, rule: 'floating-after-reported' };
  }
  return null;
}

/** Whether quotation q makes up its paragraph (nothing but its closing punctuation after it). */
function quotationParagraph(ctx: AttributionContext, q: number): boolean {
  const { tokens } = ctx;
  const close = ctx.doc.closeTok[q];
  if (close < 0) return false;
  const next = tokens[close + 1];
  return !next || next.para !== tokens[close].para || (next.kind === 'punct' && /^[.!?]$/.test(next.text) &&
    (!tokens[close + 2] || tokens[close + 2].para !== tokens[close].para));
}

/** "…," CUE … / "…," NP CUE: a reporting verb after the quotation's comma, in the rest of its sentence. */
function cueRightAfter(ctx: AttributionContext, q: number): boolean {
  const { tokens } = ctx;
  const close = ctx.doc.closeTok[q];
  if (close < 0) return false;
  let j = close + 1;
  if (tokens[close - 1]?.text !== ',' && tokens[j]?.text !== ',') return false;
  if (tokens[j]?.text === ',') j++;
  // to the end of the sentence: "…," the report by the institute warned
  const last = ctx.doc.sentences[ctx.doc.sentOf[close]].last;
  for (let k = j; k <= Math.min(last, j + 30); k++) {
    const t = tokens[k];
    if (t.depth !== 0 || t.kind === 'qopen') return false;
    if (t.kind === 'word' && cueAt(ctx, k) && !t.cap) return true;
  }
  return false;
}

/** The narrative subject of sentence si, when the sentence has no quotation in it. */
function narrativeSubject(ctx: AttributionContext, si: number): NP | null {
  const s = ctx.doc.sentences[si];
  for (let k = s.first; k <= s.last; k++) if (ctx.tokens[k].depth !== 0 || ctx.tokens[k].kind === 'qopen') return null;
  const subject = ctx.np.subject(si);
  if (subject) return subject;
  // "The union was far less impressed", which subject() does not read: the phrase opening the sentence before a lowercase word
  const np = ctx.np.forward(s.first, s.last);
  const next = np ? ctx.tokens[np.after] : undefined;
  return np && next && next.kind === 'word' && !next.cap && STANCE_LINKING.has(next.lower) ? np : null;
}

/**
 * "Jane Orr disagreed. "…"" / "The union was unimpressed. "…"": a sentence right before the quotation,
 * in its paragraph, whose predicate is a turn to speak without a verb of saying, gives the quotation to its subject.
 */
function introducedBy(ctx: AttributionContext, si: number): Attribution | null {
  const { tokens } = ctx;
  if (si === 0) return null;
  const prev = ctx.doc.sentences[si - 1];
  const open = ctx.doc.sentences[si].first;
  if (tokens[prev.last].para !== tokens[open].para || tokens[prev.last].text !== '.') return null;
  const np = narrativeSubject(ctx, si - 1);
  if (!np || !speakerLike(ctx, np)) return null;
  return stancePredicate(ctx, np.after, prev.last) ? attributionFor(ctx, np, null, 0.6, 'introduced-subject') : null;
}

/** Whether the predicate from v (after adverbs), running to the sentence's last token, is a turn to speak (STANCE_* in the lexicon). */
function stancePredicate(ctx: AttributionContext, v: number, last: number): boolean {
  const { tokens } = ctx;
  while (v < last && (/^[a-z]+ly$/.test(tokens[v].text) || STANCE_DEGREE.has(tokens[v].lower))) v++;
  const w = tokens[v]?.lower ?? '';
  const rest = last - v;
  if (STANCE_VERBS.has(w)) return rest <= 8;
  if (STANCE_PHRASAL.has(`${w} ${tokens[v + 1]?.lower}`)) return rest <= 8;
  if (STANCE_LINKING.has(w)) {
    let k = v + 1;
    while (k < last && STANCE_DEGREE.has(tokens[k].lower)) k++;
    return STANCE_ADJECTIVES.has(tokens[k]?.lower ?? '') && last - k <= 6;
  }
  if (STANCE_OBJECT_VERBS.has(w)) {
    for (let k = v + 1; k <= Math.min(last, v + 5); k++) if (STANCE_OBJECTS.has(tokens[k].lower)) return last - k <= 8;
  }
  return false;
}

/**
 * Whether the narrative sentence si, between a speaker's quotation and one standing alone after
 * it, has someone else as its subject (a name or a person described), so the next quotation may not be the speaker's.
 */
function turnsToSomeoneElse(ctx: AttributionContext, si: number, att: Attribution): boolean {
  const np = narrativeSubject(ctx, si);
  if (!np || !speakerLike(ctx, np)) return false;
  if (np.kind === 'pronoun') {
    const e = resolvePronoun(ctx, ctx.tokens[np.first].lower, np.first);
    return !!e && !!att.entity && e !== att.entity;
  }
  if (np.kind === 'name' && np.run) {
    const { entity } = registerRun(ctx, np.run, false, np);
    return entity !== att.entity;
  }
  // a described person: "the chief executive" may be the speaker again, by role
  const head = ctx.tokens[np.last].lower;
  return !(att.speaker.role && att.speaker.role.toLowerCase().split(/\W+/).includes(head)) &&
    !(att.speaker.name && att.speaker.name.toLowerCase().split(/\W+/).includes(head));
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
  // "it was not an "open race"", "the woman was in "not life-threatening" condition", "had minor injuries":
  // a copula or a possessive "have" describes the subject; only a lexical verb makes it the quotation's source
  if (!ctx.np.isFiniteVerb(v) && ctx.np.auxBetween(np.after, v) && !lexicalVerbAt(ctx, v)) return null;
  return attributionFor(ctx, np, v < open ? v : null, 0.5, 'sentence-subject');
}

/** A participle after auxiliaries: "has been cosplaying", "had promised". */
function lexicalVerbAt(ctx: AttributionContext, v: number): boolean {
  const t = ctx.tokens[v];
  return !!t && t.kind === 'word' && !t.cap && t.depth === 0 && (/[a-z]{2}(ing|ed)$/.test(t.lower) || IRREGULAR_PAST.has(t.lower));
}

/** A passive verb group (was (previously) announced) at v, before the quotation. */
function passiveAfter(ctx: AttributionContext, v: number, open: number): boolean {
  for (let k = v; k < Math.min(open, v + 4); k++) {
    if (ctx.tokens[k].depth !== 0) return false;
    if (ctx.np.isPassive(k)) return true;
  }
  return false;
}
