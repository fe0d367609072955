import { describe, expect, it } from 'vitest';
import type { RuleInput } from '../model/schema.ts';
import { type Ballot, evaluateRule, RuleError, type Tally, tallyOf } from './evaluate.ts';

const tally = (yes: number, no: number, abstain: number, absent = 0): Tally => ({ yes, no, abstain, absent });
const ballots = (votes: Record<string, Ballot['position']>): Ballot[] =>
  Object.entries(votes).map(([voter, position]) => ({ voter, position, seats: 1 }));

describe('share of votes cast (UNESCO General Conference, 9 Nov 2015)', () => {
  const rule: RuleInput = { type: 'share', p: '2/3', of: 'cast' };
  it('92–50–29 fails: 95 of 142 votes cast were needed', () => {
    const r = evaluateRule(rule, { tally: tally(92, 50, 29, 15) });
    expect(r.outcome).toBe('fail');
    expect(r.required).toBe('2/3 of votes cast: 95 of 142');
    expect(r.margin).toBe(-3);
  });
  it('abstentions do not count: 95–47–100 passes', () => {
    expect(evaluateRule(rule, { tally: tally(95, 47, 100) }).outcome).toBe('pass');
  });
  it('exactly two thirds passes (100–50)', () => {
    const r = evaluateRule(rule, { tally: tally(100, 50, 0) });
    expect(r.outcome).toBe('pass');
    expect(r.margin).toBe(0);
  });
  it('nobody voting is not a majority', () => {
    expect(evaluateRule(rule, { tally: tally(0, 0, 10) }).outcome).toBe('fail');
  });
});

describe('PACE statutory opinion (16 Apr 2024)', () => {
  it('131–29–11 passes: 107 of 160 votes cast needed', () => {
    const r = evaluateRule({ type: 'share', p: '2/3', of: 'cast' }, { tally: tally(131, 29, 11, 135) });
    expect(r.outcome).toBe('pass');
    expect(r.required).toBe('2/3 of votes cast: 107 of 160');
    expect(r.margin).toBe(24);
  });
});

describe('CoE Committee of Ministers, Statute Art. 20(c)', () => {
  const rule: RuleInput = { type: 'share', p: '2/3', of: 'entitled' };
  it('30 of 46 fails: 31 needed, abstentions and absences count against', () => {
    const r = evaluateRule(rule, { tally: tally(30, 7, 5, 4) });
    expect(r.outcome).toBe('fail');
    expect(r.required).toBe('2/3 of members entitled: 31 of 46');
    expect(r.margin).toBe(-1);
  });
  it('33 of 46 (24 Apr 2023) passes', () => {
    expect(evaluateRule(rule, { tally: tally(33, 7, 5, 1) }).outcome).toBe('pass');
  });
  it('names every non-yes voter as a blocker when it fails', () => {
    const b = ballots({ A: 'yes', B: 'no', C: 'abstain', D: 'absent' });
    const r = evaluateRule(rule, { tally: tallyOf(b), ballots: b });
    expect(r.outcome).toBe('fail');
    expect(r.blockers.sort()).toEqual(['B', 'C', 'D']);
  });
});

describe('European Parliament: majority of component members', () => {
  const rule: RuleInput = { type: 'share', p: '1/2', of: 'entitled', strict: true };
  it('needs 361 of 720', () => {
    expect(evaluateRule(rule, { tally: tally(360, 100, 50, 210) }).outcome).toBe('fail');
    const r = evaluateRule(rule, { tally: tally(361, 100, 50, 209) });
    expect(r.outcome).toBe('pass');
    expect(r.required).toBe('a majority of members entitled: 361 of 720');
  });
});

describe('UNESCO Executive Board: majority of votes cast (21 Oct 2015)', () => {
  it('27–14–14 passes', () => {
    expect(evaluateRule({ type: 'share', p: '1/2', of: 'cast', strict: true }, { tally: tally(27, 14, 14, 3) }).outcome).toBe('pass');
  });
  it('a tie is not a majority', () => {
    expect(evaluateRule({ type: 'share', p: '1/2', of: 'cast', strict: true }, { tally: tally(20, 20, 0) }).outcome).toBe('fail');
  });
});

