// Noun phrases around reporting verbs, found without a parser: the subject before a verb
// ("Belgzim Kamberi from the Musine Kokalari Institute told"), the phrase after it ("said the
// minister"), appositions ("Morgan Ortagus, a spokesperson, said") and sentence subjects.
import { isSentenceStart, type Doc } from './document.ts';
import {
  AUX,
  CLAUSE_OPENERS,
  CONJUNCTIONS,
  DOC_NOUNS,
  INDEFINITE_ARTICLES,
  IRREGULAR_PAST,
  NAME_AFFILIATION_LINKS,
  OPENERS,
  PASSIVE_AUX,
  PERSON_ORG_LINKS,
  PSEUDONYM_NOUNS,
  QUANTIFIER_PAIRS,
  RELATIVE_PRONOUNS,
  TIME_WORDS,
  AGENT_SUFFIX,
  DETERMINERS,
  LINKING_PREPOSITIONS,
  NON_NAME_CAPS,
  PARTITIVE_SPEAKERS,
  ORG_NOUNS,
  PREPOSITIONS,
  PRONOUNS,
  SPEAKER_NOUNS,
  SPEAKER_POSTMODIFIERS,
  SUBJECT_PRONOUNS,
  TITLES,
  VERB_ADJUNCTS,
  cueOf,
} from './lexicon.ts';
import { analyzeRun, capRun, type PlaceLookup, type Run } from './people.ts';
import type { Token } from './tokens.ts';

export interface NP {
  first: number;
  /** last token of the phrase proper (without a trailing apposition) */
  last: number;
  /** the token after the whole phrase, appositions included */
  after: number;
  kind: 'pronoun' | 'name' | 'common';
  /** for names: the proper-noun run inside */
  run?: Run;
  /** an apposition or preceding role words */
  role?: string;
  /** "from the X" after a name */
  affiliation?: string;
  /** reached through a relative pronoun on a document noun: "a statement which said" */
  document?: boolean;
}


export class Phrases {
  readonly tokens: Token[];

  constructor(readonly doc: Doc, readonly places: PlaceLookup) {
    this.tokens = doc.tokens;
  }

  startAt = (i: number): boolean => isSentenceStart(this.doc, i);

  /** Token k is a lowercase word that can be a finite verb right after a subject. */
  isFiniteVerb(k: number): boolean {
    const x = this.tokens[k];
    if (!x || x.kind !== 'word' || x.cap || x.depth !== 0) return false;
    if (AUX.has(x.lower) || IRREGULAR_PAST.has(x.lower)) return true;
    if (/[a-z]ed$/.test(x.lower)) return true;
    const cue = cueOf(x.lower);
    if (cue) return !cue.nounLike || !DETERMINERS.has(this.tokens[k - 1]?.lower ?? '');
    // third person present: "Mahan flies", "everything depends"
    return /[^su]s$/.test(x.lower) && x.lower.length > 3 && !PREPOSITIONS.has(x.lower) && !DETERMINERS.has(this.tokens[k - 1]?.lower ?? '');
  }

  /** Whether an auxiliary is among the adjuncts skipped from a to b ("has been in charge": the finite verb is "has"). */
  auxBetween(a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (this.tokens[k].kind === 'word' && !this.tokens[k].cap && AUX.has(this.tokens[k].lower)) return true;
    return false;
  }

  /** A reporting verb used in the passive ("has been reported") speaks for nobody named before it. */
  isPassive(c: number): boolean {
    let k = c - 1;
    while (k >= 0 && this.tokens[k].kind === 'word' && /^[a-z]+ly$/.test(this.tokens[k].lower)) k--;
    const t = this.tokens[k];
    return !!t && t.kind === 'word' && PASSIVE_AUX.has(t.lower) && /(ed|en|id|ld|ld|nd|ht|ten|wn)$/.test(this.tokens[c].lower);
  }

  skipAdjunctsBack(k: number, lo: number): number {
    const { tokens } = this;
    while (k >= lo) {
      const t = tokens[k];
      if (t.kind === 'word' && !t.cap && t.depth === 0 &&
          (VERB_ADJUNCTS.has(t.lower) || (/^[a-z]+ly$/.test(t.lower) && !SPEAKER_NOUNS.has(t.lower)))) {
        k--;
        continue;
      }
      break;
    }
    return k;
  }

  skipAdjunctsFwd(k: number, hi: number): number {
    const { tokens } = this;
    while (k <= hi) {
      const t = tokens[k];
      if (t.kind === 'word' && !t.cap && t.depth === 0 && !cueOf(t.lower) &&
          (VERB_ADJUNCTS.has(t.lower) || /^[a-z]+ly$/.test(t.lower))) {
        k++;
        continue;
      }
      break;
    }
    return k;
  }

