// The server keeps one case answer per stretch of days between change points and writes the day asked into
// it (src/server/answers.ts): for every bundled case, the answer it gives for a day must be, byte for byte,
// the answer computed for that day from nothing — on the eve of a change point (the day farthest from its
// stretch's first), on random days between, under random driver settings, and on a day before the candidate
// existed (a 422 naming the day asked, not the stretch's first day).
import { describe, expect, it } from 'vitest';
import { changePoints } from '../../src/case/change-points.ts';
import { daySnapshot } from '../../src/case/snapshot.ts';
import { caseDetails } from '../../src/case/views.ts';
import { rng } from '../../src/engine/random.ts';
import { caseNotApplicable, NotApplicableError } from '../../src/model/asof.ts';
import { index } from '../../src/model/dataset.ts';
import { addDays } from '../../src/model/grammar.ts';
import { loadDataset } from '../../src/model/load.ts';
import { createApp } from '../../src/server/app.ts';
import { FAKE_ASSETS } from './helpers.ts';

const dataset = loadDataset();
const ix = index(dataset);
const app = createApp({ dataset, writable: false, assets: FAKE_ASSETS, today: () => '2026-06-01' });

const dayBetween = (a: string, b: string, r: number) => {
  const t0 = Date.parse(`${a}T00:00:00Z`);
  const t1 = Date.parse(`${b}T00:00:00Z`);
  return new Date(t0 + Math.floor(r * ((t1 - t0) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
};

describe('a case answer made from its stretch', () => {
  it.each(dataset.cases.map((c) => [`${c.candidate}/${c.organization}`, c] as const))('is the day\'s own answer for %s', async (_name, c) => {
    const next = rng(11);
    // Stretches of days the case answers (a day before the candidate existed, or without recorded
    // Security Council seats, is refused: the last test below covers those); drawing gaps from every
    // change point could pick only refused stretches (Montenegro × UN before 2006) and check nothing.
    const org = ix.organization(c.organization)!;
    const points = changePoints(ix, c).filter((p) => p >= '1990-01-01' && p <= '2030-12-31' && !caseNotApplicable(org, ix.state(c.candidate), p));
    const gaps: Array<[string, string]> = [];
    for (let k = 0; k < 2 && points.length > 1; k++) {
      const i = Math.floor(next() * (points.length - 1));
      gaps.push([points[i]!, points[i + 1]!]);
    }
    if (points.length) gaps.push([points[points.length - 1]!, '2031-01-01']);
    let answered = 0;
    let renamed = 0;
    for (const [from, to] of gaps) {
      // One setting for the stretch: its first day asked computes the stretch's answer, the others are renamed from it.
      const on: string[] = [];
      const off: string[] = [];
      for (const d of c.drivers) {
        const r = next();
        if (r < 1 / 3) on.push(d.id);
        else if (r < 2 / 3) off.push(d.id);
      }
      const fixed = Object.fromEntries([...on.map((d) => [d, true]), ...off.map((d) => [d, false])]);
      const days = [dayBetween(from, to, next()), addDays(to, -1), from];
      for (const [i, day] of days.entries()) {
        const res = await app.request(`http://localhost/api/cases/${c.candidate}/${c.organization}?as=${day}&on=${on.join('~')}&off=${off.join('~')}`);
        let expected: string;
        try {
          expected = JSON.stringify(caseDetails(daySnapshot(ix, day), c, fixed));
        } catch (e) {
          if (!(e instanceof NotApplicableError)) throw e;
          expect(res.status).toBe(422);
          expect(((await res.json()) as { message: string }).message).toBe(e.reason);
          continue;
        }
        expect(res.status, day).toBe(200);
        expect(await res.text(), day).toBe(expected);
        answered++;
        if (i > 0 && day !== days[0] && day !== from) renamed++;
      }
    }
    expect(renamed).toBeGreaterThan(0);
    expect(answered).toBeGreaterThan(0);
  }, 120_000);

  it('names the day asked when the day comes before the candidate', async () => {
    const res = await app.request('http://localhost/api/cases/XK/nato?as=2008-01-01');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain('2008-01-01');
  });
});
