import { describe, expect, it } from 'vitest';
import { bodySeatsAsOf, covers, membersAsOf, recognitionAsOf } from './asof.ts';
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
