// accede import's refusals and a workspace that cannot be written (issue 13 point 4), in process:
// a refused document is exit 2 with its reason; a full disk stops a directory import with exit 3,
// the summary so far and a message naming the workspace (ACCEDE_WORKSPACE_MAX_MB as the full disk).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accede-cli-errors-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accede import refusals', () => {
  it('refuses a document with exit 2 and the reason', async () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['space.txt', ' ', /no text found/],
      ['nul.txt', Buffer.from([0x61, 0x00, 0x62]), /NUL bytes/],
      ['pdf.txt', '%PDF-1.7\nrest', /PDF/],
      ['zip.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x61]), /ZIP/],
      ['gif.txt', 'GIF89a rest', /GIF/],
      ['header.txt', 'title: Only a header\n---\n', /no text found/],
    ];
    for (const [name, data, why] of cases) {
      writeFileSync(path.join(dir, name), data);
      const r = await cli('import', path.join(dir, name), '--workspace', path.join(dir, 'refusals.sqlite'), '--who', 'tester');
      expect(r.code, name).toBe(2);
      expect(r.err).toMatch(why);
    }
  });
});

describe('accede import into a full workspace', () => {
  it('stops with exit 3, the summary so far and the workspace named', async () => {
    const docs = path.join(dir, 'docs');
    mkdirSync(docs);
    writeFileSync(path.join(docs, 'a.txt'), 'A first short note. "It fits," she said.\n');
    writeFileSync(path.join(docs, 'b.txt'), 'The talks depend on the budget, the minister said. '.repeat(40_000));
    writeFileSync(path.join(docs, 'c.txt'), 'A last short note that is never reached.\n');
    const ws = path.join(dir, 'full.sqlite');
    const before = process.env.ACCEDE_WORKSPACE_MAX_MB;
    process.env.ACCEDE_WORKSPACE_MAX_MB = '1';
    try {
      const r = await cli('import', docs, '--workspace', ws, '--who', 'tester');
      expect(r.code).toBe(3);
      expect(r.out).toMatch(/^stopped: 1 imported, 0 unchanged, 0 failed — workspace /m);
      expect(r.err).toContain(`the workspace ${ws} cannot grow: the disk is full`);
      const j = await cli('import', docs, '--workspace', ws, '--who', 'tester', '--json');
      expect(j.code).toBe(3);
      expect(JSON.parse(j.out)).toMatchObject({ summary: { imported: 0, unchanged: 1 }, stopped: expect.stringContaining(ws) });
    } finally {
      if (before === undefined) delete process.env.ACCEDE_WORKSPACE_MAX_MB;
      else process.env.ACCEDE_WORKSPACE_MAX_MB = before;
    }
    const after = await cli('curate', 'docs', '--workspace', ws, '--json');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).documents).toHaveLength(1);
  });
});

describe('accede import into a workspace whose folder cannot be made', () => {
  it('exits 3 naming the workspace once, with the reason', async () => {
    // A file where the folder should be: the folder can never be created.
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const ws = path.join(file, 'sub', 'ws.sqlite');
    const r = await cli('import', file, '--workspace', ws, '--who', 'tester');
    expect(r.code).toBe(3);
    expect(r.err).toContain(`the workspace ${ws} cannot be written`);
    expect(r.err.split('the workspace').length).toBe(2);
  });
});
