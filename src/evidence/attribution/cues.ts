// Reporting verbs and their subjects: whether a token is a usable cue ("said", not "Said" the
// name, not "was told"), which noun phrase may be its subject, and the speaker it frames —
// its subject, a passive agent, or for "…, adding" the main clause's subject.
import {
  AGENT_SUFFIX,
  NOT_AGENTS,
  ASKING,
  COMPOUND_MODIFIERS,
  COORDINATING_LEADS,
  DETERMINERS,
  DOC_NOUNS,
  INDEFINITE_SPEAKERS,
  INTERVIEWEE_NOUNS,
  ORG_NOUNS,
  PARTICIPLE_LEADS,
  PARTITIVE_SPEAKERS,
  PEOPLE_PRONOUNS,
  PREPOSITIONS,
  QUOTING_VERBS,
  SPEAKER_NOUNS,
  SUBJECT_HEAD_PREPOSITIONS,
  TITLES,
  CONJUNCTIONS,
  OPENERS,
  TIME_WORDS,
  cueOf,
  type Cue,
} from '../lexicon.ts';
import type { NP } from '../phrases.ts';
import { SCAN_LIMIT, type Attribution, type AttributionContext } from './context.ts';
import { attributionFor } from './resolve.ts';

/** Determiners of amounts, not of people: "all the data show", "no evidence suggests". */
/** Function words that end a phrase the finder took too far: "the manifesto if", "their refusal to". */
const NON_HEADS = new Set(['to', 'if', 'and', 'or', 'but', 'that', 'than', 'as', 'so', 'not', 'then', 'who', 'which']);

/** Nouns for a part of a document: "Part of the ruling reads", "An excerpt of the letter says". */
const PART_NOUNS = new Set(['part', 'parts', 'portion', 'excerpt', 'excerpts', 'passage', 'section', 'extract', 'rest']);

/** Title words that only modify another ("prime minister", "foreign secretary"), never a head. */
const TITLE_MODIFIERS = new Set(['vice', 'prime', 'foreign', 'defense', 'defence', 'crown', 'deputy', 'acting', 'former']);

/** Verbs of saying whose infinitive keeps the main clause's speaker: went on to say, was quick to add. */
const INFINITIVE_SPEECH = new Set(['say', 'tell', 'add', 'write', 'declare', 'state', 'explain', 'describe', 'call']);

/** Words placing something near a place (prepositions the general list leaves out, being adverbs too). */
const LOCATIVES = new Set(['outside', 'inside', 'near', 'around', 'beyond', 'behind']);

/** Prepositions placing a person somewhere: a man from the back of the hall, a woman in the crowd. */
const LOCATIVE_LINKS = new Set(['from', 'in', 'at', 'near', 'outside', 'inside', 'among', 'behind']);

/** Auxiliaries that make a relative clause finite (was injured, had been, has worked). */
const AUX_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'do']);

const QUANTITY_DETERMINERS = new Set(['all', 'no', 'any', 'most', 'each', 'both', 'various', 'numerous']);

/** The reporting verb at token k, if it is one (in the narrative, not a capitalized name). */
export function cueAt(ctx: AttributionContext, k: number): Cue | undefined {
  const t = ctx.tokens[k];
  if (!t || t.kind !== 'word' || t.depth !== 0) return undefined;
  if (t.cap && !ctx.np.startAt(k)) return undefined;
  return cueOf(t.lower);
}

/** A reporting verb in the passive speaks only through its agent: "described by Johnson as". */
export function cueUsable(ctx: AttributionContext, k: number): boolean {
  return !ctx.np.isPassive(k) || ctx.tokens[k + 1]?.lower === 'by';
}

/** The speaker of the reporting verb at c (cached per verb). */
export function frame(ctx: AttributionContext, c: number, si: number): Attribution | null {
  if (ctx.frames.has(c)) return ctx.frames.get(c) ?? null;
  const att = computeFrame(ctx, c, si);
  ctx.frames.set(c, att);
  return att;
}

