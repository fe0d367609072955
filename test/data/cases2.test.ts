// Acceptance of the Palestine × UN, Bosnia and Herzegovina × NATO and Timor-Leste × ASEAN cases.
import { describe, expect, it } from 'vitest';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { evaluateCase } from '../../src/engine/evaluate.ts';

const ix = index(loadDataset());
const evaluate = (candidate: string, org: string, asOf: string, set: Record<string, boolean> = {}) => {
  const c = ix.case(candidate, org);
  if (!c) throw new Error(`no case ${candidate}-${org}`);
  return evaluateCase(ix, c, asOf, set);
};

describe('Palestine × UN', () => {
  it('fails at the Security Council as of 2024-04-19, the United States among its blockers', () => {
    const sc = evaluate('PS', 'un', '2024-04-19').stages.find((s) => s.id === 'security-council')!;
    expect(sc.outcome).toBe('fail');
    expect(sc.blockers).toContain('US');
  });

  it('uses the 2024 Council, and dates the ES-10/23 stances from the vote (no hindsight)', () => {
    const before = evaluate('PS', 'un', '2024-04-19').stages.find((s) => s.id === 'general-assembly')!;
    const after = evaluate('PS', 'un', '2024-05-11').stages.find((s) => s.id === 'general-assembly')!;
    const no = (st: typeof before) => st.voters.filter((v) => v.position === 'no').map((v) => v.state).sort();
    expect(no(before)).toEqual(['IL', 'US']);
    expect(no(after)).toEqual(['AR', 'CZ', 'FM', 'HU', 'IL', 'NR', 'PG', 'PW', 'US']);
    expect(after.outcome).toBe('pass');
  });

  it('opens the Security Council if the United States changes its policy', () => {
    const sc = evaluate('PS', 'un', '2024-04-19', { 'us-accepts-membership-before-settlement': true }).stages.find((s) => s.id === 'security-council')!;
    expect(sc.outcome).toBe('pass');
  });
});