  /** Index of the matching opener for a closing ")" or a dash, scanning back within [lo, k). */
  matchingOpener(k: number, lo: number): number {
    const { tokens } = this;
    const t = tokens[k];
    const want = t.text === ')' ? '(' : t.text;
    for (let i = k - 1; i >= lo && i > k - 40; i--) {
      if (tokens[i].depth !== t.depth) continue;
      if (tokens[i].text === want) return i;
      if (want === '(' && tokens[i].text === ')') return -1;
    }
    return -1;
  }

  // ------------------------------------------------------------------ forward

  /** The noun phrase starting at token j (not beyond hi). */
  forward(j: number, hi: number): NP | null {
    const { tokens } = this;
    let t = tokens[j];
    if (!t || j > hi || t.depth !== 0 || (t.kind !== 'word' && t.kind !== 'num')) return null;
    const first = j;
    // at least 71 people, more than 200 members
    if (QUANTIFIER_PAIRS.has(`${t.lower} ${tokens[j + 1]?.lower}`)) {
      j += 2;
      t = tokens[j];
      if (!t || j > hi) return null;
    }
    // one of them, some of the residents: a part of a group
    if (PARTITIVE_SPEAKERS.has(t.lower) && tokens[j + 1]?.lower === 'of' && j + 2 <= hi) {
      const whole = tokens[j + 2].lower === 'them' || tokens[j + 2].lower === 'us' ?
        { first: j + 2, last: j + 2, after: j + 3 } : this.forward(j + 2, hi);
      if (whole) return { first, last: whole.last, after: whole.after, kind: 'common' };
    }
    if (SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'him' || t.lower === 'them' ||
        (t.lower === 'her' && !this.nounAt(j + 1))) {
      return { first: j, last: j, after: j + 1, kind: 'pronoun' };
    }
    const det = DETERMINERS.has(t.lower) && !(t.cap && !this.startAt(j) && !NON_NAME_CAPS.has(t.lower)) ? j : -1;
    const nameAt = det >= 0 ? j + 1 : j;
    const run = nameAt <= hi ? capRun(tokens, nameAt, this.startAt) : null;
    if (run && run.last <= hi) return this.nameForward(first, run, hi);
    return this.commonForward(first, det >= 0 ? j + 1 : j, hi);
  }

  private nounAt(k: number): boolean {
    const t = this.tokens[k];
    return !!t && t.kind === 'word' && !cueOf(t.lower) && !PREPOSITIONS.has(t.lower) && !CONJUNCTIONS.has(t.lower) &&
      !AUX.has(t.lower);
  }

  private nameForward(first: number, run: Run, hi: number): NP {
    const { tokens, doc } = this;
    let last = run.last;
    let affiliation: string | undefined;
    // Syrian Democratic Forces (SDF)
    if (tokens[last + 1]?.text === '(' && tokens[last + 3]?.text === ')' && last + 3 <= hi) last += 3;
    // Erdogan's office, Mahan's director: a possessor before the head noun — unless the run is a person
    // of an organization, whose possessive is the organization's (David Livermore of the University of
    // East Anglia's medical school)
    if ((tokens[last + 1]?.lower === "'s" || tokens[last + 1]?.lower === '’s') && last + 2 <= hi) {
      const org = this.personOfOrg(run);
      if (org) return { first, last, after: last + 1, kind: 'name', run, affiliation: org };
      const head = this.commonForward(first, last + 2, hi);
      if (head) return head;
    }
    // University of California, San Diego's chancellor: a possessor that names its place after a comma
    if (tokens[last + 1]?.text === ',' && last + 2 <= hi) {
      const more = capRun(tokens, last + 2, () => false);
      const poss = more ? tokens[more.last + 1]?.lower : undefined;
      if (more && (poss === "'s" || poss === '’s') && more.last + 2 <= hi) {
        const head = this.commonForward(first, more.last + 2, hi);
        if (head) return head;
      }
    }
    // German officials, the United States government, Saudi state media
    const next = tokens[last + 1];
    if (next && last + 1 <= hi && next.kind === 'word' && !next.cap && next.depth === 0 &&
        (SPEAKER_NOUNS.has(next.lower) || TITLES.has(next.lower))) {
      const head = this.commonForward(first, last + 1, hi);
      if (head) return head;
    }
    // the Amazon rainforest, NATO membership: the name modifies a noun (not "Kamberi emphasizes")
    if (next && last + 1 <= hi && next.kind === 'word' && !next.cap && next.depth === 0 && this.plainNoun(last + 1) &&
        !this.isFiniteVerb(last + 1) && !/[a-z]ly$/.test(next.lower) && !DETERMINERS.has(next.lower)) {
      const head = this.commonForward(first, last + 1, hi);
      if (head) return head;
    }
    // Belgzim Kamberi from the Musine Kokalari Institute for Social Policy
    const link = tokens[last + 1];
    if (link && NAME_AFFILIATION_LINKS.has(link.lower)) {
      let a = last + 2;
      if (tokens[a]?.lower === 'the') a++;
      const r2 = capRun(tokens, a, () => false);
      if (r2 && r2.last <= hi && analyzeRun(doc.text, tokens, r2, this.places).kind === 'organization') {
        affiliation = doc.text.slice(tokens[r2.first].start, tokens[r2.last].end);
        last = r2.last;
      }
    }
    const np: NP = { first, last, after: last + 1, kind: 'name', run, affiliation };
    return this.withApposition(np, hi);
  }

