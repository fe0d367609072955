// As-of evaluation: periods, memberships, seats, recognitions, and a case as of a day (no hindsight).
import { describe, expect, it } from 'vitest';
import { bodySeatsAsOf, caseAsOf, covers, joinedDay, knownFrom, membersAsOf, recognitionAsOf } from './asof.ts';
import type { CaseData } from './schema.ts';
import { Organization } from './schema.ts';
import type { OrganizationData } from './schema.ts';

const src = ['https://example.org'];
const org: OrganizationData = {
  id: 'club',
  name: 'Club',
  shortName: 'Club',
  sources: src,
  members: [
    { state: 'AA', joined: '1949-05-05', sources: src },
    { state: 'BB', joined: '1973', sources: src },
    { state: 'CC', joined: '1990-01-01', left: '2022-03-16', sources: src },
  ],
  bodies: [
    { id: 'all', name: 'All', composition: 'members', seats: { AA: 18 }, sources: src },
    {
      id: 'council',
      name: 'Council',
      composition: 'terms',
      terms: [
        { state: 'AA', from: 1945, permanent: true, sources: src },
        { state: 'BB', from: 2015, to: 2016, sources: src },
        { state: 'CC', from: 2017, to: 2018, sources: src },
      ],
      sources: src,
    },
  ],
  procedure: { stages: [{ id: 'vote', name: 'Vote', body: 'all', kind: 'formal', rule: { type: 'consensus' }, legal: 'Art. 1', sources: src }] },
};

describe('joined: unknown', () => {
  const withUnknown: OrganizationData = {
    ...org,
    members: [...org.members, { state: 'DD', joined: 'unknown', reason: 'no source read gives the date', verified: false, left: '2020-06-01', sources: src }],
  };
  it('counts the member at every date before it left, and nowhere after', () => {
    expect(joinedDay({ joined: 'unknown' })).toBeUndefined();
    expect(joinedDay({ joined: '1973' })).toBe('1973');
    expect(membersAsOf(withUnknown, '1950-01-01').sort()).toEqual(['AA', 'DD']);
    expect(membersAsOf(withUnknown, '2020-05-31')).toContain('DD');
    expect(membersAsOf(withUnknown, '2020-06-01')).not.toContain('DD');
  });
  it('is refused without a reason, without verified: false, and a member without any join date is refused', () => {
    const row = (m: object) => Organization.safeParse({ ...withUnknown, members: [m] });
    expect(row({ state: 'DD', joined: 'unknown', reason: 'why', verified: false, sources: src }).success).toBe(true);
    const paths = (m: object) => (row(m).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths({ state: 'DD', joined: 'unknown', verified: false, sources: src })).toEqual(['members.0.reason']);
    expect(paths({ state: 'DD', joined: 'unknown', reason: 'why', sources: src })).toEqual(['members.0.verified']);
    expect(paths({ state: 'DD', sources: src })).toEqual(['members.0.joined']);
    expect(paths({ state: 'DD', joined: '2001', reason: 'why', sources: src })).toEqual(['members.0.reason']);
  });
});

describe('as-of evaluation', () => {
  it('membership counts change with the date; a member that left is out from that day', () => {
    expect(membersAsOf(org, '1960-01-01')).toEqual(['AA']);
    expect(membersAsOf(org, '2000-01-01').sort()).toEqual(['AA', 'BB', 'CC']);
    expect(membersAsOf(org, '2022-03-15')).toContain('CC');
    expect(membersAsOf(org, '2022-03-16')).not.toContain('CC');
    expect(covers('2020-01-01', undefined, undefined)).toBe(true);
  });
  it('composes bodies by seats and by yearly terms', () => {
    expect(bodySeatsAsOf(org, org.bodies[0], '2000-01-01')).toEqual(new Map([['AA', 18], ['BB', 1], ['CC', 1]]));
    expect([...bodySeatsAsOf(org, org.bodies[1], '2016-06-01')!.keys()]).toEqual(['AA', 'BB']);
    expect([...bodySeatsAsOf(org, org.bodies[1], '2018-06-01')!.keys()]).toEqual(['AA', 'CC']);
  });
  it('recognitions and claimed withdrawals count from their dates', () => {
    const r = { state: 'SR', status: 'withdrawal-claimed' as const, date: '2016-07-08', withdrawalClaimed: '2017-10-27', sources: src };
    expect(recognitionAsOf(r, '2015-01-01')).toBe('does-not-recognize');
    expect(recognitionAsOf(r, '2017-01-01')).toBe('recognizes');
    expect(recognitionAsOf(r, '2018-01-01')).toBe('withdrawal-claimed');
    expect(recognitionAsOf(undefined, '2018-01-01')).toBe('does-not-recognize');
  });
});

describe('a case as of a day: no hindsight', () => {
  const dates: Record<string, string> = { early: '2022-06-21', vote: '2022-06-23', later: '2023-12-14' };
  const published = (r: string | { source: string }) => dates[typeof r === 'string' ? r : r.source];
  const c: CaseData = {
    candidate: 'XK',
    organization: 'club',
    status: { deJure: 'applicant', sources: src },
    drivers: [
      { id: 'known', name: 'Known', p: 0.5, sources: ['early'] },
      { id: 'learnt', name: 'Learnt later', p: 0.5, sources: ['later'] },
    ],
    stances: [
      { state: 'AA', p: { yes: 1 }, sources: ['vote'] },
      { state: 'BB', p: { no: 1 }, when: [{ if: { learnt: true }, p: { yes: 1 } }], sources: ['early', 'later'] },
      { state: 'CC', since: '2020-01-01', p: { yes: 1 }, sources: ['https://example.org/undated'] },
    ],
    defaults: [{ recognition: 'any', p: { yes: 0.9, no: 0.1 }, basis: 'b', sources: ['vote', 'https://example.org'] }],
    estimates: [],
    ties: [],
  };

  it('a fact without since takes effect from its first dated report; a source without a date cannot prove hindsight', () => {
    expect(knownFrom(['later', 'early'], published)).toBe('2022-06-21');
    expect(knownFrom(['early', 'https://example.org'], published)).toBeUndefined();
    expect(knownFrom([], published)).toBeUndefined();
  });

  it('on the eve of the vote, a stance or driver first reported at or after it is not used', () => {
    const eve = caseAsOf(c, '2022-06-22', published);
    expect(eve.stances.map((s) => s.state)).toEqual(['BB', 'CC']);
    expect(eve.drivers.map((d) => d.id)).toEqual(['known']);
    // BB's condition on a driver nobody had named yet is dropped with the driver.
    expect(eve.stances[0].when).toEqual([]);
    // Defaults are the prior for every voter without a known stance: they always apply.
    expect(eve.defaults).toEqual(c.defaults);
  });

  it('once everything was reported the case comes back unchanged (the same object, so caches keyed by it hold)', () => {
    expect(caseAsOf(c, '2024-01-01', published)).toBe(c);
    expect(caseAsOf(c, '2022-06-23', published).stances.map((s) => s.state)).toEqual(['AA', 'BB', 'CC']);
  });
});
