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

describe('a quotation standing alone after a sentence that turns to someone', () => {
  const said = '"The plan is sound," said Mark Tully, the council leader.';

  it('a predicate of reply without a verb of saying gives it to the subject: "Orr disagreed. "…""', () => {
    expect(speakers(`${said}\n\nJane Orr, who leads the opposition, disagreed. "It is a disaster."`)).toEqual(['Mark Tully', 'Jane Orr']);
    expect(speakers(`${said}\n\nThe union was far less impressed. "This is a slap in the face."`)).toEqual(['Mark Tully', 'The union']);
    expect(speakers(`${said} His office later released a statement. "The council remains committed."`)[1]).toBe('His office');
    expect(speakers(`${said}\n\nOthers hit back. "Nonsense."`)).toEqual(['Mark Tully', 'Others']);
  });

  it('another person as the subject in between: no speaker rather than the previous one', () => {
    expect(speakers(`${said} Jane Orr was elected in 2019. "It is a disaster."`)).toEqual(['Mark Tully', null]);
  });

  it('the same person in between, or no person: the previous speaker continues', () => {
    expect(speakers(`${said} Tully has led the council since 2019. "We will deliver."`)).toEqual(['Mark Tully', 'Mark Tully']);
    expect(speakers(`${said} He was first elected in 2015. "We will deliver."`)).toEqual(['Mark Tully', 'Mark Tully']);
    expect(speakers(`${said} The plan would cost $5 million. "We will deliver."`)).toEqual(['Mark Tully', 'Mark Tully']);
  });
});

describe('who the cue before a quotation belongs to', () => {
  it('a belief inside what a verb of saying reports is the reporter\'s account', () => {
    expect(speakers('One of the tenants said the landlords thought they were "nothing but a cash machine".'))
      .toEqual(['One of the tenants']);
    expect(speakers('Critics thought the scheme was "nothing but a cash machine".')).toEqual(['Critics']);
  });

  it('a person noun before a locative phrase is a speaker: shouted one man from the back of the hall', () => {
    expect(directs('"We want answers," shouted one man from the back of the hall.')[0].speaker?.mention?.text).toMatch(/^one man/);
  });
});

describe('American party and state designations after a name', () => {
  it('are no one\'s name: the person before them speaks', () => {
    expect(speakers('Rep. Tom Ellis, R-Ohio, who chairs the committee, said: "We got most of what we wanted."')).toEqual(['Tom Ellis']);
    expect(speakers('"This is a good day," Majority Leader Chuck Harlow, D-N.Y., said on the floor.')).toEqual(['Chuck Harlow']);
    expect(speakers('Gov. Kim Roe, R-S.D., 54, told reporters: "Maybe."')).toEqual(['Kim Roe']);
    expect(speakers('"Yes," said Sen. Bo Diaz, R-N.C., at a news conference.')).toEqual(['Bo Diaz']);
    expect(speakers('Rep. Al Fox (D-Ill.) said the vote was "a farce."')).toEqual(['Al Fox']);
  });

  it('a pronoun after them resolves to the person', () => {
    expect(speakers('Rep. Tom Ellis, R-Ohio, said: "We got most of it." "Not everything," he added.')).toEqual(['Tom Ellis', 'Tom Ellis']);
  });
});

describe('a restrictive relative clause between the subject and its reporting verb', () => {
  it('the antecedent speaks, not the last noun of the clause', () => {
    expect(directs('A shop owner whose business was destroyed by floodwater has said she "lost everything".')[0].speaker?.mention?.text)
      .toBe('A shop owner');
    expect(directs('A man who was injured in the blast said: "It was loud."')[0].speaker?.mention?.text).toBe('A man');
    expect(directs('Police who were called to the scene said the driver was "very drunk".')[0].speaker?.mention?.text).toBe('Police');
  });

  it('not when a reporting verb is inside the clause, nor across a comma', () => {
    expect(speakers('Ann Cole, who was injured, said: "It was loud."')).toEqual(['Ann Cole']);
    expect(directs('The driver who said he was "fine" later collapsed.')[0].speaker?.mention?.text).toBe('The driver');
  });
});

describe('nouns with an agent-like ending that name things', () => {
  it('are no speakers: the border, the incident', () => {
    expect(speakers('The road near the border said to be "closed" reopened.')).toEqual([null]);
  });
});

describe('a quotation with a cue of its own right after it', () => {
  it('does not continue the previous speaker when the cue\'s subject is no speaker', () => {
    expect(speakers('"I cannot comment," a police spokesman told AFP. "We have been betrayed," read a banner held by protesters.'))
      .toEqual(['a police spokesman', null]);
  });
});

describe('he/she after the speakers of a story', () => {
  it('a person named as the subject before an age apposition and "has been …" is who he continues', () => {
    const text = '"That was a disgrace," said coach Mike Dunn. "We deserved to win," said Carlos Vega.\n\nDunn, 52, has been in charge since 2018. He said he would appeal the card. "We will fight this," he added.';
    expect(speakers(text)).toEqual(['Mike Dunn', 'Carlos Vega', 'Mike Dunn']);
  });

  it('a described speaker (not named) is who she continues, over a person named before', () => {
    const text = 'Reid told reporters he had "said nothing wrong".\n\n"We take these matters seriously," a spokesperson said.\n\n"Nobody is above the rules," she added.';
    expect(directs(text).map((q) => q.speaker?.name)).toEqual(['Reid', 'a spokesperson', 'a spokesperson']);
    expect(directs(text)[2].speaker?.mention?.text).toBe('she');
  });

  it('not a spokeswoman for "he"', () => {
    const text = 'Tom Reid said: "I said nothing wrong." "We take it seriously," a spokeswoman said. "Nobody is above the rules," he added.';
    expect(speakers(text)[2]).toBe('Tom Reid');
  });
});

