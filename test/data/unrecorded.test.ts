// What the dataset does not record is said, not computed as if known: Security Council seats outside
// their recorded years, and recognition of a candidate that has no recognitions file.
import { describe, expect, it } from 'vitest';
import { bodySeatsAsOf, caseNotApplicable, NotApplicableError } from '../../src/model/asof.ts';
import { evaluateCase } from '../../src/engine/evaluate.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { counter } from '../../src/case/views.ts';
import { daySnapshot } from '../../src/case/snapshot.ts';

const ix = index(loadDataset());
const un = ix.organization('un')!;
const council = un.bodies.find((b) => b.id === 'security-council')!;

describe('Security Council seats outside the recorded terms', () => {
  it('seats 15 in a recorded year and nobody known outside them', () => {
    expect(bodySeatsAsOf(un, council, '2015-06-01')?.size).toBe(15);
    // The terms read on stored pages (1991-92 to 2006-07) seat the Council of the Kosovo-era years.
    expect([...bodySeatsAsOf(un, council, '2000-06-01')!.keys()].sort()).toEqual(
      ['AR', 'BD', 'CA', 'CN', 'FR', 'GB', 'JM', 'ML', 'MY', 'NA', 'NL', 'RU', 'TN', 'UA', 'US'],
    );
    expect(bodySeatsAsOf(un, council, '1992-06-01')?.size).toBe(15);
    expect(bodySeatsAsOf(un, council, '1991-06-01')).toBeUndefined();
    expect(bodySeatsAsOf(un, council, '2027-06-01')).toBeUndefined();
  });

  it('refuses a UN case on such a day with the reason, and answers within the recorded years', () => {
    const ps = ix.state('PS');
    expect(caseNotApplicable(un, ps, '1991-06-01')).toMatch(/Security Council in 1991 are not in the dataset \(recorded for 1992–2026\)/);
    expect(caseNotApplicable(un, ps, '2027-01-01')).toMatch(/in 2027/);
    expect(caseNotApplicable(un, ps, '2008-01-01')).toBeUndefined();
    expect(caseNotApplicable(un, ps, '2007-06-01')).toBeUndefined();
    expect(caseNotApplicable(un, ps, '1992-01-01')).toBeUndefined();
    expect(caseNotApplicable(ix.organization('nato')!, ix.state('FI'), '1990-01-01')).toBeUndefined();
  });

  it('computes a UN case on a day of the earlier recorded terms, with that year\'s Council as voters', () => {
    const r = evaluateCase(ix, ix.case('PS', 'un')!, '2000-06-01', {});
    const sc = r.stages.find((s) => s.id === 'security-council')!;
    expect(sc.voters.map((v) => v.state).sort()).toEqual(['AR', 'BD', 'CA', 'CN', 'FR', 'GB', 'JM', 'ML', 'MY', 'NA', 'NL', 'RU', 'TN', 'UA', 'US']);
    expect(sc.outcome).toBe('fail');
    expect(sc.blockers).toContain('US'); // the United States' veto
    expect(() => evaluateCase(ix, ix.case('PS', 'un')!, '1991-06-01', {})).toThrow(NotApplicableError);
  });
});

describe('recognition of a candidate without a recognitions file', () => {
  it('is said to be unrecorded, not "0 of 30 allies recognize Finland"', () => {
    const c = counter(daySnapshot(ix, '2022-06-01'), 'FI', 'nato');
    expect(c.recorded).toBe(false);
    expect(c.text).toBe('not recorded in the dataset for Finland (30 allies)');
  });

  it('still counts a candidate whose recognitions are recorded', () => {
    const c = counter(daySnapshot(ix, '2024-01-01'), 'XK', 'nato');
    expect(c.recorded).toBe(true);
    expect(c.text).toMatch(/^\d+ of 3[01] allies recognize Kosovo/);
  });
});
