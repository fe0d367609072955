// extract(text, gazetteer): quotations, reported statements, speakers, mentions and conditional
// claims, every item with offsets into `text`, the rule that produced it and a confidence.
// Pure: no I/O, no clock.
import { attribute } from './attribution.ts';
import { findClaims } from './claims.ts';
import { buildDoc } from './document.ts';
import { buildGazetteer, findMentions, type Gazetteer, type MentionVia } from './gazetteer.ts';
import type { PlaceLookup } from './people.ts';
import type { Extraction, Mention, Quote } from './types.ts';

const MENTION_CONFIDENCE: Record<MentionVia, number> = { name: 0.95, alias: 0.9, capital: 0.75, demonym: 0.7 };

let empty: Gazetteer | null = null;
/** A gazetteer that knows no states or organizations (quotes and speakers still work). */
export function emptyGazetteer(): Gazetteer {
  return (empty ??= buildGazetteer({ states: [], organizations: [] }));
}

export function extract(text: string, gazetteer: Gazetteer = emptyGazetteer()): Extraction {
  const doc = buildDoc(text);
  const places: PlaceLookup = (first) => {
    const m = gazetteer.matchAt(doc.tokens, first);
    return m ? { length: m.length, demonym: m.entry.via === 'demonym' } : null;
  };
  const { statements } = attribute(doc, places);
  const quotes: Quote[] = statements.map((st, i) => ({
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
  const mentions: Mention[] = findMentions(doc.tokens, gazetteer).map((m, i) => ({
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
  const claims = findClaims(doc, quotes);
  return { quotes, mentions, claims };
}