describe('a quoted fragment in a sentence without a reporting verb', () => {
  it('a copula or a possessive "have" describes the subject: no speaker', () => {
    expect(speakers('Two people were hurt. The second woman was in "stable" condition at the hospital tonight.').filter(Boolean)).toEqual([]);
    expect(speakers('The race was not, however, an "open race" under the federation rules.').filter(Boolean)).toEqual([]);
    expect(speakers('A woman had "very minor but painful" injuries from the glass.').filter(Boolean)).toEqual([]);
  });

  it('a lexical verb after auxiliaries keeps the subject as the source', () => {
    expect(speakers('Lena Moss has been knitting for years, her "passion" since childhood.')).toEqual(['Lena Moss']);
  });
});

describe('a paragraph of quotation alone after a reported statement', () => {
  it('continues the reporter of the paragraph before, when that statement ends it', () => {
    const text = '"The budget is balanced," Ola Berg said.\n\nOpposition leader Kari Lund said the numbers did not add up.\n\n"It\'s a fantasy budget."';
    expect(speakers(text)).toEqual(['Ola Berg', 'Kari Lund']);
  });

  it('not when narrative follows the quotation in its paragraph, nor after a sentence between', () => {
    expect(speakers('Kari Lund said the numbers did not add up.\n\n"It\'s a fantasy budget." The vote is on Friday.')).toEqual([null]);
    expect(speakers('Kari Lund said the numbers did not add up. The vote is on Friday.\n\n"It\'s a fantasy budget."')).toEqual([null]);
  });
});

describe('"…," SUBJECT PP CUE after the quotation', () => {
  it('a document by its author: the author speaks', () => {
    expect(speakers('"Prices will rise," the report by the Institute for Fiscal Studies warned.')).toEqual(['Institute for Fiscal Studies']);
  });

  it('a person for an organization stays the person', () => {
    expect(directs('"Prices will rise," a spokesman for the Central Bank of Narnia warned.')[0].speaker?.mention?.text)
      .toMatch(/^a spokesman/);
  });

  it('an unrecognized subject far before the cue still keeps the previous speaker off', () => {
    expect(speakers('"It is early," Smith said. "Prices will rise," the 300-page annual review of the sector warned.')[1])
      .not.toBe('Smith');
  });
});

describe('"according to" a record or an account', () => {
  const indirects = (text: string) => extract(text).quotes.filter((q) => q.kind === 'indirect').map((q) => q.speaker?.name ?? null);

  it('reports, a clerk, local news, witness accounts, projections: the statement is theirs', () => {
    expect(indirects('Two women and a man were injured, according to the reports.')).toEqual(['the reports']);
    expect(indirects('According to a court clerk, arguments would be heard next week.')).toEqual(['a court clerk']);
    expect(indirects('According to local news, schools across the area closed.')).toEqual(['local news']);
    expect(indirects('According to projections by the Daily Ledger and Radio North, she won in nine states.'))
      .toEqual(['Daily Ledger and Radio North']);
  });

  it('not the norms and things that go by them: according to plan, to the rules, to footage', () => {
    expect(indirects('Everything went according to plan.')).toEqual([]);
    expect(indirects('According to the rules, the vote must be repeated.')).toEqual([]);
    expect(indirects('According to traffic camera footage, the car was speeding.')).toEqual([]);
  });
});

describe('"…," said the NOUN', () => {
  it('a determined or possessed noun after a verb of saying that follows the quotation speaks, whatever the noun', () => {
    expect(speakers('"Go home," said the warden.')).toEqual(['the warden']);
    expect(speakers('"Go home," said the jailer\'s wife, later.')).toEqual(["the jailer's wife"]);
  });

  it('not a time word or a thing', () => {
    expect(speakers('"Go home," said the weekend.')).toEqual([null]);
    expect(speakers('"Go home," said the equipment.')).toEqual([null]);
  });
});

describe('they after a group of people that opens the previous sentence', () => {
  it('is the group, not an organization that spoke before', () => {
    const text = 'Acme Corp. issued a recall on Monday. "We regret the inconvenience," it said.\n\nPolice arrested two men. "The investigation continues," they said.';
    expect(speakers(text)).toEqual(['Acme Corp', 'Police']);
    expect(speakers('Residents of the estate gathered outside the hall. "We are scared," they said.')).toEqual(['Residents']);
  });

  it('not a group that something was done to', () => {
    const text = 'Acme Corp. issued a recall. "We regret it," it said. Residents were evacuated overnight. "We acted fast," they said.';
    expect(speakers(text)[1]).toBe('Acme Corp');
  });
});

describe('a nested quotation after a reporting verb and its addressee', () => {
  it('"The officer told me, \'…\'" inside a quotation: the officer speaks the nested one', () => {
    const qs = directs('"The officer told me, \'He will turn up, they always do,\'" Maria Lopez said.');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Maria Lopez', 'The officer']);
  });
});

describe('a pull quote signed on the next line', () => {
  it('"…"¶— NAME[, ROLE] gives the quotation to the name', () => {
    expect(speakers('"We are all going to have to sacrifice something."\n— Mayor Lina Ortiz, at the budget hearing')).toEqual(['Lina Ortiz']);
    expect(speakers('"Nobody will be left behind."\n\n– Tom Ash')).toEqual(['Tom Ash']);
  });

  it('not a dash that opens a sentence of narrative', () => {
    expect(speakers('"No."\n- Ann Lee said nothing more that day.')).not.toContain('Ann Lee');
  });
});
