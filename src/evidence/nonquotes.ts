// Quotation marks that do not mark anyone's words: names of operations, cases and titles, glosses
// ("British exit"), words mentioned as words (the word "pandemic"), text on placards, and scare
// quotes inside a quotation. In news, nearly every other quoted span (even a single word) is quoted.
import { isSentenceStart, type Doc } from './document.ts';
import {
  GLOSS_CUES,
  MENTION_INTRODUCERS,
  BE_FORMS,
  INDEFINITE_GLOSS,
  MENTION_NOUNS,
  PREPOSITIONS_BEFORE_TERMS,
  NAME_DETERMINERS,
  NAME_HEADS,
  NAMING_PARTICIPLES,
  PASSIVE_NAMING,
  SIGN_NOUNS,
  TITLE_FUNCTION_WORDS,
  cueOf,
} from './lexicon.ts';


/** Verbs that give something its name: the committee named the virus "…". */
const GIVING_NAMES = new Set(['named', 'renamed', 'christened', 'names', 'renames']);

export type NonQuoteReason = 'name-or-title' | 'word-as-word' | 'gloss' | 'sign-text' | 'scare-quote-in-quotation' | 'empty' |
  'term-or-scare-quote';

/** Why the span is not a quotation, or null when it is one. */
export function nonQuoteReason(doc: Doc, q: number, nestedHasCue: boolean): NonQuoteReason | null {
  const span = doc.spans[q];
  const { tokens } = doc;
  const open = doc.openTok[q];
  const close = doc.closeTok[q];
  if (open < 0 || close < 0) return 'empty';
  const inner = tokens.slice(open + 1, close).filter((t) => t.quote === q);
  const words = inner.filter((t) => t.kind === 'word' || t.kind === 'num');
  if (words.length === 0) return 'empty';
  if (span.depth > 1) return nestedHasCue ? null : 'scare-quote-in-quotation';

  const before = (n: number) => tokens[open - n];
  const b1 = before(1);
  const b2 = before(2);
  const b3 = before(3);
  // the word "pandemic", the phrase "…", a hashtag "…", the question, "…" — but "called the report
  // "fabricated"": after a naming verb and its object, a lowercase phrase is the characterization
  if (b1 && b1.kind === 'word' && MENTION_NOUNS.has(b1.lower) && !(namingVerbBefore(tokens, open - 2) && !words[0].cap)) {
    return 'word-as-word';
  }
  if ((b1?.text === ',' || b1?.text === ':') && b2?.kind === 'word' && MENTION_NOUNS.has(b2.lower) &&
      b3 && NAME_DETERMINERS.has(b3.lower)) return 'word-as-word';
  // also known as the "Radio Act": a name after "known as" and an article
  if (b1 && NAME_DETERMINERS.has(b1.lower) && b2?.lower === 'as' && b3?.lower === 'known') return 'word-as-word';
  // the so-called "peace plan", a policy known as "strategic patience"
  if (b1 && (b1.lower === 'so-called' || NAMING_PARTICIPLES.has(b1.lower) ||
      (b1.lower === 'as' && b2?.lower === 'known'))) return 'word-as-word';
  if (b1 && b2 && b1.kind === 'word' && MENTION_INTRODUCERS.has(b1.lower) &&
      MENTION_NOUNS.has(b2.lower)) return 'word-as-word';
  // they are called "U.S. nationals", a war referred to as "…": naming in the passive (no agent)
  // (an adverb may stand between: was commonly called "…"; an article after: was called the "…")
  const agent = tokens[close + 1]?.lower === 'by';
  const d = b1 && NAME_DETERMINERS.has(b1.lower) ? 1 : 0;
  const verb = before(1 + d);
  if (!agent && verb && PASSIVE_NAMING.has(verb.lower) && passiveAt(tokens, open - 1 - d)) return 'word-as-word';
  // "is referred to as", not "has referred to as" (someone's characterization)
  if (!agent && b1?.lower === 'as' && b2?.lower === 'to' && b3?.lower === 'referred' && passiveAt(tokens, open - 3)) return 'word-as-word';
  // the virus was named … / X named the virus that causes it "…": naming a thing gives it a name, not words
  if (namedBefore(tokens, open)) return 'name-or-title';
  // a process called "exfiltration", a supposed movie named "…": an article and a noun before the
  // naming verb make it a reduced relative that names, not a speaker's verb
  if (!agent && b1 && b2 && b3 && MENTION_INTRODUCERS.has(b1.lower) && b1.lower !== 'as' && b2.kind === 'word' &&
      !b2.cap && !cueOf(b2.lower) && (NAME_DETERMINERS.has(b3.lower) || (b3.kind === 'word' && !b3.cap &&
      NAME_DETERMINERS.has(before(4)?.lower ?? '')))) return 'word-as-word';
  // nicknamed the "Kim Kardashian of Pakistan": a naming participle before an article
  if (b1 && b2 && NAME_DETERMINERS.has(b1.lower) && (NAMING_PARTICIPLES.has(b2.lower) ||
      (MENTION_INTRODUCERS.has(b2.lower) && b2.lower !== 'as' && b2.lower !== 'called'))) return 'word-as-word';
  // "COVID-19" is the name of the disease: a short quoted term opening a clause as the subject of "be" is
  // talked about, not said (a quotation ends in a comma or a stop before its cue: "We won," he said)
  const lastTok = inner[inner.length - 1];
  const after1 = tokens[close + 1];
  if (words.length <= 4 && isSentenceStart(doc, open) && lastTok.kind !== 'punct' && after1?.kind === 'word' &&
      after1.depth === 0 && BE_FORMS.has(after1.lower) && after1.lower !== "'s" && after1.lower !== '’s') return 'word-as-word';
  // the calculation of "road load", a measurement of …: a short term glossed by an apposition
  const a2 = tokens[close + 2];
  if (words.length <= 3 && tokens[close + 1]?.text === ',' && a2 && INDEFINITE_GLOSS.has(a2.lower) &&
      b1?.kind === 'word' && (PREPOSITIONS_BEFORE_TERMS.has(b1.lower) || NAME_DETERMINERS.has(b1.lower)) &&
      !/[.,!?…;:]$/.test(inner[inner.length - 1].text)) return 'gloss';
  // the "one country, two systems" model: a quoted phrase between a determiner and a classifying noun names it
  const a1 = tokens[close + 1];
  if (b1 && NAME_DETERMINERS.has(b1.lower) && a1?.kind === 'word' && a1.depth === 0 && NAME_HEADS.has(a1.lower)) return 'name-or-title';
  // signs which read "silenced", placards saying "…"
  for (let k = 1; k <= 4; k++) {
    const t = before(k);
    if (!t || t.depth !== 0 || t.para !== tokens[open].para) break;
    if (SIGN_NOUNS.has(t.lower)) return 'sign-text';
    if (t.kind === 'punct' && t.text !== ',') break;
  }
  // glosses: anti-Brexit ("British exit"), Brexit for "British exit", meaning "…"
  const after = tokens[close + 1];
  if (b1?.text === '(' && after?.text === ')' && words.length <= 4) return 'gloss';
  if (b1 && GLOSS_CUES.has(b1.lower) && words.length <= 4 && !cueOf(b2?.lower ?? '')) return 'gloss';
  if (b1?.lower === 'for' && b2?.cap && b2.kind === 'word' && words.length <= 4 && (!b3 || !b3.cap)) return 'gloss';
  if (b1?.lower === 'short' || (b2?.lower === 'short' && b1?.lower === 'for')) return 'gloss';
  if (b1?.lower === 'stands' || (b2?.lower === 'stands' && b1?.lower === 'for')) return 'gloss';
  // a nickname inside a name: Pasquale "Pat" Di Cicco, Earvin "Magic" Johnson
  if (words.length <= 3 && words.every((w) => w.cap) && b1?.kind === 'word' && b1.cap && b1.depth === 0 &&
      a1?.kind === 'word' && a1.cap && a1.depth === 0 && inner[inner.length - 1].kind !== 'punct') return 'name-or-title';
  // a title-case name: "Operation Peace Spring", "Eva Glawischnig-Piesczek vs. Facebook Ireland Limited";
  // a comma inside the closing mark is American punctuation, not the end of an utterance ("Day after Day," so)
  const last = inner[inner.length - 1];
  const endsLikeSpeech = last.kind === 'punct' && /^[.!?…;:]$/.test(last.text) || (last.text === ',' && words.length > 4);
  if (!endsLikeSpeech && words.length >= 2) {
    const content = words.filter((w) => !TITLE_FUNCTION_WORDS.has(w.lower));
    if (content.length > 0 && content.every((w) => w.cap || w.kind === 'num') && words[0].cap) {
      // a quotation attached to a reporting verb is speech even in title case
      const a1 = tokens[close + 1];
      const attached = (a1?.text === ',' && cueOf(tokens[close + 2]?.lower ?? '')) ||
        (b1?.text === ',' || b1?.text === ':') && !!cueOf(b2?.lower ?? '') ||
        (last.text === ',' && cueWithin(tokens, close + 1, 4));
      if (!attached) return 'name-or-title';
    }
  }
  return null;
}

