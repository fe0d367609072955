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

describe('Timor-Leste × ASEAN', () => {
  it('is a member as of 2025-10-27: the Summit stage passed for certain, the eleven seated', () => {
    const ev = evaluate('TL', 'asean', '2025-10-27');
    expect(ev.admitted).toBe(true);
    expect(ev.status.deJure).toBe('member');
    const summit = ev.stages.find((s) => s.id === 'summit')!;
    expect(summit.voters.map((v) => v.state).sort()).toEqual(['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN']);
    expect(summit.voters.every((v) => v.position === 'yes' && v.p === 1)).toBe(true);
  });

  it('has ten members before the admission, and the 2022 agreement in principle lifts the doubters', () => {
    const notReady = { 'roadmap-milestones-met': false };
    const before = evaluate('TL', 'asean', '2022-11-10', notReady).stages[0]!;
    const after = evaluate('TL', 'asean', '2022-11-12', notReady).stages[0]!;
    expect(before.voters).toHaveLength(10);
    const pos = (st: typeof before, s: string) => st.voters.find((v) => v.state === s)!.position;
    expect(pos(before, 'SG')).not.toBe('yes');
    expect(pos(after, 'SG')).toBe('yes');
  });
});

describe('Bosnia and Herzegovina × NATO', () => {
  it('is held by its own conditions: no invitation without Republika Srpska consent and the defence property', () => {
    const ev = evaluate('BA', 'nato', '2024-06-01');
    expect(ev.drivers).toMatchObject({ 'rs-consents': false, 'defence-property-registered': false });
    expect(ev.stages.find((s) => s.id === 'invitation')!.outcome).toBe('fail');
    const both = evaluate('BA', 'nato', '2024-06-01', { 'rs-consents': true, 'defence-property-registered': true });
    expect(both.admitted).toBe(true);
  });

  it('dates its ties: MAP invitation from Tallinn (22 April 2010), not before', () => {
    const active = (asOf: string) => evaluate('BA', 'nato', asOf).ties.filter((t) => t.active).map((t) => t.id);
    expect(active('2010-04-21')).not.toContain('map-invitation');
    expect(active('2010-04-22')).toContain('map-invitation');
    expect(active('2020-01-01')).toEqual(expect.arrayContaining(['partnership-for-peace', 'reform-programme']));
  });
});