  /** The organization of a run that is a person followed by of/from/at one ("Professor Ann Lee of the Royal Society"), else null. */
  private personOfOrg(run: Run): string | null {
    const { tokens, doc } = this;
    for (let k = run.first + 1; k < run.last; k++) {
      if (tokens[k].kind !== 'word' || !PERSON_ORG_LINKS.has(tokens[k].lower)) continue;
      if (analyzeRun(doc.text, tokens, { first: run.first, last: k - 1 }, this.places).kind !== 'person') return null;
      const a = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
      return doc.text.slice(tokens[a].start, tokens[run.last].end);
    }
    return null;
  }

  /** Name, the minister of X, said … — the apposition is part of the phrase, and a role. */
  private withApposition(np: NP, hi: number): NP {
    const { tokens, doc } = this;
    if (tokens[np.after]?.text !== ',') return np;
    let m = np.after + 1;
    while (m <= hi && m < np.after + 25 && tokens[m].text !== ',' && tokens[m].depth === 0 &&
      !(tokens[m].kind === 'punct' && /^[.;:!?]$/.test(tokens[m].text))) m++;
    if (m > hi || tokens[m]?.text !== ',' || m <= np.after + 1) return np;
    const v = this.skipAdjunctsFwd(m + 1, hi);
    if (!this.isFiniteVerb(v) && !cueOf(tokens[v]?.lower ?? '') && !this.auxBetween(m + 1, v)) return np;
    const segFirst = np.after + 1;
    if (RELATIVE_PRONOUNS.has(tokens[segFirst].lower)) {
      return { ...np, after: m + 1 };
    }
    // "a Republican, Mark Amodei, has…": the person is the apposition, the phrase before is the role
    if (np.first < (np.run?.first ?? np.first) && INDEFINITE_ARTICLES.has(tokens[np.first].lower)) {
      const run = capRun(tokens, segFirst, () => false);
      if (run && run.last === m - 1 && analyzeRun(doc.text, tokens, run, this.places).kind === 'person') {
        return { first: run.first, last: run.last, after: m + 1, kind: 'name', run, role: doc.text.slice(tokens[np.first].start, tokens[np.last].end) };
      }
    }
    return { ...np, after: m + 1, role: np.role ?? doc.text.slice(tokens[segFirst].start, tokens[m - 1].end) };
  }

