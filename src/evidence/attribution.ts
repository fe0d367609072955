// Quotations and reported statements, and who made them. Rules in precision order, after the
// sieve designs of GenderGapTracker and Muzny et al. (see EVIDENCE-NOTES §5):
//   "…," SPEAKER CUE / "…," CUE SPEAKER        (quote-trailing)
//   SPEAKER CUE[,:] "…" / SPEAKER CUE … "…"    (cue-before-quote)
//   according to SPEAKER, …                   (according-to)
//   SPEAKER CUE [ADDRESSEE] [PP] that CLAUSE  (indirect-that / indirect-bare)
//   CLAUSE, SPEAKER CUE [ADDRESSEE].          (indirect-postposed)
//   floating quotations inherit the previous speaker (floating-quote)
// Pronouns, surnames and role nouns resolve through the document's registry of people.
import { isSentenceStart, type Doc } from './document.ts';
import {
  CONJUNCTIONS,
  DETERMINERS,
  INTERVIEWEE_NOUNS,
  LINKING_PREPOSITIONS,
  PREPOSITIONS,
  PRONOUNS,
  SPEAKER_NOUNS,
  SUBJECT_PRONOUNS,
  TITLES,
  VERB_ADJUNCTS,
  cueOf,
  type Cue,
} from './lexicon.ts';
import { nonQuoteReason, type NonQuoteReason } from './nonquotes.ts';
import { Registry, analyzeRun, capRun, type Entity, type EntityKind, type Run } from './people.ts';
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
  /** the quotation span index for direct quotes */
  span: number;
}

interface NP {
  first: number;
  last: number;
  kind: 'pronoun' | 'name' | 'common';
  /** for names: the proper-noun run inside */
  run?: Run;
  /** an apposition or preceding role words */
  role?: string;
  /** "from the X" after a name */
  affiliation?: string;
}

interface Attribution {
  speaker: Speaker;
  entity: Entity | null;
  cue: number | null;
  confidence: number;
  rule: string;
}

const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may',
  'might', 'must', 'should', 'shall', 'did', 'does', 'do', "won't", "can't", "didn't", "wasn't", "isn't"]);
const BARE_CLAUSE_LEMMAS = new Set(['say', 'tell', 'announce', 'claim', 'report', 'state', 'add', 'note', 'argue',
  'insist', 'warn', 'explain', 'confirm', 'reveal', 'indicate', 'acknowledge', 'admit', 'write', 'tweet', 'declare',
  'concede', 'assert', 'predict', 'conclude', 'find', 'rule', 'estimate', 'suggest', 'allege', 'deny', 'caution',
  'assure', 'inform', 'remind', 'underline', 'stress', 'emphasize', 'emphasise', 'reiterate', 'reaffirm',
  'maintain', 'contend', 'hint', 'signal', 'assess', 'deem', 'observe', 'disclose', 'recall', 'mention']);
const OPENERS = new Set(['but', 'and', 'however', 'also', 'meanwhile', 'then', 'yet', 'so', 'still', 'now',
  'instead', 'moreover', 'furthermore', 'separately', 'later', 'earlier']);
const ORG_NOUNS = new Set(['court', 'agency', 'embassy', 'ministry', 'department', 'government', 'office',
  'company', 'party', 'police', 'paper', 'newspaper', 'broadcaster', 'commission', 'committee', 'council',
  'institute', 'organization', 'organisation', 'union', 'alliance', 'group', 'bank', 'fund', 'firm', 'network',
  'channel', 'parliament', 'assembly', 'administration', 'presidency', 'cabinet', 'military', 'army', 'service']);
const TEMPORAL = new Set(['yesterday', 'today', 'tonight', 'earlier', 'later', 'recently', 'again', 'also',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'last', 'this', 'on', 'in', 'at',
  'during', 'via', 'through', 'over', 'after', 'before', 'with', 'to', 'from', 'when', 'while', 'late']);
const AGENT_SUFFIX = /(er|or|ist|ian|ee|ent|ant|ive|man|woman|person)s?$/;

export interface AttributionResult {
  statements: Statement[];
  nonQuotes: Array<{ span: number; reason: NonQuoteReason }>;
  registry: Registry;
}

export function attribute(doc: Doc, isKnownPlace: (run: Run) => boolean): AttributionResult {
  return new Attributor(doc, isKnownPlace).run();
}

class Attributor {
  private readonly tokens: Token[];
  private readonly registry = new Registry();
  /** attribution of each quotation span, once known */
  private readonly bySpan = new Map<number, Attribution>();
  private readonly isQuotation: boolean[];
  private readonly nonQuotes: Array<{ span: number; reason: NonQuoteReason }> = [];
  private readonly statements: Statement[] = [];
  /** cue frames already resolved: cue token → attribution (null when none) */
  private readonly frames = new Map<number, Attribution | null>();
  private lastDirect: { para: number; sentence: number; att: Attribution } | null = null;

