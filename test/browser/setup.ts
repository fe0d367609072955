// Browser tests: the real app in headless Debian Chromium, against the server started in-process on port 0.
import { chromium, type Browser, type Page } from 'playwright-core';
import { type Assets, bundleApp } from '../../src/site/bundle.ts';
import type { Dataset } from '../../src/model/dataset.ts';
import { type RunningServer, startServer } from '../../src/server/node.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

let assets: Promise<Assets> | undefined;
export function sharedAssets(): Promise<Assets> {
  assets ??= bundleApp();
  return assets;
}

export async function serveDataset(dataset: Dataset, extra: { today?: () => string } = {}): Promise<RunningServer> {
  return startServer({ dataset, writable: false, assets: await sharedAssets(), ...extra });
}

/** Collects console errors and uncaught exceptions of a page: a test ends by asserting there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
