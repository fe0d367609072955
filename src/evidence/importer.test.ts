import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, GOOD_TEXT, writeBrokenCorpus } from '../../test/evidence/broken-corpus.ts';
import { readHeader } from './header.ts';
import { htmlToText } from './html.ts';
import { ImportError, importBytes, importFile, importStdin, listImportable } from './importer.ts';
import { markdownToText } from './markdown.ts';

let dir: string;
let outside: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accede-import-'));
  outside = mkdtempSync(path.join(tmpdir(), 'accede-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'outside the import directory');
  writeBrokenCorpus(path.join(dir, 'corpus'), path.join(outside, 'secret.txt'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('metadata headers', () => {
  it('reads "key: value" lines ended by ---, with a note on the date', () => {
    const h = readHeader('outlet: Example Radio\nurl: https://example.org/a?b=1\ndate: 2024-06-24 (inferred from the URL)\nlanguage: en\n---\nHeadline here\n\nBody.');
    expect(h.meta).toMatchObject({ outlet: 'Example Radio', url: 'https://example.org/a?b=1', date: '2024-06-24', dateNote: 'inferred from the URL', language: 'en', title: 'Headline here' });
    expect(h.body).toBe('Headline here\n\nBody.');
  });

  it('reads YAML front matter and leaves text without a header untouched', () => {
    const h = readHeader('---\ntitle: "A: title"\nauthor: J. Doe\ndate: 2023-01-02\n---\nText.');
    expect(h.meta).toMatchObject({ title: 'A: title', author: 'J. Doe', date: '2023-01-02' });
    expect(h.body).toBe('Text.');
    const plain = 'Note: this is not a header.\nIt has no --- line.';
    expect(readHeader(plain).body).toBe(plain);
  });

  it('takes a dateline as the date, not the title, and a "Source:" line as the outlet', () => {
    const h = readHeader('Wednesday, January 23, 2019\n\nSource: Example Wire\n\nText.');
    expect(h.meta).toMatchObject({ date: '2019-01-23', title: null, outlet: 'Example Wire' });
  });

  it('survives bad front matter', () => {
    const h = readHeader('---\n: [unclosed\n---\nText.');
    expect(h.body).toBe('Text.');
    expect(h.warnings[0]).toMatch(/front matter/);
  });
});

describe('markdown and HTML to text', () => {
  it('reduces markdown to its words, one paragraph per line', () => {
    const r = markdownToText('# Title\n\nSome *emphasis*, **bold** and a [link](https://x.org) with `code`.\n\n- item one\n- item two\n\n> quoted line');
    expect(r.title).toBe('Title');
    expect(r.text).toBe('Title\n\nSome emphasis, bold and a link with code.\n\nitem one\n\nitem two\n\nquoted line');
  });

  it('extracts the article and its metadata, never the scripts', () => {
    const r = htmlToText(`<html lang="en"><head><title>T</title><meta property="og:site_name" content="Example Daily">
      <meta property="article:published_time" content="2024-02-03T08:00:00Z"><link rel="canonical" href="https://example.org/x"></head>
      <body><nav>Home World</nav><article><h1>Head</h1><p>First paragraph of the article, "quoted," she said.</p>
      <p>Second paragraph with enough words to count as an article for the reader view.</p><script>steal()</script></article></body></html>`);
    expect(r.meta).toMatchObject({ outlet: 'Example Daily', date: '2024-02-03', url: 'https://example.org/x', language: 'en' });
    expect(r.text).toContain('First paragraph of the article, "quoted," she said.\n\nSecond paragraph');
    expect(r.text).not.toContain('steal');
  });
});

describe('importing files', () => {
  it('hashes the plain text: the same content gives the same hash', () => {
    const a = importBytes(Buffer.from(GOOD_TEXT), 'a.txt', 'txt');
    const b = importBytes(Buffer.from(GOOD_TEXT.replace(/\n/g, '\r\n')), 'b.txt', 'txt');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(b.hash);
  });

  it('imports stdin and guesses HTML from its content', async () => {
    const doc = await importStdin(Readable.from([Buffer.from('<html><body><p>Hello "there," she said.</p></body></html>')]));
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('Hello "there," she said.');
    await expect(importStdin(Readable.from([Buffer.alloc(10, 0x61)]), { maxBytes: 5 })).rejects.toThrow(/stdin: over the 5 bytes limit/);
  });

  it('survives the broken corpus: one clear message per bad file, the rest imported', async () => {
    const root = path.join(dir, 'corpus');
    const { files, problems } = await listImportable(root);
    const outcome = new Map<string, string>();
    for (const p of problems) outcome.set(p.file, p.reason);
    for (const f of files) {
      try {
        const doc = await importFile(f.file, {}, f.rel);
        outcome.set(f.rel, doc.warnings.some((w) => /UTF-8/.test(w)) ? 'ok-warning' : 'ok');
        expect(doc.text.length).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        const err = e as ImportError;
        expect(err.message.startsWith(`${f.rel}:`)).toBe(true);
        expect(err.message).not.toMatch(/\n\s+at /);
        outcome.set(f.rel, err.reason);
      }
    }
    expect(Object.fromEntries(outcome)).toEqual(EXPECTED);
  });

  it('decodes Windows-1252, UTF-16 and BOMs, and normalizes line breaks', async () => {
    const root = path.join(dir, 'corpus');
    expect((await importFile(path.join(root, 'latin1.txt'))).text).toBe('Café « Nous venons », dit-il. It’s fine.\n');
    expect((await importFile(path.join(root, 'utf16.txt'))).text).toBe(GOOD_TEXT);
    expect((await importFile(path.join(root, 'bom.txt'))).text).toBe(GOOD_TEXT);
    expect((await importFile(path.join(root, 'crlf.txt'))).text).toBe(GOOD_TEXT);
  });

  it('refuses what it cannot read, naming the file', async () => {
    await expect(importFile(path.join(dir, 'missing.txt'))).rejects.toThrow(/missing\.txt: cannot read \(ENOENT\)/);
    await expect(importFile(path.join(dir, 'corpus', 'notes.docx'))).rejects.toThrow(/unsupported file type "\.docx"/);
    await expect(importFile(path.join(dir, 'corpus', 'huge.txt'))).rejects.toThrow(/5\.0 MB is over the 5\.0 MB limit/);
  });
});