  constructor(private readonly doc: Doc, private readonly isKnownPlace: (run: Run) => boolean) {
    this.tokens = doc.tokens;
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

  private startAt = (i: number) => isSentenceStart(this.doc, i);

  /** Registers every proper name in the narrative, with roles and affiliations the text gives. */
  private collectNames(): void {
    const { tokens } = this;
    const runs: Run[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].depth !== 0 || tokens[i].kind === 'punct') continue;
      const run = capRun(tokens, i, this.startAt);
      if (!run) continue;
      runs.push(run);
      i = run.last;
    }
    // full names first, so a surname met earlier (in a headline) still resolves to the full name
    const long = runs.filter((r) => r.last > r.first);
    const short = runs.filter((r) => r.last === r.first);
    for (const r of long) this.registerRun(r, false);
    for (const r of short) this.registerRun(r, false);
  }

  private registerRun(run: Run, speaker: boolean, np?: NP): { entity: Entity; name: Run; kind: EntityKind; role: string | null; affiliation: string | null } {
    const { tokens } = this;
    const parts = analyzeRun(this.doc.text, tokens, run, this.isKnownPlace);
    const words: string[] = [];
    for (let k = parts.name.first; k <= parts.name.last; k++) if (tokens[k].kind !== 'punct') words.push(tokens[k].text);
    let role = parts.role ?? np?.role ?? this.roleBefore(run.first) ?? this.appositionAfter(run.last);
    const affiliation = parts.affiliation ?? np?.affiliation ?? this.affiliationAfter(run.last);
    if (role) role = role.replace(/^(the|a|an)\s+/i, '');
    const gender = parts.gender ?? genderOfRole(role);
    const entity = this.registry.register(words, parts.kind, { role, affiliation, gender }, parts.name.first);
    this.registry.mention(entity, parts.name.first, speaker);
    return { entity, name: parts.name, kind: entity.kind, role: entity.role, affiliation: entity.affiliation };
  }

  /** "the Greek prime minister Kyriakos Mitsotakis", "journalist Jamal Khashoggi" */
  private roleBefore(first: number): string | null {
    const k = this.roleStart(first);
    return k === null ? null : this.doc.text.slice(this.tokens[k].start, this.tokens[first - 1].end);
  }

  private roleStart(first: number): number | null {
    const { tokens } = this;
    let k = first - 1;
    let got = 0;
    while (k >= 0 && got < 4) {
      const t = tokens[k];
      if (t.kind !== 'word' || t.depth !== 0) break;
      if (!t.cap && (TITLES.has(t.lower) || SPEAKER_NOUNS.has(t.lower) && AGENT_SUFFIX.test(t.lower))) {
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

  /** "Agnès Callamard, a UN rapporteur for …, cautioned" → "a UN rapporteur for …" */
  private appositionAfter(last: number): string | null {
    const { tokens } = this;
    if (tokens[last + 1]?.text !== ',') return null;
    const a = last + 2;
    const first = tokens[a];
    if (!first || first.depth !== 0 || first.kind !== 'word') return null;
    if (!(DETERMINERS.has(first.lower) || (!first.cap && (TITLES.has(first.lower) || SPEAKER_NOUNS.has(first.lower))))) return null;
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
    const parts = analyzeRun(this.doc.text, tokens, run, this.isKnownPlace);
    if (parts.kind !== 'organization') return null;
    return this.doc.text.slice(tokens[run.first].start, tokens[run.last].end);
  }

  // ---------------------------------------------------------------- per sentence

  private sentence(si: number): void {
    const s = this.doc.sentences[si];
    const { tokens } = this;
    // direct quotations opening in this sentence, in order
    for (let i = s.first; i <= s.last; i++) {
      const t = tokens[i];
      if (t.kind !== 'qopen' || t.depth !== 1 || this.doc.openTok[t.quote] !== i) continue;
      const q = t.quote;
      if (!this.isQuotation[q]) continue;
      const att = this.attributeDirect(q, si);
      this.emitDirect(q, att);
    }
    this.indirect(si);
  }

  private emitDirect(q: number, att: Attribution | null): void {
    const span = this.doc.spans[q];
    if (att) {
      this.bySpan.set(q, att);
      const t = this.tokens[this.doc.openTok[q]];
      this.lastDirect = { para: t.para, sentence: this.doc.sentOf[this.doc.openTok[q]], att };
      if (att.entity) this.registry.mention(att.entity, att.cue ?? this.doc.openTok[q], true);
    }
    const [start, end] = trimSpan(this.doc.text, span.start, span.end);
    this.statements.push({
      kind: 'direct',
      start,
      end,
      cue: att && att.cue !== null ? this.span(att.cue, att.cue) : null,
      speaker: att?.speaker ?? null,
      confidence: att ? att.confidence : 0.5,
      rule: att ? att.rule : 'quote-unattributed',
      span: q,
    });
  }

  private attributeDirect(q: number, si: number): Attribution | null {
    return this.trailing(q) ?? this.leading(q, si) ?? this.colon(q, si) ?? this.sameSentence(q, si) ??
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
    const np = this.npForward(j, end);
    if (np) {
      const c = this.skipAdjunctsFwd(np.last + 1, end);
      const cue = this.cueAt(c);
      if (cue && this.subjectFits(np, cue)) {
        const att = this.attributionFor(np, c, 0.95, 'quote-trailing');
        if (att) this.frames.set(c, att);
        return att;
      }
    }
    const cue = this.cueAt(j);
    if (cue && cue.cls !== 'naming') {
      const np2 = this.npForward(j + 1, end);
      if (np2 && this.speakerLike(np2)) {
        const att = this.attributionFor(np2, j, 0.9, 'quote-trailing-inverted');
        if (att) this.frames.set(j, att);
        return att;
      }
    }
    return null;
  }

  /** SPEAKER CUE, "…" and SPEAKER CUE … "…" in the same sentence; "according to X" too */
  private leading(q: number, si: number): Attribution | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    const open = this.doc.openTok[q];
    let crossedQuote = false;
    let gap = 0;
    for (let k = open - 1; k >= s.first; k--) {
      const t = tokens[k];
      if (t.depth > 0 || t.kind === 'qclose' || t.kind === 'qopen') {
        if (t.kind === 'qclose' && t.depth === 1) {
          const other = t.quote;
          const prev = this.bySpan.get(other);
          // "…" and "…": a second quotation coordinated with the first shares its speaker
          const between = tokens.slice(k + 1, open).filter((x) => x.depth === 0);
          if (prev && between.every((x) => /^(and|or|but|,|;|then|also|as|well)$/.test(x.lower))) {
            return { ...prev, confidence: Math.min(prev.confidence, 0.85), rule: 'quote-coordinated' };
          }
          crossedQuote = true;
        }
        continue;
      }
      gap++;
      if (t.lower === 'to' && tokens[k - 1]?.lower === 'according') {
        const np = this.npForward(k + 1, open - 1);
        if (np && this.speakerLike(np)) return this.attributionFor(np, k - 1, 0.85, 'according-to', k);
        continue;
      }
      const cue = this.cueAt(k);
      if (!cue) continue;
      const att = this.frame(k, si);
      if (!att) continue;
      const tight = gap <= 4 && !crossedQuote;
      const conf = (tight ? 0.9 : 0.75) * (crossedQuote ? 0.9 : 1) * (cue.cls === 'speech' || cue.cls === 'belief' || tight ? 1 : 0.9);
      return { ...att, confidence: Math.min(att.confidence, conf), rule: tight ? 'cue-before-quote' : 'cue-in-sentence' };
    }
    return null;
  }

  /** SUBJECT VERB …: "…" — the verb before a colon introduces the quotation */
  private colon(q: number, si: number): Attribution | null {
    const open = this.doc.openTok[q];
    if (this.tokens[open - 1]?.text !== ':') return null;
    const np = this.sentenceSubject(si);
    if (!np || np.last >= open - 1) return null;
    return this.attributionFor(np, this.verbAfter(np, open - 1), 0.65, 'colon-subject');
  }

  /** a second quotation in a sentence whose first statement is attributed */
  private sameSentence(q: number, si: number): Attribution | null {
    for (let k = this.statements.length - 1; k >= 0; k--) {
      const st = this.statements[k];
      if (!st.speaker) continue;
      const tok = this.tokenAtOffset(st.start);
      if (tok < 0 || this.doc.sentOf[tok] !== si) return null;
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
    // same paragraph, or the paragraph right before (allowing one blank line)
    const prevPara = this.previousParagraph(open);
    if (last.para !== para && last.para !== prevPara) return null;
    // someone else named as a subject in between breaks the chain
    if (si - last.sentence > 2) return null;
    return { ...last.att, confidence: 0.55, rule: 'floating-quote' };
  }

  /** A quoted fragment inside a sentence without a reporting verb belongs to the sentence's subject. */
  private subjectFallback(q: number, si: number): Attribution | null {
    const open = this.doc.openTok[q];
    const s = this.doc.sentences[si];
    if (open === s.first) return null;
    const np = this.sentenceSubject(si);
    if (!np || np.last >= open) return null;
    if (np.kind === 'common' && !this.speakerLike(np)) return null;
    return this.attributionFor(np, this.verbAfter(np, open), 0.5, 'sentence-subject');
  }

  // ---------------------------------------------------------------- indirect statements

  private indirect(si: number): void {
    const s = this.doc.sentences[si];
    const { tokens } = this;
    if (tokens[s.first].kind === 'qopen' && this.isQuotation[tokens[s.first].quote]) {
      // a sentence that opens with a quotation is the quotation's; reported clauses may still follow
    }
    const found: Statement[] = [];
    const add = (st: Statement | null) => {
      if (!st) return;
      if (found.some((f) => f.start < st.end && st.start < f.end)) return;
      found.push(st);
    };
    add(this.accordingTo(si));
    for (let k = s.first; k <= s.last; k++) {
      if (tokens[k].depth !== 0) continue;
      const cue = this.cueAt(k);
      if (!cue || cue.cls !== 'speech') continue;
      add(this.forwardClause(k, cue, si));
    }
    add(this.postposed(si));
    for (const st of found) {
      this.statements.push(st);
    }
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
      const obj = this.npForward(j, s.last);
      if (!obj) return null;
      j = obj.last + 1;
    } else if (this.isNPStart(j)) {
      const obj = this.npForward(j, s.last);
      if (obj && tokens[obj.last + 1]?.lower === 'that') j = obj.last + 1;
    }
    // prepositional phrases and time words: said in a statement on Monday that …
    let skippedPP = false;
    for (let guard = 0; guard < 4 && j <= s.last; guard++) {
      const t = tokens[j];
      if (t.depth !== 0 || t.kind !== 'word' || !TEMPORAL.has(t.lower)) break;
      let k = j + 1;
      while (k <= s.last && k < j + 8 && tokens[k].depth === 0 && tokens[k].kind !== 'punct' &&
        tokens[k].lower !== 'that' && !this.cueAt(k)) k++;
      if (tokens[k]?.text === ',') k++;
      j = k;
      skippedPP = true;
    }
    if (tokens[j]?.text === ',' && tokens[j + 1]?.lower === 'that') j++;
    let conf: number;
    let rule: string;
    if (tokens[j]?.lower === 'that' && tokens[j].depth === 0) {
      j++;
      conf = 0.85;
      rule = 'indirect-that';
    } else {
      if (skippedPP || !BARE_CLAUSE_LEMMAS.has(cue.lemma) || !this.bareClause(j, s.last)) return null;
      conf = 0.7;
      rule = 'indirect-bare';
    }
    const bounds = this.clauseEnd(j, s.last);
    if (!bounds) return null;
    const att = this.frame(c, si);
    if (!att) return null;
    return this.indirectStatement(bounds[0], bounds[1], att, c, conf, rule);
  }

  /** CLAUSE, SPEAKER CUE [addressee] [PP]. / CLAUSE, CUE SPEAKER. */
  private postposed(si: number): Statement | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    let end = s.last;
    if (tokens[end].kind === 'punct' && /^[.!?]$/.test(tokens[end].text)) end--;
    if (tokens[s.first].kind === 'qopen') return null;
    for (let m = end; m > s.first + 2; m--) {
      const t = tokens[m];
      if (t.depth !== 0 || t.text !== ',') continue;
      if (end - m > 25) break;
      const j = m + 1;
      let c = -1;
      let np: NP | null = null;
      const first = this.npForward(j, end);
      if (first) {
        const k = this.skipAdjunctsFwd(first.last + 1, end);
        if (this.cueAt(k)?.cls === 'speech' && this.subjectFits(first, this.cueAt(k)!)) {
          np = first;
          c = k;
        }
      }
      if (c < 0 && this.cueAt(j)?.cls === 'speech') {
        const np2 = this.npForward(j + 1, end);
        if (np2 && this.speakerLike(np2)) {
          np = np2;
          c = j;
        }
      }
      if (c < 0 || !np) continue;
      // nothing but an addressee and adverbials may follow
      let k = c + 1;
      if (c < np.first) k = np.last + 1;
      const cue = this.cueAt(c)!;
      if (cue.addressee) {
        const obj = this.npForward(k, end);
        if (obj) k = obj.last + 1;
      }
      if (!this.onlyAdverbials(k, end)) return null;
      const bounds = this.trimmedRange(s.first, m - 1);
      if (!bounds) return null;
      const att = this.attributionFor(np, c, 0.8, 'indirect-postposed');
      if (!att) return null;
      this.frames.set(c, att);
      return this.indirectStatement(bounds[0], bounds[1], att, c, 0.8, 'indirect-postposed');
    }
    return null;
  }

  /** According to SPEAKER, CLAUSE. / CLAUSE, according to SPEAKER. */
  private accordingTo(si: number): Statement | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    let end = s.last;
    if (tokens[end].kind === 'punct' && /^[.!?]$/.test(tokens[end].text)) end--;
    for (let k = s.first; k < end; k++) {
      if (tokens[k].lower !== 'according' || tokens[k + 1]?.lower !== 'to' || tokens[k].depth !== 0) continue;
      const np = this.npForward(k + 2, end);
      if (!np || !this.speakerLike(np)) return null;
      const atStart = k === s.first || (k === s.first + 1 && OPENERS.has(tokens[s.first].lower));
      if (atStart || tokens[k - 1]?.text === ',') {
        // According to X, CLAUSE
        if (tokens[np.last + 1]?.text !== ',') {
          if (np.last >= end && !atStart) {
            const bounds = this.trimmedRange(s.first, k - 1);
            if (!bounds) return null;
            const att = this.attributionFor(np, k, 0.8, 'according-to');
            return att ? this.indirectStatement(bounds[0], bounds[1], att, k, 0.8, 'according-to', k + 1) : null;
          }
          return null;
        }
        const bounds = this.clauseEnd(np.last + 2, s.last);
        if (!bounds) return null;
        const att = this.attributionFor(np, k, 0.8, 'according-to');
        return att ? this.indirectStatement(bounds[0], bounds[1], att, k, 0.8, 'according-to', k + 1) : null;
      }
      if (np.last >= end) {
        // CLAUSE according to X.
        const bounds = this.trimmedRange(s.first, k - 1);
        if (!bounds) return null;
        const att = this.attributionFor(np, k, 0.8, 'according-to');
        return att ? this.indirectStatement(bounds[0], bounds[1], att, k, 0.8, 'according-to', k + 1) : null;
      }
      return null;
    }
    return null;
  }

  private indirectStatement(first: number, last: number, att: Attribution, cue: number, conf: number, rule: string,
    cueLast = cue): Statement | null {
    const { tokens } = this;
    // a reported clause that carries a quotation is annotated through the quotation only
    for (let k = first; k <= last; k++) {
      const t = tokens[k];
      if (t.depth > 0 && this.isQuotation[t.quote]) return null;
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
      confidence: Math.min(conf, att.confidence),
      rule,
      span: -1,
    };
  }

  /** Where a reported clause starting at j ends: the sentence end, or a following attribution or participle. */
  private clauseEnd(j: number, last: number): [number, number] | null {
    const { tokens } = this;
    let end = last;
    for (let k = j; k <= last; k++) {
      const t = tokens[k];
      if (t.depth !== 0) continue;
      if (t.text === ';') {
        end = k - 1;
        break;
      }
      if (t.text === ',' && k + 1 <= last) {
        const n = tokens[k + 1];
        const cue = this.cueAt(k + 1);
        if ((cue && cue.participle) || (n.lower === 'according' && tokens[k + 2]?.lower === 'to')) {
          end = k - 1;
          break;
        }
      }
    }
    return this.trimmedRange(j, end);
  }

  /** Token range without leading/trailing punctuation, or null if empty. */
  private trimmedRange(first: number, last: number): [number, number] | null {
    const { tokens } = this;
    while (first <= last && (tokens[first].kind === 'punct' || tokens[first].lower === 'that')) first++;
    while (last >= first && tokens[last].kind === 'punct' && !/^[)\]%]$/.test(tokens[last].text)) last--;
    return first <= last ? [first, last] : null;
  }

  /** A clause without "that": a subject pronoun, or a noun phrase followed soon by a finite verb. */
  private bareClause(j: number, last: number): boolean {
    const { tokens } = this;
    const t = tokens[j];
    if (!t || t.depth !== 0 || t.kind !== 'word') return false;
    if (SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'there') return true;
    if (PREPOSITIONS.has(t.lower) || t.lower === 'to' || CONJUNCTIONS.has(t.lower) || cueOf(t.lower)) return false;
    for (let k = j + 1; k <= Math.min(last, j + 10); k++) {
      const x = tokens[k];
      if (x.depth !== 0 || x.kind === 'punct') return false;
      if (AUX.has(x.lower)) return true;
      if (/ed$/.test(x.lower) && !x.cap && !DETERMINERS.has(tokens[k - 1].lower) && k > j + 0) return true;
    }
    return false;
  }

  private onlyAdverbials(k: number, end: number): boolean {
    const { tokens } = this;
    if (k > end) return true;
    const t = tokens[k];
    if (t.kind === 'word' && (TEMPORAL.has(t.lower) || PREPOSITIONS.has(t.lower) || /ly$/.test(t.lower))) {
      for (let i = k; i <= end; i++) {
        if (this.cueAt(i) || AUX.has(tokens[i].lower) || tokens[i].lower === 'that' || tokens[i].depth > 0) return false;
      }
      return end - k < 12;
    }
    return false;
  }

  // ---------------------------------------------------------------- cues and subjects

  private cueAt(k: number): Cue | undefined {
    const t = this.tokens[k];
    if (!t || t.kind !== 'word' || t.depth !== 0) return undefined;
    if (t.cap && !this.startAt(k)) return undefined;
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
    // passive: described by Johnson as …
    if (tokens[c + 1]?.lower === 'by' && /(ed|en)$/.test(tokens[c].lower)) {
      const np = this.npForward(c + 2, s.last);
      if (np && this.speakerLike(np)) return this.attributionFor(np, c, 0.8, 'passive-agent');
    }
    const k = this.skipAdjunctsBack(c - 1, s.first);
    const prev = tokens[k];
    if (!cue.participle && prev && !(prev.kind === 'word' && CONJUNCTIONS.has(prev.lower) && prev.lower !== 'who' && prev.lower !== 'which')) {
      const np = this.npBackward(k, s.first);
      if (np && this.subjectFits(np, cue)) return this.attributionFor(np, c, 0.9, 'subject');
      if (np && !cue.participle) return null;
    }
    // participle or coordinated verb: the subject of the main clause
    for (let p = c - 1; p >= s.first; p--) {
      if (this.frames.has(p) && this.frames.get(p)) return { ...this.frames.get(p)!, cue: c, confidence: 0.8 };
      const q = tokens[p].kind === 'qclose' ? tokens[p].quote : -1;
      if (q >= 0 && this.bySpan.has(q)) return { ...this.bySpan.get(q)!, cue: c, confidence: 0.8 };
    }
    const subj = this.sentenceSubject(si);
    if (subj && subj.last < c) return this.attributionFor(subj, c, 0.75, 'clause-subject');
    return null;
  }

  /** Whether an NP may be the subject of this cue ("states" needs a person, not "EU member"). */
  private subjectFits(np: NP, cue: Cue): boolean {
    if (!this.speakerLike(np)) return false;
    if (!cue.nounLike) return true;
    if (np.kind !== 'common') return true;
    const head = this.tokens[np.last].lower;
    return INTERVIEWEE_NOUNS.has(head) || (TITLES.has(head) && AGENT_SUFFIX.test(head)) ||
      /^(spokesman|spokeswoman|spokesperson|minister|president|official|ruling|statement|court|summary|report)$/.test(head);
  }

  private speakerLike(np: NP): boolean {
    const { tokens } = this;
    if (np.kind === 'pronoun') return tokens[np.first].lower !== 'you';
    if (np.kind === 'name') return true;
    const head = tokens[np.last];
    if (head.kind !== 'word') return false;
    if (head.cap && !this.startAt(np.last)) return true;
    return SPEAKER_NOUNS.has(head.lower) || (AGENT_SUFFIX.test(head.lower) && head.lower.length > 4);
  }

  private skipAdjunctsBack(k: number, lo: number): number {
    const { tokens } = this;
    while (k >= lo) {
      const t = tokens[k];
      if (t.kind === 'word' && !t.cap && t.depth === 0 && (VERB_ADJUNCTS.has(t.lower) || /^[a-z]+ly$/.test(t.lower) && !SPEAKER_NOUNS.has(t.lower))) {
        k--;
        continue;
      }
      break;
    }
    return k;
  }

  private skipAdjunctsFwd(k: number, hi: number): number {
    const { tokens } = this;
    while (k <= hi) {
      const t = tokens[k];
      if (t.kind === 'word' && !t.cap && t.depth === 0 && !cueOf(t.lower) && (VERB_ADJUNCTS.has(t.lower) || /^[a-z]+ly$/.test(t.lower))) {
        k++;
        continue;
      }
      break;
    }
    return k;
  }

  private isNPStart(j: number): boolean {
    const t = this.tokens[j];
    if (!t || t.kind !== 'word' || t.depth !== 0) return false;
    return DETERMINERS.has(t.lower) || t.cap || PRONOUNS.has(t.lower);
  }

  /** The noun phrase ending at token k (the subject of a verb after it). */
  private npBackward(k: number, lo: number): NP | null {
    const { tokens } = this;
    if (k < lo) return null;
    let t = tokens[k];
    if (t.depth !== 0) return null;
    const last = k;
    // Syrian Democratic Forces (SDF) announced
    if (t.text === ')') {
      let o = k - 1;
      while (o >= lo && o > k - 8 && tokens[o].text !== '(') o--;
      if (o < lo || tokens[o].text !== '(') return null;
      const inner = this.npBackward(o - 1, lo);
      return inner ? { ...inner, last } : null;
    }
    if (t.kind === 'word' && (t.lower === 'who' || t.lower === 'which' || t.lower === 'that')) {
      if (t.lower === 'that') return null;
      const a = tokens[k - 1]?.text === ',' ? k - 2 : k - 1;
      return this.npBackward(a, lo);
    }
    if (t.text === ',') return this.appositionBack(k, lo);
    if (t.kind === 'word' && PRONOUNS.has(t.lower) && SUBJECT_PRONOUNS.has(t.lower)) {
      return { first: k, last: k, kind: 'pronoun' };
    }
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
        // lowercase titles before: prime minister Kyriakos Mitsotakis
        const rs = this.roleStart(first);
        if (rs !== null && rs >= lo) {
          role = this.doc.text.slice(tokens[rs].start, tokens[first - 1].end);
          first = rs;
        }
        if (first - 1 >= lo && DETERMINERS.has(tokens[first - 1].lower) && !tokens[first - 1].cap) first--;
        else if (first - 1 >= lo && tokens[first - 1].lower === 'the') first--;
        // a person from an organization: Belgzim Kamberi from the Musine Kokalari Institute
        const link = tokens[first - 1];
        if (link && first - 2 >= lo && /^(from|of|at|for)$/.test(link.lower)) {
          const head = this.npBackward(first - 2, lo);
          if (head && head.kind !== 'pronoun') {
            const affiliation = this.doc.text.slice(tokens[best.first].start, tokens[best.last].end);
            return { ...head, last, affiliation: head.affiliation ?? affiliation };
          }
        }
        return { first, last, kind: 'name', run: best, role };
      }
      if (t.kind === 'num') return null;
    }
    if (t.kind !== 'word') return null;
    // a common noun phrase: some of the protesters, state media, Johnson's critics
    let first = k;
    let count = 1;
    while (first - 1 >= lo && count < 7) {
      const p = tokens[first - 1];
      if (p.depth !== 0) break;
      if (p.kind === 'word' && DETERMINERS.has(p.lower)) {
        first--;
        // Some of the protesters / members of the party
        if (tokens[first - 1]?.lower === 'of' && first - 2 >= lo && tokens[first - 2].kind === 'word' &&
            (DETERMINERS.has(tokens[first - 2].lower) || SPEAKER_NOUNS.has(tokens[first - 2].lower))) {
          first -= 2;
          if (first - 1 >= lo && DETERMINERS.has(tokens[first - 1].lower)) first--;
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
    return { first, last, kind: 'common' };
  }

  /** SUBJECT, APPOSITION, CUE — the subject is before the apposition (or is the apposition when it is a name). */
  private appositionBack(k: number, lo: number): NP | null {
    const { tokens } = this;
    let m = k - 1;
    while (m >= lo && m > k - 30 && !(tokens[m].text === ',' && tokens[m].depth === 0)) {
      if (tokens[m].depth > 0) return null;
      m--;
    }
    if (m < lo || tokens[m].text !== ',') return null;
    const seg = tokens[m + 1];
    if (!seg) return null;
    if (/^(who|which|whose|whom)$/.test(seg.lower) || seg.kind === 'num') return this.npBackward(m - 1, lo);
    const run = capRun(tokens, m + 1, this.startAt);
    if (run && run.last === k - 1) {
      const parts = analyzeRun(this.doc.text, tokens, run, this.isKnownPlace);
      if (parts.kind === 'person') {
        const before = this.npBackward(m - 1, lo);
        const role = before ? this.doc.text.slice(tokens[before.first].start, tokens[before.last].end) : undefined;
        return { first: m + 1, last: k - 1, kind: 'name', run, role };
      }
    }
    const head = this.npBackward(m - 1, lo);
    if (!head || head.kind === 'pronoun') return null;
    const role = this.doc.text.slice(tokens[m + 1].start, tokens[k - 1].end);
    return { ...head, role: head.role ?? role };
  }

  /** The noun phrase starting at token j. */
  private npForward(j: number, hi: number): NP | null {
    const { tokens } = this;
    const t = tokens[j];
    if (!t || j > hi || t.depth !== 0 || (t.kind !== 'word' && t.kind !== 'num')) return null;
    if (PRONOUNS.has(t.lower) && (SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'him' || t.lower === 'her' || t.lower === 'them')) {
      if (t.lower === 'her' && tokens[j + 1]?.kind === 'word' && !cueOf(tokens[j + 1].lower)) {
        // "her government": a determiner
      } else return { first: j, last: j, kind: 'pronoun' };
    }
    const run = capRun(tokens, j, this.startAt);
    if (run && !(DETERMINERS.has(t.lower))) {
      let last = run.last;
      let affiliation: string | undefined;
      // (SDF)
      if (tokens[last + 1]?.text === '(' && tokens[last + 3]?.text === ')' && last + 3 <= hi) last += 3;
      // from the Musine Kokalari Institute for Social Policy
      const link = tokens[last + 1];
      if (link && /^(from|of|at)$/.test(link.lower)) {
        let a = last + 2;
        if (tokens[a]?.lower === 'the') a++;
        const r2 = capRun(tokens, a, () => false);
        if (r2 && r2.last <= hi) {
          const p2 = analyzeRun(this.doc.text, tokens, r2, this.isKnownPlace);
          if (p2.kind === 'organization') {
            affiliation = this.doc.text.slice(tokens[r2.first].start, tokens[r2.last].end);
            last = r2.last;
          }
        }
      }
      let role: string | undefined;
      // Name, the minister of X, said
      if (tokens[last + 1]?.text === ',') {
        let m = last + 2;
        while (m <= hi && m < last + 25 && tokens[m].text !== ',' && tokens[m].depth === 0) m++;
        if (tokens[m]?.text === ',' && m > last + 2) {
          const after = this.skipAdjunctsFwd(m + 1, hi);
          if (this.cueAt(after)) {
            role = this.doc.text.slice(tokens[last + 2].start, tokens[m - 1].end);
            return { first: j, last, kind: 'name', run, role, affiliation };
          }
        }
      }
      return { first: j, last, kind: 'name', run, role, affiliation };
    }
    // common noun phrase
    let last = j;
    let k = j;
    if (DETERMINERS.has(t.lower)) k++;
    let n = 0;
    while (k <= hi && n < 7) {
      const x = tokens[k];
      if (x.depth !== 0) break;
      if (x.kind === 'word' && LINKING_PREPOSITIONS.has(x.lower) && n > 0) {
        // spokesman for 10 Downing Street, members of opposition parties
        let a = k + 1;
        if (tokens[a] && DETERMINERS.has(tokens[a].lower)) a++;
        const r = capRun(tokens, a, () => false);
        if (r && r.last <= hi) {
          last = r.last;
          k = r.last + 1;
          n++;
          continue;
        }
        if (tokens[a] && tokens[a].kind === 'word' && !cueOf(tokens[a].lower) && !AUX.has(tokens[a].lower) && a <= hi) {
          last = a;
          k = a + 1;
          n++;
          continue;
        }
        break;
      }
      if (x.kind === 'num' || (x.kind === 'word' && !PREPOSITIONS.has(x.lower) && !CONJUNCTIONS.has(x.lower) &&
          !AUX.has(x.lower) && !VERB_ADJUNCTS.has(x.lower) && !cueOf(x.lower) && x.lower !== 'to')) {
        last = k;
        k++;
        n++;
        continue;
      }
      if (x.kind === 'word' && (x.lower === "'s" || x.lower === '’s')) {
        k++;
        continue;
      }
      break;
    }
    if (n === 0) return null;
    return { first: j, last, kind: 'common' };
  }

  /** The subject of a sentence's main clause: after openers like "On Monday," or "But". */
  private sentenceSubject(si: number): NP | null {
    const { tokens } = this;
    const s = this.doc.sentences[si];
    let i = s.first;
    if (tokens[i].kind === 'qopen') return null;
    for (let guard = 0; guard < 3; guard++) {
      const t = tokens[i];
      if (!t) return null;
      if (t.kind === 'word' && OPENERS.has(t.lower)) {
        i++;
        if (tokens[i]?.text === ',') i++;
        continue;
      }
      const opener = t.kind === 'word' && (PREPOSITIONS.has(t.lower) || /ing$/.test(t.lower) || isOpener(t.lower) ||
        t.lower === 'according' || t.lower === 'as' || t.lower === 'after' || t.lower === 'when' || t.lower === 'if');
      if (opener && !(t.cap && capRun(tokens, i, () => false) && !isOpener(t.lower) && !PREPOSITIONS.has(t.lower) && !/ing$/.test(t.lower))) {
        let k = i + 1;
        while (k <= s.last && k < i + 25 && !(tokens[k].text === ',' && tokens[k].depth === 0)) k++;
        if (k > s.last || tokens[k].text !== ',') return null;
        i = k + 1;
        continue;
      }
      break;
    }
    const np = this.npForward(i, s.last);
    if (!np) return null;
    const v = this.skipAdjunctsFwd(np.last + 1, s.last);
    const vt = tokens[v];
    if (!vt || vt.kind !== 'word' || vt.cap || PREPOSITIONS.has(vt.lower) || CONJUNCTIONS.has(vt.lower)) return null;
    return np;
  }

  private verbAfter(np: NP, limit: number): number | null {
    const v = this.skipAdjunctsFwd(np.last + 1, limit);
    return v < limit && this.tokens[v].kind === 'word' ? v : null;
  }

  // ---------------------------------------------------------------- resolution

  private attributionFor(np: NP, cue: number | null, confidence: number, rule: string, cueLast?: number): Attribution | null {
    void cueLast;
    const r = this.resolve(np);
    if (!r) return null;
    return { speaker: r.speaker, entity: r.entity, cue, confidence: confidence * r.certainty, rule };
  }

  private resolve(np: NP): { speaker: Speaker; entity: Entity | null; certainty: number } | null {
    const { tokens } = this;
    const text = this.doc.text;
    if (np.kind === 'pronoun') {
      const t = tokens[np.first];
      const mention = this.span(np.first, np.first);
      const e = this.resolvePronoun(t.lower, np.first);
      if (e) return { speaker: speakerOf(e, mention), entity: e, certainty: 1 };
      return { speaker: { name: null, role: null, affiliation: null, mention, kind: 'unknown' }, entity: null, certainty: 0.9 };
    }
    if (np.kind === 'name' && np.run) {
      const reg = this.registerRun(np.run, true, np);
      const mention = this.span(reg.name.first, reg.name.last);
      return { speaker: speakerOf(reg.entity, mention), entity: reg.entity, certainty: 1 };
    }
    // common noun phrase
    const head = tokens[np.last].lower;
    const mention = this.span(np.first, np.last);
    const phrase = text.slice(tokens[np.first].start, tokens[np.last].end);
    const byRole = this.resolveRoleNoun(head, np);
    if (byRole) return { speaker: speakerOf(byRole, mention), entity: byRole, certainty: 0.95 };
    // a name inside a common phrase: "a spokeman for 10 Downing Street", "Johnson's critics"
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
      const para = tok.para;
      let fallback: Entity | null = null;
      for (const m of this.registry.before(pos)) {
        const e = m.entity;
        if (e.kind !== 'person' && e.kind !== 'unknown') continue;
        if (e.kind === 'unknown' && e.words.length > 1) continue;
        if (e.gender && e.gender !== gender) continue;
        if (this.tokens[m.pos].para < para - 6) break;
        if (m.speaker && this.sameOrPrevSentences(m.pos, pos, 3)) {
          if (!e.gender) e.gender = gender;
          return e;
        }
        if (!fallback && e.kind === 'person') fallback = e;
      }
      if (fallback && !fallback.gender) fallback.gender = gender;
      return fallback;
    }
    if (p === 'they' || p === 'them' || p === 'it') {
      for (const m of this.registry.before(pos)) {
        if (m.entity.kind === 'organization' && m.speaker) return m.entity;
        if (!this.sameOrPrevSentences(m.pos, pos, 3)) break;
      }
    }
    return null;
  }

  /** "our interlocutor" → the interviewee; "the minister" → the last person with that role. */
  private resolveRoleNoun(head: string, np: NP): Entity | null {
    const pos = np.first;
    if (INTERVIEWEE_NOUNS.has(head)) {
      let fallback: Entity | null = null;
      for (const m of this.registry.before(pos)) {
        if (m.entity.kind !== 'person') continue;
        if (m.entity.role && normIncludes(m.entity.role, head)) return m.entity;
        if (m.speaker && !fallback) fallback = m.entity;
      }
      return fallback;
    }
    const det = this.tokens[np.first].lower;
    if (det !== 'the' && det !== 'this') return null;
    if (np.last - np.first > 3) return null;
    for (const m of this.registry.before(pos)) {
      const e = m.entity;
      if (e.kind === 'person' && e.role && normIncludes(e.role, head)) return e;
      if (e.kind === 'organization' && ORG_NOUNS.has(head) && normIncludes(e.name, head)) return e;
    }
    return null;
  }

  private sameOrPrevSentences(a: number, b: number, n: number): boolean {
    return this.doc.sentOf[b] - this.doc.sentOf[a] <= n;
  }

  // ---------------------------------------------------------------- nested quotations

  /** A quotation inside a quotation is a quotation only when someone is said to say it there. */
  private nested(): void {
    const { tokens } = this;
    this.doc.spans.forEach((span, q) => {
      if (span.depth < 2) return;
      const parentAtt = this.bySpan.get(span.parent);
      if (!this.isQuotation[span.parent] && this.doc.spans[span.parent].depth === 1) return;
      const open = this.doc.openTok[q];
      const close = this.doc.closeTok[q];
      if (open < 0 || close < 0) return;
      let att: Attribution | null = null;
      // inside the parent: SPEAKER CUE, '…'
      let k = open - 1;
      if (tokens[k]?.text === ',' || tokens[k]?.text === ':') k--;
      const cueTok = tokens[k];
      if (cueTok && cueTok.kind === 'word' && cueOf(cueTok.lower) && cueTok.quote === span.parent) {
        let s = k - 1;
        while (s >= 0 && tokens[s].quote === span.parent && tokens[s].kind === 'word' && VERB_ADJUNCTS.has(tokens[s].lower)) s--;
        const subj = tokens[s];
        if (subj && subj.quote === span.parent) {
          if (subj.lower === 'i' || subj.lower === 'we') {
            if (parentAtt) att = { ...parentAtt, cue: k, confidence: 0.8, rule: 'nested-first-person' };
          } else {
            let first = s;
            while (first - 1 >= 0 && tokens[first - 1].quote === span.parent && tokens[first - 1].kind === 'word' && tokens[first - 1].cap) first--;
            const words = tokens.slice(first, s + 1).filter((x) => x.kind === 'word' && !TITLES.has(x.lower));
            if (words.length && words.every((w) => w.cap)) {
              const e = this.registry.lookup(words.map((w) => w.text)) ?? this.registry.register(words.map((w) => w.text), 'person');
              const mention = this.span(tokens.indexOf(words[0]), s);
              att = { speaker: speakerOf(e, mention), entity: e, cue: k, confidence: 0.8, rule: 'nested-cue' };
            } else if (SUBJECT_PRONOUNS.has(subj.lower)) {
              const e = this.resolvePronoun(subj.lower, s);
              const mention = this.span(s, s);
              att = { speaker: e ? speakerOf(e, mention) : { name: null, role: null, affiliation: null, mention, kind: 'unknown' }, entity: e, cue: k, confidence: 0.7, rule: 'nested-cue' };
            }
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
        confidence: att ? att.confidence : 0.4,
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

function isOpener(lower: string): boolean {
  return OPENERS.has(lower) || /^(in|on|at|after|before|when|while|during|following|despite|although|though|since|as|if|regarding|late|early|earlier|later|last|this|that|following|speaking|according|with|without|for|from|by|under|over|to)$/.test(lower);
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

