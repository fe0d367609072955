// Quotations and reported statements, and who made them. Rules in precision order, after the
// sieve designs of GenderGapTracker and Muzny et al. (EVIDENCE-NOTES §5):
//   "…," SPEAKER CUE / "…," CUE SPEAKER        quote-trailing, quote-trailing-inverted
//   SPEAKER CUE[,:] "…" / SPEAKER CUE … "…"    cue-before-quote, cue-in-sentence
//   according to SPEAKER, …                   according-to
//   … "…" …, SPEAKER CUE.                     sentence-final-cue
//   SPEAKER CUE [ADDRESSEE] [PP] that CLAUSE  indirect-that, indirect-bare
//   CLAUSE, SPEAKER CUE [ADDRESSEE].          indirect-postposed
//   a quotation standing alone continues the previous speaker   floating-quote
// Pronouns, surnames and role nouns resolve through the document's registry of people.
import type { Doc } from './document.ts';
import {
  BARE_CLAUSE_LEMMAS,
  COMPOUND_MODIFIERS,
  CONJUNCTIONS,
  cueOf,
  DETERMINERS,
  INTERVIEWEE_NOUNS,
  OBJECT_THEN_THAT,
  ORG_NOUNS,
  PP_STARTS,
  PREPOSITIONS,
  SPEAKER_NOUNS,
  SUBJECT_PRONOUNS,
  TEMPORAL_WORDS,
  TITLES,
  VERB_ADJUNCTS,
  type Cue,
} from './lexicon.ts';
import { nonQuoteReason, type NonQuoteReason } from './nonquotes.ts';
import { Registry, analyzeRun, capRun, type Entity, type EntityKind, type PlaceLookup, type Run } from './people.ts';
import { AGENT_SUFFIX, AUX, DOC_NOUNS, OPENERS, Phrases, type NP } from './phrases.ts';
import type { Token } from './tokens.ts';
import type { Speaker, Span } from './types.ts';

export interface Statement {
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
  cue: Span | null;
  speaker: Speaker | null;
  confidence: number;
  rule: string;
  /** the quotation span index for direct quotes, -1 for indirect statements */
  span: number;
}

interface Attribution {
  speaker: Speaker;
  entity: Entity | null;
  /** first and last token of the cue ("according to" has two) */
  cue: number | null;
  cueLast?: number;
  confidence: number;
  rule: string;
}

const TERMINAL = /^[.!?…]$|^\.\.\.$/;
/** How far (in tokens) a rule looks for a cue or a clause end; keeps run-on "sentences" linear. */
const SCAN_LIMIT = 150;

export interface AttributionResult {
  statements: Statement[];
  nonQuotes: Array<{ span: number; reason: NonQuoteReason }>;
  registry: Registry;
}

export function attribute(doc: Doc, places: PlaceLookup): AttributionResult {
  return new Attributor(doc, places).run();
}

class Attributor {
  private readonly tokens: Token[];
  private readonly np: Phrases;
  private readonly registry = new Registry();
  private readonly bySpan = new Map<number, Attribution>();
  private readonly isQuotation: boolean[];
  private readonly nonQuotes: Array<{ span: number; reason: NonQuoteReason }> = [];
  private readonly statements: Statement[] = [];
  /** resolved reporting verbs: cue token → attribution (null when the verb has no usable subject) */
  private readonly frames = new Map<number, Attribution | null>();
  private readonly finalCue = new Map<number, { np: NP; cue: number; comma: number } | null>();
  private lastDirect: { para: number; sentence: number; att: Attribution } | null = null;

  constructor(private readonly doc: Doc, private readonly places: PlaceLookup) {
    this.tokens = doc.tokens;
    this.np = new Phrases(doc, places);
    this.isQuotation = doc.spans.map(() => false);
  }

  run(): AttributionResult {
    this.classifyTopLevel();
    this.collectNames();
    for (let s = 0; s < this.doc.sentences.length; s++) this.sentence(s);
    this.nested();
    this.statements.sort((a, b) => a.start - b.start || a.end - b.end);
    return { statements: this.statements, nonQuotes: this.nonQuotes, registry: this.registry };
  }

  // ---------------------------------------------------------------- setup

  private classifyTopLevel(): void {
    this.doc.spans.forEach((span, q) => {
      if (span.depth > 1) return;
      const reason = nonQuoteReason(this.doc, q, false);
      if (reason) this.nonQuotes.push({ span: q, reason });
      else this.isQuotation[q] = true;
    });
  }