function computeFrame(ctx: AttributionContext, c: number, si: number): Attribution | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  const cue = cueAt(ctx, c)!;
  // passive with an agent: described by Johnson as …
  if (tokens[c + 1]?.lower === 'by' && (/(ed|en)$/.test(tokens[c].lower) || ctx.np.isPassive(c))) {
    const np = ctx.np.forward(c + 2, s.last);
    if (np && speakerLike(ctx, np)) return attributionFor(ctx, np, c, 0.8, 'passive-agent');
  }
  // Politico quoted Tim Manning, formerly of FEMA, as saying "…": the quoted person speaks
  if (cue.participle && tokens[c - 1]?.lower === 'as') {
    for (let v = c - 2; v >= Math.max(s.first, c - 25); v--) {
      if (tokens[v].depth !== 0 || !QUOTING_VERBS.has(tokens[v].lower)) continue;
      const np = ctx.np.forward(v + 1, c - 2);
      if (np && speakerLike(ctx, np)) return attributionFor(ctx, np, c, 0.85, 'quoted-as-saying');
      break;
    }
  }
  // "Calling it a "disgrace", the senator said …": a participle opening the sentence has the main clause's subject
  if (cue.participle && c === s.first) return openingParticipleSubject(ctx, c, si);
  const k = ctx.np.skipAdjunctsBack(c - 1, s.first);
  const prev = tokens[k];
  // "went on to say", "even went as far as to say": an infinitive's speaker is the main clause's
  // (only verbs of saying: "to maintain", "to find" are rarely speech; "asked him to say" is the object's)
  if (prev?.lower === 'to' && !cue.participle && k >= s.first && INFINITIVE_SPEECH.has(tokens[c].lower)) {
    for (let p = k - 1; p >= Math.max(s.first, k - 4); p--) if (ASKING.has(tokens[p].lower)) return null;
    return mainClauseSpeaker(ctx, c, si);
  }
  const coordinated = !!prev && prev.kind === 'word' && COORDINATING_LEADS.has(prev.lower);
  const afterComma = !!prev && prev.text === ',';
  if (prev && !coordinated && !(cue.participle && (afterComma || prev.kind === 'word' && PARTICIPLE_LEADS.has(prev.lower)))) {
    let np = ctx.np.backward(k, s.first);
    // the absolute "with Zinichev describing …": the object of "with" is the participle's subject
    if (!np && cue.participle) {
      const rel = ctx.np.backward(k, s.first, true);
      const w = rel ? tokens[rel.first - 1]?.lower : undefined;
      if (rel && (w === 'with' || w === 'without')) np = rel;
    }
    // "issued a statement at his golf club outside Washington saying": a participle after the object of
    // a preposition is the main clause's — except in the absolute "with officials saying"
    const pp = np ? tokens[np.first - 1]?.lower : undefined;
    if (np && cue.participle && isPrepositionAt(ctx, np.first - 1) && pp !== 'with' && pp !== 'without') {
      return mainClauseSpeaker(ctx, c, si);
    }
    // "… at his hotel in Portland, Maine saying": a name after a comma that follows a prepositional
    // object's name is that place's region (Washington, D.C.), still inside the prepositional phrase
    if (np && cue.participle && np.kind === 'name' && tokens[np.first - 1]?.text === ',' && !tokens[np.after - 1]?.text.match(/^,$/)) {
      const place = ctx.np.backward(np.first - 2, s.first, true);
      const w = tokens[place?.first ? place.first - 1 : -1]?.lower ?? '';
      if (place && place.kind === 'name' && (isPrepositionAt(ctx, place.first - 1) || LOCATIVES.has(w))) return mainClauseSpeaker(ctx, c, si);
    }
    const rel = relativeAntecedent(ctx, k, si);
    if (rel) {
      const att = subjectBefore(ctx, rel, c, cue, si);
      if (att) return att;
    }
    const att = subjectBefore(ctx, np, c, cue, si);
    if (att) return att;
    if (np && !cue.participle && !afterComma) return null;
  }
  return mainClauseSpeaker(ctx, c, si);
}

/**
 * The speaker of a participle clause that opens sentence si (cue c): the subject of the main clause
 * after it — the frame of the main clause's reporting verb if it has one ("Calling it "…", Ann Roe
 * of the union told reporters"), else the phrase before its finite verb ("…, the mayor elaborated").
 * The clause ends at a comma, or at a closing quotation mark followed by narrative.
 */
