// The importer and the workspace on hostile text (test/evidence/adversarial.ts): no exception,
// item counts within the caps, every item's text the document's text at its offsets, and stored
// bytes linear in the input (issue 13: "if if if …" once stored O(n²) bytes). No timing here.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADVERSARIAL, randomBytes } from '../../test/evidence/adversarial.ts';
import { ITEM_CAPS, extract } from '../evidence/extract.ts';
import { buildGazetteer } from '../evidence/gazetteer.ts';
import { ImportError, importBytes } from '../evidence/importer.ts';
import { openWorkspace, type Workspace } from './workspace.ts';
import { importText } from './prepare.ts';

const SIZE = 64 * 1024;
const gazetteer = buildGazetteer({
  states: [{ code: 'XK', name: 'Kosovo' }, { code: 'RS', name: 'Serbia' }],
  organizations: [{ id: 'nato', name: 'North Atlantic Treaty Organization', shortName: 'NATO', aliases: ['the Alliance'] }],
});

let dir: string;
let ws: Workspace;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accede-adversarial-'));
  ws = openWorkspace(path.join(dir, 'ws.sqlite'));
});
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Bytes of the workspace's files after the write-ahead log is folded into the database (the log
 * itself is reused, not grown, so what counts is the database).
 */
function storedBytes(): number {
  const raw = new Database(path.join(dir, 'ws.sqlite'));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return readdirSync(dir).reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
}

describe('extraction on hostile text', () => {
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(`${name}: items capped, offsets and texts agree`, () => {
      const text = make(SIZE);
      const x = extract(text, gazetteer);
      expect(x.quotes.length).toBeLessThanOrEqual(ITEM_CAPS.quotes);
      expect(x.mentions.length).toBeLessThanOrEqual(ITEM_CAPS.mentions);
      expect(x.claims.length).toBeLessThanOrEqual(ITEM_CAPS.claims);
      for (const item of [...x.quotes, ...x.mentions, ...x.claims]) {
        expect(item.start).toBeLessThanOrEqual(item.end);
        expect(item.end).toBeLessThanOrEqual(text.length);
        expect(item.text).toBe(text.slice(item.start, item.end));
      }
      // each claim's text is a bounded window, not the rest of a run-on sentence
      for (const c of x.claims) expect(c.text.length).toBeLessThan(10_000);
    });
  }
});

describe('storing hostile text', () => {
  it('stores every pattern in a few times its size, whatever the extraction finds', () => {
    let input = 0;
    const base = storedBytes();
    for (const [name, make] of Object.entries(ADVERSARIAL)) {
      const text = make(SIZE);
      input += Buffer.byteLength(text);
      const before = storedBytes();
      const r = importText(ws, text, { who: 'fuzz', gazetteer, origin: name });
      const grew = storedBytes() - before;
      // the text itself, its items (at most the caps, offsets only) and SQLite's pages
      expect(grew, name).toBeLessThanOrEqual(4 * Buffer.byteLength(text) + 1024 * 1024);
      const doc = ws.getDocument(r.document.id)!;
      for (const item of doc.items) expect(item.text).toBe(doc.text.slice(item.start, item.end));
    }
    expect(storedBytes() - base).toBeLessThanOrEqual(4 * input + 8 * 1024 * 1024);
  });

  it('the 40 KB "if if if …" document stores under 1 MB and says its claims were capped', () => {
    const before = storedBytes();
    const r = importText(ws, ADVERSARIAL['repeated if'](40_000) + ' then.', { who: 'fuzz', gazetteer });
    expect(storedBytes() - before).toBeLessThanOrEqual(1024 * 1024);
    expect(r.document.counts.claims).toBe(ITEM_CAPS.claims);
    expect(r.document.warnings.join('\n')).toMatch(/more than 1,000 claims found: only the first 1,000 were kept/);
  });

  it('random bytes are either text or refused with an ImportError, never another exception', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const bytes = randomBytes(4096 + seed * 97, seed);
      try {
        const doc = importBytes(bytes, `random-${seed}.txt`, 'txt');
        expect(() => extract(doc.text, gazetteer)).not.toThrow();
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }
  });
});
