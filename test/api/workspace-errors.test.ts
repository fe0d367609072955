// The workspace's refusals over HTTP (issue 13 point 4): a document the importer refuses is a 422
// with the reason, a full disk a 507 and a read-only workspace a 503, each naming the workspace,
// and /api/health says whether a write would be taken. Real SQLite files: the full disk is the
// database's page quota (max_page_count), the read-only workspace one opened read-only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { openWorkspace, type Workspace } from '../../src/store/index.ts';
import { FAKE_ASSETS, fixtureDataset } from './helpers.ts';

const dirs: string[] = [];
const opened: Workspace[] = [];
afterAll(() => {
  opened.forEach((w) => w.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
function workspaceFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'accede-ws-errors-'));
  dirs.push(dir);
  return join(dir, 'workspace.sqlite');
}
function open(file: string, opts: Parameters<typeof openWorkspace>[1] = {}): Workspace {
  const w = openWorkspace(file, opts);
  opened.push(w);
  return w;
}
const app = (workspace: Workspace) => createApp({ dataset: fixtureDataset(), workspace, writable: true, assets: FAKE_ASSETS });
const post = (a: ReturnType<typeof app>, text: string) =>
  a.request('http://localhost/api/workspace/documents', {
    method: 'POST',
    body: JSON.stringify({ text, who: 'Ana' }),
    headers: { 'content-type': 'application/json' },
  });
const health = async (a: ReturnType<typeof app>) => (await a.request('http://localhost/api/health')).json();

describe('POST /api/workspace/documents refusals', () => {
  it('answers 422 with the reason for every text the importer refuses, never 500', async () => {
    const a = app(open(workspaceFile()));
    const refused: Array<[string, RegExp]> = [
      [' ', /no text found/],
      ['\n\n\t ', /no text found/],
      ['a\u0000b', /NUL bytes/],
      ['\u0001\u0002\u0003\u0004\u0005 control', /control characters/],
      ['%PDF-1.7\n1 0 obj', /PDF/],
      ['PK\u0003\u0004rest of a zip', /ZIP/],
      ['GIF89a\u0001\u0000', /GIF|NUL/],
      ['title: Only a header\noutlet: Example\n---\n', /no text found/],
      ['---\ntitle: Front matter only\n---\n', /no text found/],
    ];
    for (const [text, why] of refused) {
      const res = await post(a, text);
      expect(res.status, JSON.stringify(text)).toBe(422);
      const body = await res.json();
      expect(body.code).toBe('unprocessable');
      expect(body.message).toMatch(why);
    }
    expect((await post(a, 'Now a real sentence, "with a quote," she said.')).status).toBe(201);
  });
});

describe('a full disk and a read-only workspace', () => {
  it('a full disk answers 507 naming the workspace, and /api/health says writes are not taken', async () => {
    const file = workspaceFile();
    open(file).close();
    const a = app(open(file, { maxPages: 40 }));
    expect(await health(a)).toMatchObject({ writable: true });
    const res = await post(a, 'The talks depend on the budget, the minister said. '.repeat(10_000));
    expect(res.status).toBe(507);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'insufficient_storage' });
    expect(body.message).toContain(file);
    expect(await health(a)).toMatchObject({ ok: true, writable: false, writeProblem: expect.stringMatching(/disk is full/) });
    // reads still answer
    expect((await a.request('http://localhost/api/workspace/documents')).status).toBe(200);
  });

  it('a read-only workspace answers 503 naming it, and /api/health says so', async () => {
    const file = workspaceFile();
    open(file).close();
    const a = app(open(file, { readOnly: true }));
    expect(await health(a)).toMatchObject({ writable: false, writeProblem: expect.stringContaining(file) });
    const res = await post(a, 'A sentence that would be new.');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'read_only', message: expect.stringContaining(file) });
  });
});
