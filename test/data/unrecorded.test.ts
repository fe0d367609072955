// What the dataset does not record is said, not computed as if known: Security Council seats outside
// their recorded years, and recognition of a candidate that has no recognitions file.
import { describe, expect, it } from 'vitest';
import { bodySeatsAsOf, caseNotApplicable } from '../../src/model/asof.ts';
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
    expect(bodySeatsAsOf(un, council, '2007-06-01')).toBeUndefined();
    expect(bodySeatsAsOf(un, council, '2027-06-01')).toBeUndefined();
  });

  it('refuses a UN case on such a day with the reason, and answers within the recorded years', () => {
    const ps = ix.state('PS');
    expect(caseNotApplicable(un, ps, '2007-06-01')).toMatch(/Security Council in 2007 are not in the dataset \(recorded for 2008–2026\)/);
    expect(caseNotApplicable(un, ps, '2027-01-01')).toMatch(/in 2027/);
    expect(caseNotApplicable(un, ps, '2008-01-01')).toBeUndefined();
    expect(caseNotApplicable(ix.organization('nato')!, ix.state('FI'), '1990-01-01')).toBeUndefined();
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
