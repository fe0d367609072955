// Which quotation-marked spans are not quotations, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extract } from './extract.ts';

const direct = (text: string) => extract(text).quotes.filter((q) => q.kind === 'direct').map((q) => q.text);

describe('names in quotation marks', () => {
  it('a nickname between a first name and a surname is part of the name', () => {
    expect(direct('She married the agent Benedetto "Benny" Solari in 1950.')).toEqual([]);
    expect(direct('Coach Marta "The Wall" Ilves retired on Sunday.')).toEqual([]);
  });

  it('a capitalized quoted word that someone says is still a quotation', () => {
    expect(direct('Ilves said "Goodbye" to the crowd.')).toEqual(['Goodbye']);
  });

  it('a short title-case name with American punctuation (a comma inside the mark) is a name', () => {
    expect(direct('Her name was changed to "Lotte Brand," a name that fit on posters.')).toEqual([]);
  });

  it('a title-case phrase with a comma is speech when a reporting verb is attached, or when it is long', () => {
    expect(direct('"Welcome Home," said Mayor Ilves.')).toEqual(['Welcome Home,']);
    expect(direct('"Welcome Home," Mayor Ilves said.')).toEqual(['Welcome Home,']);
    expect(direct('The banner and the mayor both read "We Will Rebuild This Town Together," and nothing else.')).toHaveLength(1);
  });
});

describe('names and terms talked about, not said', () => {
  it('a passive naming verb with an adverb or an article between: was widely called (the) "…"', () => {
    expect(direct('The bridge was widely called "the iron harp." It opened in 1931.')).toEqual([]);
    expect(direct('In those years the valley was called the "orchard" of the north.')).toEqual([]);
  });

  it('"has referred to X as" is someone\'s characterization; "is referred to as" names', () => {
    expect(direct('The plan, which Mayor Ilves has referred to as "folly", passed.')).toEqual(['folly']);
    expect(direct('The plan is referred to as "folly" in the press.')).toEqual([]);
  });

  it('also known as the "…", and the question, "…"', () => {
    expect(direct('Act No. 12, also known as the "Harbour Law", was repealed.')).toEqual([]);
    expect(direct('The form added the question, "Do you own a boat?", to the survey.')).toEqual([]);
  });

  it('naming a thing: the board named the comet "…"', () => {
    expect(direct('The board named the comet it spotted "Lund\'s wanderer" (C/2031).')).toEqual([]);
  });

  it('a term coordinated with a term is one too; a quotation coordinated with a quotation stays one', () => {
    expect(direct('The bills used the terms "civil bond" and "family union." Neither passed.')).toEqual([]);
    expect(direct('Ilves called the plan "folly" and "a waste of money".')).toEqual(['folly', 'a waste of money']);
  });

  it('a short quoted term as the subject of "be" at the start of a clause', () => {
    expect(direct('The agency chose a name: "KX-9" is to replace the old label. "KX-9" is short for nothing.')).toEqual([]);
    expect(direct('"We won," is all she said.')).toHaveLength(1);
  });
});
