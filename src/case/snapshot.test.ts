// The day snapshot agrees with the model's own as-of functions on every organization, candidate and tie.
import { describe, expect, it } from 'vitest';
import { covers, isMember, membersAsOf, recognitionsAsOf } from '../model/asof.ts';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import { daySnapshot } from './snapshot.ts';

const ix = index(loadDataset());
const DAYS = ['1999-06-01', '2008-02-17', '2024-03-06', '2024-03-07', '2026-06-01'];

describe('daySnapshot', () => {
  it('knows Sweden joined NATO on 2024-03-07, not the day before', () => {
    expect(daySnapshot(ix, '2024-03-06').isMember('nato', 'SE')).toBe(false);
    expect(daySnapshot(ix, '2024-03-07').isMember('nato', 'SE')).toBe(true);
    expect(daySnapshot(ix, '2024-03-07').members('nato')).toContain('SE');
  });

  it.each(DAYS)('agrees with the model on %s', (asOf) => {
    const day = daySnapshot(ix, asOf);
    for (const org of ix.data.organizations) {
      expect(day.members(org.id)).toEqual(membersAsOf(org, asOf));
      for (const s of ix.data.states) expect(day.isMember(org.id, s.code)).toBe(isMember(org, s.code, asOf));
    }
    for (const c of ix.data.cases) {
      const rec = recognitionsAsOf(ix.recognitions(c.candidate), asOf);
      for (const s of ix.data.states) expect(day.recognition(c.candidate, s.code)).toBe(rec.get(s.code) ?? 'does-not-recognize');
      expect(day.ties(c).map((t) => t.active)).toEqual(c.ties.map((t) => covers(asOf, t.since, t.until)));
      expect(day.title(c)).toBe(c.title ?? `${ix.state(c.candidate)!.name} × ${ix.organization(c.organization)!.shortName}`);
    }
    expect(day.members('no-such-org')).toEqual([]);
  });

  it('builds each part once', () => {
    const day = daySnapshot(ix, '2026-06-01');
    expect(day.members('nato')).toBe(day.members('nato'));
    expect(day.recognitions('XK')).toBe(day.recognitions('XK'));
  });
});
