// Members that left an organization and rejoined count on the days of each period, not only the latest.
import { describe, expect, it } from 'vitest';
import { isMember, membersAsOf } from '../../src/model/asof.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';

const ix = index(loadDataset());
const unesco = ix.organization('unesco')!;

describe('past membership periods (scripts/reference-verified.yaml periods)', () => {
  it('counts the United States at UNESCO in 1946-1984 and 2003-2018, not in between or in 2019-2022', () => {
    const us = (day: string) => isMember(unesco, 'US', day);
    expect([us('1980-06-01'), us('1984-12-31'), us('1985-01-01'), us('2003-09-30'), us('2003-10-01')]).toEqual([true, true, false, false, true]);
    expect([us('2015-11-09'), us('2018-12-31'), us('2019-01-01'), us('2022-12-31'), us('2023-07-31')]).toEqual([true, true, false, false, true]);
  });

  it('counts the United Kingdom at UNESCO until 1985 and again from 1997-07-01', () => {
    const gb = (day: string) => isMember(unesco, 'GB', day);
    expect([gb('1985-12-31'), gb('1986-01-01'), gb('1997-06-30'), gb('1997-07-01')]).toEqual([true, false, false, true]);
  });

  it('has 195 UNESCO members on the day of the 2015 General Conference vote (92 + 50 + 29 + 15 + 9 without a vote)', () => {
    expect(membersAsOf(unesco, '2015-11-09')).toHaveLength(195);
  });

  it('ends a membership on the first day outside it: the UK in the EU on 2020-01-31, Israel at UNESCO on 2018-12-31', () => {
    const eu = ix.organization('eu')!;
    expect([isMember(eu, 'GB', '2020-01-31'), isMember(eu, 'GB', '2020-02-01')]).toEqual([true, false]);
    expect([isMember(unesco, 'IL', '2018-12-31'), isMember(unesco, 'IL', '2019-01-01')]).toEqual([true, false]);
  });
});
