// Pronoun and title resolution: who "he", "they", "our interlocutor" or "the minister" is, from
// the registry of people the document has named and the speakers it has heard so far.
import {
  AGENT_SUFFIX,
  DOC_NOUNS,
  FEMININE_ROLE_WORDS,
  INTERVIEWEE_NOUNS,
  IRREGULAR_PAST,
  MASCULINE_ROLE_WORDS,
  PASSIVE_AUX,
  ORG_HEADS,
  ORG_NOUNS,
  SPEAKER_NOUNS,
  TITLES,
  cueOf,
} from '../lexicon.ts';
import type { Entity, EntityKind } from '../people.ts';
import type { NP } from '../phrases.ts';
import type { Speaker } from '../types.ts';
import {
  normIncludes,
  speakerOf,
  spanOf,
  tokenAtOffset,
  unknownSpeaker,
  type Attribution,
  type AttributionContext,
} from './context.ts';
import { registerRun } from './names.ts';

/** How many registry mentions a resolution looks back through (bounds hostile texts). */
const LOOKBACK = 300;

/** The attribution of a speaker phrase, null when it does not resolve to anyone. */
export function attributionFor(ctx: AttributionContext, np: NP, cue: number | null, confidence: number, rule: string,
  cueLast?: number): Attribution | null {
  const r = resolve(ctx, np);
  if (!r) return null;
  return { speaker: r.speaker, entity: r.entity, cue, cueLast: cueLast ?? cue ?? undefined, confidence: confidence * r.certainty, rule };
}

function resolve(ctx: AttributionContext, np: NP): { speaker: Speaker; entity: Entity | null; certainty: number } | null {
  const { tokens } = ctx;
  if (np.kind === 'pronoun') {
    const mention = spanOf(ctx, np.first, np.first);
    const e = resolvePronoun(ctx, tokens[np.first].lower, np.first);
    if (e) return { speaker: speakerOf(e, mention), entity: e, certainty: 1 };
    return { speaker: unknownSpeaker(mention), entity: null, certainty: 0.9 };
  }
  if (np.kind === 'name' && np.run) {
    const reg = registerRun(ctx, np.run, true, np);
    // the mention is the name itself, with an acronym in parentheses right after it: "Forces (SDF)"
    let last = reg.name.last;
    if (tokens[np.last]?.text === ')' && np.last <= reg.name.last + 3) last = np.last;
    return { speaker: speakerOf(reg.entity, spanOf(ctx, reg.name.first, last)), entity: reg.entity, certainty: 1 };
  }
  const head = tokens[np.last].lower;
  const mention = spanOf(ctx, np.first, np.last);
  const phrase = ctx.text.slice(tokens[np.first].start, tokens[np.last].end);
  const byRole = resolveRoleNoun(ctx, head, np);
  if (byRole) return { speaker: speakerOf(byRole, mention), entity: byRole, certainty: 0.95 };
  const plural = /s$/.test(head) && !/(ss|us)$/.test(head);
  const kind: EntityKind = ORG_NOUNS.has(head) ? 'organization' : plural ? 'group' : 'unknown';
  return {
    speaker: { name: phrase, role: np.role ?? null, affiliation: np.affiliation ?? null, mention, kind },
    entity: null,
    certainty: 0.95,
  };
}

/** The person or organization a pronoun at `pos` stands for, or null. */
export function resolvePronoun(ctx: AttributionContext, p: string, pos: number): Entity | null {
  const tok = ctx.tokens[pos];
  if ((p === 'i' || p === 'we') && tok.depth > 0) {
    // "I" inside a quotation is whoever speaks it
    const outer = ctx.bySpan.get(ctx.doc.spans[tok.quote]?.parent ?? -1) ?? ctx.bySpan.get(tok.quote);
    return outer?.entity ?? null;
  }
  const gender = p === 'he' || p === 'him' ? 'm' : p === 'she' || p === 'her' ? 'f' : null;
  if (gender) return resolvePersonal(ctx, gender, pos);
  if (p === 'they' || p === 'them' || p === 'it') return resolveOrganization(ctx, p, pos);
  return null;
}

