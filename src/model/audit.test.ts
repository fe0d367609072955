// accede audit's counting: every fact lands in one kind and one status; unverified ones are listed with why.
import { describe, expect, it } from 'vitest';
import { audit, strictFailures } from './audit.ts';
import type { Dataset } from './dataset.ts';

const src = ['https://example.org'];
const data: Dataset = {
  states: [
    { code: 'AA', iso3: 'AAA', name: 'A', kind: 'other', sources: src },
    { code: 'BB', iso3: 'BBB', name: 'B', kind: 'other', sources: src },
  ],
  organizations: [
    {
      id: 'club',
      name: 'Club',
      shortName: 'Club',
      sources: src,
      members: [
        { state: 'AA', joined: '1949-05-05', sources: src },
        { state: 'BB', joined: '1961', verified: false, sources: src, note: 'unverified: day not cross-checked' },
        { state: 'CC', joined: 'unknown', reason: 'no source gives it', verified: false, sources: src },
      ],
      bodies: [{ id: 'all', name: 'All', composition: 'members', sources: src }],
      procedure: { stages: [{ id: 'vote', name: 'Vote', body: 'all', kind: 'formal', rule: { type: 'consensus' }, legal: 'Art. 1', sources: src }] },
    },
  ],
  recognitions: [
    {
      candidate: 'XK',
      asOf: '2026-01-01',
      recognitions: [
        { state: 'AA', status: 'recognizes', date: '2008-02-18', sources: src },
        { state: 'BB', status: 'does-not-recognize', verified: false, sources: src, note: 'unverified: absence not checked' },
      ],
    },
  ],
  cases: [
    {
      candidate: 'XK',
      organization: 'club',
      status: { deJure: 'applicant', sources: src },
      drivers: [{ id: 'd', name: 'D', p: 0.5, sources: src }],
      stances: [{ state: 'AA', p: { yes: 1 }, sources: src }],
      defaults: [],
      estimates: [],
      ties: [{ id: 't', name: 'T', kind: 'presence', sources: src }],
    },
  ],
  sources: [
    { id: 's1', title: 'S1', date: '2024-06-24', dateVerified: false, note: 'inferred from the URL', passages: [] },
    { id: 's2', title: 'S2', date: '2024-06-24', passages: [] },
  ],
  backtests: [],
};

describe('audit', () => {
  const a = audit(data);
  it('counts each fact once, by kind and status', () => {
    expect(a.byKind.memberships).toEqual({ verified: 1, unverified: 2, judgment: 0 });
    expect(a.byKind.recognitions).toEqual({ verified: 1, unverified: 1, judgment: 0 });
    expect(a.byKind.drivers.judgment).toBe(1);
    expect(a.byKind.stances.judgment).toBe(1);
    expect(a.byKind.ties.verified).toBe(1);
    expect(a.byKind.sources).toEqual({ verified: 1, unverified: 1, judgment: 0 });
    expect(a.byStatus).toEqual({ verified: 7, unverified: 4, judgment: 2 });
    expect(a.total).toBe(13);
  });
  it('lists every unverified fact with where it is and why', () => {
    expect(a.unverified.map((f) => f.what)).toEqual(['club: BB', 'club: CC', 'XK recognitions: BB (does-not-recognize)', 'source s1: date 2024-06-24']);
    expect(a.unverified[0]).toMatchObject({ file: 'organizations/club.yaml', path: ['members', 1], reason: 'day not cross-checked' });
    expect(a.unverified[1].reason).toBe('join date unknown: no source gives it');
    expect(a.unverified[3].reason).toMatch(/inferred from the URL/);
  });
  it('--strict: every unverified fact must be explained, and no more of them than the budget', () => {
    expect(a.unverified.map((f) => f.explained)).toEqual([true, true, true, true]);
    expect(strictFailures(a, 4)).toEqual([]);
    expect(strictFailures(a, 3)).toEqual(['4 facts are unverified, more than the 3 allowed']);
    const bare = audit({ ...data, sources: [{ id: 's1', title: 'S1', date: '2024-06-24', dateVerified: false, passages: [] }] });
    expect(bare.unverified.at(-1)).toMatchObject({ what: 'source s1: date 2024-06-24', explained: false });
    expect(strictFailures(bare, 50)).toEqual(['1 unverified fact(s) give no reason: source s1: date 2024-06-24']);
  });
});
