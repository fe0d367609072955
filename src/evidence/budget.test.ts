// The bounds that keep extraction linear and within the item caps on any text: the token budget
// (buildDoc reads only the beginning of a text with too many tokens), attribution stopping once
// it has more statements than are kept, and the tokenizer's typed-array pass.
import { describe, expect, it } from 'vitest';
import { attribute } from './attribution.ts';
import { buildDoc } from './document.ts';
import { ITEM_CAPS, MAX_TOKENS, capWarnings, extract } from './extract.ts';
import { Registry } from './people.ts';
import { scanTokens, tokenize } from './tokens.ts';

const noPlaces = () => null;

describe('the token budget', () => {
  it('reads a text with more tokens than the budget only up to the budget, at a token boundary', () => {
    const text = 'Vask said that the talks would resume. '.repeat(200);
    const doc = buildDoc(text, 500);
    expect(doc.tokens.length).toBeLessThanOrEqual(500);
    expect(doc.tokens.length).toBeGreaterThan(490);
    expect(text.startsWith(doc.text)).toBe(true);
    expect(doc.text.length).toBeLessThan(text.length);
    // the next token starts where reading stopped
    expect(text.slice(doc.text.length)).toMatch(/^\S/);
    const whole = buildDoc(text);
    expect(whole.text).toBe(text);
    // the part read is analysed exactly as the same part of the whole text
    expect(doc.tokens).toEqual(whole.tokens.slice(0, doc.tokens.length));
  });

  it('says so in the warnings, with where reading stopped', () => {
    const [w] = capWarnings({ readTo: 123_456 });
    expect(w).toContain(MAX_TOKENS.toLocaleString('en'));
    expect(w).toContain('123,456 characters');
    expect(capWarnings({})).toEqual([]);
  });

  it('a text under the budget has no readTo', () => {
    expect(extract('"We will sign," Vask said.').readTo).toBeUndefined();
  });
});

describe('attribution past the cap', () => {
  it('stops reading once it has more statements than are kept; the first ones are the same', () => {
    const text = Array.from({ length: 300 }, (_, i) => `"Point ${i} stands," Irena Vask said. Kroll said that item ${i} was agreed.`).join(' ');
    const doc = buildDoc(text);
    const all = attribute(doc, noPlaces).statements;
    const some = attribute(doc, noPlaces, { maxStatements: 100 }).statements;
    expect(all.length).toBeGreaterThan(500);
    expect(some.length).toBeGreaterThan(100);
    expect(some.length).toBeLessThan(all.length);
    expect(some.slice(0, 100)).toEqual(all.slice(0, 100));
  });

  it('extract keeps the cap and says it was reached', () => {
    const text = '"Yes," he said, "and no," she added, '.repeat(800);
    const x = extract(text);
    expect(x.quotes).toHaveLength(ITEM_CAPS.quotes);
    expect(x.capped).toContain('quotes');
  });
});

describe('the registry with a document of mentions', () => {
  it('merges a batch of hundreds of thousands of mentions (once a stack overflow)', () => {
    const r = new Registry();
    const e = r.register(['Irena', 'Vask'], 'person');
    r.mention(e, 0, false);
    r.beginBatch();
    for (let i = 1; i <= 300_000; i++) r.mention(e, i, false);
    expect(() => r.endBatch()).not.toThrow();
    expect([...r.before(10)].length).toBe(10);
  });
});

describe('the tokenizer', () => {
  it('finds each token once, and marks, paragraphs and possessives as before', () => {
    const text = 'The E.U. and Vask\'s envoy said 3.5% "no."\n\n“Kroll’s plan…” failed';
    const bounds = scanTokens(text);
    const doc = buildDoc(text);
    expect(tokenize(doc.text, doc.spans, bounds)).toEqual(doc.tokens);
    expect(doc.tokens.map((t) => t.text)).toEqual(
      ['The', 'E.U.', 'and', 'Vask', "'s", 'envoy', 'said', '3.5%', '"', 'no', '.', '"', '“', 'Kroll', '’s', 'plan', '…', '”', 'failed']);
    expect(doc.tokens.map((t) => t.kind).filter((k) => k === 'qopen' || k === 'qclose')).toEqual(['qopen', 'qclose', 'qopen', 'qclose']);
    expect(doc.tokens.find((t) => t.text === 'Kroll')).toMatchObject({ para: 2, depth: 1, quote: 1, cap: true });
    expect(scanTokens(text, 3)).toMatchObject({ count: 3, cut: text.indexOf('Vask') });
  });
});
