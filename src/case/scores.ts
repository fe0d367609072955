// Proper scores of probability forecasts against outcomes: Brier, log, and a calibration table.
// Pure arithmetic; the track record (track-record.ts) feeds it the model's forecasts.

export interface Forecast {
  /** The forecast probability that the event happens. */
  p: number;
  /** Whether it happened. */
  happened: boolean;
}

/** Log scores need p in (0, 1): a forecast of exactly 0 or 1 that misses would score infinity. */
export const LOG_FLOOR = 1e-4;

export function brier(fs: readonly Forecast[]): number {
  return mean(fs.map((f) => (f.p - (f.happened ? 1 : 0)) ** 2));
}

/** Mean negative natural log of the probability given to what happened (lower is better). */
export function logScore(fs: readonly Forecast[]): number {
  const clip = (p: number) => Math.min(1 - LOG_FLOOR, Math.max(LOG_FLOOR, p));
  return mean(fs.map((f) => -Math.log(clip(f.happened ? f.p : 1 - f.p))));
}

export interface CalibrationBin {
  /** [from, to): the range of forecasts in the bin (the last bin includes 1). */
  from: number;
  to: number;
  n: number;
  /** Mean forecast and observed frequency in the bin; null for an empty bin. */
  meanForecast: number | null;
  observed: number | null;
}

/** Forecasts grouped in `k` equal bins of probability. */
export function calibration(fs: readonly Forecast[], k = 5): CalibrationBin[] {
  return Array.from({ length: k }, (_, i) => {
    const from = i / k;
    const to = (i + 1) / k;
    const inBin = fs.filter((f) => f.p >= from && (f.p < to || (i === k - 1 && f.p <= 1)));
    return {
      from,
      to,
      n: inBin.length,
      meanForecast: inBin.length ? mean(inBin.map((f) => f.p)) : null,
      observed: inBin.length ? mean(inBin.map((f) => (f.happened ? 1 : 0))) : null,
    };
  });
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN;
}