  private commonForward(first: number, k: number, hi: number): NP | null {
    const { tokens, doc } = this;
    // the chairwoman Petra Lind, energy minister Yuval Steinitz: role words, then the name
    let r = k;
    while (r <= hi && r < k + 4 && tokens[r].kind === 'word' && !tokens[r].cap && TITLES.has(tokens[r].lower)) r++;
    if (r > k && r <= hi) {
      const run = capRun(tokens, r, () => false);
      if (run && run.last <= hi && analyzeRun(doc.text, tokens, run, this.places).kind !== 'organization') {
        const named = this.nameForward(r, run, hi);
        if (named.kind === 'name') {
          return { ...named, role: named.role ?? doc.text.slice(tokens[first].start, tokens[r - 1].end) };
        }
      }
    }
    // lead author Professor David Livermore, study co-author Karen Alley: describing nouns, then a person
    let d = k;
    while (d <= hi && d < k + 3 && tokens[d].kind === 'word' && !tokens[d].cap && tokens[d].depth === 0 &&
      this.plainNoun(d) && !DETERMINERS.has(tokens[d].lower) && !/[a-z](ed|ing|ly)$/.test(tokens[d].lower)) d++;
    if (d > k && d <= hi) {
      const run = capRun(tokens, d, () => false);
      if (run && run.last <= hi && analyzeRun(doc.text, tokens, run, this.places).kind === 'person') {
        const named = this.nameForward(d, run, hi);
        if (named.kind === 'name') {
          return { ...named, role: named.role ?? doc.text.slice(tokens[first].start, tokens[d - 1].end) };
        }
      }
    }
    let last = k - 1;
    let n = 0;
    while (k <= hi && n < 8) {
      const x = tokens[k];
      if (x.depth !== 0) break;
      if (x.text === '(') {
        // hundreds of ISIS (Islamic State of Iraq and Syria) fighters
        let c = k + 1;
        while (c <= hi && c < k + 12 && tokens[c].text !== ')' && tokens[c].depth === 0) c++;
        if (tokens[c]?.text !== ')') break;
        last = c;
        k = c + 1;
        continue;
      }
      if (x.kind === 'word' && (x.lower === "'s" || x.lower === '’s')) {
        k++;
        continue;
      }
      if (x.kind === 'word' && LINKING_PREPOSITIONS.has(x.lower) && n > 0) {
        let a = k + 1;
        if (tokens[a] && DETERMINERS.has(tokens[a].lower)) a++;
        const r = capRun(tokens, a, () => false);
        if (r && r.last <= hi) {
          last = r.last;
          k = r.last + 1;
          n++;
          continue;
        }
        if (a <= hi && this.plainNoun(a)) {
          last = a;
          k = a + 1;
          n++;
          continue;
        }
        break;
      }
      if (n > 0 && x.kind === 'word' && !x.cap && (DETERMINERS.has(x.lower) || /[a-z]ed$/.test(x.lower) ||
          IRREGULAR_PAST.has(x.lower) || /[a-z]ing$/.test(x.lower))) break;
      // the 45-year-old lawyer: a number joined by a hyphen to the word after it
      if (x.kind === 'num' && (tokens[k + 1]?.text === '-' || tokens[k + 1]?.text === '–') && k + 2 <= hi &&
          tokens[k + 2].kind === 'word' && !tokens[k + 2].cap && tokens[k + 2].depth === 0) {
        last = k + 2;
        k += 3;
        n++;
        continue;
      }
      // "the reports", "his comments", "a statement's": a noun-like reporting verb right after a determiner or a possessive is the noun
      const prev = tokens[k - 1]?.lower ?? '';
      const nounCue = x.kind === 'word' && !x.cap && !!cueOf(x.lower)?.nounLike && k > first &&
        (DETERMINERS.has(prev) || prev === "'s" || prev === '’s');
      if (x.kind === 'num' || (x.kind === 'word' && this.plainNoun(k)) || nounCue) {
        last = k;
        k++;
        n++;
        continue;
      }
      break;
    }
    if (n === 0 || last < first) return null;
    // a person familiar with the matter: the speaker noun heads, the adjective's phrase follows it
    const post = this.postModified(last, first);
    if (post >= 0 && PREPOSITIONS.has(tokens[last + 1]?.lower ?? '') || tokens[last + 1]?.lower === 'to' && post >= 0) {
      const obj = this.forward(last + 2, hi);
      if (obj) return { first, last: post, after: obj.after, kind: 'common' };
    }
    const np: NP = { first, last, after: last + 1, kind: 'common' };
    return this.namedAs(np, hi) ?? this.commonApposition(np, hi);
  }

  /** The speaker noun before a post-modifying adjective ending the phrase at `last` (a source close), or -1. */
  private postModified(last: number, first: number): number {
    const { tokens } = this;
    return last > first && SPEAKER_POSTMODIFIERS.has(tokens[last].lower) && SPEAKER_NOUNS.has(tokens[last - 1].lower) ? last - 1 : -1;
  }

  private plainNoun(k: number): boolean {
    const x = this.tokens[k];
    return x.kind === 'word' && !PREPOSITIONS.has(x.lower) && !CONJUNCTIONS.has(x.lower) && !AUX.has(x.lower) &&
      !VERB_ADJUNCTS.has(x.lower) && !cueOf(x.lower) && x.lower !== 'to' && !PRONOUNS.has(x.lower) &&
      !(x.cap && NON_NAME_CAPS.has(x.lower) && !TIME_WORDS.has(x.lower));
  }

  /** "a protester using the pseudonym Katya", "a man named X", "an official identified as X" */
  private namedAs(np: NP, hi: number): NP | null {
    const { tokens, doc } = this;
    let k = np.after;
    const w = (i: number) => tokens[i]?.lower ?? '';
    if (w(k) === 'named' || w(k) === 'called') k += 1;
    else if ((w(k) === 'identified' || w(k) === 'known') && w(k + 1) === 'as') k += 2;
    else if ((w(k) === 'using' || w(k) === 'under') && (w(k + 1) === 'the' || w(k + 1) === 'a') &&
      PSEUDONYM_NOUNS.has(w(k + 2))) k += 3;
    else return null;
    const run = capRun(tokens, k, () => false);
    if (!run || run.last > hi) return null;
    const role = doc.text.slice(tokens[np.first].start, tokens[np.last].end);
    return { first: run.first, last: run.last, after: run.last + 1, kind: 'name', run, role };
  }