  /** Registers every proper name in the narrative, with the roles and affiliations the text gives. */
  private collectNames(): void {
    const { tokens } = this;
    const runs: Run[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].depth !== 0 || tokens[i].kind === 'punct') continue;
      const run = capRun(tokens, i, this.np.startAt);
      if (!run) continue;
      runs.push(run);
      i = run.last;
    }
    // full names first, so a surname met earlier (in a headline) still resolves to the full name
    for (const r of runs) if (r.last > r.first) this.registerRun(r, false);
    this.registry.beginBatch();
    for (const r of runs) if (r.last === r.first) this.registerRun(r, false);
    this.registry.endBatch();
  }

  private registerRun(run: Run, speaker: boolean, np?: NP): { entity: Entity; name: Run } {
    const { tokens } = this;
    const parts = analyzeRun(this.doc.text, tokens, run, this.places);
    const words: string[] = [];
    for (let k = parts.name.first; k <= parts.name.last; k++) if (tokens[k].kind !== 'punct') words.push(tokens[k].text);
    let role = parts.role ?? np?.role ?? this.roleBefore(run.first) ?? this.appositionAfter(run.last);
    const affiliation = parts.affiliation ?? np?.affiliation ?? this.affiliationAfter(run.last);
    if (role) role = role.replace(/^(the|a|an)\s+/i, '');
    // Mr., Ms. and the like say something about gender, not about a role
    if (role && /^(mr|mrs|ms|miss|mx)\.?$/i.test(role)) role = null;
    const gender = parts.gender ?? genderOfRole(role);
    const entity = this.registry.register(words, parts.kind, { role, affiliation, gender }, parts.name.first);
    this.registry.mention(entity, parts.name.first, speaker);
    return { entity, name: parts.name };
  }

  private roleBefore(first: number): string | null {
    const k = this.np.roleStart(first);
    return k === null ? null : this.doc.text.slice(this.tokens[k].start, this.tokens[first - 1].end);
  }

  /** "Agnès Callamard, a UN rapporteur for …, cautioned" → "a UN rapporteur for …" */
  private appositionAfter(last: number): string | null {
    const { tokens } = this;
    if (tokens[last + 1]?.text !== ',') return null;
    const a = last + 2;
    const first = tokens[a];
    if (!first || first.depth !== 0 || first.kind !== 'word') return null;
    if (!(first.lower === 'a' || first.lower === 'an' || first.lower === 'the' ||
        (!first.cap && (TITLES.has(first.lower) || SPEAKER_NOUNS.has(first.lower))))) return null;
    let end = a;
    for (let k = a; k < Math.min(tokens.length, a + 25); k++) {
      const t = tokens[k];
      if (t.depth !== 0 || t.para !== first.para) break;
      if (t.text === ',' || t.text === ';' || t.text === '.' || t.lower === 'who' || t.lower === 'which') break;
      if (t.kind === 'word' && !t.cap && cueOf(t.lower) && !cueOf(t.lower)!.nounLike) return null;
      end = k;
    }
    if (end < a + 1) return null;
    return this.doc.text.slice(tokens[a].start, tokens[end].end);
  }

  /** "Belgzim Kamberi from the Musine Kokalari Institute for Social Policy" → the institute */
  private affiliationAfter(last: number): string | null {
    const { tokens } = this;
    const link = tokens[last + 1];
    if (!link || !/^(from|of|at|with)$/.test(link.lower)) return null;
    let a = last + 2;
    if (tokens[a]?.lower === 'the') a++;
    const run = capRun(tokens, a, () => false);
    if (!run) return null;
    if (analyzeRun(this.doc.text, tokens, run, this.places).kind !== 'organization') return null;
    return this.doc.text.slice(tokens[run.first].start, tokens[run.last].end);
  }

  // ---------------------------------------------------------------- per sentence

  private sentence(si: number): void {
    const s = this.doc.sentences[si];
    const { tokens } = this;
    for (let i = s.first; i <= s.last; i++) {
      const t = tokens[i];
      if (t.kind !== 'qopen' || t.depth !== 1 || this.doc.openTok[t.quote] !== i) continue;
      if (!this.isQuotation[t.quote]) continue;
      this.emitDirect(t.quote, this.attributeDirect(t.quote, si));
    }
    this.indirect(si);
  }

  private emitDirect(q: number, att: Attribution | null): void {
    const span = this.doc.spans[q];
    const open = this.doc.openTok[q];
    if (att) {
      this.bySpan.set(q, att);
      this.lastDirect = { para: this.tokens[open].para, sentence: this.doc.sentOf[open], att };
      if (att.entity) this.registry.mention(att.entity, att.cue ?? open, true);
    }
    const [start, end] = trimSpan(this.doc.text, span.start, span.end);
    this.statements.push({
      kind: 'direct',
      start,
      end,
      cue: att && att.cue !== null ? this.span(att.cue, att.cueLast ?? att.cue) : null,
      speaker: att?.speaker ?? null,
      confidence: att ? round(att.confidence) : 0.5,
      rule: att ? att.rule : 'quote-unattributed',
      span: q,
    });
  }

  private attributeDirect(q: number, si: number): Attribution | null {
    const trailing = this.trailing(q);
    const leading = this.leading(q, si);
    const close = this.doc.closeTok[q];
    const endsWithComma = this.tokens[close - 1]?.text === ',' || this.tokens[close + 1]?.text === ',';
    let att: Attribution | null;
    if (trailing && (endsWithComma || !leading)) att = trailing;
    else att = leading ?? trailing;
    return att ?? this.sentenceFinal(q, si) ?? this.colon(q, si) ?? this.sameSentence(si) ??
      this.floating(q, si) ?? this.subjectFallback(q, si);
  }

  /** "…," our interlocutor states / "…," said the minister */
  private trailing(q: number): Attribution | null {
    const { tokens } = this;
    const close = this.doc.closeTok[q];
    let j = close + 1;
    const sentence = this.doc.sentOf[close];
    if (tokens[j]?.text === ',' || tokens[j]?.text === '—' || tokens[j]?.text === '–') j++;
    const t = tokens[j];
    if (!t || this.doc.sentOf[j] !== sentence || t.depth !== 0 || t.kind !== 'word') return null;
    const end = this.doc.sentences[sentence].last;
    // "…," according to a statement by X
    if (t.lower === 'according' && tokens[j + 1]?.lower === 'to') {
      const src = this.sourceAfter(j + 2, end);
      return src ? this.attributionFor(src, j, 0.85, 'according-to', j + 1) : null;
    }
    const np = this.np.forward(j, end);
    if (np) {
      const c = this.np.skipAdjunctsFwd(np.after, end);
      const cue = this.cueAt(c);
      if (cue && !cue.participle && this.subjectFits(np, cue) && !this.np.isPassive(c)) {
        const att = this.attributionFor(np, c, 0.95, 'quote-trailing');
        if (att) this.frames.set(c, att);
        return att;
      }
    }
    const cue = this.cueAt(j);
    if (cue && cue.cls !== 'naming' && !cue.participle) {
      const np2 = this.np.forward(j + 1, end);
      const after = np2 ? tokens[np2.after] : undefined;
      if (np2 && this.speakerLike(np2) && (!after || after.kind === 'punct' || after.kind === 'qopen' || np2.after > end ||
          /^(in|on|at|during|via|who|after|before|when|while)$/.test(after.lower))) {
        const att = this.attributionFor(np2, j, 0.9, 'quote-trailing-inverted');
        if (att) this.frames.set(j, att);
        return att;
      }
    }
    return null;
  }

  /** SPEAKER CUE, "…" and SPEAKER CUE … "…" in the same sentence; "according to X" too. */
  private leading(q: number, si: number): Attribution | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    const open = this.doc.openTok[q];
    let crossedQuote = false;
    let gap = 0;
    let according: Attribution | null = null;
    // a cue further back than this is not this quotation's (and a bound keeps huge sentences linear)
    const lo = Math.max(s.first, open - SCAN_LIMIT);
    for (let k = open - 1; k >= lo; k--) {
      const t = tokens[k];
      if (t.depth > 0 || t.kind === 'qclose' || t.kind === 'qopen') {
        if (t.kind === 'qclose' && t.depth === 1) {
          const prev = this.bySpan.get(t.quote);
          // "…" and "…": a second quotation coordinated with the first shares its speaker
          const between = tokens.slice(k + 1, Math.min(open, k + 12)).filter((x) => x.depth === 0);
          if (prev && open - k < 12 && between.every((x) => /^(and|or|but|,|;|then|also|as|well)$/.test(x.lower))) {
            return { ...prev, confidence: Math.min(prev.confidence, 0.85), rule: 'quote-coordinated' };
          }
          crossedQuote = true;
        }
        continue;
      }
      // a parenthetical — as reported by X — or (…) between the cue and the quotation
      if ((t.text === '—' || t.text === '–' || t.text === ')') && k > s.first) {
        const o = this.np.matchingOpener(k, s.first);
        if (o >= 0) {
          k = o;
          continue;
        }
      }
      gap++;
      if (t.lower === 'to' && tokens[k - 1]?.lower === 'according' && !according) {
        const np = this.sourceAfter(k + 1, open - 1);
        if (np) according = this.attributionFor(np, k - 1, 0.85, 'according-to', k);
        continue;
      }
      const cue = this.cueAt(k);
      if (!cue || !this.cueUsable(k)) continue;
      const att = this.frame(k, si);
      if (!att) continue;
      const tight = gap <= 4 && !crossedQuote;
      const conf = (tight ? 0.9 : 0.75) * (crossedQuote ? 0.9 : 1) * (cue.cls === 'naming' && !tight ? 0.9 : 1);
      return { ...att, confidence: Math.min(att.confidence, conf), rule: tight ? 'cue-before-quote' : 'cue-in-sentence' };
    }
    return according;
  }

  /** … "…" …, he added. — a sentence-final attribution covers the quotations before it. */
  private sentenceFinal(q: number, si: number): Attribution | null {
    const fin = this.finalAttribution(si);
    if (!fin || this.doc.closeTok[q] >= fin.comma) return null;
    const att = this.frames.get(fin.cue) ?? this.attributionFor(fin.np, fin.cue, 0.8, 'sentence-final-cue');
    if (att) this.frames.set(fin.cue, att);
    return att ? { ...att, rule: 'sentence-final-cue', confidence: Math.min(att.confidence, 0.8) } : null;
  }

  /** SUBJECT VERB …: "…" — the verb before a colon introduces the quotation. */
  private colon(q: number, si: number): Attribution | null {
    const open = this.doc.openTok[q];
    if (this.tokens[open - 1]?.text !== ':') return null;
    const np = this.np.subject(si);
    if (!np || np.last >= open - 1) return null;
    const v = this.np.skipAdjunctsFwd(np.after, open - 1);
    return this.attributionFor(np, v < open - 1 ? v : null, 0.65, 'colon-subject');
  }

  /** A second quotation in a sentence whose first statement is attributed. */
  private sameSentence(si: number): Attribution | null {
    for (let k = this.statements.length - 1; k >= Math.max(0, this.statements.length - 8); k--) {
      const st = this.statements[k];
      const tok = this.tokenAtOffset(st.start);
      if (tok < 0 || this.doc.sentOf[tok] !== si) return null;
      if (!st.speaker) continue;
      const att = st.kind === 'direct' ? this.bySpan.get(st.span) : null;
      if (att) return { ...att, confidence: 0.6, rule: 'same-sentence' };
    }
    return null;
  }

  /** A quotation standing alone right after an attributed one continues it. */
  private floating(q: number, si: number): Attribution | null {
    const open = this.doc.openTok[q];
    const s = this.doc.sentences[si];
    if (open !== s.first) return null;
    const last = this.lastDirect;
    if (!last) return null;
    const para = this.tokens[open].para;
    if (last.para !== para && last.para !== this.previousParagraph(open)) return null;
    if (si - last.sentence > 2) return null;
    return { ...last.att, confidence: 0.55, rule: 'floating-quote' };
  }

  /** A quoted fragment in a sentence without a reporting verb belongs to the sentence's subject. */
  private subjectFallback(q: number, si: number): Attribution | null {
    const open = this.doc.openTok[q];
    const s = this.doc.sentences[si];
    if (open === s.first) return null;
    const np = this.np.subject(si);
    if (!np || np.last >= open) return null;
    if (np.kind === 'common' && !this.speakerLike(np)) return null;
    const v = this.np.skipAdjunctsFwd(np.after, open);
    return this.attributionFor(np, v < open ? v : null, 0.5, 'sentence-subject');
  }

  // ---------------------------------------------------------------- indirect statements

  private indirect(si: number): void {
    const s = this.doc.sentences[si];
    const { tokens } = this;
    const found: Statement[] = [];
    const add = (st: Statement | null) => {
      if (!st) return;
      if (found.slice(-4).some((f) => f.start < st.end && st.start < f.end)) return;
      found.push(st);
    };
    add(this.accordingTo(si));
    for (let k = s.first; k <= s.last; k++) {
      if (tokens[k].depth !== 0) continue;
      const cue = this.cueAt(k);
      if (!cue || cue.cls !== 'speech' || !this.cueUsable(k)) continue;
      add(this.forwardClause(k, cue, si));
    }
    add(this.postposed(si));
    this.statements.push(...found);
  }

  private forwardClause(c: number, cue: Cue, si: number): Statement | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    let j = c + 1;
    if (cue.lemma === 'point') {
      if (tokens[j]?.lower !== 'out') return null;
      j++;
    }
    // an addressee: told reporters (that) …, informed police that …
    if (cue.addressee) {
      const obj = this.np.forward(j, s.last);
      if (!obj) return null;
      j = obj.after;
    } else {
      const obj = OBJECT_THEN_THAT.has(cue.lemma) ? this.np.forward(j, s.last) : null;
      if (obj && tokens[obj.after]?.lower === 'that') j = obj.after;
    }
    // adverbs and prepositional phrases: said earlier …, said in a statement on Monday that …
    for (let guard = 0; guard < 4 && j <= s.last; guard++) {
      const t = tokens[j];
      if (t.depth !== 0 || t.kind !== 'word') break;
      if (TEMPORAL_WORDS.has(t.lower)) {
        j++;
        continue;
      }
      if (!PP_STARTS.has(t.lower) || /^(at least|at most|over \d)/.test(`${t.lower} ${tokens[j + 1]?.lower}`)) break;
      const obj = this.np.forward(j + 1, s.last);
      if (!obj) break;
      j = obj.after;
      if (tokens[j]?.text === ',') j++;
    }
    if (tokens[j]?.text === ',' && tokens[j + 1]?.lower === 'that') j++;
    let conf: number;
    let rule: string;
    if (tokens[j]?.lower === 'that' && tokens[j].depth === 0) {
      j++;
      conf = 0.85;
      rule = 'indirect-that';
    } else {
      if (!BARE_CLAUSE_LEMMAS.has(cue.lemma) || !this.bareClause(j, s.last)) return null;
      conf = 0.7;
      rule = 'indirect-bare';
    }
    const bounds = this.clauseEnd(j, s.last);
    if (!bounds) return null;
    const att = this.frame(c, si);
    if (!att) return null;
    return this.indirectStatement(bounds[0], bounds[1], att, c, c, conf, rule);
  }

  /** CLAUSE, SPEAKER CUE [addressee] [PP]. / CLAUSE, CUE SPEAKER. */
  private postposed(si: number): Statement | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    if (tokens[s.first].kind === 'qopen') return null;
    const fin = this.finalAttribution(si);
    if (!fin) return null;
    const bounds = this.trimmedRange(this.afterDateline(s.first, fin.comma - 1), fin.comma - 1);
    if (!bounds || !this.hasFiniteVerb(bounds[0], bounds[1])) return null;
    const att = this.frames.get(fin.cue) ?? this.attributionFor(fin.np, fin.cue, 0.8, 'indirect-postposed');
    if (!att) return null;
    this.frames.set(fin.cue, att);
    return this.indirectStatement(bounds[0], bounds[1], att, fin.cue, fin.cue, 0.8, 'indirect-postposed');
  }

  /** The ", SPEAKER CUE [addressee] [adverbials]." ending of a sentence, if it has one. */
  private finalAttribution(si: number): { np: NP; cue: number; comma: number } | null {
    if (this.finalCue.has(si)) return this.finalCue.get(si)!;
    const found = this.computeFinal(si);
    this.finalCue.set(si, found);
    return found;
  }

  /** The sentence's last token, not counting its final full stop (or ? or !). */
  private lastBeforeStop(si: number): number {
    const last = this.doc.sentences[si].last;
    const t = this.tokens[last];
    return t.kind === 'punct' && TERMINAL.test(t.text) ? last - 1 : last;
  }

  private computeFinal(si: number): { np: NP; cue: number; comma: number } | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    const end = this.lastBeforeStop(si);
    for (let m = end; m > s.first + 2 && end - m <= 25; m--) {
      const t = tokens[m];
      if (t.depth !== 0 || t.text !== ',') {
        if (t.depth > 0) return null;
        continue;
      }
      const j = m + 1;
      let c = -1;
      let np: NP | null = null;
      const first = this.np.forward(j, end);
      if (first) {
        const k = this.np.skipAdjunctsFwd(first.after, end);
        const cue = this.cueAt(k);
        if (cue && cue.cls === 'speech' && !cue.participle && this.subjectFits(first, cue) && !this.np.isPassive(k)) {
          np = first;
          c = k;
        }
      }
      if (c < 0) {
        const cue = this.cueAt(j);
        if (cue && cue.cls === 'speech' && !cue.participle) {
          const np2 = this.np.forward(j + 1, end);
          if (np2 && this.speakerLike(np2)) {
            np = np2;
            c = j;
          }
        }
      }
      if (c < 0 || !np) continue;
      let k = c < np.first ? np.after : c + 1;
      if (this.cueAt(c)!.addressee && c > np.first) {
        const obj = this.np.forward(k, end);
        if (obj) k = obj.after;
      }
      // "…, officials said, leaving the talks in limbo." — a participle clause may follow
      const participleAfter = tokens[k]?.text === ',' && /^[a-z]+ing$/.test(tokens[k + 1]?.text ?? '');
      if (!participleAfter && !this.onlyAdverbials(k, end)) return null;
      return { np, cue: c, comma: m };
    }
    return null;
  }

  /** "BRUSSELS (Example Wire) — Ministers failed…": the dateline is not part of what was said. */
  private afterDateline(first: number, last: number): number {
    const { tokens } = this;
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

  /** According to SPEAKER, CLAUSE. / CLAUSE, according to SPEAKER. */
  private accordingTo(si: number): Statement | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    const end = this.lastBeforeStop(si);
    for (let k = s.first; k < end; k++) {
      if (tokens[k].lower !== 'according' || tokens[k + 1]?.lower !== 'to' || tokens[k].depth !== 0) continue;
      const np = this.sourceAfter(k + 2, end);
      if (!np) return null;
      const atStart = k === s.first || (k === s.first + 1 && OPENERS.has(tokens[s.first].lower));
      const phraseEnd = np.sourceEnd;
      const att = () => this.attributionFor(np, k, 0.8, 'according-to', k + 1);
      if ((atStart || tokens[k - 1]?.text === ',') && tokens[phraseEnd + 1]?.text === ',') {
        // According to X, CLAUSE — unless the clause names its own speaker ("…, a spokesman said that")
        const bounds = this.clauseEnd(phraseEnd + 2, s.last);
        if (!bounds) return null;
        if (this.clauseHasOwnSpeaker(bounds[0], bounds[1])) return null;
        if (!atStart && !this.hasFiniteVerb(bounds[0] - 1, bounds[1])) return null;
        const a = att();
        return a ? this.indirectStatement(bounds[0], bounds[1], a, k, k + 1, 0.8, 'according-to') : null;
      }
      if (phraseEnd >= end && !atStart) {
        // CLAUSE, according to X.
        const bounds = this.trimmedRange(this.afterDateline(s.first, k - 1), k - 1);
        if (!bounds) return null;
        const a = att();
        return a ? this.indirectStatement(bounds[0], bounds[1], a, k, k + 1, 0.8, 'according-to') : null;
      }
      return null;
    }
    return null;
  }

  /** "…, a spokesman for 10 Downing Street expressed disappointment and that …": the clause has its own speaker. */
  private clauseHasOwnSpeaker(first: number, last: number): boolean {
    for (let i = first; i <= Math.min(last, first + 30); i++) {
      const cue = this.cueAt(i);
      if (!cue || cue.cls !== 'speech' || !this.cueUsable(i)) continue;
      const np = this.np.backward(this.np.skipAdjunctsBack(i - 1, first), first);
      // the clause opens with the subject of its own reporting verb (appositions allowed)
      if (np && this.speakerLike(np) && !this.hasFiniteVerb(first - 1, np.first - 1)) return true;
    }
    return false;
  }

  /**
   * The source after "according to": a speaker, or the author of a document
   * ("a tweet on Monday by US Secretary of State Mike Pompeo", "a statement released by Erdogan's office").
   */
  private sourceAfter(j: number, hi: number): (NP & { sourceEnd: number }) | null {
    const { tokens } = this;
    const np = this.np.forward(j, hi);
    if (!np) return null;
    if (np.kind === 'common' && DOC_NOUNS.has(tokens[np.last].lower)) {
      for (let k = np.after; k <= Math.min(hi, np.after + 8); k++) {
        const t = tokens[k];
        if (t.depth !== 0 || t.kind === 'punct') break;
        if (t.lower === 'by' || (t.lower === 'from' && tokens[k - 1]?.lower !== 'released')) {
          const agent = this.np.forward(k + 1, hi);
          if (agent && this.speakerLike(agent)) {
            let e = agent.after - 1;
            // "… by NBC News last week": the phrase runs to the comma
            while (e + 1 <= hi && tokens[e + 1].depth === 0 && tokens[e + 1].text !== ',' && tokens[e + 1].kind !== 'qopen') e++;
            return { ...agent, sourceEnd: e };
          }
        }
      }
    }
    if (!this.speakerLike(np)) return null;
    let e = np.after - 1;
    while (e + 1 <= hi && tokens[e + 1].depth === 0 && tokens[e + 1].text !== ',' && tokens[e + 1].kind !== 'qopen' &&
      e - np.after < 8) e++;
    // "According to Dr. Tom Frieden, formerly the director of …, the pandemic is": skip the apposition
    if (tokens[e + 1]?.text === ',') {
      let m = e + 2;
      while (m <= hi && m < e + 30 && tokens[m].depth === 0 && tokens[m].text !== ',') m++;
      const seg = tokens[e + 2];
      if (tokens[m]?.text === ',' && seg && seg.kind === 'word' && !seg.cap && !this.hasFiniteVerb(e + 1, m - 1) &&
          (DETERMINERS.has(seg.lower) || /ly$/.test(seg.lower) || TITLES.has(seg.lower))) {
        e = m - 1;
      }
    }
    return { ...np, sourceEnd: e };
  }

  private indirectStatement(first: number, last: number, att: Attribution, cue: number, cueLast: number,
    conf: number, rule: string): Statement | null {
    const { tokens } = this;
    // a reported clause never overlaps a quotation: cut it before one at a clause break, or give up
    for (let k = first; k <= last; k++) {
      const t = tokens[k];
      if (t.depth > 0 && this.isQuotation[t.quote]) {
        let cut = -1;
        for (let b = k - 1; b > first; b--) {
          const x = tokens[b];
          if (x.depth !== 0) continue;
          // a clause break: a comma or semicolon, or "and that"
          if (x.text === ',' || x.text === ';' || x.text === ':' || x.text === '—' ||
              ((x.lower === 'and' || x.lower === 'but') && tokens[b + 1]?.lower === 'that')) {
            cut = b;
            break;
          }
        }
        if (cut < 0) return null;
        const r = this.trimmedRange(first, cut - 1);
        if (!r) return null;
        [first, last] = r;
        break;
      }
    }
    const words = tokens.slice(first, last + 1).filter((t) => t.kind === 'word' || t.kind === 'num').length;
    if (words < 3) return null;
    if (att.entity) this.registry.mention(att.entity, cue, true);
    const [start, end] = trimSpan(this.doc.text, tokens[first].start, tokens[last].end);
    return {
      kind: 'indirect',
      start,
      end,
      cue: this.span(cue, cueLast),
      speaker: att.speaker,
      confidence: round(Math.min(conf, att.confidence)),
      rule,
      span: -1,
    };
  }

  /** Where a reported clause starting at j ends: the sentence end, or a following attribution or participle. */
  private clauseEnd(j: number, last: number): [number, number] | null {
    const { tokens } = this;
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
        const cue = this.cueAt(k + 1);
        const n = tokens[k + 1];
        if ((cue && cue.participle) || (n.lower === 'according' && tokens[k + 2]?.lower === 'to')) {
          end = k - 1;
          break;
        }
        const fin = this.finalAttribution(this.doc.sentOf[k]);
        if (fin && fin.comma === k) {
          end = k - 1;
          break;
        }
      }
    }
    return this.trimmedRange(j, end);
  }

  private trimmedRange(first: number, last: number): [number, number] | null {
    const { tokens } = this;
    while (first <= last && (tokens[first].kind === 'punct' || tokens[first].lower === 'that')) first++;
    while (last >= first && tokens[last].kind === 'punct' && !/^[)\]%]$/.test(tokens[last].text)) last--;
    return first <= last ? [first, last] : null;
  }

  /** A clause without "that": a subject pronoun, or a noun phrase followed by a finite verb. */
  private bareClause(j: number, last: number): boolean {
    const { tokens } = this;
    const t = tokens[j];
    if (!t || t.depth !== 0 || (t.kind !== 'word' && t.kind !== 'num')) return false;
    if ((SUBJECT_PRONOUNS.has(t.lower) && t.lower !== 'you') || /^(there|this|these|those)$/.test(t.lower)) {
      if (this.finiteAfter(j + 1, last)) return true;
      // after a subject pronoun any plain word is a verb: "they keep channels open"
      const n = tokens[j + 1];
      if (SUBJECT_PRONOUNS.has(t.lower)) {
        return !!n && n.kind === 'word' && !n.cap && !PREPOSITIONS.has(n.lower) && !CONJUNCTIONS.has(n.lower) &&
          !DETERMINERS.has(n.lower) && n.lower !== 'to';
      }
    }
    if (t.lower === 'to' || cueOf(t.lower)) return false;
    let np = this.np.forward(j, last);
    if (!np) return false;
    // both production and export of oil had been disrupted
    while (np && (tokens[np.after]?.lower === 'and' || tokens[np.after]?.lower === 'or')) {
      const more = this.np.forward(np.after + 1, last);
      if (!more) break;
      np = { ...np, last: more.last, after: more.after };
    }
    // the ban on Mahan Air is …: prepositional phrases inside the subject
    for (let g = 0; g < 3 && np; g++) {
      const p = tokens[np.after];
      if (!p || p.kind !== 'word' || !PREPOSITIONS.has(p.lower) || p.lower === 'to') break;
      const obj = this.np.forward(np.after + 1, last);
      if (!obj || obj.kind === 'pronoun') break;
      np = { ...np, last: obj.last, after: obj.after };
    }
    return this.finiteAfter(np.after, last);
  }

  /** A finite verb at k, possibly after adverbs: "might rename", "was to join", "also said". */
  private finiteAfter(k: number, last: number): boolean {
    const { tokens } = this;
    for (let i = k; i <= Math.min(last, k + 3); i++) {
      if (this.np.isFiniteVerb(i)) return true;
      const t = tokens[i];
      if (!(t.kind === 'word' && !t.cap && (/^[a-z]+ly$/.test(t.lower) || /^(also|still|already|never|not|just|now|then|even)$/.test(t.lower)))) return false;
    }
    return false;
  }

  private hasFiniteVerb(first: number, last: number): boolean {
    for (let k = first + 1; k <= last; k++) {
      const t = this.tokens[k];
      if (t.depth === 0 && t.kind === 'word' && !t.cap && this.np.isFiniteVerb(k)) return true;
    }
    return false;
  }

  private onlyAdverbials(k: number, end: number): boolean {
    const { tokens } = this;
    if (k > end) return true;
    const t = tokens[k];
    if (t.kind === 'word' && (TEMPORAL_WORDS.has(t.lower) || PP_STARTS.has(t.lower) || /ly$/.test(t.lower) ||
        t.lower === 'on' || t.lower === 'in')) {
      for (let i = k; i <= end; i++) {
        if (this.cueAt(i) || AUX.has(tokens[i].lower) || tokens[i].lower === 'that' || tokens[i].depth > 0) return false;
      }
      return end - k < 12;
    }
    return false;
  }

  // ---------------------------------------------------------------- cues and subjects

  /** A reporting verb in the passive speaks only through its agent: "described by Johnson as". */
  private cueUsable(k: number): boolean {
    return !this.np.isPassive(k) || this.tokens[k + 1]?.lower === 'by';
  }

  private cueAt(k: number): Cue | undefined {
    const t = this.tokens[k];
    if (!t || t.kind !== 'word' || t.depth !== 0) return undefined;
    if (t.cap && !this.np.startAt(k)) return undefined;
    return cueOf(t.lower);
  }

  /** The speaker of the reporting verb at c: its subject, or for "…, adding" the main clause's. */
  private frame(c: number, si: number): Attribution | null {
    if (this.frames.has(c)) return this.frames.get(c) ?? null;
    const att = this.computeFrame(c, si);
    this.frames.set(c, att);
    return att;
  }

  private computeFrame(c: number, si: number): Attribution | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    const cue = this.cueAt(c)!;
    // passive with an agent: described by Johnson as …
    if (tokens[c + 1]?.lower === 'by' && /(ed|en)$/.test(tokens[c].lower)) {
      const np = this.np.forward(c + 2, s.last);
      if (np && this.speakerLike(np)) return this.attributionFor(np, c, 0.8, 'passive-agent');
    }
    const k = this.np.skipAdjunctsBack(c - 1, s.first);
    const prev = tokens[k];
    const coordinated = !!prev && prev.kind === 'word' && /^(and|but|or|then|before|after)$/.test(prev.lower);
    const afterComma = !!prev && prev.text === ',';
    if (prev && !coordinated && !(cue.participle && (afterComma || prev.kind === 'word' && /^(by|while|when|before|after|in)$/.test(prev.lower)))) {
      const np = this.np.backward(k, s.first);
      if (np && np.document) {
        // "They released a statement which said": the statement speaks for the subject
        const subj = this.np.subject(si);
        if (subj && subj.last < np.first && this.speakerLike(subj)) return this.attributionFor(subj, c, 0.8, 'document-subject');
      }
      if (np && this.subjectFits(np, cue)) return this.attributionFor(np, c, 0.9, 'subject');
      // "Critics from across Britain's political spectrum have claimed": the head is before the preposition
      if (np && np.kind === 'common') {
        let p = np.first - 1;
        let preps = 0;
        while (p > s.first && tokens[p].kind === 'word' && /^(from|across|of|in|at|within|inside|outside|around|for)$/.test(tokens[p].lower) && preps < 2) {
          p--;
          preps++;
        }
        const head = preps > 0 ? this.np.backward(p, s.first) : null;
        if (head && head.kind !== 'pronoun' && this.subjectFits(head, cue)) return this.attributionFor(head, c, 0.8, 'subject');
      }
      if (np && !cue.participle && !afterComma) return null;
    }
    // participle or coordinated verb: the subject of the main clause
    for (let p = c - 1; p >= Math.max(s.first, c - SCAN_LIMIT); p--) {
      if (tokens[p].depth !== 0) {
        const q = tokens[p].kind === 'qclose' ? tokens[p].quote : -1;
        if (q >= 0 && this.bySpan.has(q)) return { ...this.bySpan.get(q)!, cue: c, cueLast: c, confidence: 0.8 };
        continue;
      }
      const pc = this.cueAt(p);
      if (pc && !pc.participle && this.cueUsable(p)) {
        const f = this.frame(p, si);
        if (f) return { ...f, cue: c, cueLast: c, confidence: Math.min(f.confidence, 0.8) };
      }
    }
    const subj = this.np.subject(si);
    if (subj && subj.last < c && this.speakerLike(subj)) return this.attributionFor(subj, c, 0.75, 'clause-subject');
    return null;
  }

  /** Whether an NP may be the subject of this cue ("states" needs a speaker, not "EU member"). */
  private subjectFits(np: NP, cue: Cue): boolean {
    if (!this.speakerLike(np)) return false;
    if (!cue.nounLike) return true;
    if (np.kind !== 'common') return true;
    const head = this.tokens[np.last].lower;
    if (COMPOUND_MODIFIERS.has(head) || /s$/.test(head) || DETERMINERS.has(head)) return false;
    return SPEAKER_NOUNS.has(head) || ORG_NOUNS.has(head) || INTERVIEWEE_NOUNS.has(head) || AGENT_SUFFIX.test(head);
  }

  private speakerLike(np: NP): boolean {
    const { tokens } = this;
    if (np.kind === 'pronoun') return tokens[np.first].lower !== 'you';
    if (np.kind === 'name') return true;
    const head = tokens[np.last];
    if (head.text === ')') return true;
    if (head.kind !== 'word') return false;
    if (head.cap && !this.np.startAt(np.last)) return true;
    return SPEAKER_NOUNS.has(head.lower) || /^(someone|somebody|everyone|nobody|anyone)$/.test(head.lower) ||
      (AGENT_SUFFIX.test(head.lower) && head.lower.length > 4);
  }

  // ---------------------------------------------------------------- resolution

  private attributionFor(np: NP, cue: number | null, confidence: number, rule: string, cueLast?: number): Attribution | null {
    const r = this.resolve(np);
    if (!r) return null;
    return { speaker: r.speaker, entity: r.entity, cue, cueLast: cueLast ?? cue ?? undefined, confidence: confidence * r.certainty, rule };
  }

  private resolve(np: NP): { speaker: Speaker; entity: Entity | null; certainty: number } | null {
    const { tokens } = this;
    const text = this.doc.text;
    if (np.kind === 'pronoun') {
      const mention = this.span(np.first, np.first);
      const e = this.resolvePronoun(tokens[np.first].lower, np.first);
      if (e) return { speaker: speakerOf(e, mention), entity: e, certainty: 1 };
      return { speaker: { name: null, role: null, affiliation: null, mention, kind: 'unknown' }, entity: null, certainty: 0.9 };
    }
    if (np.kind === 'name' && np.run) {
      const reg = this.registerRun(np.run, true, np);
      // the mention is the name itself, with an acronym in parentheses right after it: "Forces (SDF)"
      let last = reg.name.last;
      if (tokens[np.last]?.text === ')' && np.last <= reg.name.last + 3) last = np.last;
      return { speaker: speakerOf(reg.entity, this.span(reg.name.first, last)), entity: reg.entity, certainty: 1 };
    }
    const head = tokens[np.last].lower;
    const mention = this.span(np.first, np.last);
    const phrase = text.slice(tokens[np.first].start, tokens[np.last].end);
    const byRole = this.resolveRoleNoun(head, np);
    if (byRole) return { speaker: speakerOf(byRole, mention), entity: byRole, certainty: 0.95 };
    const plural = /s$/.test(head) && !/(ss|us)$/.test(head);
    const kind: EntityKind = ORG_NOUNS.has(head) ? 'organization' : plural ? 'group' : 'unknown';
    return {
      speaker: { name: phrase, role: np.role ?? null, affiliation: np.affiliation ?? null, mention, kind },
      entity: null,
      certainty: 0.95,
    };
  }

  private resolvePronoun(p: string, pos: number): Entity | null {
    const gender = p === 'he' || p === 'him' ? 'm' : p === 'she' || p === 'her' ? 'f' : null;
    const tok = this.tokens[pos];
    if ((p === 'i' || p === 'we') && tok.depth > 0) {
      // "I" inside a quotation is whoever speaks it
      const outer = this.bySpan.get(this.doc.spans[tok.quote]?.parent ?? -1) ?? this.bySpan.get(tok.quote);
      return outer?.entity ?? null;
    }
    if (gender) {
      // the most recent speaker nearby wins over a person merely named since
      let fallback: Entity | null = null;
      let seen = 0;
      for (const m of this.registry.before(pos)) {
        if (++seen > 300) break;
        const e = m.entity;
        if (e.kind !== 'person' && e.kind !== 'unknown') continue;
        if (e.kind === 'unknown' && e.words.length > 1) continue;
        if (e.gender && e.gender !== gender) continue;
        if (tok.para - this.tokens[m.pos].para > 8) break;
        if (m.speaker && this.doc.sentOf[pos] - this.doc.sentOf[m.pos] <= 3) {
          if (!e.gender) e.gender = gender;
          return e;
        }
        if (!fallback && e.kind === 'person') fallback = e;
      }
      if (fallback && !fallback.gender) fallback.gender = gender;
      return fallback;
    }
    if (p === 'they' || p === 'them' || p === 'it') {
      // an organization that spoke lately, else one named in this or the previous sentence
      let named: Entity | null = null;
      let seen = 0;
      for (const m of this.registry.before(pos)) {
        if (++seen > 300) break;
        const dist = this.doc.sentOf[pos] - this.doc.sentOf[m.pos];
        if (dist > 3) break;
        if (m.entity.kind !== 'organization') continue;
        if (m.speaker) return m.entity;
        if (!named && dist <= 1 && p === 'it') named = m.entity;
      }
      return named;
    }
    return null;
  }

  /** "our interlocutor" → the interviewee; "the minister" → the last person with that role. */
  private resolveRoleNoun(head: string, np: NP): Entity | null {
    const pos = np.first;
    if (INTERVIEWEE_NOUNS.has(head)) {
      let fallback: Entity | null = null;
      let seen = 0;
      for (const m of this.registry.before(pos)) {
        if (++seen > 300) break;
        if (m.entity.kind !== 'person') continue;
        if (m.entity.role && normIncludes(m.entity.role, head)) return m.entity;
        if (m.speaker && !fallback) fallback = m.entity;
      }
      return fallback;
    }
    const det = this.tokens[np.first].lower;
    if (det !== 'the' && det !== 'this') return null;
    if (np.last - np.first > 3) return null;
    let seen = 0;
    for (const m of this.registry.before(pos)) {
      if (++seen > 300) break;
      const e = m.entity;
      if (e.kind === 'person' && e.role && normIncludes(e.role, head)) return e;
      if (e.kind === 'organization' && ORG_NOUNS.has(head) && normIncludes(e.name, head)) return e;
    }
    return null;
  }

  // ---------------------------------------------------------------- nested quotations

  /** A quotation inside a quotation is one only when someone is said to say it there. */
  private nested(): void {
    const { tokens } = this;
    this.doc.spans.forEach((span, q) => {
      if (span.depth < 2 || !this.isQuotation[span.parent]) return;
      const parentAtt = this.bySpan.get(span.parent);
      const open = this.doc.openTok[q];
      if (open < 0 || this.doc.closeTok[q] < 0) return;
      let att: Attribution | null = null;
      let k = open - 1;
      if (tokens[k]?.text === ',' || tokens[k]?.text === ':') k--;
      const cueTok = tokens[k];
      if (cueTok && cueTok.kind === 'word' && cueOf(cueTok.lower) && cueTok.quote === span.parent) {
        let s = k - 1;
        while (s >= 0 && tokens[s].quote === span.parent && tokens[s].kind === 'word' && VERB_ADJUNCTS.has(tokens[s].lower)) s--;
        const subj = tokens[s];
        if (subj && subj.quote === span.parent && subj.kind === 'word') {
          if (subj.lower === 'i' || subj.lower === 'we') {
            if (parentAtt) att = { ...parentAtt, cue: k, cueLast: k, confidence: 0.8, rule: 'nested-first-person' };
          } else if (subj.cap) {
            let first = s;
            while (first - 1 >= 0 && tokens[first - 1].quote === span.parent && tokens[first - 1].kind === 'word' &&
              tokens[first - 1].cap) first--;
            while (first < s && TITLES.has(tokens[first].lower)) first++;
            const words = tokens.slice(first, s + 1).map((x) => x.text);
            const e = this.registry.lookup(words, s) ?? this.registry.register(words, 'person');
            att = { speaker: speakerOf(e, this.span(first, s)), entity: e, cue: k, cueLast: k, confidence: 0.8, rule: 'nested-cue' };
          } else if (SUBJECT_PRONOUNS.has(subj.lower)) {
            const e = this.resolvePronoun(subj.lower, s);
            const mention = this.span(s, s);
            att = {
              speaker: e ? speakerOf(e, mention) : { name: null, role: null, affiliation: null, mention, kind: 'unknown' },
              entity: e, cue: k, cueLast: k, confidence: 0.7, rule: 'nested-cue',
            };
          }
        }
      }
      const reason = nonQuoteReason(this.doc, q, att !== null);
      if (reason) {
        this.nonQuotes.push({ span: q, reason });
        return;
      }
      this.isQuotation[q] = true;
      const [start, end] = trimSpan(this.doc.text, span.start, span.end);
      this.statements.push({
        kind: 'direct',
        start,
        end,
        cue: att && att.cue !== null ? this.span(att.cue, att.cue) : null,
        speaker: att?.speaker ?? null,
        confidence: att ? round(att.confidence) : 0.4,
        rule: att ? att.rule : 'quote-unattributed',
        span: q,
      });
    });
  }

  // ---------------------------------------------------------------- helpers

  private span(first: number, last: number): Span {
    const start = this.tokens[first].start;
    const end = this.tokens[last].end;
    return { text: this.doc.text.slice(start, end), start, end };
  }

  private tokenAtOffset(offset: number): number {
    const { tokens } = this;
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= offset) lo = mid + 1;
      else if (tokens[mid].start > offset) hi = mid - 1;
      else return mid;
    }
    return lo < tokens.length ? lo : -1;
  }

  private previousParagraph(i: number): number {
    const { tokens } = this;
    const para = tokens[i].para;
    for (let k = i - 1; k >= 0; k--) if (tokens[k].para !== para) return tokens[k].para;
    return -1;
  }
}

function genderOfRole(role: string | null): 'm' | 'f' | null {
  if (!role) return null;
  if (/\b(spokeswoman|chairwoman|congresswoman|businesswoman|queen|princess|wife|mother|daughter|sister|fiancée|widow|mrs|ms)\b/i.test(role)) return 'f';
  if (/\b(spokesman|chairman|congressman|businessman|king|prince|husband|father|son|brother|fiancé|widower|mr)\b/i.test(role)) return 'm';
  return null;
}

function normIncludes(hay: string, needle: string): boolean {
  return hay.toLowerCase().split(/[^\p{L}]+/u).includes(needle.toLowerCase());
}

function speakerOf(e: Entity, mention: Span): Speaker {
  return { name: e.name, role: e.role, affiliation: e.affiliation, mention, kind: e.kind };
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return [start, end];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
