// Who is who in a document: capitalized runs read as people or organizations, with the roles
// and affiliations the text gives them, and the mentions that later resolve "he", "Kamberi" or
// "our interlocutor" to one person.
import {
  ABBREVIATIONS,
  ACRONYM_NOT_ORG,
  ORG_LINKS,
  PARTICLES,
  FEMALE_TITLES,
  MALE_TITLES,
  NON_NAME_CAPS,
  ORG_HEADS,
  TITLES,
  cueOf,
} from './lexicon.ts';
import type { Token } from './tokens.ts';

export type EntityKind = 'person' | 'organization' | 'group' | 'unknown';

export interface Entity {
  id: number;
  name: string;
  words: string[];
  kind: EntityKind;
  role: string | null;
  affiliation: string | null;
  gender: 'm' | 'f' | null;
}

export interface EntityMention {
  /** token index of the mention */
  pos: number;
  entity: Entity;
  /** the mention is the subject of a reporting verb (a speaker) */
  speaker: boolean;
}

/** No name, title and affiliation together runs longer; a bound keeps analyzeRun's scans small. */
const MAX_RUN_TOKENS = 16;

export function normName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'");
}

/** A word that can be part of a proper name here (capitalized, not a sentence opener or a date word). */
export function isNameWord(tokens: Token[], i: number, sentenceStart: (i: number) => boolean): boolean {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || !t.cap) return false;
  if (t.lower === "'s" || t.lower === '’s') return false;
  if (NON_NAME_CAPS.has(bare(t))) {
    // "Late", "Speaking", "Some" open sentences; mid-sentence capitals of these words are still not names
    return false;
  }
  if (sentenceStart(i) && cueOf(t.lower)) return false;
  return true;
}

export interface Run {
  first: number;
  last: number;
}

/** The longest proper-name run starting at token i (names, particles, titles with periods, org links). */
export function capRun(tokens: Token[], i: number, sentenceStart: (i: number) => boolean): Run | null {
  const t0 = tokens[i];
  let startsWithNumber = false;
  if (!isNameWord(tokens, i, sentenceStart)) {
    // "10 Downing Street"
    if (!(t0 && t0.kind === 'num' && isNameWord(tokens, i + 1, sentenceStart))) return null;
    startsWithNumber = true;
  }
  let last = startsWithNumber ? i + 1 : i;
  // links like "of" join titles and organizations ("Secretary of State", "Council of Europe");
  // "and" only joins organization names ("Ministry of Trade and Industry"), never two people
  let orgish = isOrgWord(tokens[last]) || isTitleWord(tokens[last]);
  let org = isOrgWord(tokens[last]);
  for (let k = last + 1; k < tokens.length && k - i < MAX_RUN_TOKENS; k++) {
    const t = tokens[k];
    if (t.para !== t0.para || t.depth !== t0.depth) break;
    if (t.start - tokens[k - 1].end > 1) break;
    if (isNameWord(tokens, k, () => false)) {
      last = k;
      if (isOrgWord(t) || isTitleWord(t)) orgish = true;
      if (isOrgWord(t)) org = true;
      continue;
    }
    // Mr. Smith, Sen. Jones: the period of a title abbreviation
    if (t.text === '.' && ABBREVIATIONS.has(tokens[k - 1].lower) && t.start === tokens[k - 1].end &&
        isNameWord(tokens, k + 1, () => false)) {
      last = k + 1;
      k++;
      continue;
    }
    if (t.kind === 'word' && PARTICLES.has(t.lower) && isNameWord(tokens, k + 1, () => false)) {
      last = k + 1;
      k++;
      continue;
    }
    if (t.kind === 'word' && orgish && ORG_LINKS.has(t.lower) && (org || (t.lower !== 'and' && t.lower !== '&'))) {
      let n = k + 1;
      if (tokens[n]?.lower === 'the') n++;
      if (isNameWord(tokens, n, () => false)) {
        last = n;
        k = n;
        if (isOrgWord(tokens[n]) || isTitleWord(tokens[n])) orgish = true;
        if (isOrgWord(tokens[n])) org = true;
        continue;
      }
    }
    break;
  }
  return { first: i, last };
}

