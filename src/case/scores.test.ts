// Brier, log score and calibration on hand-computed examples.
import { describe, expect, it } from 'vitest';
import { brier, calibration, LOG_FLOOR, logScore } from './scores.ts';

describe('scores', () => {
  const fs = [
    { p: 0.9, happened: true },
    { p: 0.2, happened: false },
    { p: 0.7, happened: false },
  ];
  it('Brier is the mean squared error', () => {
    expect(brier(fs)).toBeCloseTo((0.01 + 0.04 + 0.49) / 3, 12);
  });
  it('log score is the mean −ln of the probability given to what happened, clipped', () => {
    expect(logScore(fs)).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.3)) / 3, 12);
    expect(logScore([{ p: 0, happened: true }])).toBeCloseTo(-Math.log(LOG_FLOOR), 12);
  });
  it('calibration bins cover [0, 1] and count every forecast once', () => {
    const bins = calibration([...fs, { p: 1, happened: true }, { p: 0, happened: false }], 5);
    expect(bins.map((b) => b.n)).toEqual([1, 1, 0, 1, 2]);
    expect(bins[4]).toMatchObject({ meanForecast: 0.95, observed: 1 });
    expect(bins[2]).toMatchObject({ meanForecast: null, observed: null });
  });
});