describe('UN Security Council: nine votes and no permanent member against', () => {
  const P5 = ['CN', 'FR', 'GB', 'RU', 'US'];
  const rule: RuleInput = { type: 'all', rules: [{ type: 'count', n: 9 }, { type: 'noVeto', players: P5 }] };
  const council = (overrides: Record<string, Ballot['position']>) => {
    const votes: Record<string, Ballot['position']> = {};
    for (const c of [...P5, 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10']) votes[c] = 'yes';
    return ballots({ ...votes, ...overrides });
  };
  it('a permanent member abstaining does not veto', () => {
    const b = council({ CN: 'abstain' });
    expect(evaluateRule(rule, { tally: tallyOf(b), ballots: b }).outcome).toBe('pass');
  });
  it('a permanent member voting no vetoes, even with 14 yes', () => {
    const b = council({ RU: 'no' });
    const r = evaluateRule(rule, { tally: tallyOf(b), ballots: b });
    expect(r.outcome).toBe('fail');
    expect(r.blockers).toEqual(['RU']);
  });
  it('eight yes is not enough', () => {
    const b = council({ E1: 'abstain', E2: 'abstain', E3: 'abstain', E4: 'abstain', E5: 'abstain', E6: 'abstain', E7: 'no' });
    expect(evaluateRule(rule, { tally: tallyOf(b), ballots: b }).outcome).toBe('fail');
  });
  it('a veto on a bare tally needs names', () => {
    expect(() => evaluateRule(rule, { tally: tally(14, 1, 0) })).toThrow(RuleError);
    expect(evaluateRule(rule, { tally: tally(15, 0, 0) }).outcome).toBe('pass');
  });
});

describe('unanimity, consensus and ratification', () => {
  it('NATO invitation: one ally against blocks', () => {
    const b = ballots({ US: 'yes', FR: 'yes', ES: 'no', GR: 'abstain' });
    const r = evaluateRule({ type: 'unanimity' }, { tally: tallyOf(b), ballots: b });
    expect(r.outcome).toBe('fail');
    expect(r.blockers.sort()).toEqual(['ES', 'GR']);
    expect(r.margin).toBe(-2);
  });
  it('consensus: abstention passes, an objection blocks', () => {
    const ok = ballots({ A: 'yes', B: 'abstain', C: 'absent' });
    expect(evaluateRule({ type: 'consensus' }, { tally: tallyOf(ok), ballots: ok }).outcome).toBe('pass');
    const blocked = ballots({ A: 'yes', B: 'no' });
    expect(evaluateRule({ type: 'consensus' }, { tally: tallyOf(blocked), ballots: blocked }).blockers).toEqual(['B']);
  });
  it('each member must ratify', () => {
    const b = ballots({ A: 'yes', B: 'absent' });
    const r = evaluateRule({ type: 'each' }, { tally: tallyOf(b), ballots: b });
    expect(r.outcome).toBe('fail');
    expect(r.required).toBe('ratification by all 2 members');
  });
});

describe('weighted rules and double majorities (EU Council QMV shape)', () => {
  const weights = { DE: 1849, FR: 1517, IT: 1323, MT: 12 };
  const qmv: RuleInput = {
    type: 'all',
    rules: [
      { type: 'share', p: '55/100', of: 'entitled' },
      { type: 'weighted', weights, p: '65/100' },
    ],
  };
  it('passes only when both majorities are met', () => {
    const b = ballots({ DE: 'yes', FR: 'yes', IT: 'yes', MT: 'no' });
    expect(evaluateRule(qmv, { tally: tallyOf(b), ballots: b }).outcome).toBe('pass');
    const b2 = ballots({ DE: 'no', FR: 'yes', IT: 'yes', MT: 'yes' });
    const r = evaluateRule(qmv, { tally: tallyOf(b2), ballots: b2 });
    expect(r.outcome).toBe('fail');
    expect(r.blockers).toEqual(['DE']);
  });
  it('an "any" fails only when every branch fails; its blockers block every branch', () => {
    const rule: RuleInput = { type: 'any', rules: [qmv, { type: 'count', n: 4 }] };
    const b = ballots({ DE: 'no', FR: 'yes', IT: 'yes', MT: 'yes' });
    const r = evaluateRule(rule, { tally: tallyOf(b), ballots: b });
    expect(r.outcome).toBe('fail');
    expect(r.blockers).toEqual(['DE']);
  });
});

describe('seats', () => {
  it('a delegation votes with its seats', () => {
    const b: Ballot[] = [
      { voter: 'FR', position: 'yes', seats: 18 },
      { voter: 'RS', position: 'no', seats: 7 },
    ];
    expect(tallyOf(b)).toEqual({ yes: 18, no: 7, abstain: 0, absent: 0 });
  });
});
