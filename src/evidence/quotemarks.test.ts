import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from './quotemarks.ts';

const contents = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));

describe('quotation spans', () => {
  it('finds straight and curly double quotes', () => {
    expect(contents('He said "yes, we will" and “no, never”.')).toEqual(['yes, we will', 'no, never']);
  });

  it('reads German „…“ and guillemets in both directions', () => {
    expect(contents('Er sagte: „Wir kommen.“ Dann ging er.')).toEqual(['Wir kommen.']);
    expect(contents('Il a dit « nous viendrons » hier.')).toEqual([' nous viendrons ']);
    expect(contents('Er sagte »Wir kommen« und ging.')).toEqual(['Wir kommen']);
  });

  it('keeps a quotation that runs over paragraphs when each paragraph reopens it', () => {
    const text = '"First paragraph of the speech.\n\n"Second paragraph," she said.';
    const spans = findQuoteSpans(text);
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('First paragraph of the speech.\n\n"Second paragraph,');
    expect(spans[0].reopen).toEqual([33]);
  });

  it('closes on a mark set off by a space before a comma (after a nested quotation)', () => {
    const text = `"Then I thought, 'I can do this' ", he recalled. "Never," she said.`;
    expect(contents(text)).toEqual([`Then I thought, 'I can do this' `, 'I can do this', 'Never,']);
  });

  it('drops an unbalanced mark instead of guessing across paragraphs', () => {
    expect(contents('He said "this never closes.\n\nA new paragraph without quotes.')).toEqual([]);
  });

  it('nests single quotes inside double ones, and ignores apostrophes', () => {
    const text = `"I asked and he said, 'Let's talk tomorrow,'" she recalled. It's Jones' book.`;
    const spans = findQuoteSpans(text);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.depth])).toEqual([
      [`I asked and he said, 'Let's talk tomorrow,'`, 1],
      [`Let's talk tomorrow,`, 2],
    ]);
  });

  it('nests a straight double quotation inside another by the spacing around the marks', () => {
    const text = '"The "United States" is not holding anyone." He left.';
    const spans = findQuoteSpans(text);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.depth])).toEqual([
      ['The "United States" is not holding anyone.', 1],
      ['United States', 2],
    ]);
  });

  it('reads curly single quotes at the top level (British style)', () => {
    expect(contents('The minister called it ‘a disgrace’ on Monday.')).toEqual(['a disgrace']);
  });
});