/** Whether the participle at k is passive: a form of "be" before it, past adverbs ("was commonly called"). */
function passiveAt(tokens: Doc['tokens'], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && tokens[j].kind === 'word' && /^[a-z]+ly$/.test(tokens[j].lower)) j--;
  return j >= 0 && BE_FORMS.has(tokens[j].lower);
}

/** An active naming verb (called, described, branded) right before the object phrase ending at k: "called the report". */
function namingVerbBefore(tokens: Doc['tokens'], k: number): boolean {
  for (let j = k; j >= 0 && j > k - 5; j--) {
    const t = tokens[j];
    if (t.depth !== 0 || t.kind !== 'word') return false;
    const cue = cueOf(t.lower);
    if (cue) return cue.cls === 'naming' && !passiveAt(tokens, j);
  }
  return false;
}

/** An active naming verb ("named", "renamed") earlier in the clause, with no punctuation or cue between: X named Y "Z". */
function namedBefore(tokens: Doc['tokens'], open: number): boolean {
  for (let k = open - 1; k >= 0 && k > open - 10; k--) {
    const t = tokens[k];
    if (t.depth !== 0 || t.kind !== 'word') return false;
    if (GIVING_NAMES.has(t.lower)) return !passiveAt(tokens, k);
    if (cueOf(t.lower)) return false;
  }
  return false;
}

/** "Welcome Home," (Mayor X) said: a reporting verb among the next n words of the sentence. */
function cueWithin(tokens: Doc['tokens'], from: number, n: number): boolean {
  for (let k = from; k < from + n && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.depth !== 0 || t.kind !== 'word') return false;
    const cue = t.cap ? undefined : cueOf(t.lower);
    if (cue && cue.cls !== 'naming' && !cue.participle) return true;
  }
  return false;
}
