// Toggle-repaint benchmark: how long a driver toggle takes to recompute in the browser and reach the screen,
// in headless Chromium over 100 toggles on the Kosovo × NATO page of the bundled dataset.
// Each sample runs inside the page: click, then wait for the next frame to be painted (rAF + a task).
//
//   node --import tsx bench/web.bench.ts        (prints the rows)
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { loadDataset } from '../src/model/load.ts';
import { bundleApp } from '../src/site/bundle.ts';
import { startServer } from '../src/server/node.ts';
import type { BenchRow } from './types.ts';

const TOGGLES = 100;
const WARMUP = 10;
// ACCEDE_BENCH_CASE=XK/coe to measure another case.
const [candidate, organization] = (process.env.ACCEDE_BENCH_CASE ?? 'XK/nato').split('/');
const CASE = { candidate, organization };

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}

export async function run(): Promise<BenchRow[]> {
  const dataset = loadDataset();
  const server = await startServer({ dataset, writable: false, assets: await bundleApp() });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${server.url}/case/${CASE.candidate}/${CASE.organization}`);
    await page.waitForSelector(`.map svg path[data-code="${CASE.candidate}"]`);
    // Steady state: the history chart's background work is done before the toggles start.
    await page.waitForFunction(() => !document.querySelector('[data-testid="history"]')?.textContent?.includes('computing'), null, { timeout: 0 });
    const drivers = await page.locator('fieldset[data-driver]').evaluateAll((els) => els.map((e) => e.getAttribute('data-driver')!));
    if (drivers.length === 0) throw new Error('the case has no drivers to toggle');
    const sequence: string[] = [];
    const values = ['true', 'false', 'unset'];
    for (let i = 0; i < TOGGLES + WARMUP; i++) {
      const d = drivers[i % drivers.length];
      const v = values[Math.floor(i / drivers.length) % values.length];
      sequence.push(`[data-testid="driver-${d}-${v}"]`);
    }
    const times = await page.evaluate(async (sels: string[]) => {
      const out: number[] = [];
      for (const sel of sels) {
        const el = document.querySelector(sel) as HTMLInputElement | null;
        if (!el) throw new Error(`missing ${sel}`);
        const t0 = performance.now();
        el.click();
        // Preact renders in a microtask; the frame after it is painted before this task runs.
        await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        if (!el.checked) throw new Error(`${sel} did not take effect`);
        out.push(performance.now() - t0);
      }
      return out;
    }, sequence);
    const samples = times.slice(WARMUP);
    const p50 = quantile(samples, 0.5);
    const p95 = quantile(samples, 0.95);
    const note = `${TOGGLES} toggles over ${drivers.length} drivers on /case/${CASE.candidate}/${CASE.organization}, headless Chromium, click → next painted frame`;
    return [
      { name: 'web: driver toggle repaint p50', value: round(p50), unit: 'ms', note },
      { name: 'web: driver toggle repaint p95', value: round(p95), unit: 'ms', target: '≤ 50 ms', ratio: `${round(p95 / 50)}× the target`, note },
      { name: 'web: driver toggle repaint max', value: round(Math.max(...samples)), unit: 'ms', note },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  for (const r of rows) console.log(`${r.name.padEnd(36)} ${String(r.value).padStart(8)} ${r.unit}${r.target !== undefined ? `  (target ${r.target})` : ''}`);
}
