// The one setup of the browser tests (and the browser benches): headless Debian Chromium, and the real
// server started in-process on port 0 with the app bundled once per process.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Assets, bundleApp } from '../../src/site/bundle.ts';
import type { Dataset } from '../../src/model/dataset.ts';
import type { AppDeps } from '../../src/server/app.ts';
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

/** Chromium with the flags every test needs, and any more a test asks for (e.g. host-resolver rules). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

let assets: Promise<Assets> | undefined;
export function sharedAssets(): Promise<Assets> {
  assets ??= bundleApp();
  return assets;
}

/** The server on a dataset: read-only unless `extra` attaches a workspace and makes it writable. */
export async function serveDataset(dataset: Dataset, extra: Partial<Pick<AppDeps, 'today' | 'workspace' | 'writable'>> = {}): Promise<RunningServer> {
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

/**
 * A browser and a read-only server on `dataset` for the whole test file: started before its tests,
 * closed after them (the lifecycle every page test repeated).
 */
export function browserAndServer(dataset: Dataset): { readonly browser: Browser; readonly server: RunningServer } {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveDataset(dataset)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
  };
}
