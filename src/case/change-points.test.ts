// The effective day is exact: for every bundled case, the answer for a day computed from the case prepared on
// its effective day (with the setting of the drivers in force then) is the answer computed for the day itself,
// byte for byte — checked on days farthest from their effective day (the eve of the next change point) and on
// random days between, under random driver settings. The server's workers answer this way.
import { describe, expect, it } from 'vitest';
import { rng } from '../engine/random.ts';
import { setupCase } from '../engine/setup.ts';
import { NotApplicableError } from '../model/asof.ts';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import type { Assignment } from '../model/drivers.ts';
import { addDays } from '../model/grammar.ts';
import { changePoints, effectiveDayOf, effectiveQueryOf, preparedOn } from './change-points.ts';
import { daySnapshot } from './snapshot.ts';
import { caseDetails, prepareCase } from './views.ts';

const ix = index(loadDataset());

const dayBetween = (a: string, b: string, r: number) => {
  const t0 = Date.parse(`${a}T00:00:00Z`);
  const t1 = Date.parse(`${b}T00:00:00Z`);
  return new Date(t0 + Math.floor(r * ((t1 - t0) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
};

type Case = (typeof ix.data.cases)[number];

/** The answer's JSON, or the reason there is none (a day before the candidate or the organization). */
function answer(compute: () => unknown): string {
  try {
    return JSON.stringify(compute());
  } catch (e) {
    if (e instanceof NotApplicableError) return `not applicable: ${e.reason}`;
    throw e;
  }
}

/** As the workers answer: the case prepared on the effective day, named for the day asked. */
function viaEffectiveDay(c: Case, day: string, effective: string, fixed: Assignment): string {
  return answer(() => {
    const shared = prepareCase(daySnapshot(ix, effective), c);
    const on = preparedOn(shared, day) ?? prepareCase(daySnapshot(ix, day), c);
    return caseDetails(daySnapshot(ix, day), c, fixed, on);
  });
}

describe('effectiveDayOf', () => {
  it('is the latest change point on or before the day, or the day before them all', () => {
    const of = effectiveDayOf(['2001-01-01', '2005-06-30', '2010-01-01']);
    expect(of('1999-12-31')).toBe('1999-12-31');
    expect(of('2001-01-01')).toBe('2001-01-01');
    expect(of('2005-06-29')).toBe('2001-01-01');
    expect(of('2005-06-30')).toBe('2005-06-30');
    expect(of('2030-01-01')).toBe('2010-01-01');
  });
});

describe('changePoints', () => {
  it('reads partial dates by their first day, their last day and the day after it', () => {
    const c = ix.data.cases[0]!;
    const points = changePoints(ix, c);
    expect(points).toEqual([...points].sort());
    for (const p of points) expect(p).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a day and its effective day', () => {
  it.each(ix.data.cases.map((c) => [`${c.candidate}/${c.organization}`, c] as const))('give the same answer for %s', (_name, c) => {
    const next = rng(7);
    const points = changePoints(ix, c).filter((p) => p >= '1990-01-01' && p <= '2030-12-31');
    const query = effectiveQueryOf(ix, c);
    // Two gaps between change points chosen at random, plus the last stretch after them all.
    const gaps: Array<[string, string]> = [];
    for (let k = 0; k < 2 && points.length > 1; k++) {
      const i = Math.floor(next() * (points.length - 1));
      gaps.push([points[i]!, points[i + 1]!]);
    }
    if (points.length) gaps.push([points[points.length - 1]!, '2031-01-01']);
    let differentDays = 0;
    for (const [from, to] of gaps) {
      for (const day of [addDays(to, -1), dayBetween(from, to, next())]) {
        const fixed: Assignment = {};
        for (const d of c.drivers) {
          const r = next();
          if (r < 1 / 3) fixed[d.id] = true;
          else if (r < 2 / 3) fixed[d.id] = false;
        }
        const q = query(day, fixed);
        if (q.asOf !== day) differentDays++;
        const asked = answer(() => caseDetails(daySnapshot(ix, day), c, fixed));
        // A day with no answer (before the candidate existed) is asked as it is (its reason names the day).
        if (asked.startsWith('not applicable')) continue;
        expect(viaEffectiveDay(c, day, q.asOf, q.fixed)).toBe(asked);
      }
    }
    expect(differentDays).toBeGreaterThan(0);
  }, 60_000);
});

describe('the drivers an effective query keeps', () => {
  it.each(ix.data.cases.map((c) => [`${c.candidate}/${c.organization}`, c] as const))('are those in force as the engine sees them, for %s', (_name, c) => {
    const query = effectiveQueryOf(ix, c);
    const all: Assignment = Object.fromEntries(c.drivers.map((d) => [d.id, true]));
    for (const day of changePoints(ix, c).filter((p) => p >= '1990-01-01' && p <= '2030-12-31')) {
      let engine: string[];
      try {
        engine = setupCase(ix, c, day).case.drivers.map((d) => d.id);
      } catch (e) {
        if (e instanceof NotApplicableError) continue;
        throw e;
      }
      // A driver first reported after the day (no since of its own) is not in force yet.
      expect(Object.keys(query(day, all).fixed).sort()).toEqual(engine.sort());
    }
  });
});