function openingParticipleSubject(ctx: AttributionContext, c: number, si: number): Attribution | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  const hi = Math.min(s.last, c + SCAN_LIMIT);
  for (let k = c + 1; k < hi; k++) {
    const t = tokens[k];
    const boundary = (t.text === ',' && t.depth === 0) || (t.kind === 'qclose' && t.depth === 1 && tokens[k + 1]?.kind === 'word');
    if (!boundary) continue;
    const start = tokens[k + 1]?.text === ',' ? k + 2 : k + 1;
    const np = ctx.np.forward(start, s.last);
    if (!np || !speakerLike(ctx, np)) continue;
    for (let v = np.first; v <= hi; v++) {
      if (tokens[v].depth !== 0) continue;
      if (tokens[v].kind === 'punct' && /^[.;:!?]$/.test(tokens[v].text)) break;
      const vc = cueAt(ctx, v);
      if (vc && !vc.participle && cueUsable(ctx, v)) {
        const f = frame(ctx, v, si);
        return f ? { ...f, cue: c, cueLast: c, confidence: Math.min(f.confidence, 0.8) } : null;
      }
    }
    const v = ctx.np.skipAdjunctsFwd(np.after, s.last);
    return ctx.np.isFiniteVerb(v) ? attributionFor(ctx, np, c, 0.7, 'opening-participle') : null;
  }
  return null;
}

/**
 * "A man who was injured in the blast said", "The woman whose car was hit told": a restrictive relative
 * clause ending right before the verb (no comma, no quotation, no other reporting verb in it) —
 * the verb's subject is the relative pronoun's antecedent, not the last noun of the clause.
 */
function relativeAntecedent(ctx: AttributionContext, k: number, si: number): NP | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  let finite = false;
  for (let r = k; r > Math.max(s.first, k - 20); r--) {
    const t = tokens[r];
    if (t.depth !== 0 || t.kind === 'qopen' || t.kind === 'qclose' || (t.kind === 'punct' && t.text !== '-')) return null;
    if (t.kind !== 'word') continue;
    if (t.lower === 'who' || t.lower === 'whose' || t.lower === 'which') {
      if (!finite || r === k) return null;
      const np = ctx.np.backward(r - 1, s.first);
      return np && np.kind !== 'pronoun' && np.last === r - 1 ? np : null;
    }
    if (r < k && cueAt(ctx, r) && !ctx.np.isPassive(r)) return null;
    if (ctx.np.isFiniteVerb(r) || AUX_WORDS.has(t.lower)) finite = true;
  }
  return null;
}

/** The verb's own subject: the phrase np right before it. */
function subjectBefore(ctx: AttributionContext, np: NP | null, c: number, cue: Cue, si: number): Attribution | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  if (np && np.document) {
    // "They released a statement which said": the statement speaks for the subject
    const subj = ctx.np.subject(si);
    if (subj && subj.last < np.first && speakerLike(ctx, subj)) return attributionFor(ctx, subj, c, 0.8, 'document-subject');
  }
  // "Richard Ferrand in relaying the news to parliament said": the object of a preposition is not
  // the subject; the subject is the phrase the prepositional (and -ing) adjuncts hang on
  if (np && np.kind === 'common' && isPrepositionAt(ctx, np.first - 1)) {
    // "Part of the judge's ruling reads": a part of a document speaks as the document
    const part = tokens[np.first - 2];
    if (tokens[np.first - 1].lower === 'of' && part && PART_NOUNS.has(part.lower) && np.first - 2 === s.first &&
        subjectFits(ctx, np, cue, c)) {
      return attributionFor(ctx, np, c, 0.8, 'subject');
    }
    const head = headBeforeAdjuncts(ctx, np.first - 1, s.first);
    if (head && subjectFits(ctx, head, cue, c)) return attributionFor(ctx, head, c, 0.8, 'subject');
  }
  if (np && subjectFits(ctx, np, cue, c)) return attributionFor(ctx, np, c, 0.9, 'subject');
  // "Critics from across Britain's political spectrum have claimed": the head is before the preposition
  if (np && np.kind === 'common') {
    let p = np.first - 1;
    let preps = 0;
    while (p > s.first && tokens[p].kind === 'word' && SUBJECT_HEAD_PREPOSITIONS.has(tokens[p].lower) && preps < 2) {
      p--;
      preps++;
    }
    const head = preps > 0 ? ctx.np.backward(p, s.first) : null;
    if (head && head.kind !== 'pronoun' && subjectFits(ctx, head, cue, c)) return attributionFor(ctx, head, c, 0.8, 'subject');
  }
  return null;
}

