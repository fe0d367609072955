// Which noun phrase is the speaker, on sentences written for these tests (fictional people and
// bodies): the person, not the organization that a prepositional phrase or an apposition attaches.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';

const speakerOf = (text: string) => {
  const qs = extract(text).quotes.filter((q) => q.kind === 'direct');
  expect(qs).toHaveLength(1);
  return qs[0].speaker;
};

describe('a person tied to an organization', () => {
  it('PERSON of the PLACE\'s ORGANIZATION said: the person speaks', () => {
    const sp = speakerOf('Lena Marsh of the UK\'s National Fisheries Office (NFO) said, "Stocks are recovering."');
    expect(sp?.name).toBe('Lena Marsh');
    expect(sp?.mention?.text).toBe('Lena Marsh');
  });

  it('PERSON, of ORGANIZATION, an apposition, stated: the person before the comma speaks', () => {
    const sp = speakerOf('Tomas Reyes, of Channel Nine, one of the mayor\'s three sons, stated, "He loved this town."');
    expect(sp?.name).toBe('Tomas Reyes');
  });

  it('an organization before the comma stays the speaker (only a person takes over)', () => {
    expect(speakerOf('The Harbor Trust, of Norland, stated, "Stocks are recovering."')?.name).toBe('Harbor Trust');
  });

  it('"…," said PLACE, PLACE\'s ROLE, PERSON: the person in the apposition speaks', () => {
    const sp = speakerOf('"She was the finest teacher I have known," said University of Norland, East Bay\'s rector, Ilse Varga.');
    expect(sp?.name).toBe('Ilse Varga');
    expect(sp?.role).toContain('rector');
  });
});
