// Imports off the event loop: under `serve` a pasted text is read and extracted in the import pool, so
// /api/health keeps answering while a large import runs; the document is stored all the same, and a
// text the importer refuses is still a 4xx naming why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/node.ts';
import { FAKE_ASSETS, fixtureDataset, tempWorkspace } from './helpers.ts';

/** About 150 KB of news prose with quotes, names and places: long enough to take a while to extract. */
function largeText(): string {
  const para = (i: number) =>
    `On day ${i} the foreign minister of Spain met officials in Pristina. "We will not recognize Kosovo until Serbia agrees," said Ana Ruiz, ` +
    `adding that Greece and Slovakia held the same view. Analysts in Brussels expect no change before the summit.`;
  return Array.from({ length: 600 }, (_, i) => para(i)).join('\n\n');
}

describe('an import under serve', () => {
  const ws = tempWorkspace();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dataset: fixtureDataset(), workspace: ws.workspace, writable: true, assets: FAKE_ASSETS });
  });
  afterAll(async () => {
    await server?.close();
    ws.dispose();
  });

  const post = (text: string) =>
    fetch(`${server.url}/api/workspace/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, who: 'tester' }) });

  it('leaves /api/health answering while it runs, and stores the document', async () => {
    let importDone = false;
    const importing = post(largeText()).then(async (r) => {
      importDone = true;
      return { status: r.status, body: (await r.json()) as { created: boolean; document: { counts: { quotes: number; mentions: number } } } };
    });
    // Health asked again and again until the import answers: each answer that comes first is one the
    // event loop gave while the text was being extracted.
    let answeredFirst = 0;
    while (!importDone) {
      const h = await fetch(`${server.url}/api/health`);
      expect(h.status).toBe(200);
      if (!importDone) answeredFirst++;
      await new Promise((r) => setTimeout(r, 10));
    }
    const r = await importing;
    expect(r.status).toBe(201);
    expect(r.body.created).toBe(true);
    expect(r.body.document.counts.quotes).toBeGreaterThan(0);
    expect(r.body.document.counts.mentions).toBeGreaterThan(0);
    expect(answeredFirst).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('refuses a text the importer will not take with a 4xx, as the server thread does', async () => {
    const r = await post(' ');
    expect(r.status).toBe(422);
    expect(((await r.json()) as { code: string }).code).toBe('unprocessable');
    const binary = await post('%PDF-1.7\n' + 'x'.repeat(100));
    expect(binary.status).toBeGreaterThanOrEqual(400);
    expect(binary.status).toBeLessThan(500);
  }, 60_000);
});
