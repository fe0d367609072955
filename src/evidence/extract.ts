// extract(text, gazetteer): quotations, reported statements, speakers, mentions and conditional
// claims, every item with offsets into `text`, the rule that produced it and a confidence.
// Pure: no I/O, no clock.
import { attribute } from './attribution.ts';
import { findClaims } from './claims.ts';
import { buildDoc } from './document.ts';
import { buildGazetteer, findMentions, type Gazetteer, type MentionVia } from './gazetteer.ts';
import type { PlaceLookup } from './people.ts';
import type { Extraction, ItemKindPlural, Mention, Quote } from './types.ts';

/**
 * At most this many items of each kind per document, in text order. A news article has tens; a
 * hostile text ("if if if …") could otherwise make tens of thousands, each a row to store and review.
 */
export const ITEM_CAPS: Readonly<Record<ItemKindPlural, number>> = { quotes: 1000, mentions: 2000, claims: 1000 };

/**
 * At most this many tokens (words, numbers, punctuation and quotation marks) are analysed per
 * document; past them the text is stored but not read. Every step of extraction costs per token:
 * 5 MB of news is about a million tokens, a 5 MB flood of quotation marks five million.
 */
export const MAX_TOKENS = 1_500_000;

/** One warning line per capped kind (and for a text read only in part), for the import summary and the document's warnings. */
export function capWarnings(x: Pick<Extraction, 'capped' | 'readTo'>): string[] {
  const out = (x.capped ?? []).map((k) => `more than ${ITEM_CAPS[k].toLocaleString('en')} ${k} found: only the first ${ITEM_CAPS[k].toLocaleString('en')} were kept (the per-document cap)`);
  if (x.readTo !== undefined) {
    out.push(`more than ${MAX_TOKENS.toLocaleString('en')} words and marks: only the first ${x.readTo.toLocaleString('en')} characters were analysed (the per-document budget); the whole text is stored`);
  }
  return out;
}

const MENTION_CONFIDENCE: Record<MentionVia, number> = { name: 0.95, alias: 0.9, capital: 0.75, demonym: 0.7 };

let empty: Gazetteer | null = null;
/** A gazetteer that knows no states or organizations (quotes and speakers still work). */
export function emptyGazetteer(): Gazetteer {
  return (empty ??= buildGazetteer({ states: [], organizations: [] }));
}

export function extract(text: string, gazetteer: Gazetteer = emptyGazetteer()): Extraction {
  const doc = buildDoc(text, MAX_TOKENS);
  const places: PlaceLookup = (first) => {
    const m = gazetteer.matchAt(doc.tokens, first);
    return m ? { length: m.length, demonym: m.entry.via === 'demonym' } : null;
  };
  // one more than the cap tells whether it was reached
  const { statements } = attribute(doc, places, { maxStatements: ITEM_CAPS.quotes });
  const capped: ItemKindPlural[] = [];
  const cap = <T>(items: T[], kind: ItemKindPlural): T[] => {
    if (items.length <= ITEM_CAPS[kind]) return items;
    capped.push(kind);
    return items.slice(0, ITEM_CAPS[kind]);
  };
  const quotes: Quote[] = cap(statements, 'quotes').map((st, i) => ({
    id: `q${i + 1}`,
    kind: st.kind,
    text: text.slice(st.start, st.end),
    start: st.start,
    end: st.end,
    cue: st.cue,
    speaker: st.speaker,
    confidence: st.confidence,
    rule: st.rule,
  }));
  const mentions: Mention[] = cap(findMentions(doc.tokens, gazetteer, ITEM_CAPS.mentions + 1), 'mentions').map((m, i) => ({
    id: `m${i + 1}`,
    code: m.code,
    kind: m.kind,
    via: m.via,
    text: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    confidence: MENTION_CONFIDENCE[m.via],
    rule: `gazetteer-${m.via}`,
  }));
  // claims stop at the cap (one more tells whether it was reached): "if if if …" is all triggers
  const claims = cap(findClaims(doc, quotes, ITEM_CAPS.claims + 1), 'claims');
  const x: Extraction = capped.length ? { quotes, mentions, claims, capped } : { quotes, mentions, claims };
  if (doc.text.length < text.length) x.readTo = doc.text.length;
  return x;
}