/** he/she: the most recent speaker nearby wins over a person merely named since. */
function resolvePersonal(ctx: AttributionContext, gender: 'm' | 'f', pos: number): Entity | null {
  const tok = ctx.tokens[pos];
  const reporter = reportingSubject(ctx, gender, pos);
  if (reporter) return reporter;
  const described = latest(describedAntecedent(ctx, gender, pos), describedSpeaker(ctx, gender, pos));
  let fallback: Entity | null = null;
  let seen = 0;
  for (const m of ctx.registry.before(pos)) {
    if (++seen > LOOKBACK) break;
    // everyone mentioned since the described subject has been passed over: it is who "he" continues
    if (described && m.pos < described.pos) return described.entity;
    const e = m.entity;
    if (e.kind !== 'person' && e.kind !== 'unknown') continue;
    if (e.kind === 'unknown' && e.words.length > 1) continue;
    if (e.gender && e.gender !== gender) continue;
    if (tok.para - ctx.tokens[m.pos].para > 8) break;
    if (m.speaker && ctx.doc.sentOf[pos] - ctx.doc.sentOf[m.pos] <= 3) {
      if (!e.gender) e.gender = gender;
      return e;
    }
    // centering: a person who is the subject of this or the previous sentence, named after the last
    // speaker, is who "he" continues ("…," said Smith. The chief executive, John Doe, was more cautious. "…," he said.)
    if (e.kind === 'person' && !m.speaker && ctx.doc.sentOf[pos] - ctx.doc.sentOf[m.pos] <= 1 && isSubjectAt(ctx, m.pos)) {
      if (!e.gender) e.gender = gender;
      return e;
    }
    if (!fallback && e.kind === 'person') fallback = e;
  }
  if (described) return described.entity;
  if (fallback && !fallback.gender) fallback.gender = gender;
  return fallback;
}

/** Singular heads that name a person but no word list of speakers has: kin and the like. */
const PERSON_HEADS = new Set(['predecessor', 'successor', 'colleague', 'neighbour', 'neighbor', 'friend', 'partner', 'boss',
  'mother', 'father', 'son', 'daughter', 'brother', 'sister', 'wife', 'husband', 'widow', 'widower', 'uncle',
  'aunt', 'cousin', 'grandmother', 'grandfather', 'fiancé', 'fiancée', 'nephew', 'niece']);
const MASCULINE = new Set([...MASCULINE_ROLE_WORDS, 'man', 'boy', 'uncle', 'nephew', 'grandfather']);
const FEMININE = new Set([...FEMININE_ROLE_WORDS, 'woman', 'girl', 'aunt', 'niece', 'grandmother']);

/**
 * Where a pronoun's antecedent may open the previous sentence: the pronoun's own sentence opens with a
 * quotation or with the pronoun (no subject of its own in between), the previous sentence is at most one
 * paragraph back and is not itself a quotation. Its first noun phrase (np), if any, is the candidate.
 */
function previousOpening(ctx: AttributionContext, pos: number) {
  const { tokens } = ctx;
  const si = ctx.doc.sentOf[pos];
  if (si === 0 || tokens[pos].depth !== 0) return null;
  const own = ctx.doc.sentences[si];
  if (tokens[own.first].kind !== 'qopen' && own.first !== pos) return null;
  const prev = ctx.doc.sentences[si - 1];
  if (tokens[pos].para - tokens[prev.first].para > 1 || tokens[prev.first].kind === 'qopen') return null;
  return { prev, np: ctx.np.forward(prev.first, prev.last) };
}

/**
 * Centering on a described person: "Okon's predecessor was more blunt. "…," he told a conference." —
 * a singular noun phrase naming a person (not a name: names are in the registry) that opens the
 * previous sentence is who he/she continues, over anyone mentioned before it. The phrase is the
 * speaker as described.
 */
function describedAntecedent(ctx: AttributionContext, gender: 'm' | 'f', pos: number): { pos: number; entity: Entity } | null {
  const { tokens } = ctx;
  const opening = previousOpening(ctx, pos);
  if (!opening) return null;
  const { prev, np } = opening;
  if (!np || np.kind !== 'common' || np.last - np.first > 5) return null;
  const next = tokens[np.after];
  // the phrase is the subject: a verb (a lowercase word) follows it, not a name in apposition
  if (!next || next.kind !== 'word' || next.cap || next.depth !== 0) return null;
  // what was done to the person ("The man was arrested") is no turn of theirs to speak
  if (passiveAt(ctx, np.after, prev.last)) return null;
  for (let k = np.first; k <= np.last; k++) if (tokens[k].cap && k > np.first) return null;
  const head = tokens[np.last].lower;
  if (!personHead(head)) return null;
  if ((gender === 'm' && FEMININE.has(head)) || (gender === 'f' && MASCULINE.has(head))) return null;
  const words = tokens.slice(np.first, np.last + 1).map((t) => t.text);
  const name = ctx.text.slice(tokens[np.first].start, tokens[np.last].end);
  return { pos: np.first, entity: { id: -1, name, words, kind: 'person', role: null, affiliation: null, gender } };
}

