// Hostile texts for the importer, each generated to about a given size: repeated triggers, one
// giant sentence, floods of quotation marks, unbalanced and deeply nested marks and brackets,
// huge lines, right-to-left and zero-width characters, random bytes. Written for these tests;
// used by the importer's adversarial test and by the import benchmark.
// Seeded with the engine's generator, so a failing case can be rebuilt exactly.
import { rng } from '../../src/engine/random.ts';

/** Repeats `unit` until the text is about `size` characters long. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

/** name → text of about `size` characters */
export const ADVERSARIAL: Record<string, (size: number) => string> = {
  'repeated if': (n) => fill('if ', n),
  'mixed conditions': (n) => fill('only if unless provided that as long as it depends on subject to if ', n),
  'one giant sentence': (n) => fill('the minister of the Example Republic met officials from many places and ', n),
  'said that chain': (n) => fill('Vask said that Kroll told reporters that ', n),
  'according to chain': (n) => fill('according to Irena Vask, according to the minister, ', n),
  'names and pronouns': (n) => fill('Irena Vask said he said she told Paul Kroll. ', n),
  'straight quote flood': (n) => fill('"', n),
  'spaced quote flood': (n) => fill('" ', n),
  'quoted words': (n) => fill('"a" ', n),
  'curly quote flood': (n) => fill('“”‘’«»„', n),
  'unbalanced quotes': (n) => fill('"We will go, he said. ', n),
  'nested quotes': (n) => fill('"a \'b “c ‘d «e ', n) + fill('» ’ ” \' "', Math.min(n, 5000)),
  'quotes over paragraphs': (n) => fill('"A continued quotation\n\n', n),
  'attributed quotes': (n) => fill('"We will meet again," said Council Chair Irena Vask. ', n),
  'trailing cues': (n) => fill('"Yes," he said, "and no," she added, ', n),
  'nested brackets': (n) => fill('(', n / 2) + fill(')', n / 2),
  'bracket soup': (n) => fill('([{—(–[', n),
  'dashes and commas': (n) => fill(', — , – ; : ', n),
  'huge line without spaces': (n) => fill('a', n),
  'huge word with hyphens': (n) => fill('a-', n),
  'many paragraphs': (n) => fill('\n', n - 1) + 'x',
  'capitalized run': (n) => fill('Very Long Capitalized Name ', n),
  'abbreviations': (n) => fill('U.S. E.U. Mr. Dr. ', n),
  'gazetteer names': (n) => fill('Kosovo NATO the Alliance Pristina Serbia ', n),
  'right-to-left and zero-width': (n) => fill('\u202eقال الوزير\u200b "\u200dنعم\u200c" \u2066if\u2069 \u061c', n),
  'combining marks': (n) => fill('e\u0301\u0301\u0301 ', n),
  'emoji and astral': (n) => fill('😀 "𝐀𝐁" said 𝒳. ', n),
  'random text': (n) => {
    const r = rng(n);
    const alphabet = 'ab cd "“”‘’\'«». ,;:—()[]\nifIF said that Vask he';
    let s = '';
    while (s.length < n) s += alphabet[Math.floor(r() * alphabet.length)];
    return s;
  },
};

/** Random bytes (seeded): what importBytes must either turn into text or refuse with an ImportError. */
export function randomBytes(size: number, seed: number): Uint8Array {
  const r = rng(seed);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Math.floor(r() * 256);
  return out;
}
