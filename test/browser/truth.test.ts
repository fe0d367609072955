// Truth on the page, in Chromium: an unverified membership is marked where it is counted, and a source
// published after the page's day is not shown as the basis of a stance (no hindsight in what is cited).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/model/load.ts';
import type { RunningServer } from '../../src/server/node.ts';
import { launchBrowser, serveDataset, watchErrors } from './setup.ts';

const REASON = 'test: the accession day is not checked';

/** The bundled dataset with France's NATO membership marked unverified. */
function dataset() {
  const d = loadDataset();
  return {
    ...d,
    organizations: d.organizations.map((o) =>
      o.id !== 'nato' ? o : { ...o, members: o.members.map((m) => (m.state === 'FR' ? { ...m, verified: false, note: REASON } : m)) },
    ),
  };
}

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveDataset(dataset())]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('facts on the case page', () => {
  it('marks an unverified membership in the counter and in the voters table, with the reason', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/case/XK/nato?v=1&stage=invitation`);
    await page.waitForSelector('[data-testid="counter"]');
    expect(await page.textContent('[data-testid="counter-unverified"]')).toContain('1 of these');
    await page.click('#voters-table summary');
    const row = page.locator('#voters-table tbody tr', { hasText: 'France' });
    await row.waitFor();
    const mark = row.locator('[data-testid="unverified"]');
    expect(await mark.count()).toBe(1);
    expect(await mark.getAttribute('title')).toContain(REASON);
    // The map's tooltip says it too.
    await page.locator('.map svg path[data-code="FR"]').first().hover();
    await expect.poll(() => page.locator('.tt-unverified').textContent()).toContain(REASON);
    // Germany's membership is verified: no mark.
    expect(await page.locator('#voters-table tr', { hasText: 'Germany' }).locator('[data-testid="unverified"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('cites the report of the next day only from that day', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const evidenceOfGb = async (day: string) => {
      await page.goto(`${server.url}/case/PS/un?v=1&as=${day}`);
      await page.waitForSelector('#ev-stance-GB');
      return (await page.textContent('#ev-stance-GB')) ?? '';
    };
    // The United Kingdom abstained on 18 April 2024; Anadolu reported it that day, WAM the next.
    const onTheDay = await evidenceOfGb('2024-04-18');
    expect(onTheDay).toContain('MENAFN');
    expect(onTheDay).not.toContain('WAM');
    expect(await evidenceOfGb('2024-04-20')).toContain('WAM');
    expect(errors).toEqual([]);
  });
});