function isPrepositionAt(ctx: AttributionContext, k: number): boolean {
  const t = ctx.tokens[k];
  return !!t && t.depth === 0 && t.kind === 'word' && (PREPOSITIONS.has(t.lower) || t.lower === 'to');
}

/** Walking back from the preposition at p over "PREP NP" and "-ing NP" adjuncts: the person they follow. */
function headBeforeAdjuncts(ctx: AttributionContext, p: number, lo: number): NP | null {
  const { tokens } = ctx;
  for (let hops = 0; hops < 4 && p > lo; hops++) {
    // the preposition (or "in relaying"): step over it
    while (p > lo && (isPrepositionAt(ctx, p) || (tokens[p].kind === 'word' && /^[a-z]+ing$/.test(tokens[p].text)))) p--;
    const np = ctx.np.backward(p, lo);
    if (!np) return null;
    if (!isPrepositionAt(ctx, np.first - 1) && !/^[a-z]+ing$/.test(tokens[np.first - 1]?.text ?? '')) {
      return np.kind === 'name' || np.kind === 'common' ? np : null;
    }
    p = np.first - 1;
  }
  return null;
}

/** A participle or coordinated verb: the speaker of the main clause's verb, or the sentence subject. */
function mainClauseSpeaker(ctx: AttributionContext, c: number, si: number): Attribution | null {
  const { tokens } = ctx;
  const s = ctx.doc.sentences[si];
  // a verb in an adjunct before the main clause's subject ("In a statement posted online, X affirmed …,
  // writing") is not the main clause's
  const main = ctx.np.subject(si, true);
  const lo = main && main.last < c ? main.first : s.first;
  for (let p = c - 1; p >= Math.max(lo, c - SCAN_LIMIT); p--) {
    if (tokens[p].depth !== 0) {
      const q = tokens[p].kind === 'qclose' ? tokens[p].quote : -1;
      if (q >= 0 && ctx.bySpan.has(q)) return { ...ctx.bySpan.get(q)!, cue: c, cueLast: c, confidence: 0.8 };
      continue;
    }
    const pc = cueAt(ctx, p);
    if (pc && !pc.participle && cueUsable(ctx, p)) {
      const f = frame(ctx, p, si);
      if (f) return { ...f, cue: c, cueLast: c, confidence: Math.min(f.confidence, 0.8) };
    }
  }
  // "The campaign criticized the refusal, accusing …": a speech participle's subject is the main clause's,
  // whether or not a word list knows its noun
  const subj = main;
  const cue = cueAt(ctx, c);
  if (subj && subj.last < c && (speakerLike(ctx, subj) || (!!cue && describedSubject(ctx, subj, cue, true)))) {
    return attributionFor(ctx, subj, c, 0.75, 'clause-subject');
  }
  return null;
}

/** Whether an NP may be the subject of this cue ("states" needs a speaker, not "EU member"). */
export function subjectFits(ctx: AttributionContext, np: NP, cue: Cue, at = -1): boolean {
  if (!speakerLike(ctx, np)) return describedSubject(ctx, np, cue);
  if (!cue.nounLike) return true;
  if (np.kind !== 'common') return true;
  const head = ctx.tokens[np.last].lower;
  if (COMPOUND_MODIFIERS.has(head) || /s$/.test(head) || DETERMINERS.has(head)) return false;
  // documents too, in the present ("The opinion reads", "the letter states"); a past form after a
  // document is a reduced relative ("a video message posted to Twitter"), not its verb
  const present = at >= 0 && !/ed$/.test(ctx.tokens[at].lower);
  return SPEAKER_NOUNS.has(head) || ORG_NOUNS.has(head) || INTERVIEWEE_NOUNS.has(head) || (AGENT_SUFFIX.test(head) && !NOT_AGENTS.has(head)) ||
    (present && DOC_NOUNS.has(head));
}