  /** the government's lawyer, Richard Keen — the name is the speaker, the phrase its role */
  private commonApposition(np: NP, hi: number): NP {
    const { tokens, doc } = this;
    if (tokens[np.after]?.text !== ',') return np;
    const run = capRun(tokens, np.after + 1, () => false);
    if (!run || run.last > hi) return np;
    const end = tokens[run.last + 1];
    const closes = !end || run.last + 1 > hi || end.text === ',' || end.text === '.';
    if (!closes) return np;
    const parts = analyzeRun(doc.text, tokens, run, this.places);
    if (parts.kind !== 'person') return np;
    const role = doc.text.slice(tokens[np.first].start, tokens[np.last].end);
    const after = end && end.text === ',' && run.last + 1 <= hi ? run.last + 2 : run.last + 1;
    return { first: run.first, last: run.last, after, kind: 'name', run, role };
  }

  // ------------------------------------------------------------------ backward

  /** The noun phrase ending at token k: the subject of a verb right after it. */
  backward(k: number, lo: number, relative = false): NP | null {
    const { tokens, doc } = this;
    if (k < lo) return null;
    const t = tokens[k];
    if (t.kind === 'qclose' && t.depth === 1) return this.quotedAffiliationBack(k, lo);
    if (t.depth !== 0) return null;
    const last = k;
    if (t.text === ')') {
      const o = this.matchingOpener(k, lo);
      if (o < 0) return null;
      const inner = this.backward(o - 1, lo);
      return inner ? { ...inner, last, after: last + 1 } : null;
    }
    if (t.kind === 'word' && (t.lower === 'who' || t.lower === 'which' || t.lower === 'that')) {
      if (t.lower === 'that') return null;
      const a = tokens[k - 1]?.text === ',' ? k - 2 : k - 1;
      // the antecedent of "who" speaks even as the object of a preposition: drafted by X, who said
      const ante = this.backward(a, lo, true);
      if (ante && ante.kind === 'common' && DOC_NOUNS.has(tokens[ante.last].lower)) return { ...ante, document: true };
      return ante;
    }
    if (t.text === ',') return this.appositionBack(k, lo);
    if (t.kind === 'word' && SUBJECT_PRONOUNS.has(t.lower)) return { first: k, last: k, after: k + 1, kind: 'pronoun' };
    if ((t.kind === 'word' && t.cap && t.lower !== "'s") || t.kind === 'num') {
      let best: Run | null = null;
      for (let p = Math.max(lo, k - 14); p <= k; p++) {
        const r = capRun(tokens, p, this.startAt);
        if (r && r.last === k) {
          best = r;
          break;
        }
      }
      if (best) {
        let first = best.first;
        let role: string | undefined;
        const rs = this.roleStart(first, lo);
        if (rs !== null) {
          role = doc.text.slice(tokens[rs].start, tokens[first - 1].end);
          first = rs;
        }
        if (first - 1 >= lo && DETERMINERS.has(tokens[first - 1].lower)) first--;
        const link = tokens[first - 1];
        // a person set off from an organization by a comma: Anderson Cooper, of CNN, (one of …,) stated
        if (link && first - 3 >= lo && PERSON_ORG_LINKS.has(link.lower) && tokens[first - 2].text === ',') {
          const head = this.backward(first - 3, lo);
          if (head && head.kind === 'name' && head.run &&
              analyzeRun(doc.text, tokens, head.run, this.places).kind === 'person') {
            const affiliation = doc.text.slice(tokens[best.first].start, tokens[best.last].end);
            return { ...head, last, after: last + 1, affiliation: head.affiliation ?? affiliation };
          }
        }
        // a person from an organization: Belgzim Kamberi from the Musine Kokalari Institute
        if (link && first - 2 >= lo && PERSON_ORG_LINKS.has(link.lower)) {
          // (also as the object of the absolute "with": with Ivo Pell of Tarn calling it …)
          const head = this.backward(first - 2, lo) ?? this.absoluteObject(first - 2, lo);
          if (head && head.kind !== 'pronoun') {
            const affiliation = doc.text.slice(tokens[best.first].start, tokens[best.last].end);
            return { ...head, last, after: last + 1, affiliation: head.affiliation ?? affiliation };
          }
        }
        // the same with words describing the organization: Arnel dela Vega of the army's Western Mindanao
        // Command, Peter Iseley of worldwide victim group Ending Clergy Abuse — the person is the subject
        const described = this.describedAffiliation(first, lo);
        if (described >= 0) {
          const head = this.backward(described - 1, lo);
          if (head && (head.kind === 'name' || this.speakerHead(head))) {
            const affiliation = doc.text.slice(tokens[best.first].start, tokens[best.last].end);
            return { ...head, last, after: last + 1, affiliation: head.affiliation ?? affiliation };
          }
        }
        // a source within the Interior Ministry, officials inside the agency: the speaker noun before the preposition
        if (link && first - 2 >= lo && link.kind === 'word' && INSIDE_LINKS.has(link.lower)) {
          const head = this.backward(first - 2, lo);
          if (head && this.speakerHead(head)) {
            const affiliation = doc.text.slice(tokens[best.first].start, tokens[best.last].end);
            return { ...head, last, after: last + 1, affiliation: head.affiliation ?? affiliation };
          }
        }
        // the object of a preposition is not a subject ("contributor to Slate wrote"), unless the run
        // is a titled person ("Ambassador to the United Nations Nikki Haley")
        if (!relative && link && first - 1 >= lo && link.kind === 'word' && PREPOSITIONS.has(link.lower) && link.lower !== 'of' &&
            analyzeRun(doc.text, tokens, best, this.places).name.first === best.first) {
          return null;
        }
        return { first, last, after: last + 1, kind: 'name', run: best, role };
      }
      if (t.kind === 'num') return null;
    }
    if (t.kind !== 'word') return null;
    // "A source close to the talks said": from the end of the adjective's phrase, the speaker noun before it
    if (!relative && t.kind === 'word' && !t.cap) {
      for (let p = k - 1; p >= lo && p > k - 8; p--) {
        const x = tokens[p];
        if (x.depth !== 0 || x.kind === 'punct') break;
        if ((PREPOSITIONS.has(x.lower) || x.lower === 'to') && SPEAKER_POSTMODIFIERS.has(tokens[p - 1]?.lower ?? '') &&
            SPEAKER_NOUNS.has(tokens[p - 2]?.lower ?? '') && p - 2 >= lo) {
          const head = this.backward(p - 2, lo, true);
          if (head && head.kind !== 'pronoun') return { ...head, after: k + 1 };
        }
      }
    }
    // a common noun phrase: some of the protesters, state media, Johnson's critics
    let first = k;
    let count = 1;
    while (first - 1 >= lo && count < 7) {
      const p = tokens[first - 1];
      if (p.depth !== 0) break;
      if (p.kind === 'word' && DETERMINERS.has(p.lower)) {
        first--;
        // "some of the protesters", "a spokesman for the ministry": the phrase goes on before the link
        const link = tokens[first - 1];
        const head = tokens[first - 2];
        if (link && head && first - 2 >= lo && head.kind === 'word' && PERSON_ORG_LINKS.has(link.lower) &&
            (DETERMINERS.has(head.lower) || SPEAKER_NOUNS.has(head.lower) || TITLES.has(head.lower))) {
          first -= 2;
          count++;
          if (DETERMINERS.has(head.lower)) {
            if (first - 1 >= lo && DETERMINERS.has(tokens[first - 1].lower)) first--;
            break;
          }
          continue;
        }
        break;
      }
      if (p.kind === 'word' && (p.lower === "'s" || p.lower === '’s')) {
        first--;
        continue;
      }
      if (p.kind === 'word' && p.lower === 'of' && first - 2 >= lo && SPEAKER_NOUNS.has(tokens[first - 2].lower)) {
        first -= 2;
        count++;
        continue;
      }
      if (p.kind === 'num' || (p.kind === 'word' && !PREPOSITIONS.has(p.lower) && !CONJUNCTIONS.has(p.lower) &&
          !AUX.has(p.lower) && !PRONOUNS.has(p.lower) && !VERB_ADJUNCTS.has(p.lower) && !cueOf(p.lower) &&
          p.lower !== 'to' && !(p.cap && this.startAt(first - 1) && isOpener(p.lower)))) {
        first--;
        count++;
        continue;
      }
      break;
    }
    return { first, last, after: last + 1, kind: 'common' };
  }

