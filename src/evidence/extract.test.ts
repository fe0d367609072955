// Extraction on texts written for these tests (fictional people and institutions), one rule at a time.
import { describe, expect, it } from 'vitest';
import { ITEM_CAPS, capWarnings, extract } from './extract.ts';
import type { Quote } from './types.ts';

const quotes = (text: string) => extract(text).quotes;
const one = (text: string, kind: Quote['kind'] = 'direct') => {
  const qs = quotes(text).filter((q) => q.kind === kind);
  expect(qs).toHaveLength(1);
  return qs[0];
};
const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('direct quotations and their speakers', () => {
  it('"…," SPEAKER CUE', () => {
    const text = 'Talks resumed on Monday. "We are ready to sign," Anna Verhoeven said.';
    const q = one(text);
    expect(q.text).toBe('We are ready to sign,');
    expect(slice(text, q)).toBe(q.text);
    expect(q.speaker?.name).toBe('Anna Verhoeven');
    expect(q.cue?.text).toBe('said');
    expect(q.rule).toBe('quote-trailing');
  });

  it('"…," CUE SPEAKER, with a title split off as the role', () => {
    const q = one('"Nothing has changed," said Foreign Minister Tomas Brandl.');
    expect(q.speaker).toMatchObject({ name: 'Tomas Brandl', role: 'Foreign Minister' });
    expect(q.speaker?.mention?.text).toBe('Tomas Brandl');
  });

  it('SPEAKER CUE, "…" and a coordinated second quotation', () => {
    const text = 'Mayor Ilse Karvonen told reporters: "The bridge stays closed." She added that repairs would take weeks.';
    const q = one(text);
    expect(q.speaker?.name).toBe('Ilse Karvonen');
    const ind = one(text, 'indirect');
    expect(ind.text).toBe('repairs would take weeks');
    expect(ind.speaker?.name).toBe('Ilse Karvonen');
    expect(ind.speaker?.mention?.text).toBe('She');
  });

  it('resolves a surname and a pronoun to the full name', () => {
    const text = 'Economist Marta Olsen of the Lindqvist Institute spoke at the forum.\n\n' +
      '"Growth will slow," Olsen said.\n\n"Prices will not fall soon," she warned.';
    const qs = quotes(text);
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Marta Olsen', 'Marta Olsen']);
    expect(qs[1].speaker?.mention?.text).toBe('she');
  });

  it('resolves a role noun ("our interlocutor") to the interviewee', () => {
    const text = 'The plan depends on funding, Jonas Reiter from the Northbridge Policy Institute told Example Radio.\n\n' +
      '"Nobody expects a quick deal," our interlocutor states.';
    const ind = one(text, 'indirect');
    expect(ind.speaker).toMatchObject({ name: 'Jonas Reiter', affiliation: 'Northbridge Policy Institute' });
    expect(ind.text).toBe('The plan depends on funding');
    const q = one(text);
    expect(q.speaker?.name).toBe('Jonas Reiter');
    expect(q.speaker?.mention?.text).toBe('our interlocutor');
  });

  it('gives a floating quotation the previous speaker', () => {
    const text = '"The vote is final," the chairwoman Petra Lind said.\n\n"There will be no second round."';
    const qs = quotes(text);
    expect(qs[1].speaker?.name).toBe('Petra Lind');
    expect(qs[1].rule).toBe('floating-quote');
  });

  it('skips a parenthetical between the cue and the quotation', () => {
    const text = 'Governor Dan Akers said — as reported by the Valley Tribune — "we will rebuild."';
    expect(one(text).speaker?.name).toBe('Dan Akers');
  });

  it('takes the author of a document after "according to"', () => {
    const text = '"The border stays open," according to a statement released by the Interior Ministry.';
    expect(one(text).speaker?.name).toBe('Interior Ministry');
  });

  it('attributes a nested quotation to the speaker named inside the outer one', () => {
    const text = `"He looked at me and Director Hale said, 'We start tomorrow,'" Rosa Pinter recalled.`;
    const qs = quotes(text);
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([
      [`He looked at me and Director Hale said, 'We start tomorrow,'`, 'Rosa Pinter'],
      ['We start tomorrow,', 'Hale'],
    ]);
  });

  it('does not count names, glosses, words as words or placards as quotations', () => {
    const text = 'The army named it "Operation Quiet Harbour". The term "soft exit" (meaning "slow exit") spread. ' +
      'Marchers held signs reading "enough". The so-called "quiet plan", known as "patience", failed. ' +
      'He called the deal "a mistake".';
    expect(quotes(text).filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual(['a mistake']);
  });

  it('reads a quoted phrase between an article and a classifying noun, or after a passive naming verb, as a name', () => {
    const text = 'The island keeps the "two flags, one crown" model. Its residents are called "crown subjects" abroad. ' +
      'The reform is referred to as "the quiet law". Mr Olsen called the reform "a quiet scandal". ' +
      'It was called "reckless" by Mayor Petra Lind. Ms Lind wants to end their "second-class" status.';
    expect(quotes(text).filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual(['a quiet scandal', 'reckless', 'second-class']);
  });

  it('takes the person, not the organization after "of", as the subject of the cue', () => {
    const q = one('Jonas Berg of the city\'s Harbour Workers Union said "We will strike on Monday."');
    expect(q.speaker?.name).toBe('Jonas Berg');
    expect(q.speaker?.mention?.text).toBe('Jonas Berg');
    const r = one('Council president Mira Holt in passing the motion to the assembly said "This is a good day."');
    expect(r.speaker?.name).toBe('Mira Holt');
  });

  it('gives the quotation to the antecedent of "who" even after "by", and a participle after a place to the main clause', () => {
    const q = one('The motion was drafted by Ilse Varga who said on the floor, "It took ten years."');
    expect(q.speaker?.name).toBe('Ilse Varga');
    const r = one('Minister Karl Oden issued a statement at his office in Lindholm saying, "The vote is not over."');
    expect(r.speaker?.name).toBe('Karl Oden');
    const s = one('The harbour closed, with officials saying "the storm is too strong".');
    expect(s.speaker?.mention?.text).toBe('officials');
  });

  it('ends an "according to" at a semicolon, and takes the agent of a passive, not its subject', () => {
    const text = 'According to the embassy, the envoy left on Monday; officials described him as "a guest".';
    expect(one(text).speaker?.mention?.text).toBe('officials');
    const q = one('The outbreak was declared a "grave danger" by the Regional Health Board on Friday.');
    expect(q.speaker?.name).toBe('Regional Health Board');
  });

  it('takes a sentence-final "according to" for a quotation before it, and lets a document speak', () => {
    const q = one('Prices rose in a "sudden jump" last month, according to a spokesman for the Harbour Board.');
    expect(q.speaker?.mention?.text).toMatch(/spokesman/);
    const r = one('The court\'s opinion read, "The appeal fails."');
    expect(r.speaker?.mention?.text).toMatch(/opinion/);
  });

  it('reads a nickname after "nicknamed the" and a short term glossed by an apposition as non-quotations', () => {
    const text = 'Varga, nicknamed the "Iron Lady of Lindholm," won. Engineers checked the calculation of "draft load", ' +
      'a measure of hull stress. Varga called the result "a scandal", a word she rarely uses.';
    expect(quotes(text).filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual(['a scandal']);
  });

  it('lets a part of a group speak ("One of the children said"), not a determiner ("One of the stated goals")', () => {
    const q = one('One of the children said, "We were never allowed outside."');
    expect(q.speaker?.mention?.text).toBe('One of the children');
    expect(quotes('One of the stated goals of the pact is to open the border.')).toEqual([]);
  });

  it('reads a quoted word after "a NOUN called" as a name', () => {
    const text = 'Lund taught a method called "soft landing" for years. Critics called the method "a fraud".';
    expect(quotes(text).filter((q) => q.kind === 'direct').map((q) => q.text)).toEqual(['a fraud']);
  });

  it('gives a quotation introduced by "quoted X as saying" to X, not to whoever quoted', () => {
    const q = one('The Harbour Times quoted Edvin Lasko, a former port official, as saying "the cranes are too old".');
    expect(q.speaker?.name).toBe('Edvin Lasko');
  });
});

describe('reported statements', () => {
  it('SPEAKER CUE that CLAUSE, and a bare clause after a pronoun subject', () => {
    expect(one('The agency said that exports were continuing.', 'indirect')).toMatchObject({
      text: 'exports were continuing', rule: 'indirect-that',
    });
    expect(one('Minister Lena Hart said she would resign.', 'indirect')).toMatchObject({
      text: 'she would resign', rule: 'indirect-bare',
    });
  });

  it('skips an addressee and prepositional phrases before the clause', () => {
    const q = one('Colonel Ravi Anand told reporters in the capital on Friday that the convoy had arrived.', 'indirect');
    expect(q.text).toBe('the convoy had arrived');
    expect(q.speaker?.name).toBe('Ravi Anand');
  });

  it('CLAUSE, SPEAKER CUE.', () => {
    const q = one('The ceasefire is holding in the north, a spokesman for the regional council said.', 'indirect');
    expect(q.text).toBe('The ceasefire is holding in the north');
    expect(q.speaker?.name).toBe('a spokesman for the regional council');
  });

  it('According to SPEAKER, CLAUSE', () => {
    const q = one('According to the state broadcaster, the polls will close at eight.', 'indirect');
    expect(q.text).toBe('the polls will close at eight');
    expect(q.speaker?.name).toBe('the state broadcaster');
    expect(q.cue?.text).toBe('According to');
  });

  it('leaves beliefs and noun phrases alone', () => {
    expect(quotes('Some analysts believe that the talks will fail.')).toEqual([]);
    expect(quotes('The government announced a new budget for schools.')).toEqual([]);
    expect(quotes('The EU member states that do not recognize the treaty met on Monday.')).toEqual([]);
  });

  it('never overlaps a quotation: the reported clause stops before it', () => {
    const text = 'She informed police she had left the scene, but "that she would return the next day".';
    const qs = quotes(text);
    const ind = qs.find((q) => q.kind === 'indirect')!;
    const dir = qs.find((q) => q.kind === 'direct')!;
    expect(ind.text).toBe('she had left the scene');
    expect(ind.end).toBeLessThanOrEqual(dir.start);
  });
});

describe('wire-style prose', () => {
  it('drops a dateline and reads an attribution followed by a participle clause', () => {
    const q = one('NORTHPORT (Example Wire) — Ministers failed to agree on Tuesday, officials said, leaving the talks open.', 'indirect');
    expect(q.text).toBe('Ministers failed to agree on Tuesday');
    expect(q.speaker?.name).toBe('officials');
  });

  it('keeps "a spokesman for the ministry" as the role of the name after it', () => {
    const q = one('A spokesman for the ministry, Piet Aalders, told reporters the plan "remains on track".');
    expect(q.speaker).toMatchObject({ name: 'Piet Aalders', role: 'spokesman for the ministry' });
  });

  it('resolves "it" to the organization just named', () => {
    const q = one('The Competition Authority said it would review the merger, which it described as "a concern".');
    expect(q.speaker?.name).toBe('Competition Authority');
    expect(q.speaker?.mention?.text).toBe('it');
  });

  it('reads a quotation interrupted by its attribution as two quotations of one speaker', () => {
    const qs = quotes('"I do not think," Sara Nyberg said, "that anyone will be surprised."');
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['I do not think,', 'Sara Nyberg'],
      ['that anyone will be surprised.', 'Sara Nyberg'],
    ]);
  });
});

describe('conditional claims', () => {
  it('finds the trigger, the condition and the speaker of the surrounding quotation', () => {
    const text = '"Membership would depend on the reforms and on the neighbours," Karla Wendt said. ' +
      'Aid will flow only if the audit is published. Funds stay frozen unless parliament votes, officials said.';
    const { claims, quotes: qs } = extract(text);
    expect(claims.map((c) => [c.rule, c.condition.text])).toEqual([
      ['depends-on', 'the reforms and on the neighbours'],
      ['only-if', 'the audit is published'],
      ['unless', 'parliament votes'],
    ]);
    expect(claims[0].speaker?.name).toBe('Karla Wendt');
    expect(claims[0].quote).toBe(qs[0].id);
    expect(claims[0].trigger.text).toBe('depend on');
    expect(claims[1].speaker).toBeNull();
    for (const c of claims) expect(slice(text, c.condition)).toBe(c.condition.text);
  });

  it('ignores "even if", "as if" and indirect questions', () => {
    const text = 'He acted as if nothing happened. They asked if the road was open. Even if it rains, we go.';
    expect(extract(text).claims).toEqual([]);
  });
});

describe('offsets', () => {
  it('every span indexes the text it reports, with odd characters around', () => {
    const text = '😀 Ünïcødé “test”: “Ça va,” dit Zoë Ångström.\r\nShe said that “ok” was fine.';
    const r = extract(text);
    for (const q of r.quotes) {
      expect(slice(text, q)).toBe(q.text);
      if (q.cue) expect(slice(text, q.cue)).toBe(q.cue.text);
      if (q.speaker?.mention) expect(slice(text, q.speaker.mention)).toBe(q.speaker.mention.text);
    }
  });

  it('handles run-on input: thousands of quotations in one sentence, apostrophes everywhere', () => {
    // (exclamations: a bare "yes" inside a sentence that reports nobody is a scare quote, not a quotation)
    const many = extract('"yes!" '.repeat(5000));
    // capped at ITEM_CAPS.quotes, the first ones kept, and the cap is reported
    expect(many.quotes).toHaveLength(ITEM_CAPS.quotes);
    expect(many.quotes.every((q) => q.text === 'yes!')).toBe(true);
    expect(many.capped).toEqual(['quotes']);
    expect(capWarnings(many)[0]).toMatch(/only the first 1,000 were kept/);
    // only the first, which opens the sentence, may be one
    expect(extract('"yes" '.repeat(5000)).quotes).toHaveLength(1);
    const fewer = extract('"yes!" '.repeat(ITEM_CAPS.quotes));
    expect(fewer.quotes).toHaveLength(ITEM_CAPS.quotes);
    expect(fewer.capped).toBeUndefined();
    const apostrophes = extract(`"${"it's Jones' book, ".repeat(3000)}" she said.`);
    expect(apostrophes.quotes).toHaveLength(1);
    expect(apostrophes.quotes[0].speaker?.mention?.text).toBe('she');
  });

  it('is deterministic and survives empty and mark-only input', () => {
    expect(extract('')).toEqual({ quotes: [], mentions: [], claims: [] });
    expect(() => extract('"""" “”‘’ „ « » \' " \n\n "')).not.toThrow();
    const t = 'X said "a," Y said "b".';
    expect(extract(t)).toEqual(extract(t));
  });
});
