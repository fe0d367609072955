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
    expect(evaluate('PS', 'un', '2024-04-19').timeline.map((t) => `${t.stage}:${t.outcome}`)).toEqual(['security-council:fail']);
    expect(evaluate('PS', 'un', '2024-04-17').timeline).toEqual([]);
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
  it('is a member as of 2025-10-27: the Summit stage passed (timeline), the step reached', () => {
    const ev = evaluate('TL', 'asean', '2025-10-27');
    expect(ev.admitted).toBe(true);
    expect(ev.status.deJure).toBe('member');
    expect(ev.reached).toMatchObject({ stage: 'summit', date: '2025-10-26' });
    expect(ev.stages.find((s) => s.id === 'summit')!.reached?.date).toBe('2025-10-26');
  });

  it('had reached only the agreement in principle the day before the admission', () => {
    expect(evaluate('TL', 'asean', '2025-10-25').reached?.stage).toBe('agreement-in-principle');
    expect(evaluate('TL', 'asean', '2015-01-01').reached?.stage).toBe('application');
  });

  it('has ten members before the admission, and the 2022 agreement in principle lifts the doubters', () => {
    const notReady = { 'roadmap-milestones-met': false };
    const before = evaluate('TL', 'asean', '2022-11-10', notReady).stages.find((s) => s.id === 'summit')!;
    const after = evaluate('TL', 'asean', '2022-11-12', notReady).stages.find((s) => s.id === 'summit')!;
    expect(before.voters).toHaveLength(10);
    const pos = (st: typeof before, s: string) => st.voters.find((v) => v.state === s)!.position;
    expect(pos(before, 'SG')).not.toBe('yes');
    expect(pos(after, 'SG')).toBe('yes');
  });
});

describe('Bosnia and Herzegovina × NATO', () => {
  it('is held by its own step: the Presidency does not apply without Republika Srpska; MAP is the step reached', () => {
    const ev = evaluate('BA', 'nato', '2024-06-01');
    expect(ev.drivers).toMatchObject({ 'rs-consents': false, 'defence-property-registered': false });
    const application = ev.stages.find((s) => s.id === 'application')!;
    expect(application.outcome).toBe('fail');
    expect(application.blockers).toEqual(['BA']);
    expect(ev.reached?.stage).toBe('membership-action-plan');
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

describe('UN admissions of Montenegro (2006) and South Sudan (2011)', () => {
  it.each([
    ['ME', ['general-assembly@2006-06-28', 'security-council@2006-06-22']],
    ['SS', ['general-assembly@2011-07-14', 'security-council@2011-07-13']],
  ] as const)('forecasts both decisions of %s on their eves, from sources published by then', async (candidate, expected) => {
    const { decisions, forecast } = await import('../../src/case/track-record.ts');
    const rows = decisions(ix)
      .filter((d) => d.candidate === candidate && d.organization === 'un')
      .map((d) => forecast(ix, d));
    expect(rows.map((r) => `${r.stage}@${r.date}`).sort()).toEqual([...expected]);
    for (const r of rows) {
      expect(r.p, r.stage).toBeGreaterThan(0.9);
      expect(r.laterSources, r.stage).toEqual([]);
    }
  });

  it('has no answer before the candidate declared independence', () => {
    expect(() => evaluate('ME', 'un', '2006-06-02')).toThrow(/Montenegro did not exist as a state on 2006-06-02/);
    expect(() => evaluate('SS', 'un', '2011-07-08')).toThrow(/South Sudan did not exist as a state on 2011-07-08/);
  });
});
