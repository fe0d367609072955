// The track record on the bundled dataset: forecasts made on the eve, misses first, scores that add up.
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../engine/analyze.ts';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import { brier } from './scores.ts';
import { decisions, eve, forecast, trackRecord } from './track-record.ts';

const ix = index(loadDataset());
const record = trackRecord(ix);

describe('track record', () => {
  it('takes the eve across month and year ends', () => {
    expect(eve('2024-03-01')).toBe('2024-02-29');
    expect(eve('2023-01-01')).toBe('2022-12-31');
  });

  it('lists every backtest once, each forecast made as of the day before with the model as it stood', () => {
    expect(decisions(ix).length).toBeGreaterThanOrEqual(ix.data.backtests.length);
    for (const d of record.decisions) {
      expect(d.asOf).toBe(eve(d.date));
      if (d.p === null) {
        expect(d.reason).toBeTruthy();
        continue;
      }
      const c = ix.case(d.candidate, d.organization)!;
      expect(d.p).toBeCloseTo(analyzeCase(ix, c, d.asOf).stageProbabilities[d.stage], 12);
      expect(d.miss).toBe((d.p >= 0.5) !== (d.outcome === 'pass'));
    }
  });

  it('puts the misses first and decisions without a forecast last', () => {
    const rank = record.decisions.map((d) => (d.p === null ? 2 : d.miss ? 0 : 1));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
  });

  it('scores the forecasts and the base rate over the same decisions', () => {
    const scored = record.decisions.filter((d) => d.p !== null);
    expect(record.model.n).toBe(scored.length);
    expect(record.model.brier).toBeCloseTo(brier(scored.map((d) => ({ p: d.p!, happened: d.outcome === 'pass' }))), 12);
    const rate = scored.filter((d) => d.outcome === 'pass').length / scored.length;
    expect(record.baseline.rate).toBeCloseTo(rate, 12);
    expect(record.baseline.brier).toBeCloseTo(rate * (1 - rate), 12);
    expect(record.calibration.reduce((s, b) => s + b.n, 0)).toBe(scored.length);
  });

  it('gives no forecast where, on the eve, the data knew no stance for a voter (its own first reported later, no default)', () => {
    const fixture = loadDataset(new URL('../../test/data/fixtures/minimal', import.meta.url).pathname);
    // Only a default for recognizers: RS (a non-recognizer) has nothing but its own stance.
    const recognizers = fixture.cases.map((c) => ({ ...c, defaults: c.defaults.filter((d) => d.recognition === 'recognizes') }));
    const known = { ...fixture, cases: recognizers };
    const later = { ...known, sources: fixture.sources.map((s) => (s.id === 'doc' ? { ...s, date: '2011-01-01' } : s)) };
    const bt = later.backtests[0];
    const decision = { id: bt.id, candidate: bt.candidate, organization: bt.organization, stage: bt.stage, date: bt.date, outcome: bt.outcome, from: bt.id } as const;
    const hindsight = forecast(index(later), decision);
    expect(hindsight.p).toBeNull();
    expect(hindsight.reason).toBe('on 2010-04-30 the data knew no stance for 1 voter(s) (RS)');
    expect(forecast(index(known), decision).p).not.toBeNull();
  });
});
