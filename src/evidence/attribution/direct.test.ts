// Which quotation-marked spans become direct quotations, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';

const direct = (text: string) => extract(text).quotes.filter((q) => q.kind === 'direct').map((q) => q.text);

describe('short quoted terms in a sentence that reports nobody', () => {
  it('labels and scare quotes without a reporting verb are not quotations', () => {
    expect(direct('On Monday, the flood risk was raised from "moderate" to "high".')).toEqual([]);
    expect(direct('The 2011 "Harbourgate affair" ended two careers.')).toEqual([]);
  });

  it('a quoted fragment the sentence subject may have used stays a quotation (sentence-subject)', () => {
    expect(direct('The agency raised the flood risk from "moderate" to "high" on Monday.')).toEqual(['moderate', 'high']);
  });

  it('the same phrase is a quotation when the sentence reports someone', () => {
    expect(direct('Mayor Ilse Varga said the risk was "very high" on Monday.')).toEqual(['very high']);
    expect(direct('The risk was "very high", according to the agency.')).toEqual(['very high']);
  });

  it('a longer fragment, a whole sentence, or one ending like speech stays a quotation', () => {
    expect(direct('The report found traffic had "ground to a complete halt for days" in May.')).toHaveLength(1);
    expect(direct('"Never again." The crowd went quiet.')).toEqual(['Never again.']);
    expect(direct('Residents shouted "Out!" at the council.')).toHaveLength(1);
  });
});
