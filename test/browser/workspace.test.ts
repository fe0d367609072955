// Curation in the browser: import, accept, and a concurrent edit refused (409) and explained, never overwritten.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/node.ts';
import { fixtureDataset, tempWorkspace } from '../api/helpers.ts';
import { launchBrowser, serveDataset, watchErrors } from './setup.ts';

let browser: Browser;
let server: RunningServer;
let ws: ReturnType<typeof tempWorkspace>;

beforeAll(async () => {
  ws = tempWorkspace();
  [browser, server] = await Promise.all([launchBrowser(), serveDataset(fixtureDataset(), { workspace: ws.workspace, writable: true })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  ws?.dispose();
});

const TEXT =
  'Pristina, 24 June 2024. "In a certain context, Kosovo is de facto in NATO. Whether it will be de jure depends on the security context," ' +
  'Belgzim Kamberi told Kosovo Online. He added that Spain would vote yes only if it recognized Kosovo.';

describe('workspace', () => {
  it('imports a text, accepts a quote, links it, and explains a conflicting edit', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${server.url}/workspace`);
    await page.waitForSelector('[data-page="workspace"]');
    await page.getByLabel('Your name').fill('Ana');
    await page.getByLabel(/Text of the article/).fill(TEXT);
    await page.getByLabel('Title', { exact: true }).fill('Kamberi interview');
    await page.getByRole('button', { name: 'Import and extract' }).click();
    await page.waitForSelector('[data-page="document"]');
    expect(await page.locator('h1').textContent()).toBe('Kamberi interview');
    // The text is shown as text, with the quote marked.
    await expect.poll(() => page.locator('.doc-body mark.quote').first().textContent()).toMatch(/de facto in NATO/);

    const card = page.locator('article.item.quote').first();
    const id = (await card.getAttribute('data-item'))!;
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator(`article[data-item="${id}"] .status-accepted`).count()).toBe(1);
    await page.locator(`article[data-item="${id}"] input[list="link-targets"]`).fill('XK/nato/tie:kfor');
    await page.locator(`article[data-item="${id}"]`).getByRole('button', { name: 'Link' }).click();
    await expect.poll(() => page.locator(`article[data-item="${id}"] .links`).textContent()).toContain('XK/nato/tie:kfor');

    // Someone else rejects the item meanwhile: the page's next change is refused and explained, then reloaded.
    const item = ws.workspace.getItem(id)!;
    ws.workspace.curate(id, { action: 'reject', expectedVersion: item.version, who: 'Ben' });
    await page.locator(`article[data-item="${id}"]`).getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => page.locator(`article[data-item="${id}"] [role="alert"]`).textContent()).toMatch(/Someone else changed this item \(Ben/);
    await expect.poll(() => page.locator(`article[data-item="${id}"] .status-rejected`).count()).toBe(1);
    expect(ws.workspace.getItem(id)!.status).toBe('rejected');
    expect(ws.workspace.listAudit({ entityId: id }).map((e) => `${e.action}:${e.who}`)).toEqual(['accept:Ana', 'link:Ana', 'reject:Ben']);
    // The refused write is logged by the browser as a failed request (409); nothing else may be.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    await page.close();
  });
});
