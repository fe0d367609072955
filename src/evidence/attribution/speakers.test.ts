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

describe('cues that only introduce a quotation', () => {
  it('SUBJECT referred to X as "…": the subject names it', () => {
    const sp = speakerOf('The coach Marta Ilves referred to the referees as "a disgrace to the sport."');
    expect(sp?.name).toBe('Marta Ilves');
  });

  it('SUBJECT reacted on Twitter, "…"', () => {
    expect(speakerOf('The singer Tomas Reyes reacted on Twitter, "Sad news. He was a gentle man."')?.name).toBe('Tomas Reyes');
  });

  it('"refer" and "react" report no clause: no indirect statement from them', () => {
    const qs = extract('Tomas Reyes reacted that the plan was late. Ilves referred the case to the court.').quotes;
    expect(qs).toEqual([]);
  });
});

describe('nested quotations', () => {
  it('a described speaker inside a quotation: "One of the players said, \'…\'"', () => {
    const text = `"One of the players said, 'We have a keeper', and I believed him," Reyes recalled.`;
    const nested = extract(text).quotes.find((q) => q.text === 'We have a keeper');
    expect(nested?.speaker?.mention?.text).toBe('One of the players');
  });
});

describe('speakers after the quotation and in participle clauses', () => {
  it('"…" said NAME of ORGANIZATION\'s unit: the person, even without a comma', () => {
    expect(speakerOf('"We wanted to know how it spreads" said Professor Ann Lee of the University of Norland\'s medical school.')?.name)
      .toBe('Ann Lee');
  });

  it('"…", said NAME of an organization the parser cannot read whole', () => {
    expect(speakerOf('"It is a good sign", said Ryan Okafor of the Lund–Malmö Centre for Physics, who was not involved.')?.name)
      .toBe('Ryan Okafor');
  });

  it('describing nouns before a person: said lead author Professor NAME', () => {
    expect(speakerOf('"We were surprised," said lead author Professor Ann Lee.')?.name).toBe('Ann Lee');
    expect(speakerOf('"We were surprised," said study co-author Ann Lee.')?.name).toBe('Ann Lee');
  });

  it('the absolute "with NAME describing …" gives the quotation to NAME', () => {
    expect(speakerOf('Work stopped on Tuesday, with Varga describing the "real risk of another collapse" to reporters.')?.name)
      .toBe('Varga');
  });

  it('a passive with an irregular participle: he was told by NAME of "…"', () => {
    expect(speakerOf('At the meeting he was told by Minister Ilse Varga of "perhaps forty people under the rubble".')?.name)
      .toBe('Ilse Varga');
  });

  it('as SPEAKER put it — after the quotation and at the start of the sentence', () => {
    expect(speakerOf('Traffic "ground to a halt" — as the court\'s decision put it — for four days.')?.mention?.text).toBe('the court\'s decision');
    expect(speakerOf('As the minister Ann Lee put it, "nobody wins a trade war."')?.name).toBe('Ann Lee');
    expect(speakerOf('The plan was "dead on arrival," as one senator put it.')?.mention?.text).toBe('one senator');
  });
});

describe('a quotation standing alone after a reported statement', () => {
  it('continues the reported speaker in the same paragraph', () => {
    const qs = extract('Ilse Varga revealed that a sequel is being planned. "We are talking to the studio. Nothing is signed."').quotes;
    const d = qs.find((q) => q.kind === 'direct');
    expect(d?.speaker?.name).toBe('Ilse Varga');
    expect(d?.rule).toBe('floating-after-reported');
  });

  it('across a paragraph break only when the quotation is its paragraph; never two sentences later', () => {
    const para = extract('Ilse Varga revealed that a sequel is being planned.\n\n"We are talking to the studio." It opens in May.').quotes;
    expect(para.find((q) => q.kind === 'direct')?.speaker).toBeNull();
    const alone = extract('Ilse Varga revealed that a sequel is being planned.\n\n"We are talking to the studio."').quotes;
    expect(alone.find((q) => q.kind === 'direct')?.speaker?.name).toBe('Ilse Varga');
    const later = extract('Ilse Varga revealed that a sequel is being planned. The studio is in Oslo. "We are talking."').quotes;
    expect(later.find((q) => q.kind === 'direct')?.speaker).toBeNull();
  });
});

describe('he and she', () => {
  it('continue the subject of the previous sentence, named after the last speaker (centering)', () => {
    const text = '"We are ready," said Anna Smith. The chief executive, John Doe, was more cautious. "It will take time," he said.';
    const qs = extract(text).quotes.filter((q) => q.kind === 'direct');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Anna Smith', 'John Doe']);
  });

  it('still continue the last speaker when nobody else is the subject since', () => {
    const text = '"We are ready," said John Doe. The plan was delayed twice. "It will take time," he said.';
    const qs = extract(text).quotes.filter((q) => q.kind === 'direct');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['John Doe', 'John Doe']);
  });
});

describe('wire-style speakers', () => {
  it('a person described by age speaks: "…," the 45-year-old (lawyer) said', () => {
    expect(speakerOf('"We will not give up," the 45-year-old lawyer said.')?.name).toBe('the 45-year-old lawyer');
    expect(speakerOf('"We will not give up," the 45-year-old said.')?.name).toBe('the 45-year-old');
  });

  it('a hyphenated number is not a speaker by itself: the 3-day search', () => {
    expect(speakerOf('The 3-day search found "no trace at all" of the boat.')?.name ?? null).toBeNull();
  });

  it('as SPEAKER called it: a naming verb with "it" attributes the quoted phrase', () => {
    expect(speakerOf('The "peace plan", as Ivan Kov called it, failed in May.')?.name).toBe('Ivan Kov');
  });
});

describe('documents as speakers', () => {
  it('a document in the present speaks: The court opinion reads: "…"', () => {
    const text = 'The court opinion reads: "The law is void." Justice Ann Roe wrote the opinion.';
    expect(extract(text).quotes.find((q) => q.kind === 'direct')?.speaker?.mention?.text).toBe('The court opinion');
  });

  it('a past participle after a document is a reduced relative, not the document speaking', () => {
    const text = 'In a video message posted to Twitter, Ilse Varga thanked her staff and said she was "proud of every one of them".';
    expect(speakerOf(text)?.name).toBe('Ilse Varga');
  });
});

describe('appositions', () => {
  it('an age and a place between the name and the cue: Anna Lind, 52, from Oslo, said', () => {
    expect(speakerOf('Ilse Varga, 52, from Tromsø, said: "I never gave up."')?.name).toBe('Ilse Varga');
  });
});

describe('unnamed sources with a post-modifier', () => {
  it('a person familiar with the matter / a source close to the talks speaks', () => {
    expect(speakerOf('"The deal is dead," a person familiar with the matter said.')?.mention?.text).toBe('a person');
    expect(speakerOf('"The deal is dead," said a source close to the talks.')?.mention?.text).toBe('a source');
    expect(speakerOf('A source close to the talks said: "The deal is dead."')?.mention?.text).toBe('A source');
  });
});