/** A passive verb group at k: (has been | was) [an adverb] PARTICIPLE. */
function passiveAt(ctx: AttributionContext, k: number, last: number): boolean {
  const { tokens } = ctx;
  if (tokens[k]?.lower === 'has' || tokens[k]?.lower === 'had') k++;
  if (!PASSIVE_AUX.has(tokens[k]?.lower ?? '')) return false;
  for (let j = k + 1; j <= Math.min(last, k + 2); j++) {
    const w = tokens[j].lower;
    if (/(ed|en)$/.test(w) || IRREGULAR_PAST.has(w)) return true;
  }
  return false;
}

function latest<T extends { pos: number }>(a: T | null, b: T | null): T | null {
  return !a ? b : !b ? a : a.pos >= b.pos ? a : b;
}

/**
 * ""…," a spokesperson said. "…," she added.": he/she continues the last speaker of the last two
 * sentences when it was a person described rather than named (no one in the registry), over anyone
 * mentioned before that speaker.
 */
function describedSpeaker(ctx: AttributionContext, gender: 'm' | 'f', pos: number): { pos: number; entity: Entity } | null {
  const si = ctx.doc.sentOf[pos];
  const a = ctx.lastDirect;
  const b = ctx.lastReported;
  const last = !a ? b : !b ? a : a.sentence >= b.sentence ? a : b;
  if (!last || last.att.entity || si - last.sentence > 2 || si < last.sentence) return null;
  const { speaker } = last.att;
  const mention = speaker.mention;
  if (!mention || !speaker.name || (speaker.kind !== 'person' && speaker.kind !== 'unknown')) return null;
  const first = tokenAtOffset(ctx, mention.start);
  const headTok = tokenAtOffset(ctx, mention.end - 1);
  if (first < 0 || headTok < 0 || first >= pos) return null;
  const head = ctx.tokens[headTok].lower;
  if (!personHead(head) || (gender === 'm' && FEMININE.has(head)) || (gender === 'f' && MASCULINE.has(head))) return null;
  return { pos: first, entity: { id: -1, name: speaker.name, words: [], kind: 'person', role: null, affiliation: null, gender } };
}

/** Whether a lowercase singular head noun names a person (an official, the chief executive, her brother). */
function personHead(head: string): boolean {
  if (!/^[a-z][a-z-]*$/.test(head) || (/s$/.test(head) && !/ss$/.test(head))) return false;
  if (ORG_NOUNS.has(head) || ORG_HEADS.has(head) || DOC_NOUNS.has(head)) return false;
  return PERSON_HEADS.has(head) || (SPEAKER_NOUNS.has(head) && AGENT_SUFFIX.test(head)) || INTERVIEWEE_NOUNS.has(head) ||
    (TITLES.has(head) && AGENT_SUFFIX.test(head)) || (/(man|woman|person|ist|ian)$/.test(head) && head.length > 5) ||
    ['official', 'spokesperson', 'minister', 'aide', 'source', 'witness', 'judge', 'chief', 'head', 'president', 'secretary', 'mayor', 'governor', 'senator'].includes(head);
}

/**
 * "Rachel Giese said she felt …": he/she opening the clause reported by a verb of saying is, by
 * default, the person named as that verb's subject (when the gender does not clash).
 */
function reportingSubject(ctx: AttributionContext, gender: 'm' | 'f', pos: number): Entity | null {
  const { tokens } = ctx;
  if (tokens[pos].depth !== 0) return null;
  let k = pos - 1;
  if (tokens[k]?.lower === 'that') k--;
  const t = tokens[k];
  const cue = t ? cueOf(t.lower) : undefined;
  if (!t || t.depth !== 0 || !cue || cue.participle || cue.cls !== 'speech' || cue.addressee) return null;
  const s = ctx.doc.sentences[ctx.doc.sentOf[pos]];
  const np = ctx.np.backward(ctx.np.skipAdjunctsBack(k - 1, s.first), s.first);
  if (!np || np.kind !== 'name' || !np.run) return null;
  const { entity } = registerRun(ctx, np.run, false, np);
  return entity.kind === 'person' && (!entity.gender || entity.gender === gender) ? entity : null;
}

