// Attribution in layouts and conventions of outlets other than Wikinews (wire copy, British and
// American dailies), on sentences written for these tests (fictional people and bodies).
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';

const directs = (text: string) => extract(text).quotes.filter((q) => q.kind === 'direct');
const speakers = (text: string) => directs(text).map((q) => q.speaker?.name ?? null);

describe('a paragraph ending in a colon introduces the quotation that opens the next', () => {
  it('SPEAKER CUE:¶"…" gives the quotation to the cue\'s speaker, across the paragraph break', () => {
    expect(speakers('Residents were angry. Tom Greer, who runs a reading group, said:\n\n"This is the one place kids can go."'))
      .toEqual(['Tom Greer']);
    expect(speakers('In a statement, the Harbour Trust said:\n\n“We will not sell the pier.”')).toEqual(['Harbour Trust']);
  });

  it('a quotation continued into the next paragraph keeps that speaker', () => {
    const qs = directs('Ana Pell told the inquiry:\n\n"I waited for hours.\n\n"Nobody came." She wept.');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Ana Pell']);
  });

  it('a colon without a reporting verb in its paragraph is not a speaker', () => {
    expect(speakers('Among the changes in the plan:\n\n"A hiring freeze across all departments."')).toEqual([null]);
  });

  it('a colon inside the same paragraph is still the colon rule\'s, and a full stop breaks the link', () => {
    expect(speakers('Tom Greer said it best.\n\n"This is the one place kids can go."')).not.toContain('Tom Greer');
  });
});

describe('he/she after a described person who opens the previous sentence', () => {
  const last = (text: string) => directs(text).at(-1)?.speaker;

  it('continues the described person, not the speaker before', () => {
    const text = 'A spokesman, Garba Sule, said: "The president has full confidence in him."\n\n' +
      'Okon\'s predecessor was more blunt. "They are behind the curve," he told a conference.';
    expect(last(text)?.name).toBe("Okon's predecessor");
    expect(last(text)?.mention?.text).toBe('he');
  });

  it('not when the gender clashes, nor for what was done to the person', () => {
    const said = '"We will rebuild," said Tom Ash.';
    expect(last(`${said} His mother was more cautious. "It will take years," he said.`)?.name).toBe('Tom Ash');
    expect(last(`${said} The official was later dismissed. "It will take years," he said.`)?.name).toBe('Tom Ash');
  });

  it('not a thing: "The plan\'s future was unclear."', () => {
    expect(last('"We will rebuild," said Tom Ash. The plan\'s future was unclear. "We will see," he said.')?.name).toBe('Tom Ash');
  });
});