/** The word without a final period ("Gen." → "gen"). */
function bare(t: Token): string {
  return t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower;
}
export function isTitleWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && TITLES.has(bare(t));
}
export function isOrgWord(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  if (ORG_HEADS.has(bare(t))) return true;
  return /^\p{Lu}{2,}$/u.test(t.text) && !ACRONYM_NOT_ORG.has(t.text) && !/^[IVXL]+$/.test(t.text);
}

/** Capitalized with some lowercase: Kamberi, McGurk, al-Assad, O'Brien (not NATO, not II). */
export function isNameShaped(w: string): boolean {
  return /^(\p{Ll}{1,3}-)?\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) && /\p{Ll}/u.test(w);
}

export interface NameParts {
  /** token range of the name itself (without titles) */
  name: Run;
  kind: EntityKind;
  role: string | null;
  affiliation: string | null;
  gender: 'm' | 'f' | null;
}

/** Splits a capitalized run into titles (role), the name, and an "of …" affiliation. */
/** What the gazetteer knows at token `first`: a place or organization name of `length` tokens, or a demonym. */
export type PlaceLookup = (first: number) => { length: number; demonym: boolean } | null;

export function analyzeRun(text: string, tokens: Token[], run: Run, places: PlaceLookup): NameParts {
  let lastTitle = -1;
  for (let k = run.first; k <= run.last; k++) {
    const t = tokens[k];
    if (t.kind === 'word' && ORG_LINKS.has(t.lower)) {
      // "Secretary of State Mike Pompeo": a link between titles stays inside the role
      if (isTitleWord(tokens[k + 1]) || (tokens[k + 1]?.lower === 'the' && isTitleWord(tokens[k + 2]))) continue;
      break;
    }
    if (!isTitleWord(t)) continue;
    let n = k + 1;
    if (tokens[n]?.text === '.') n++;
    // "Interior Ministry" is an organization, not a minister called Ministry
    const rest: Token[] = [];
    for (let r = n; r <= run.last && !(tokens[r].kind === 'word' && ORG_LINKS.has(tokens[r].lower)); r++) rest.push(tokens[r]);
    if (n <= run.last && tokens[n].kind === 'word' && !isTitleWord(tokens[n]) && !ORG_LINKS.has(tokens[n].lower) &&
        !rest.some((w) => isOrgWord(w))) {
      lastTitle = k;
    }
  }
  let nameFirst = run.first;
  let role: string | null = null;
  let gender: 'm' | 'f' | null = null;
  if (lastTitle >= 0) {
    nameFirst = lastTitle + 1;
    if (tokens[nameFirst]?.text === '.') nameFirst++;
    role = text.slice(tokens[run.first].start, tokens[lastTitle].end);
    for (let k = run.first; k <= lastTitle; k++) {
      const b = bare(tokens[k]);
      if (MALE_TITLES.has(b)) gender = 'm';
      if (FEMALE_TITLES.has(b)) gender = 'f';
    }
  }
  // the name ends before an "of"/"for" link; what follows is an affiliation
  let nameLast = run.last;
  let affiliation: string | null = null;
  for (let k = nameFirst; k <= run.last; k++) {
    if (tokens[k].kind === 'word' && ORG_LINKS.has(tokens[k].lower) && k > nameFirst && lastTitle >= 0) {
      nameLast = k - 1;
      let a = k + 1;
      if (tokens[a]?.lower === 'the') a++;
      if (a <= run.last) affiliation = text.slice(tokens[a].start, tokens[run.last].end);
      break;
    }
  }
  // "United Nations Nikki Haley", "US Nikki Haley": an organization or state before a person's name
  const place = places(nameFirst);
  const nameLen = nameLast - nameFirst + 1;
  if (place && !place.demonym && place.length < nameLen) {
    const rest: Token[] = [];
    for (let k = nameFirst + place.length; k <= nameLast; k++) rest.push(tokens[k]);
    if (rest.length >= 2 && rest.every((w) => w.kind === 'word' && (isNameShaped(w.text) || PARTICLES.has(w.lower)))) {
      const prefix = text.slice(tokens[run.first].start, tokens[nameFirst + place.length - 1].end);
      role = role ?? prefix;
      nameFirst += place.length;
    }
  }
  const name: Run = { first: nameFirst, last: nameLast };
  const words: Token[] = [];
  for (let k = nameFirst; k <= nameLast; k++) words.push(tokens[k]);
  const nameWords = words.filter((w) => w.kind === 'word');
  const whole = places(nameFirst);
  let kind: EntityKind;
  if (nameWords.length === 0) kind = 'unknown';
  else if (whole && whole.length >= nameLast - nameFirst + 1) kind = whole.demonym ? (lastTitle < 0 ? 'group' : 'person') : 'organization';
  else if (nameWords.some((w) => isOrgWord(w)) || words.some((w) => w.kind === 'num')) kind = 'organization';
  else if (whole && whole.demonym && lastTitle < 0) kind = 'group';
  else if (lastTitle >= 0) kind = 'person';
  else if (isTitleWord(tokens[nameLast])) kind = 'unknown';
  else if (nameWords.length >= 2 && nameWords.length <= 5 &&
    nameWords.every((w) => PARTICLES.has(w.lower) || isNameShaped(w.text) || /^[IVX]+$/.test(w.text))) {
    kind = 'person';
  } else kind = 'unknown';
  return { name, kind, role, affiliation, gender };
}