/** they/them/it: an organization that spoke lately, else one named in this or the previous sentence. */
function resolveOrganization(ctx: AttributionContext, p: string, pos: number): Entity | null {
  let named: Entity | null = null;
  let seen = 0;
  const group = p === 'it' ? null : pluralAntecedent(ctx, pos);
  for (const m of ctx.registry.before(pos)) {
    if (++seen > LOOKBACK) break;
    // a group opening the previous sentence, after everyone mentioned before it: "Police arrested two men. "…," they said."
    if (group && m.pos < group.pos) return group.entity;
    const dist = ctx.doc.sentOf[pos] - ctx.doc.sentOf[m.pos];
    if (dist > 3) break;
    if (m.entity.kind !== 'organization') continue;
    if (m.speaker) return m.entity;
    if (!named && dist <= 1 && p === 'it') named = m.entity;
  }
  return named ?? group?.entity ?? null;
}

/** Plural heads that name people without an -s: police, people, staff. */
const PLURAL_PEOPLE = new Set(['police', 'people', 'staff', 'media', 'military', 'personnel', 'clergy', 'crew', 'public']);

/**
 * Centering for they/them: a plural group of people (police, residents of the estate, the organizers) that
 * opens the previous sentence — the pronoun's own sentence opening with a quotation or the pronoun.
 */
function pluralAntecedent(ctx: AttributionContext, pos: number): { pos: number; entity: Entity } | null {
  const { tokens } = ctx;
  const opening = previousOpening(ctx, pos);
  if (!opening) return null;
  const { prev, np } = opening;
  // "Police", "Residents of the estate": a capitalized common noun opening the sentence reads as a name run
  const commonAtStart = np?.kind === 'name' && np.run?.first === prev.first && np.run.last === prev.first;
  if (!np || (np.kind !== 'common' && !commonAtStart) || np.last - np.first > 6) return null;
  const next = tokens[np.after];
  if (!next || next.kind !== 'word' || next.cap || next.depth !== 0 || passiveAt(ctx, np.after, prev.last)) return null;
  // the head: the noun before a linking "of" (residents of the estate), else the last word
  let h = np.last;
  for (let k = np.first + 1; k <= np.last; k++) if (tokens[k].lower === 'of' || tokens[k].lower === 'from') { h = k - 1; break; }
  const head = tokens[h].lower;
  const plural = PLURAL_PEOPLE.has(head) || (/[^s]s$/.test(head) && SPEAKER_NOUNS.has(head) && !ORG_NOUNS.has(head.replace(/s$/, '')));
  if (!plural || DOC_NOUNS.has(head.replace(/s$/, ''))) return null;
  const name = ctx.text.slice(tokens[np.first].start, tokens[np.last].end);
  return { pos: np.first, entity: { id: -1, name, words: [], kind: 'group', role: null, affiliation: null, gender: null } };
}

/** "our interlocutor" → the interviewee; "the minister" → the last person with that role. */
function resolveRoleNoun(ctx: AttributionContext, head: string, np: NP): Entity | null {
  const pos = np.first;
  if (INTERVIEWEE_NOUNS.has(head)) {
    let fallback: Entity | null = null;
    let seen = 0;
    for (const m of ctx.registry.before(pos)) {
      if (++seen > LOOKBACK) break;
      if (m.entity.kind !== 'person') continue;
      if (m.entity.role && normIncludes(m.entity.role, head)) return m.entity;
      if (m.speaker && !fallback) fallback = m.entity;
    }
    return fallback;
  }
  const det = ctx.tokens[np.first].lower;
  if (det !== 'the' && det !== 'this') return null;
  if (np.last - np.first > 3) return null;
  let seen = 0;
  for (const m of ctx.registry.before(pos)) {
    if (++seen > LOOKBACK) break;
    const e = m.entity;
    if (e.kind === 'person' && e.role && normIncludes(e.role, head)) return e;
    if (e.kind === 'organization' && ORG_NOUNS.has(head) && normIncludes(e.name, head)) return e;
  }
  return null;
}

/** Whether the mention at token pos lies in the subject of its sentence's main clause. */
function isSubjectAt(ctx: AttributionContext, pos: number): boolean {
  const si = ctx.doc.sentOf[pos];
  const s = ctx.doc.sentences[si];
  // the main clause's subject, or (for "was more cautious", which subject() does not read) the name
  // that opens the sentence right before a lowercase word
  let np = ctx.np.subject(si);
  if (!np && ctx.tokens[s.first].kind !== 'qopen') {
    const first = ctx.np.forward(s.first, s.last);
    const next = first ? ctx.tokens[first.after] : undefined;
    if (first && next && next.kind === 'word' && !next.cap && next.depth === 0) np = first;
  }
  return !!np && np.kind === 'name' && pos >= np.first && pos <= np.last;
}
