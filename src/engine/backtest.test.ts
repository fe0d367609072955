// Replaying a vote the dataset cannot answer for says so instead of computing it with an empty or
// partial body under today's rule; a tally larger than the body is a mistake, not a vote.
import { describe, expect, it } from 'vitest';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import type { BacktestData } from '../model/schema.ts';
import { runBacktest } from './backtest.ts';

const ix = index(loadDataset());
const vote = (b: Partial<BacktestData>): BacktestData =>
  ({ id: 'qa', candidate: 'SE', organization: 'nato', stage: 'invitation', date: '2020-01-01', outcome: 'pass', sources: ['https://example.org/x'], ...b }) as BacktestData;

describe('runBacktest', () => {
  it('does not replay a vote before the organization existed (NATO "passed" with 0 of 0 in 1930)', () => {
    const r = runBacktest(ix, vote({ date: '1930-01-01', acclamation: true }));
    expect(r.computed).toBe('undetermined');
    expect(r.agrees).toBe(false);
    expect(r.error).toBe('not computable: NATO did not exist on 1930-01-01 (founded 1949-08-24)');
  });

  it('does not replay a Security Council vote of a year whose seats are not recorded (1955: 11 seats, 7 votes)', () => {
    const r = runBacktest(ix, vote({ candidate: 'FI', organization: 'un', stage: 'security-council', date: '1955-12-14', tally: { yes: 8, no: 0, abstain: 3 } }));
    expect(r.computed).toBe('undetermined');
    expect(r.error).toMatch(/Security Council in 1955 are not in the dataset/);
  });

  it('refuses a tally larger than the body on the day', () => {
    const r = runBacktest(ix, vote({ candidate: 'XK', organization: 'un', stage: 'general-assembly', tally: { yes: 500, no: 0, abstain: 0 } }));
    expect(r.computed).toBe('undetermined');
    expect(r.error).toMatch(/the tally counts 500 votes, but General Assembly had 193 seats on 2020-01-01/);
  });

  it('still replays a vote the dataset answers for', () => {
    const r = runBacktest(ix, vote({ candidate: 'PS', organization: 'un', stage: 'general-assembly', date: '2024-05-10', tally: { yes: 143, no: 9, abstain: 25 } }));
    expect(r.computed).toBe('pass');
    expect(r.agrees).toBe(true);
  });
});