export class Registry {
  readonly entities: Entity[] = [];
  /**
   * Mentions in two lists, each ordered by position: the names found up front (`collectNames`,
   * added in one batch) and those added while reading (speakers at their cues), so that adding
   * one never shifts the whole document's list.
   */
  private readonly base: EntityMention[] = [];
  private readonly extra: EntityMention[] = [];
  private batch: EntityMention[] | null = null;
  private readonly byKey = new Map<string, Entity>();
  /** people by the normalized first + last word of their name ("donald trump" for Donald J. Trump) */
  private readonly byEnds = new Map<string, Entity>();
  /** the first person registered whose last (or first) name is this word */
  private readonly byPart = new Map<string, Entity>();
  /** normalized first and last word of each person of two or more words */
  private readonly parts = new Map<Entity, [string, string]>();

  /** The entity these name words refer to: the same full name, or a known person's surname or first name. */
  lookup(words: string[], before = Number.POSITIVE_INFINITY): Entity | undefined {
    const key = normName(words.join(' '));
    if (words.length === 1) {
      const w = normName(words[0]);
      const isPart = (e: Entity) => {
        const p = e.kind === 'person' ? this.parts.get(e) : undefined;
        return !!p && (p[1] === w || p[0] === w);
      };
      // no person has this first or last name: nothing to look for among the mentions
      if (!this.byPart.has(w)) return this.byKey.get(key);
      // the most recently mentioned person whose last (or first) name this is, else any such person
      let seen = 0;
      for (const m of this.before(before, true)) {
        if (++seen > 2000) break;
        if (isPart(m.entity)) return m.entity;
      }
      const any = this.byPart.get(w);
      if (any && isPart(any)) return any;
      return this.byKey.get(key);
    }
    // "Donald J. Trump" vs "Donald Trump": same first and last word
    return this.byKey.get(key) ?? this.byEnds.get(endsKey(words));
  }

