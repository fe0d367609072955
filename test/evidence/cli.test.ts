// accede import / curate / export through the CLI entry point, in process.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli.ts';
import { SourcesFile } from '../../src/model/schema.ts';
import { EXPECTED, writeBrokenCorpus } from './broken-corpus.ts';

const KAMBERI = fileURLToPath(new URL('../../../shared/data/sources/kosovo-online-kamberi-nato.txt', import.meta.url));

let dir: string;
let ws: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accede-cli-'));
  ws = path.join(dir, 'w.sqlite');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accede import', () => {
  it('prints the documented JSON for one document', async () => {
    const r = await cli('import', KAMBERI, '--json', '--workspace', ws, '--who', 'tester');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['document', 'quotes', 'mentions', 'claims']);
    expect(j.document).toMatchObject({ title: expect.stringMatching(/^Kamberi:/), outlet: 'Kosovo Online', date: '2024-06-24', created: true });
    expect(j.document.url).toMatch(/^https:/);
    const q = j.quotes[0];
    expect(Object.keys(q)).toEqual(['id', 'kind', 'text', 'start', 'end', 'cue', 'speaker', 'confidence', 'rule']);
    expect(Object.keys(q.speaker)).toEqual(expect.arrayContaining(['name', 'role', 'affiliation', 'mention']));
    expect(Object.keys(j.mentions[0])).toEqual(expect.arrayContaining(['code', 'text', 'start', 'end']));
    expect(Object.keys(j.claims[0])).toEqual(expect.arrayContaining(['text', 'start', 'end', 'trigger', 'condition', 'speaker', 'quote']));
  });

  it('is idempotent: the same content again is "unchanged"', async () => {
    const r = await cli('import', KAMBERI, '--workspace', ws);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^unchanged d[0-9a-f]{15} /);
  });

  it('imports a directory of broken inputs: a message per bad file, the rest stored, exit 1', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'accede-out-'));
    writeFileSync(path.join(outside, 's.txt'), 'secret');
    const corpus = path.join(dir, 'corpus');
    writeBrokenCorpus(corpus, path.join(outside, 's.txt'));
    try {
      const r = await cli('import', corpus, '--json', '--workspace', ws);
      expect(r.code).toBe(1);
      const j = JSON.parse(r.out);
      const failures = Object.entries(EXPECTED).filter(([, v]) => !v.startsWith('ok') && v !== 'unsupported');
      expect(j.problems.map((p: { file: string }) => path.relative(corpus, p.file)).sort()).toEqual(failures.map(([f]) => f).sort());
      for (const p of j.problems) expect(p.message).toMatch(new RegExp(`^${corpus.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
      expect(j.skipped.map((f: string) => path.relative(corpus, f))).toEqual(['notes.docx']);
      // good.txt, crlf.txt, bom.txt and utf16.txt hold the same text: stored once
      const okFiles = Object.values(EXPECTED).filter((v) => v.startsWith('ok')).length;
      expect(j.summary).toMatchObject({ imported: okFiles - 3, unchanged: 3 });
      const text = await cli('import', corpus, '--workspace', ws);
      expect(text.err).toMatch(/error: .*binary\.txt: a binary file/);
      expect(text.err).not.toMatch(/\n\s+at /);
      expect(text.out).toMatch(/0 imported, 12 unchanged, 7 failed, 1 skipped/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('exits 2 on a bad single input', async () => {
    const bin = path.join(dir, 'x.txt');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3]));
    const r = await cli('import', bin, '--workspace', ws);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/x\.txt: a binary file \(it contains NUL bytes\)/);
    expect((await cli('import', path.join(dir, 'missing.md'), '--workspace', ws)).code).toBe(2);
  });
});

describe('accede curate and export', () => {
  it('accepts, refuses a stale version with exit 1, links, audits and exports', async () => {
    const docs = JSON.parse((await cli('curate', 'docs', '--json', '--workspace', ws)).out).documents;
    const kamberi = docs.find((d: { outlet: string | null }) => d.outlet === 'Kosovo Online');
    const items = JSON.parse((await cli('curate', 'list', '--document', kamberi.id, '--kind', 'quote', '--json', '--workspace', ws)).out).items;
    const direct = items.find((i: { data: { kind: string } }) => i.data.kind === 'direct');

    const ok = await cli('curate', 'accept', direct.id, '--version', '1', '--who', 'ann', '--workspace', ws);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/v2 \[accepted\]/);
    const stale = await cli('curate', 'reject', direct.id, '--version', '1', '--who', 'bob', '--workspace', ws);
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/changed since version 1: it is now version 2 \(by ann/);

    const bad = await cli('curate', 'link', direct.id, '--version', '2', '--to', 'XK/nato/driver:no-such-driver', '--workspace', ws);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no driver no-such-driver in XK × nato/);
    const linked = await cli('curate', 'link', direct.id, '--version', '2', '--to', 'XK/nato/stance:ES', '--workspace', ws, '--json');
    expect(JSON.parse(linked.out)).toMatchObject({ version: 3, links: ['XK/nato/stance:ES'] });

    expect((await cli('curate', 'accept', 'no-such-item', '--version', '1', '--workspace', ws)).code).toBe(2);
    expect((await cli('curate', 'accept', direct.id, '--version', 'two', '--workspace', ws)).code).toBe(2);

    const audit = await cli('curate', 'audit', '--item', direct.id, '--workspace', ws);
    expect(audit.out).toMatch(/ann {2}accept item .* → v2/);
    expect(audit.out).toMatch(/link item .* → v3/);

    const out = path.join(dir, 'export');
    const ex = await cli('export', '--workspace', ws, '--out', out);
    expect(ex.code).toBe(0);
    const files = readdirSync(path.join(out, 'sources'));
    expect(files).toHaveLength(1);
    const sources = SourcesFile.parse(parse(readFileSync(path.join(out, 'sources', files[0]), 'utf8')));
    expect(sources[0].passages[0]).toMatchObject({ speaker: 'Belgzim Kamberi', supports: ['XK/nato/stance:ES'] });
  });
});
