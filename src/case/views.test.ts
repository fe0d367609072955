// The case answer's shape: each stance listed once and named by its voters, the table hiding no
// difference between the voters that share an id, and the answer for XK × NATO kept lean.
import { describe, expect, it } from 'vitest';
import { driversOf, openSession, stanceSources } from '../engine/index.ts';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import { daySnapshot } from './snapshot.ts';
import { caseDetails, stageVoters, stanceTable } from './views.ts';

const ix = index(loadDataset());

describe('the stances table', () => {
  it("describes every voter's own stance, for every bundled case on several days", () => {
    let voters = 0;
    for (const c of ix.data.cases) {
      for (const day of ['2009-06-01', '2019-03-04', '2024-06-01', '2026-06-01']) {
        let session;
        try {
          session = openSession(ix, c, day);
        } catch {
          continue; // no answer on the day (the organization or the candidate did not exist)
        }
        const table = stanceTable(session.setup);
        for (const s of stageVoters(session, {})) {
          for (const v of s.voters ?? []) {
            const own = session.setup.units.find((u) => u.state === v.state && u.stages.includes(s.stage))!.spec;
            expect(v.stance, `${c.candidate}/${c.organization} ${day} ${v.state}`).toBe(own.id);
            expect(table[v.stance], `${c.candidate}/${c.organization} ${day} ${v.state} ${v.stance}`).toEqual({
              origin: own.origin,
              ...(own.basis ? { basis: own.basis } : {}),
              ...(own.note ? { note: own.note } : {}),
              sources: stanceSources(own),
              drivers: [...driversOf(own)],
            });
            voters++;
          }
        }
      }
    }
    expect(voters).toBeGreaterThan(1000);
  });

  it('lists only the stances some voter holds', () => {
    const c = ix.case('XK', 'nato')!;
    const d = caseDetails(daySnapshot(ix, '2026-06-01'), c);
    const held = new Set(d.voters.flatMap((s) => (s.voters ?? []).map((v) => v.stance)));
    expect(new Set(Object.keys(d.stances))).toEqual(held);
    // A default held by many Allies is written once.
    expect(d.voters.flatMap((s) => s.voters ?? []).length).toBeGreaterThan(3 * Object.keys(d.stances).length);
  });
});

describe("the answer's size", () => {
  // Measured 84 KB (2026-06-01) when each stance was first written once (119 KB before: every voter carried
  // its stance's basis, sources and drivers). A bound, not a time: a larger answer is a shape that repeats itself.
  it('for XK × NATO stays below 90 KB', () => {
    const c = ix.case('XK', 'nato')!;
    for (const day of ['2019-03-04', '2026-06-01']) {
      const bytes = Buffer.byteLength(JSON.stringify(caseDetails(daySnapshot(ix, day), c)));
      expect(bytes, day).toBeLessThan(90_000);
    }
  });
});
