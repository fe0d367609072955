// The track record page in Chromium: scores, calibration and decisions with the misses first, the same
// numbers as `accede track-record --json`, and no console errors.
import { describe, expect, it } from 'vitest';
import { trackRecord } from '../../src/case/track-record.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { browserAndServer, watchErrors } from './setup.ts';

const dataset = loadDataset();
const env = browserAndServer(dataset);

describe('track record page', () => {
  it('shows the scores of the CLI and every decision, misses first', async () => {
    const expected = trackRecord(index(dataset));
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.server.url}/track-record`);
    await page.waitForSelector('[data-page="track-record"]');
    expect(await page.textContent('[data-testid="model-brier"]')).toBe(expected.model.brier.toFixed(3));
    expect(await page.textContent('[data-testid="baseline-brier"]')).toBe(expected.baseline.brier.toFixed(3));
    const rows = await page.$$eval('[data-testid="decisions"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-miss') === 'true'));
    expect(rows).toHaveLength(expected.decisions.length);
    expect(rows.filter(Boolean).length).toBe(expected.decisions.filter((d) => d.miss).length);
    expect(rows.indexOf(false)).toBeGreaterThanOrEqual(rows.lastIndexOf(true));
    const api = await (await fetch(`${env.server.url}/api/track-record`)).json();
    expect(api.model.n).toBe(expected.model.n);
    expect(errors).toEqual([]);
  });
});