  /**
   * A person of an organization whose name is in quotation marks: Rosa Vint of "Safe Homes" (told …).
   * The quoted name (a few capitalized words, no sentence punctuation) ends at the closing mark k.
   */
  private quotedAffiliationBack(k: number, lo: number): NP | null {
    const { tokens, doc } = this;
    const open = doc.openTok[tokens[k].quote];
    if (open === undefined || open <= lo + 1 || k - open > 8) return null;
    const inner = tokens.slice(open + 1, k);
    if (inner.length === 0 || !inner[0].cap || inner.some((x) => x.kind === 'punct' && /^[.,;:!?…]$/.test(x.text))) return null;
    const link = tokens[open - 1];
    if (link.kind !== 'word' || !PERSON_ORG_LINKS.has(link.lower)) return null;
    const head = this.backward(open - 2, lo);
    if (!head || head.kind !== 'name' || !head.run || analyzeRun(doc.text, tokens, head.run, this.places).kind !== 'person') return null;
    const affiliation = doc.text.slice(tokens[open + 1].start, tokens[k - 1].end);
    return { ...head, last: k, after: k + 1, affiliation: head.affiliation ?? affiliation };
  }

  /** The name ending at k when "with"/"without" governs it (the subject of an absolute participle clause). */
  private absoluteObject(k: number, lo: number): NP | null {
    const np = this.backward(k, lo, true);
    const w = np ? this.tokens[np.first - 1]?.lower : undefined;
    return np && np.kind === 'name' && (w === 'with' || w === 'without') ? np : null;
  }

