// DNS rebinding in a real browser: Chromium resolves evil.example to 127.0.0.1 (as a rebound domain
// would) and a page there tries to read and write the workspace; the server refuses it by Host name.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/node.ts';
import { fixtureDataset, tempWorkspace } from '../api/helpers.ts';
import { launchBrowser, serveDataset } from './setup.ts';

let browser: Browser;
let server: RunningServer;
let ws: ReturnType<typeof tempWorkspace>;

beforeAll(async () => {
  ws = tempWorkspace();
  [browser, server] = await Promise.all([
    launchBrowser(['--host-resolver-rules=MAP evil.example 127.0.0.1']),
    serveDataset(fixtureDataset(), { workspace: ws.workspace, writable: true }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  ws?.dispose();
});

/** From a page at `origin`, post a document to the workspace and read the list; both statuses. */
async function tryFrom(origin: string): Promise<{ write: number; read: number }> {
  const page = await browser.newPage();
  await page.goto(`${origin}/api/health`);
  const r = await page.evaluate(async () => {
    const write = await fetch('/api/workspace/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Spain does not recognize Kosovo, the minister said.', who: 'page' }),
    });
    const read = await fetch('/api/workspace/documents');
    return { write: write.status, read: read.status };
  });
  await page.close();
  return r;
}

describe('a page on a rebound domain', () => {
  it('can neither write to nor read the workspace, while the server\'s own page can', async () => {
    const port = server.port;
    expect(await tryFrom(`http://evil.example:${port}`)).toEqual({ write: 421, read: 421 });
    expect(ws.workspace.listDocuments()).toHaveLength(0);
    // The same page under the server's own name: the write lands (the test can fail).
    expect(await tryFrom(`http://127.0.0.1:${port}`)).toEqual({ write: 201, read: 200 });
    expect(ws.workspace.listDocuments()).toHaveLength(1);
  });
});
