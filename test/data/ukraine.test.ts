// Ukraine × NATO and Ukraine × EU as of the days of issue 10's acceptance: the steps reached and who blocks the next one.
import { describe, expect, it } from 'vitest';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { evaluateCase } from '../../src/engine/evaluate.ts';

const ix = index(loadDataset());

describe('Ukraine × NATO', () => {
  it('is not invited as of 1 June 2025; with the war over and the US in favour, Hungary and Slovakia still block', () => {
    const c = ix.case('UA', 'nato')!;
    expect(evaluateCase(ix, c, '2025-06-01').admitted).toBe(false);
    const after = evaluateCase(ix, c, '2025-06-01', { 'war-ends': true, 'us-backs-ukraine-membership': true });
    expect(after.stages.find((s) => s.id === 'invitation')!.blockers.sort()).toEqual(['HU', 'SK']);
  });

  it('had no Slovak veto on record before Fico’s statement of 19 December 2023 (reported the next day)', () => {
    const c = ix.case('UA', 'nato')!;
    const settings = { 'war-ends': true, 'us-backs-ukraine-membership': true };
    const before = evaluateCase(ix, c, '2023-12-19', settings);
    expect(before.stages.find((s) => s.id === 'invitation')!.blockers).toEqual(['HU']);
    const after = evaluateCase(ix, c, '2023-12-20', settings);
    expect(after.stages.find((s) => s.id === 'invitation')!.blockers).toEqual(['HU', 'SK']);
  });

  it('knows neither the Hungarian objection nor the Vilnius drivers before the reports of July 2023', () => {
    const c = ix.case('UA', 'nato')!;
    const early = evaluateCase(ix, c, '2023-06-01');
    expect(Object.keys(early.drivers)).not.toContain('us-backs-ukraine-membership');
    expect(Object.keys(early.drivers)).not.toContain('war-ends');
    expect(Object.keys(evaluateCase(ix, c, '2023-08-01').drivers)).toEqual(expect.arrayContaining(['war-ends', 'us-backs-ukraine-membership', 'hungary-lifts-objection']));
  });
});

describe('Ukraine × EU', () => {
  const c = () => ix.case('UA', 'eu')!;

  it('as of 1 June 2025 has passed candidate status, the opening decision and the first conference; Hungary blocks the Fundamentals cluster', () => {
    const ev = evaluateCase(ix, c(), '2025-06-01');
    const outcome = Object.fromEntries(ev.stages.map((s) => [s.id, s.outcome]));
    expect(outcome).toMatchObject({ 'candidate-status': 'pass', 'opening-decision': 'pass', 'first-igc': 'pass', 'cluster-1': 'fail' });
    expect(ev.stages.find((s) => s.id === 'cluster-1')!.blockers).toContain('HU');
    expect(ev.reached).toMatchObject({ stage: 'first-igc', date: '2024-06-25' });
    expect(ev.admitted).toBe(false);
  });

  it('shares Ukraine’s own lever (Hungary’s minority demand) with the NATO case', () => {
    for (const org of ['eu', 'nato']) {
      const d = ix.case('UA', org)!.drivers.find((x) => x.id === 'ukraine-meets-hungary-minority-demands');
      expect(d, org).toMatchObject({ p: 0.3, lever: true });
    }
  });

  it('had not reached candidate status before 23 June 2022, and Hungary was no blocker of the next step before February 2025', () => {
    const early = evaluateCase(ix, c(), '2022-03-01');
    expect(early.stages.find((s) => s.id === 'candidate-status')!.blockers).toEqual([]);
    const before = evaluateCase(ix, c(), '2025-02-13', { 'ukraine-meets-hungary-minority-demands': true });
    expect(before.stages.find((s) => s.id === 'cluster-1')!.blockers).toEqual([]);
  });
});

describe('the EU procedure', () => {
  it('is the same for Kosovo: past its application, every government step blocked by the non-recognizers and Hungary', () => {
    const ev = evaluateCase(ix, ix.case('XK', 'eu')!, '2026-01-01');
    expect(ev.stages.map((s) => s.id)).toContain('cluster-6');
    for (const s of ev.stages.filter((x) => x.id !== 'application' && x.body !== 'European Parliament')) expect(s.outcome, s.id).toBe('fail');
  });
});