  /** A common phrase headed by a noun for people who speak ("a source", "senior officials"; not an office or a statement). */
  private speakerHead(np: NP): boolean {
    const head = this.tokens[np.last].lower;
    return np.kind === 'common' && SPEAKER_NOUNS.has(head) && !ORG_NOUNS.has(head) && !DOC_NOUNS.has(head);
  }

  /** The link token (of/from/at/for) before a few lowercase describing words ending right before `first`, or -1. */
  private describedAffiliation(first: number, lo: number): number {
    const { tokens } = this;
    let k = first - 1;
    for (let n = 0; n < 4 && k > lo; n++, k--) {
      const t = tokens[k];
      if (t.depth !== 0 || t.kind !== 'word') return -1;
      // a named possessor among the describing words: of the UK's National Crime Agency
      if (t.cap) {
        const poss = tokens[k + 1]?.lower;
        if (poss !== "'s" && poss !== '’s') return -1;
        while (k - 1 > lo && tokens[k - 1].cap && tokens[k - 1].kind === 'word' && tokens[k - 1].depth === 0) k--;
        continue;
      }
      if (PERSON_ORG_LINKS.has(t.lower) || INSIDE_LINKS.has(t.lower)) return n > 0 ? k : -1;
      const describing = DETERMINERS.has(t.lower) || t.lower === "'s" || t.lower === '’s' ||
        !(PREPOSITIONS.has(t.lower) || CONJUNCTIONS.has(t.lower) || AUX.has(t.lower) || PRONOUNS.has(t.lower) ||
          VERB_ADJUNCTS.has(t.lower) || cueOf(t.lower) || t.lower === 'to');
      if (!describing) return -1;
    }
    const w = tokens[k]?.lower ?? '';
    return (PERSON_ORG_LINKS.has(w) || INSIDE_LINKS.has(w)) && k < first - 1 ? k : -1;
  }

  /** Lowercase titles right before a name: "the Greek prime minister Kyriakos Mitsotakis". */
  roleStart(first: number, lo = 0): number | null {
    const { tokens } = this;
    let k = first - 1;
    let got = 0;
    while (k >= lo && got < 4) {
      const t = tokens[k];
      if (t.kind !== 'word' || t.depth !== 0) break;
      if (!t.cap && (TITLES.has(t.lower) || (SPEAKER_NOUNS.has(t.lower) && AGENT_SUFFIX.test(t.lower)))) {
        k--;
        got++;
        continue;
      }
      if (got > 0 && t.cap && !this.startAt(k)) {
        k--;
        got++;
        continue;
      }
      break;
    }
    return got === 0 ? null : k + 1;
  }

  /** SUBJECT, APPOSITION, CUE — the subject is before the apposition (or is it, when it is a name). */
  private appositionBack(k: number, lo: number): NP | null {
    const { tokens, doc } = this;
    let m = k - 1;
    while (m >= lo && m > k - 30 && !(tokens[m].text === ',' && tokens[m].depth === 0)) {
      if (tokens[m].depth > 0) return null;
      m--;
    }
    if (m < lo || tokens[m].text !== ',') return null;
    const seg = tokens[m + 1];
    if (!seg) return null;
    // Rep. Tom Ellis, R-Ohio, who chairs …, said; Sen. Ann Lee, D-N.Y., said: a party and state designation
    // (American style) is no one's name; the person is before it
    if (isDesignation(tokens, m + 1, k - 1)) {
      const np = this.backward(m - 1, lo);
      return np ? { ...np, after: k + 1 } : null;
    }
    // Anna Lind, 52, from Oslo, said: an age apposition (or a party designation) before this one
    if ((tokens[m - 1]?.kind === 'num' || isDesignation(tokens, m - 1, m - 1) || isDesignation(tokens, m - 2, m - 1)) &&
        m - 3 >= lo) {
      const c = tokens[m - 2]?.text === ',' ? m - 2 : m - 3;
      const np = tokens[c]?.text === ',' ? this.backward(c - 1, lo) : null;
      if (np && np.kind === 'name') return { ...np, after: k + 1 };
    }
    if (tokens[m - 1]?.kind === 'num' && tokens[m - 2]?.text === ',' && m - 3 >= lo) {
      const np = this.backward(m - 3, lo);
      if (np && np.kind === 'name') return { ...np, after: k + 1 };
    }
    if (RELATIVE_PRONOUNS.has(seg.lower) || seg.kind === 'num' || /^[a-z]+ing$/.test(seg.text)) {
      const np = this.backward(m - 1, lo);
      return np ? { ...np, after: k + 1 } : null;
    }
    const run = capRun(tokens, m + 1, this.startAt);
    if (run && run.last === k - 1) {
      const parts = analyzeRun(doc.text, tokens, run, this.places);
      if (parts.kind === 'person') {
        const before = this.backward(m - 1, lo);
        const role = before ? doc.text.slice(tokens[before.first].start, tokens[before.last].end) : undefined;
        return { first: m + 1, last: k - 1, after: k + 1, kind: 'name', run, role };
      }
    }
    const head = this.backward(m - 1, lo);
    if (!head || head.kind === 'pronoun') return null;
    const role = doc.text.slice(tokens[m + 1].start, tokens[k - 1].end);
    return { ...head, after: k + 1, role: head.role ?? role };
  }

