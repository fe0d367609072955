// The per-document caps of extraction and the warnings they give: apart from extract.ts so that the
// workspace (which stores the warnings) does not load the extractor, which `accede serve` needs only in
// its import worker.
import type { Extraction, ItemKindPlural } from './types.ts';

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