  register(words: string[], kind: EntityKind, extra: Partial<Pick<Entity, 'role' | 'affiliation' | 'gender'>> = {},
    before = Number.POSITIVE_INFINITY): Entity {
    const found = this.lookup(words, before);
    if (found) {
      if (found.kind === 'unknown' && kind !== 'unknown') this.setKind(found, kind);
      if (!found.role && extra.role) found.role = extra.role;
      if (!found.affiliation && extra.affiliation) found.affiliation = extra.affiliation;
      if (!found.gender && extra.gender) found.gender = extra.gender;
      return found;
    }
    const e: Entity = {
      id: this.entities.length,
      name: words.join(' ').replace(/ \./g, '.'),
      words,
      kind: 'unknown',
      role: extra.role ?? null,
      affiliation: extra.affiliation ?? null,
      gender: extra.gender ?? null,
    };
    this.entities.push(e);
    this.byKey.set(normName(words.join(' ')), e);
    this.setKind(e, kind);
    return e;
  }

  /** Sets an entity's kind and, for a person of two or more words, indexes the name's parts. */
  private setKind(e: Entity, kind: EntityKind): void {
    e.kind = kind;
    if (kind !== 'person' || e.words.length < 2) return;
    const first = normName(e.words[0]);
    const last = normName(e.words[e.words.length - 1]);
    this.parts.set(e, [first, last]);
    if (!this.byEnds.has(endsKey(e.words))) this.byEnds.set(endsKey(e.words), e);
    for (const k of [last, first]) if (!this.byPart.has(k)) this.byPart.set(k, e);
  }

  /**
   * Mentions added until endBatch() are held apart and merged in one go: names registered in a
   * second pass over the document (surnames after full names) would otherwise each be inserted
   * in the middle of the list. Lookups meanwhile see the mentions from before the batch.
   */
  beginBatch(): void {
    this.batch = [];
  }

  endBatch(): void {
    const added = (this.batch ?? []).sort((a, b) => a.pos - b.pos);
    this.batch = null;
    const merged: EntityMention[] = [];
    let i = 0;
    let j = 0;
    while (i < this.base.length || j < added.length) {
      const m = j >= added.length || (i < this.base.length && this.base[i].pos <= added[j].pos) ? this.base[i++] : added[j++];
      const prev = merged[merged.length - 1];
      if (prev && prev.pos === m.pos && prev.entity === m.entity) prev.speaker ||= m.speaker;
      else merged.push(m);
    }
    // element by element: spreading a document's worth of mentions as arguments overflows the stack
    this.base.length = 0;
    for (const m of merged) this.base.push(m);
  }

  mention(entity: Entity, pos: number, speaker: boolean): void {
    if (this.batch) {
      this.batch.push({ pos, entity, speaker });
      return;
    }
    for (const list of [this.base, this.extra]) {
      for (let k = lastAtOrBefore(list, pos, true); k >= 0 && list[k].pos === pos; k--) {
        if (list[k].entity === entity) {
          list[k].speaker ||= speaker;
          return;
        }
      }
    }
    // with nothing added up front, `base` is the list; else speakers found while reading go to `extra`
    const list = this.base.length === 0 || pos >= this.base[this.base.length - 1].pos ? this.base : this.extra;
    const i = lastAtOrBefore(list, pos, true) + 1;
    if (i === list.length) list.push({ pos, entity, speaker });
    else list.splice(i, 0, { pos, entity, speaker });
  }

  /** Mentions before a token position (or at it, when `inclusive`), most recent first. */
  *before(pos: number, inclusive = false): Generator<EntityMention> {
    let i = lastAtOrBefore(this.base, pos, inclusive);
    let j = lastAtOrBefore(this.extra, pos, inclusive);
    while (i >= 0 || j >= 0) {
      // at the same position, the later-added (extra) mention first, as a single list would have it
      if (j >= 0 && (i < 0 || this.extra[j].pos >= this.base[i].pos)) yield this.extra[j--];
      else yield this.base[i--];
    }
  }
}

/** Index of the last mention at a position < pos (or <= pos when `inclusive`) in a sorted list, -1 when none. */
function lastAtOrBefore(list: EntityMention[], pos: number, inclusive: boolean): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = list[mid].pos;
    if (p < pos || (inclusive && p === pos)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function endsKey(words: string[]): string {
  return `${normName(words[0])}\u0000${normName(words[words.length - 1])}`;
}
