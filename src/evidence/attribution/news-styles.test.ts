// Speakers in constructions common to English news prose in general, on sentences written for these
// tests (fictional people and bodies): inverted cues with appositions, participle clauses before the
// subject, subjects with attached phrases, documents and their authors.
import { describe, expect, it } from 'vitest';
import { extract } from '../extract.ts';

const directs = (text: string) => extract(text).quotes.filter((q) => q.kind === 'direct');
const speakerOf = (text: string) => {
  const qs = directs(text);
  expect(qs).toHaveLength(1);
  return qs[0].speaker;
};

describe('inverted cues: "…," said SPEAKER …', () => {
  it('a role closed by the name in apposition, then any adjunct: said his father, NAME, following …', () => {
    expect(speakerOf('"This was avoidable," said his brother, Olaf Brenn, following the inquest.')?.name).toBe('Olaf Brenn');
    expect(speakerOf('"We will appeal," said the club\'s lawyer, Ines Varro, outside the court.')?.name).toBe('Ines Varro');
  });

  it('a prepositional phrase right after the name: said NAME per the radio', () => {
    expect(speakerOf('"Prices will rise" said Ivo Roth per the regional radio.')?.name).toBe('Ivo Roth');
  });

  it('the next quotation standing alone continues the same speaker', () => {
    const qs = directs('"We wanted answers," said his mother, Ada Brenn, after the verdict. "We got none."');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Ada Brenn', 'Ada Brenn']);
  });

  it('"to" after the phrase is not an adjunct that completes it: the sentence-final cue speaks', () => {
    expect(speakerOf('"Go home," told the officer to the crowd, a witness recalled.')?.mention?.text).toBe('a witness');
  });
});

describe('described people before an unambiguous speech verb', () => {
  it('a determined or possessed noun in subject position speaks, whatever the noun', () => {
    expect(speakerOf('The ferryman said "We sail at dawn."')?.mention?.text).toBe('The ferryman');
    expect(speakerOf('Her stepdaughter told the court: "She was afraid of him."')?.mention?.text).toBe('Her stepdaughter');
    expect(directs('Naming it a "slow disaster" the vicar said "We must rebuild."').map((q) => q.speaker?.mention?.text))
      .toEqual(['the vicar', 'the vicar']);
  });

  it('not the object of a verb before it, nor a phrase ending in a function word', () => {
    const qs = extract('State officials defending the ban argued the rule was needed.').quotes;
    expect(qs.map((q) => q.speaker?.mention?.text)).not.toContain('the ban');
    expect(speakerOf('Opposition to the levy said "enough" in every poll.')?.mention?.text ?? null).not.toBe('the levy');
  });

  it('a noun-like or naming cue still needs a listed speaker noun: "the member states"', () => {
    expect(speakerOf('The treaty states "no member may leave".')?.mention?.text ?? null).not.toBe('The treaty');
  });
});

describe('a participle clause opening the sentence', () => {
  it('has the main clause\'s subject: Calling it "…", NAME told …', () => {
    const qs = directs('Calling the ruling "a farce", Jonas Tell told the radio "we will appeal within days".');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Jonas Tell', 'Jonas Tell']);
  });

  it('without a comma after the quotation: Describing it as "…" the warden said', () => {
    const qs = directs('Describing the storm as "the worst in decades" the warden said "Nobody should travel."');
    expect(qs.map((q) => q.speaker?.mention?.text)).toEqual(['the warden', 'the warden']);
  });

  it('with a main verb that is not in the cue list: …, NAME elaborated', () => {
    expect(speakerOf('Insisting that "the vote was fair", Mayor Petra Holm elaborated on the count.')?.name).toBe('Petra Holm');
  });
});

describe('a subject with an organization in quotation marks', () => {
  it('NAME of "ORGANIZATION", an apposition, told …: the person speaks', () => {
    expect(speakerOf('Rosa Vint of "Safe Harbour", a shelter charity, told the paper "the apology came far too late".')?.name)
      .toBe('Rosa Vint');
  });
});

describe('a participle after the main clause: "…, saying …"', () => {
  it('takes the main clause\'s subject, even a noun no list names and a naming main verb', () => {
    expect(speakerOf('The Holm campaign attacked the decision, accusing the board of "hiding from the public."')?.mention?.text)
      .toBe('The Holm campaign');
    expect(speakerOf('A bystander described the crash to the radio, stating, "The van never braked."')?.mention?.text)
      .toBe('A bystander');
  });

  it('past an auxiliary ("has yet to concede, saying") and a prepositional phrase without a comma', () => {
    expect(speakerOf('Governor Ada Holm has yet to concede, saying late on Sunday, "We won this race!" on the radio.')?.name)
      .toBe('Ada Holm');
    expect(speakerOf('In its appeal the union made the same point, writing "The strike was lawful."')?.mention?.text)
      .toBe('the union');
  });

  it('who + a naming verb: NAME, who denounced X as a "…"', () => {
    expect(speakerOf('Critics include the former mayor Ada Holm, who denounced the plan as a "slow-motion disaster".')?.name)
      .toBe('Ada Holm');
  });
});

