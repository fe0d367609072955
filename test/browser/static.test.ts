// The static export, opened from a plain file server (no rewrites, no API), served from a sub-folder.
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER, StaticExportError, writeStaticSite } from '../../src/site/static.ts';
import { FIXTURE_DIR, fixtureDataset } from '../api/helpers.ts';
import { cli } from '../cli.ts';
import { launchBrowser, sharedAssets, watchErrors } from './setup.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv' };

/** What `python3 -m http.server` does: files as they are, a folder redirects to "folder/" and serves its index.html. */
function plainFileServer(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, rel);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404).end('not found');
        return;
      }
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

let dir: string;
let site: string;
let browser: Browser;
let files: { url: string; server: Server };
const AS_OF = '2025-01-01';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'accede-static-'));
  site = join(dir, 'site');
  writeStaticSite({ dir: site, dataset: fixtureDataset(), assets: await sharedAssets(), asOf: AS_OF });
  [browser, files] = await Promise.all([launchBrowser(), plainFileServer(dir)]);
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => files?.server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('static export', () => {
  it('writes pages, downloads, the dataset and the assets', () => {
    for (const f of [MARKER, 'index.html', 'case/XK/nato/index.html', 'case/XK/nato.html', 'case/XK/nato.csv', 'case/XK/nato.json', 'state/ES/index.html', 'data/dataset.json', 'assets/app.js', 'assets/app.css', 'assets/atlas.json', '404.html']) {
      expect(existsSync(join(site, f)), f).toBe(true);
    }
  });

  it('ships downloads identical to the CLI for its as-of day', async () => {
    const run = await cli('evaluate', 'XK', 'coe', '--data', FIXTURE_DIR, '--as-of', AS_OF, '--csv');
    expect(readFileSync(join(site, 'case/XK/coe.csv'), 'utf8')).toBe(run.out);
    const json = await cli('evaluate', 'XK', 'coe', '--data', FIXTURE_DIR, '--as-of', AS_OF, '--json');
    expect(readFileSync(join(site, 'case/XK/coe.json'), 'utf8')).toBe(json.out);
  });

  it('refuses to overwrite a folder that is not a previous export', async () => {
    const other = mkdtempSync(join(tmpdir(), 'accede-other-'));
    writeFileSync(join(other, 'precious.txt'), 'keep me');
    expect(() => writeStaticSite({ dir: other, dataset: fixtureDataset(), assets: { js: '', css: '', atlas: '{}', version: 'x' }, asOf: AS_OF })).toThrow(StaticExportError);
    expect(existsSync(join(other, 'precious.txt'))).toBe(true);
    rmSync(other, { recursive: true, force: true });
  });

  it('works from a plain file server in a sub-folder: the engine runs in the browser', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors = watchErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${files.url}/site/case/XK/nato?as=${AS_OF}`);
    await page.waitForSelector('[data-page="case"]');
    await page.waitForSelector('.map svg path[data-code="XK"]');
    const spain = page.locator('.map svg path[data-code="ES"]').first();
    await page.getByTestId('driver-spain-recognizes-kosovo-true').check();
    await expect.poll(() => spain.getAttribute('class')).toMatch(/c-yes/);
    await expect.poll(() => new URL(page.url()).search).toBe(`?v=1&as=${AS_OF}&on=spain-recognizes-kosovo`);
    // The download is computed in the browser with the same function as the CLI.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const path = join(dir, 'dl.csv');
    await download.saveAs(path);
    const run = await cli('evaluate', 'XK', 'nato', '--data', FIXTURE_DIR, '--as-of', AS_OF, '--set', 'spain-recognizes-kosovo=true', '--csv');
    expect(readFileSync(path, 'utf8')).toBe(run.out);
    // In-app navigation to the overview and a state page stays inside the sub-folder.
    await page.locator('.crumbs a').first().click();
    await page.waitForSelector('[data-page="overview"]');
    expect(new URL(page.url()).pathname).toBe('/site/');
    await page.goto(`${files.url}/site/state/ES`);
    await page.waitForSelector('[data-page="state"]');
    expect(requests.some((r) => r.includes('/api/'))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
