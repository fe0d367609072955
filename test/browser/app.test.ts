// The web app in headless Chromium. Every wait is for a selector or a text, never for a fixed time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/node.ts';
import { FIXTURE_DIR, fixtureDataset } from '../api/helpers.ts';
import { cli } from '../cli.ts';
import { pct as formatPct } from '../../web/format.ts';
import { launchBrowser, serveDataset, watchErrors } from './setup.ts';

let browser: Browser;
let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDataset(fixtureDataset())]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  await page.waitForSelector('[data-page]');
  return { page, errors };
}

const AS_OF = '2025-01-01';

describe('case page', () => {
  it('fetches the dataset once, its request started by the shell beside the app script (preload)', async () => {
    const fresh = await browser.newContext();
    try {
      const page = await fresh.newPage();
      const errors = watchErrors(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${server.url}/case/XK/nato?as=${AS_OF}`);
      await page.getByTestId('probability').waitFor();
      expect(requests.filter((p) => p === '/api/dataset')).toHaveLength(1);
      // Requested before the app's script (the shell's preload comes first), and not again when the app
      // fetched it: the fetch took the preloaded response.
      expect(requests.indexOf('/api/dataset')).toBeLessThan(requests.findIndex((p) => p.endsWith('/app.js')));
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('opens a case: headline, the procedure with its arithmetic, the map and the evidence', async () => {
    const { page, errors } = await open(`/case/XK/nato?as=${AS_OF}`);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Kosovo\s*×\s*NATO/);
    expect(await page.getByTestId('status').textContent()).toContain('has not applied');
    expect(await page.locator('.pipeline > li').count()).toBe(2);
    expect(await page.getByTestId('arith-invitation').textContent()).toMatch(/32 of 32 members in favour needed, \d+ obtained/);
    await page.waitForSelector('.map svg path[data-code="ES"]');
    expect(await page.locator('#evidence blockquote').count()).toBeGreaterThan(3);
    expect(await page.locator('.ties-short').textContent()).toContain('KFOR');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('recomputes in the browser when a driver is toggled, and shows the effect', async () => {
    const { page, errors } = await open(`/case/XK/nato?as=${AS_OF}`);
    await page.waitForSelector('.map svg path[data-code="ES"]');
    const spain = page.locator('.map svg path[data-code="ES"]').first();
    expect(await spain.getAttribute('class')).toMatch(/c-(lean-)?no/);
    const before = await page.getByTestId('probability').textContent();
    expect(before).toMatch(/^(<)?\d+(\.\d)?%$/);
    const verdictBefore = await page.getByTestId('verdict').textContent();
    // The effect of each driver is shown before it is toggled.
    expect(await page.getByTestId('effect-spain-recognizes-kosovo').textContent()).toMatch(/^\+[<\d.]+ pp if yes, [−+±][<\d.]+ pp if no$/);
    await page.getByTestId('driver-spain-recognizes-kosovo-true').check();
    await expect.poll(() => page.getByTestId('probability').textContent()).not.toBe(before);
    await expect.poll(() => spain.getAttribute('class')).toMatch(/c-yes/);
    // The page and the API agree on the number.
    const api = await (await fetch(`${server.url}/api/cases/XK/nato?v=1&as=${AS_OF}&on=spain-recognizes-kosovo`)).json();
    const shown = (await page.getByTestId('probability').textContent())!;
    expect(shown).toBe(formatPct(api.probability));
    expect(await page.getByTestId('verdict').textContent()).not.toContain('Spain');
    expect(verdictBefore).toContain('Spain');
    // Every favourable driver: the procedure passes, and the headline says so.
    const withSpain = await page.getByTestId('probability').textContent();
    for (const id of ['csm-established', 'us-prioritizes-kosovo', 'balkan-security-deteriorates']) await page.getByTestId(`driver-${id}-true`).check();
    await expect.poll(() => page.getByTestId('probability').textContent()).not.toBe(withSpain);
    await expect.poll(() => page.getByTestId('verdict').textContent()).toMatch(/In the most likely scenario, every stage passes/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the whole state in the permalink: a reload shows the same page', async () => {
    const { page, errors } = await open(`/case/XK/nato?as=${AS_OF}`);
    await page.getByTestId('driver-spain-recognizes-kosovo-true').check();
    await page.getByTestId('driver-csm-established-false').check();
    await page.locator('.stage-tabs input[value="ratification"]').check();
    await page.locator('input[name="map-view"][value="world"]').check();
    await expect.poll(() => new URL(page.url()).search).toBe(`?v=1&as=${AS_OF}&on=spain-recognizes-kosovo&off=csm-established&stage=ratification&view=world`);
    const snapshot = async () => ({
      verdict: await page.getByTestId('verdict').textContent(),
      spain: await page.getByTestId('driver-spain-recognizes-kosovo-true').isChecked(),
      csm: await page.getByTestId('driver-csm-established-false').isChecked(),
      stage: await page.locator('.stage-tabs input[value="ratification"]').isChecked(),
      view: await page.locator('.map svg').getAttribute('data-view'),
      asOf: await page.locator('#as-of').inputValue(),
    });
    await page.waitForSelector('.map svg[data-view="world"]');
    const before = await snapshot();
    await page.reload();
    await page.waitForSelector('.map svg[data-view="world"]');
    expect(await snapshot()).toEqual(before);
    expect(before).toMatchObject({ spain: true, csm: true, stage: true, view: 'world', asOf: AS_OF });
    // Defaults are omitted: back to uncertain and Europe, the link is short again.
    await page.getByTestId('driver-spain-recognizes-kosovo-unset').check();
    await page.getByTestId('driver-csm-established-unset').check();
    await page.locator('.stage-tabs input[value="invitation"]').check();
    await page.locator('input[name="map-view"][value="europe"]').check();
    await expect.poll(() => new URL(page.url()).search).toBe(`?v=1&as=${AS_OF}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads a CSV identical to the CLI output', async () => {
    const { page, errors } = await open(`/case/XK/nato?v=1&as=${AS_OF}&on=spain-recognizes-kosovo`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const dir = mkdtempSync(join(tmpdir(), 'accede-dl-'));
    const file = join(dir, 'x.csv');
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const run = await cli('evaluate', 'XK', 'nato', '--data', FIXTURE_DIR, '--as-of', AS_OF, '--set', 'spain-recognizes-kosovo=true', '--csv');
    expect(csv).toBe(run.out);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds Kosovo on the map: drawn, labelled, large enough to hover, with a tooltip', async () => {
    const { page, errors } = await open(`/case/XK/nato?as=${AS_OF}`);
    const kosovo = page.locator('.map svg path[data-code="XK"]');
    await kosovo.waitFor();
    expect(await kosovo.getAttribute('class')).toContain('c-candidate');
    const box = (await kosovo.boundingBox())!;
    expect(box.width).toBeGreaterThan(8);
    expect(box.height).toBeGreaterThan(8);
    expect(await page.locator('.candidate-marker text').textContent()).toBe('Kosovo');
    // Serbia is its own shape, a neighbour; a hover on Greece explains its stance and source.
    expect(await page.locator('.map svg path[data-code="RS"]').count()).toBe(1);
    await page.locator('.map svg path[data-code="GR"]').first().hover();
    const tip = page.getByTestId('map-tooltip');
    await expect.poll(() => tip.textContent()).toMatch(/Greece.*(no|yes).*\d+%/s);
    expect(await tip.textContent()).toMatch(/Euractiv/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes memberships and counts with the as-of date', async () => {
    const { page, errors } = await open(`/case/XK/nato?as=2024-06-01`);
    const counter = () => page.getByTestId('counter').textContent();
    await expect.poll(counter).toMatch(/of 32 allies/);
    await page.locator('#as-of').fill('2010-01-01');
    await expect.poll(counter).toMatch(/of 28 allies/);
    // The address bar follows the page when the browser is next idle.
    await expect.poll(() => new URL(page.url()).searchParams.get('as')).toBe('2010-01-01');
    // Finland joined in 2023: not a member in 2010.
    await page.waitForSelector('.map svg path[data-code="FI"]');
    expect(await page.locator('.map svg path[data-code="FI"]').first().getAttribute('class')).toContain('c-outside');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws P(admission) over time, and a point sets the as-of day', async () => {
    const { page, errors } = await open(`/case/XK/coe?as=${AS_OF}`);
    const history = page.getByTestId('history');
    await expect.poll(() => history.textContent(), { timeout: 60_000 }).not.toMatch(/computing/);
    const points = history.locator('circle');
    expect(await points.count()).toBeGreaterThan(10);
    expect(await history.locator('li').first().textContent()).toMatch(/^1 January \d{4}: .*%$/);
    await points.first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('as')).toMatch(/^\d{4}-01-01$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is operable with the keyboard, with a label on every control', async () => {
    const { page, errors } = await open(`/case/XK/nato?as=${AS_OF}`);
    await page.waitForSelector('.map svg');
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const e = el as HTMLInputElement;
          const name = (e.labels && e.labels.length ? [...e.labels].map((l) => l.textContent).join(' ') : '') + (e.getAttribute('aria-label') ?? '') + (el.tagName === 'BUTTON' ? el.textContent : '');
          return name.trim() === '';
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabeled).toEqual([]);
    // Tab to the first driver radio, then choose "Yes" with the arrow keys.
    const radio = page.getByTestId('driver-balkan-security-deteriorates-unset');
    await radio.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('driver-balkan-security-deteriorates-true').isChecked()).toBe(true);
    // Map shapes of members are focusable and their tooltip appears on focus.
    await page.locator('.map svg path[data-code="ES"][tabindex="0"]').focus();
    await expect.poll(() => page.getByTestId('map-tooltip').textContent()).toMatch(/Spain/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains a malformed permalink instead of failing', async () => {
    const { page, errors } = await open('/case/XK/nato?v=1&as=2024-02-30&on=no-such-driver&view=moon');
    const notice = page.getByTestId('link-problems');
    await notice.waitFor();
    const text = await notice.textContent();
    expect(text).toMatch(/as.*expected a day/);
    expect(text).toMatch(/unknown driver "no-such-driver"/);
    expect(text).toMatch(/europe or world/);
    expect(await page.locator('.pipeline > li').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('small screens', () => {
  it('fits a phone: no page wider than the screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 800 } });
    for (const path of ['/', `/case/XK/nato?as=${AS_OF}`, `/case/XK/coe?as=${AS_OF}`, '/state/ES']) {
      const page = await phone.newPage();
      await page.goto(server.url + path);
      await page.waitForSelector('[data-page]');
      if (path.startsWith('/case')) await page.waitForSelector('.map svg');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      await page.close();
    }
    await phone.close();
  });
});

describe('other pages', () => {
  it('shows the overview with a cell per case', async () => {
    const { page, errors } = await open(`/?as=${AS_OF}`);
    await page.waitForSelector('table.overview');
    expect(await page.locator('td.cell').count()).toBe(2);
    expect(await page.locator('table.overview').textContent()).toMatch(/of 32 allies recognize/);
    await page.locator('td.cell a').first().click();
    await page.waitForSelector('[data-page="case"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a state's stances across every case", async () => {
    const { page, errors } = await open(`/state/ES?as=${AS_OF}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Spain');
    expect(await page.getByTestId('recognition-XK').textContent()).toMatch(/does not recognize Kosovo/);
    expect(await page.locator('table.state-cases tbody tr').count()).toBe(4);
    expect((await page.locator('.evidence').allTextContents()).join(' ')).toMatch(/Kamberi/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a helpful page for an unknown case', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const res = await page.goto(`${server.url}/case/XK/unicef`);
    expect(res?.status()).toBe(404);
    await page.waitForSelector('[data-page="not-found"]');
    expect(await page.locator('.lead').textContent()).toMatch(/no case for “XK × unicef”/);
    expect(await page.locator('.case-list a').count()).toBe(2);
    // The 404 status of the document itself is the only console message.
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('with a workspace', () => {
  it('saves the current scenario and lists it as a permalink', async () => {
    const { tempWorkspace } = await import('../api/helpers.ts');
    const ws = tempWorkspace();
    const local = await serveDataset(fixtureDataset(), { workspace: ws.workspace, writable: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${local.url}/case/XK/nato?v=1&as=${AS_OF}&on=csm-established`);
    await page.getByLabel('Save these settings as').fill('CSM first');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const item = page.getByTestId('scenario-list').getByRole('link', { name: 'CSM first' });
    await item.waitFor();
    expect(await item.getAttribute('href')).toBe(`/case/XK/nato?v=1&as=${AS_OF}&on=csm-established`);
    expect(ws.workspace.listScenarios()).toMatchObject([{ name: 'CSM first', payload: { asOf: AS_OF, fixed: { 'csm-established': true } } }]);
    expect(errors).toEqual([]);
    await page.close();
    await local.close();
    ws.dispose();
  });
});