/**
 * A described person before an unambiguous speech verb: "the bishop said", "her husband told", "one
 * resident added". No word list names every person a news story can quote; a determined or possessed
 * lowercase noun right before said/told/added is one of them (a noun-like cue — "the member states" —
 * or a belief or naming verb still needs a listed speaker noun). A participle ("…, saying") qualifies
 * only for the main clause's subject (participleOk), not for the phrase right before it ("a motion claiming").
 */
export function describedSubject(ctx: AttributionContext, np: NP, cue: Cue, participleOk = false): boolean {
  const { tokens } = ctx;
  if (np.kind !== 'common' || cue.nounLike || (cue.participle && !participleOk) || cue.cls !== 'speech' || np.last - np.first > 4) {
    return false;
  }
  const head = tokens[np.last];
  if (head.kind !== 'word' || head.cap || head.depth !== 0 || !/^[a-z][a-z-]*[a-z]$/.test(head.lower) || TIME_WORDS.has(head.lower) ||
      /ing$/.test(head.lower) || DETERMINERS.has(head.lower) || PREPOSITIONS.has(head.lower) || NON_HEADS.has(head.lower)) return false;
  // in subject position: at the start of the clause, not the object of a verb or a preposition before it
  const before = tokens[np.first - 1];
  if (before && before.kind === 'word' && !OPENERS.has(before.lower) && !CONJUNCTIONS.has(before.lower)) return false;
  const lead = tokens[np.first].lower;
  const possessed = tokens.slice(np.first, np.last).some((x) => x.lower === "'s" || x.lower === '’s');
  return possessed || (DETERMINERS.has(lead) && !QUANTITY_DETERMINERS.has(lead));
}

/** Whether an NP could be someone who speaks (a person, a name, an organization, "officials"). */
export function speakerLike(ctx: AttributionContext, np: NP): boolean {
  const { tokens } = ctx;
  if (np.kind === 'pronoun') return tokens[np.first].lower !== 'you';
  if (np.kind === 'name') return true;
  const head = tokens[np.last];
  // "One of the children said", "some of them": a part of a group of people speaks
  if (PARTITIVE_SPEAKERS.has(tokens[np.first].lower) && tokens[np.first + 1]?.lower === 'of' &&
      (PEOPLE_PRONOUNS.has(head.lower) || (head.kind === 'word' && !head.cap && !DETERMINERS.has(head.lower)))) return true;
  if (head.text === ')') return true;
  if (head.kind !== 'word') return false;
  if (head.cap && !ctx.np.startAt(np.last)) return true;
  // a person described by age: "the 45-year-old said"
  if (/^(year|month)s?-old$/.test(head.lower)) return true;
  // documents speak for their authors: "The event description read", "the proclamation said"
  // "the queen", "the chancellor": a title as the head is a person
  return speakerHead(head.lower, head.cap) || postModifiedSpeaker(ctx, np);
}

function speakerHead(lower: string, cap: boolean): boolean {
  return SPEAKER_NOUNS.has(lower) || INDEFINITE_SPEAKERS.has(lower) || DOC_NOUNS.has(lower) ||
    (TITLES.has(lower) && !TITLE_MODIFIERS.has(lower) && !cap) || (AGENT_SUFFIX.test(lower) && lower.length > 4 && !NOT_AGENTS.has(lower));
}

/** "one man from the back of the hall", "a woman in the crowd": a person noun before a locative phrase is the head. */
function postModifiedSpeaker(ctx: AttributionContext, np: NP): boolean {
  const { tokens } = ctx;
  for (let k = np.first + 1; k < np.last; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.cap) return false;
    if (LOCATIVE_LINKS.has(t.lower)) {
      const h = tokens[k - 1];
      return h.kind === 'word' && !h.cap && SPEAKER_NOUNS.has(h.lower) && !DOC_NOUNS.has(h.lower) && !ORG_NOUNS.has(h.lower);
    }
  }
  return false;
}