describe('subjects with attached phrases', () => {
  it('a speaker noun before a preposition placing it inside an organization', () => {
    expect(speakerOf('A source within the Coastal Ministry reportedly said "We were told to keep quiet."')?.mention?.text)
      .toBe('A source within the Coastal Ministry');
    const sp = speakerOf('An official inside the regional Transport Agency said "the figures were changed".');
    expect(sp?.mention?.text).toMatch(/^An official/);
    expect(sp?.affiliation).toBe('Transport Agency');
  });

  it('the absolute "with NAME of PLACE -ing": the person, not the place', () => {
    expect(speakerOf('Farmers rejected the deal, with Olga Berg of Vestby calling it "an insult".')?.name).toBe('Olga Berg');
  });
});

describe('documents and their authors', () => {
  it('a part of a document speaks as the document: Part of the ruling reads "…"', () => {
    expect(speakerOf('Part of the tribunal\'s ruling reads "the dismissal was unlawful".')?.mention?.text)
      .toBe('the tribunal\'s ruling');
  });

  it('a statement from X: the author speaks, not the body that issued it', () => {
    expect(speakerOf('The court released the following message from the chief justice: "We will sit on Monday."')?.mention?.text)
      .toBe('the chief justice');
  });

  it('a cue inside an opening adjunct is not the main clause\'s: In a statement posted …, NAME affirmed …, writing', () => {
    expect(speakerOf('In a letter posted to her blog, Senator Lia Ness affirmed her support, writing, "The region needs calm."')?.name)
      .toBe('Lia Ness');
  });
});

describe('signed and characterizing quotations', () => {
  it('"…" — NAME[, ROLE]. signs the quotation; a dash before a clause does not', () => {
    expect(speakerOf('"We will win this fight" — Nils Ek, the party leader.')?.name).toBe('Nils Ek');
    expect(speakerOf('"We will win this fight" — Nils Ek.')?.name).toBe('Nils Ek');
    const qs = directs('The crowd chanted "we will win this fight" — Nils Ek, the leader, was there.');
    expect(qs.map((q) => q.speaker?.name)).not.toContain('Nils Ek');
  });

  it('a naming verb with a mention noun as its object: called the report "…" is a characterization', () => {
    const qs = directs('The ministry called the report "fabricated" and "deeply irresponsible".');
    expect(qs.map((q) => q.speaker?.mention?.text)).toEqual(['The ministry', 'The ministry']);
    expect(directs('The ministry published the report "Roads of Tomorrow" in May.')).toEqual([]);
  });
});

describe('subjects the finder used to miss', () => {
  it('a name ending in -ing opening the sentence is its subject, not a participle: Boeing refused, saying …', () => {
    expect(speakerOf('Dering refused to comment, telling reporters "we extend our sympathy".')?.name).toBe('Dering');
  });

  it('an infinitive of saying keeps the main clause\'s speaker, a part of a group included', () => {
    expect(speakerOf('One of the nurses even went as far as to say, "It made me stronger."')?.mention?.text).toBe('One of the nurses');
    expect(speakerOf('The coach went on to say "the referee was right".')?.mention?.text).toBe('The coach');
  });

  it('but an infinitive of a verb that is rarely speech frames nothing: "to maintain those already owned"', () => {
    const qs = extract('Spare parts are scarce, so the airline struggles to maintain those already owned.').quotes;
    expect(qs).toEqual([]);
  });
});

describe('which cue wins when there is one before and one after the quotation', () => {
  it('"X called it "…," according to OUTLET": X speaks, the outlet reports', () => {
    expect(speakerOf('Senator Ness called the decision a "betrayal of voters," according to the Herald.')?.name).toBe('Ness');
    expect(speakerOf('"The count was fair," according to the commission.')?.mention?.text).toBe('the commission');
  });

  it('a semicolon, or a question mark before a lowercase cue, closes the quoted clause for the cue after it', () => {
    const qs = directs('An aide told the radio the drill was over. "All crews are safe;" read the communique; "we train again in May."');
    expect(qs.map((q) => q.speaker?.mention?.text)).toEqual(["the communique", "the communique"]);
    expect(speakerOf('Voters heard Lind speak. "Why should I resign?" asked Lind.')?.name).toBe('Lind');
  });

  it('after "?" a capitalized word starts the next speaker\'s sentence', () => {
    const qs = directs('Ana Roos said, "Why are we exempt?" Bishop Karl Tam said, "Nobody is above the law."');
    expect(qs.map((q) => q.speaker?.name)).toEqual(['Ana Roos', 'Karl Tam']);
  });
});

describe('a place and its region before a participle', () => {
  it('"… outside Oslo, Norway saying": the region is inside the prepositional phrase; the main subject speaks', () => {
    expect(speakerOf('Senator Ivo Roth issued a statement at his farm outside Bergen, Norway saying, "The race is not over."')?.name)
      .toBe('Ivo Roth');
    expect(speakerOf('Roth spoke in Portland, Maine, saying "the race is not over".')?.name).toBe('Roth');
  });

  it('a person after a comma still speaks in the absolute construction: Voters backed him, NAME saying …', () => {
    expect(speakerOf('Voters backed Roth, Ada Lind saying "he is honest".')?.name).toBe('Ada Lind');
  });
});

describe('he/she opening a reported clause', () => {
  it('is the person named as the subject of the verb of saying: NAME said she felt …', () => {
    const text = 'Mayor Karl Tam said a review was needed. The paper\'s editor, Ida Roos, said she felt the ruling might bring "some relief".';
    expect(directs(text)[0].speaker?.name).toBe('Ida Roos');
  });
});
