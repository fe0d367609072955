// The one context every attribution rule family reads and writes: the document (text, tokens,
// sentences, quotation spans), the gazetteer lookup, the noun-phrase finder, the registry of
// people, and what the rules have found so far. Plus the small span helpers they share.
import type { Doc } from '../document.ts';
import type { NonQuoteReason } from '../nonquotes.ts';
import { Registry, type Entity, type PlaceLookup } from '../people.ts';
import { Phrases, type NP } from '../phrases.ts';
import type { Token } from '../tokens.ts';
import type { Speaker, Span } from '../types.ts';

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

/** Who said something, through which reporting verb, by which rule and how sure. */
export interface Attribution {
  speaker: Speaker;
  entity: Entity | null;
  /** first and last token of the cue ("according to" has two) */
  cue: number | null;
  cueLast?: number;
  confidence: number;
  rule: string;
}

/** ", SPEAKER CUE [addressee] [adverbials]." at the end of a sentence: the phrase, the cue and the comma. */
export interface FinalCue {
  np: NP;
  cue: number;
  comma: number;
}

export interface AttributionOptions {
  /**
   * Stop reading once more statements than this are found: the caller keeps only the first ones
   * (extract's per-document cap), so on hostile text ("said that said that …") the rest is work
   * for nothing. What is found up to that point is the same as without the bound.
   */
  maxStatements?: number;
}

export interface AttributionContext {
  // ---- what the rules read
  readonly doc: Doc;
  readonly maxStatements: number;
  readonly text: string;
  readonly tokens: Token[];
  /** the gazetteer, as "is there a place name starting at token i" */
  readonly places: PlaceLookup;
  readonly np: Phrases;
  // ---- what the rules have found so far (later rules lean on earlier findings)
  readonly registry: Registry;
  /** attribution of each direct quotation span */
  readonly bySpan: Map<number, Attribution>;
  /** which quotation-marked spans are quotations (not names, glosses, scare quotes) */
  readonly isQuotation: boolean[];
  readonly nonQuotes: Array<{ span: number; reason: NonQuoteReason }>;
  readonly statements: Statement[];
  /** resolved reporting verbs: cue token → attribution (null when the verb has no usable subject) */
  readonly frames: Map<number, Attribution | null>;
  /** per sentence: its sentence-final attribution, if any */
  readonly finalCue: Map<number, FinalCue | null>;
  /** per sentence: token positions of "according to" in the narrative (according.ts) */
  readonly accordingTo: Map<number, number[]>;
  lastDirect: { para: number; sentence: number; att: Attribution } | null;
  /** per sentence: whether it has a reporting verb or "according to" in the narrative (direct.ts) */
  readonly reports: Map<number, boolean>;
  /** the latest attributed reported statement (a quotation standing alone after it may continue it) */
  lastReported: { para: number; sentence: number; att: Attribution } | null;
}

/** How far (in tokens) a rule looks for a cue or a clause end; keeps run-on "sentences" linear. */
export const SCAN_LIMIT = 150;

export function createContext(doc: Doc, places: PlaceLookup, opts: AttributionOptions = {}): AttributionContext {
  return {
    doc,
    maxStatements: opts.maxStatements ?? Number.POSITIVE_INFINITY,
    text: doc.text,
    tokens: doc.tokens,
    places,
    np: new Phrases(doc, places),
    registry: new Registry(),
    bySpan: new Map(),
    isQuotation: doc.spans.map(() => false),
    nonQuotes: [],
    statements: [],
    frames: new Map(),
    finalCue: new Map(),
    accordingTo: new Map(),
    lastDirect: null,
    lastReported: null,
    reports: new Map(),
  };
}

/** Whether more statements than the caller keeps have been found (`pending` more are in hand). */
export function enough(ctx: AttributionContext, pending = 0): boolean {
  return ctx.statements.length + pending > ctx.maxStatements;
}

/** The text and offsets of tokens first..last. */
export function spanOf(ctx: AttributionContext, first: number, last: number): Span {
  const start = ctx.tokens[first].start;
  const end = ctx.tokens[last].end;
  return { text: ctx.text.slice(start, end), start, end };
}

/** The token containing a character offset (or the next one), -1 past the end. */
export function tokenAtOffset(ctx: AttributionContext, offset: number): number {
  const { tokens } = ctx;
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

/** The paragraph before token i's, -1 in the first paragraph. */
export function previousParagraph(ctx: AttributionContext, i: number): number {
  const { tokens } = ctx;
  const para = tokens[i].para;
  for (let k = i - 1; k >= 0; k--) if (tokens[k].para !== para) return tokens[k].para;
  return -1;
}

export function speakerOf(e: Entity, mention: Span): Speaker {
  return { name: e.name, role: e.role, affiliation: e.affiliation, mention, kind: e.kind };
}

/** A speaker nobody could be resolved for ("he" with no one before). */
export function unknownSpeaker(mention: Span): Speaker {
  return { name: null, role: null, affiliation: null, mention, kind: 'unknown' };
}

export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return [start, end];
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Whether a word is one of hay's words, ignoring case ("the minister" in "Foreign Minister"). */
export function normIncludes(hay: string, needle: string): boolean {
  return hay.toLowerCase().split(/[^\p{L}]+/u).includes(needle.toLowerCase());
}
