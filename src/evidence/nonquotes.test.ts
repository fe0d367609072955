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