  // ------------------------------------------------------------------ sentence subject

  /** After the preposition at p and its object (and a reflexive: "in the filing itself"), a subject with its finite verb. */
  private afterPhrase(p: number, hi: number): NP | null {
    const { tokens } = this;
    const obj = this.forward(p + 1, hi);
    if (!obj || obj.kind === 'pronoun') return null;
    let i = obj.after;
    while (tokens[i]?.kind === 'word' && REFLEXIVES.has(tokens[i].lower)) i++;
    const np = this.forward(i, hi);
    return np && this.isFiniteVerb(this.skipAdjunctsFwd(np.after, hi)) ? np : null;
  }

  /**
   * The subject of a sentence's main clause, after openers like "On Monday," or "But". `loose` also
   * reads past a prepositional phrase without a comma and takes an auxiliary as the finite verb — for
   * the main clause of a participle cue, where a subject is expected; weaker rules keep the strict form.
   */
  subject(si: number, loose = false): NP | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    let i = s.first;
    if (tokens[i].kind === 'qopen') return null;
    for (let guard = 0; guard < 3; guard++) {
      const t = tokens[i];
      if (!t || i > s.last) return null;
      if (t.kind === 'word' && OPENERS.has(t.lower)) {
        i++;
        if (tokens[i]?.text === ',') i++;
        continue;
      }
      // "Speaking in Oslo, …" opens with a participle; "Boeing refused", "Beijing said" open with their subject
      const participle = /ing$/.test(t.lower) && !this.isFiniteVerb(i + 1) && !AUX.has(tokens[i + 1]?.lower ?? '');
      const opener = t.kind === 'word' && (PREPOSITIONS.has(t.lower) || participle || isOpener(t.lower));
      if (opener) {
        // "In the filing the firm wrote, …": a short prepositional phrase without a comma, then the subject
        const direct = loose && PREPOSITIONS.has(t.lower) ? this.afterPhrase(i, s.last) : null;
        if (direct) return direct;
        let k = i + 1;
        while (k <= s.last && k < i + 30 && !(tokens[k].text === ',' && tokens[k].depth === 0)) k++;
        if (k > s.last || tokens[k].text !== ',') return null;
        i = k + 1;
        continue;
      }
      break;
    }
    const np = this.forward(i, s.last);
    if (!np) return null;
    const v = this.skipAdjunctsFwd(np.after, s.last);
    // "Roth has yet to concede": an auxiliary right after the phrase is its finite verb
    if (!this.isFiniteVerb(v) && !(loose && AUX.has(tokens[np.after]?.lower ?? '')) && !this.auxBetween(np.after, v)) {
      // "Jennifer Daskal of American University and contributor to Slate wrote": a coordinated description
      if (np.kind === 'name' && tokens[np.after]?.lower === 'and') {
        for (let k = np.after + 1; k <= Math.min(s.last, np.after + 8); k++) {
          if (tokens[k].depth !== 0 || tokens[k].kind === 'punct') break;
          if (cueOf(tokens[k].lower) && !tokens[k].cap) return np;
        }
      }
      return null;
    }
    return np;
  }
}


/** Reflexives after a phrase that emphasize it: "in the filing itself". */
const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves']);

/** Prepositions that place a speaker inside an organization: a source within the ministry. */
const INSIDE_LINKS = new Set(['within', 'inside', 'in']);

/** A party and state designation between first and last (D-N.Y., R-Ohio, D-Calif.): American news style. */
export function isDesignation(tokens: Token[], first: number, last: number): boolean {
  const t = tokens[first];
  if (!t || t.kind !== 'word' || !/^[DRI]-\p{Lu}/u.test(t.text)) return false;
  return last === first || (last === first + 1 && tokens[last].text === '.' && tokens[last].start === t.end);
}

export function isOpener(lower: string): boolean {
  return OPENERS.has(lower) || CLAUSE_OPENERS.has(lower);
}
