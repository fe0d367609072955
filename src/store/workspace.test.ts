import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../evidence/extract.ts';
import { buildGazetteer } from '../evidence/gazetteer.ts';
import { importBytes } from '../evidence/importer.ts';
import { SourcesFile } from '../model/schema.ts';
import { ConflictError, DiskFullError, InvalidInputError, NotFoundError, ReadOnlyError, RefusedError, SchemaError } from './errors.ts';
import { exportAccepted } from './export.ts';
import { MIGRATIONS } from './migrations.ts';
import { openWorkspace, type Workspace } from './workspace.ts';
import { importText } from './prepare.ts';

const TEXT = `outlet: Example Radio
date: 2024-03-01
url: https://example.org/interview
---
Interview: the road to membership

The decision depends on the neighbours, analyst Mira Holt from the Eastgate Institute told Example Radio.

"Nobody in Serbia expects a quick answer," Holt said.
`;
const gazetteer = buildGazetteer({ states: [{ code: 'RS', name: 'Serbia' }], organizations: [] });

let dir: string;
let file: string;
let ws: Workspace;
let tick = 0;
const clock = () => new Date(Date.UTC(2025, 0, 1, 0, 0, tick++));
const importSample = (w: Workspace = ws, text = TEXT) => {
  const doc = importBytes(Buffer.from(text), 'interview.txt', 'txt');
  return w.importDocument(doc, extract(doc.text, gazetteer), 'tester');
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accede-ws-'));
  file = path.join(dir, 'nested', 'workspace.sqlite');
  ws = openWorkspace(file, { now: clock });
});
afterEach(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening', () => {
  it('creates the file in WAL mode at the latest schema version, once', () => {
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
    expect(ws.schemaVersion()).toBe(latest);
    expect(ws.integrityCheck()).toBe('ok');
    ws.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    raw.close();
    ws = openWorkspace(file);
    expect(ws.schemaVersion()).toBe(latest);
  });

  it('refuses a workspace from a newer accede, and a file that is not one', () => {
    ws.close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
    raw.close();
    expect(() => openWorkspace(file)).toThrow(SchemaError);
    expect(() => openWorkspace(file)).toThrow(/schema version 99, newer than this accede understands/);
    const junk = path.join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a database at all, just text padding '.repeat(200));
    expect(() => openWorkspace(junk)).toThrow(SchemaError);
    ws = openWorkspace(path.join(dir, 'other.sqlite'));
  });
});

describe('documents', () => {
  it('stores items as offsets: no copy of the document text in the item rows', () => {
    const r = importSample();
    ws.close();
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT extracted FROM items WHERE document_id = ?').all(r.document.id) as Array<{ extracted: string }>;
    raw.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.extracted).not.toMatch(/"text"/);
    ws = openWorkspace(file);
    const doc = ws.getDocument(r.document.id)!;
    const claim = doc.items.find((i) => i.kind === 'claim')!.data as { text: string; condition: { start: number; end: number; text: string } };
    expect(claim.condition.text).toBe(doc.text.slice(claim.condition.start, claim.condition.end));
    expect(claim.text).toMatch(/depends on the neighbours/);
  });

  it('reads a workspace written before items kept only offsets, and migrates it', () => {
    ws.close();
    rmSync(file, { force: true });
    const old = new Database(file);
    old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    old.exec(MIGRATIONS[0].sql);
    old.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2025-01-01T00:00:00.000Z')").run();
    const text = '"We will come," Vask said.';
    old.prepare(`INSERT INTO documents (id, hash, format, origin, text, extractor_version, imported_at, imported_by)
      VALUES ('d1', 'h1', 'txt', 'old.txt', ?, 1, 'then', 'someone')`).run(text);
    const quote = { id: 'q1', kind: 'direct', text: 'We will come,', start: 1, end: 14, cue: { text: 'said', start: 21, end: 25 },
      speaker: { name: 'Vask', role: null, affiliation: null, mention: { text: 'Vask', start: 16, end: 20 }, kind: 'person' },
      confidence: 0.95, rule: 'quote-trailing' };
    old.prepare(`INSERT INTO items (id, document_id, seq, kind, start, "end", extracted, updated_at, updated_by)
      VALUES ('d1-q1', 'd1', 0, 'quote', 1, 14, ?, 'then', 'someone')`).run(JSON.stringify(quote));
    old.close();
    ws = openWorkspace(file);
    expect(ws.schemaVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(ws.getItem('d1-q1')!.data).toEqual(quote);
    ws.close();
    const raw = new Database(file, { readonly: true });
    expect((raw.prepare("SELECT extracted FROM items WHERE id = 'd1-q1'").get() as { extracted: string }).extracted).not.toMatch(/"text"/);
    raw.close();
    ws = openWorkspace(file);
  });

  it('stores a document and its items; importing the same content again changes nothing', () => {
    const first = importSample();
    expect(first.created).toBe(true);
    expect(first.document).toMatchObject({ outlet: 'Example Radio', date: '2024-03-01', title: 'Interview: the road to membership' });
    const again = importSample();
    expect(again).toMatchObject({ created: false, document: { id: first.document.id } });
    expect(ws.listDocuments()).toHaveLength(1);
    expect(ws.listAudit().filter((a) => a.action === 'import')).toHaveLength(1);

    const doc = ws.getDocument(first.document.id)!;
    expect(doc.counts).toMatchObject({ quotes: 2, mentions: 1, claims: 1, pending: 4 });
    for (const item of doc.items) expect(doc.text.slice(item.start, item.end)).toBe(item.text);
    const direct = doc.items.find((i) => i.kind === 'quote' && (i.data as { kind: string }).kind === 'direct')!;
    expect(direct.data).toMatchObject({ speaker: { name: 'Mira Holt', affiliation: 'Eastgate Institute' } });
  });

  it('imports pasted text with metadata', () => {
    const r = importText(ws, '"We will wait," Ana Ruiz said.', { who: 'web', gazetteer, meta: { outlet: 'Pasted Wire' } });
    expect(r.document).toMatchObject({ outlet: 'Pasted Wire', origin: 'pasted text', counts: { quotes: 1 } });
    expect(() => importText(ws, 'x', { who: 'web', meta: { url: 42 } as never })).toThrow(InvalidInputError);
  });
});

describe('refusals, a full disk and a read-only workspace', () => {
  it('refuses what the importer refuses with a RefusedError saying why', () => {
    const cases: Array<[string, RegExp]> = [
      [' ', /no text found/],
      ['a\u0000b', /NUL bytes/],
      ['\u0007'.repeat(50) + 'x', /control characters/],
      ['%PDF-1.7 rest', /PDF/],
      ['PK\u0003\u0004 rest', /ZIP/],
      ['GIF89a rest', /GIF/],
      ['title: A header\noutlet: X\n---\n', /no text found/],
    ];
    for (const [text, why] of cases) {
      const e = (() => { try { importText(ws, text, { who: 'tester' }); } catch (x) { return x; } return null; })();
      expect(e, JSON.stringify(text)).toBeInstanceOf(RefusedError);
      expect((e as RefusedError).code).toBe('refused');
      expect((e as Error).message).toMatch(why);
    }
    expect(ws.listDocuments()).toHaveLength(0);
  });

  it('a full disk (the page quota reached) is a DiskFullError naming the workspace; nothing is written', () => {
    importSample();
    ws.close();
    ws = openWorkspace(file, { maxPages: 40 });
    expect(ws.writableState().writable).toBe(true);
    const big = `${'The minister said that the talks depend on the budget. '.repeat(20_000)}\n`;
    const e = (() => { try { importText(ws, big, { who: 'tester' }); } catch (x) { return x; } return null; })();
    expect(e).toBeInstanceOf(DiskFullError);
    expect((e as DiskFullError).code).toBe('disk_full');
    expect((e as Error).message).toContain(file);
    expect(ws.listDocuments()).toHaveLength(1);
    expect(ws.integrityCheck()).toBe('ok');
    // the health check tells the truth until a write succeeds again
    expect(ws.writableState()).toMatchObject({ writable: false, reason: expect.stringMatching(/disk is full/) });
    const item = ws.listItems()[0];
    ws.curate(item.id, { action: 'accept', expectedVersion: item.version, who: 'tester' });
    expect(ws.writableState().writable).toBe(true);
  });

  it('a read-only workspace refuses writes with a ReadOnlyError naming it, and reads still work', () => {
    importSample();
    ws.close();
    ws = openWorkspace(file, { readOnly: true });
    expect(ws.listDocuments()).toHaveLength(1);
    expect(ws.writableState()).toMatchObject({ writable: false, reason: expect.stringContaining(file) });
    const e = (() => { try { importText(ws, 'Some text that is new.', { who: 'tester' }); } catch (x) { return x; } return null; })();
    expect(e).toBeInstanceOf(ReadOnlyError);
    expect((e as Error).message).toContain(file);
  });
});

describe('curation', () => {
  const quoteOf = () => {
    const { document } = importSample();
    return ws.listItems({ documentId: document.id, kind: 'quote' })[0];
  };

  it('accepts, rejects and resets with increasing versions, and logs before and after', () => {
    const item = quoteOf();
    expect(item.version).toBe(1);
    const a = ws.curate(item.id, { action: 'accept', expectedVersion: 1, who: 'ann' });
    expect(a).toMatchObject({ status: 'accepted', version: 2, updatedBy: 'ann' });
    const b = ws.curate(item.id, { action: 'reject', expectedVersion: 2, who: 'bob' });
    expect(b).toMatchObject({ status: 'rejected', version: 3 });
    const log = ws.listAudit({ entityId: item.id });
    expect(log.map((e) => [e.action, e.who, e.version])).toEqual([['accept', 'ann', 2], ['reject', 'bob', 3]]);
    expect(log[1].before).toMatchObject({ status: 'accepted', version: 2 });
    expect(log[1].after).toMatchObject({ status: 'rejected', version: 3 });
  });

  it('refuses a stale version with a ConflictError and writes nothing', () => {
    const item = quoteOf();
    ws.curate(item.id, { action: 'accept', expectedVersion: 1, who: 'ann' });
    let err: unknown;
    try {
      ws.curate(item.id, { action: 'reject', expectedVersion: 1, who: 'bob' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'conflict', currentVersion: 2, expectedVersion: 1, updatedBy: 'ann' });
    expect((err as Error).message).toMatch(/changed since version 1: it is now version 2 \(by ann/);
    expect(ws.getItem(item.id)).toMatchObject({ status: 'accepted', version: 2 });
    expect(ws.listAudit({ entityId: item.id })).toHaveLength(1);
  });

  it('detects a conflict between two connections to the same file', () => {
    const item = quoteOf();
    const other = openWorkspace(file);
    try {
      other.curate(item.id, { action: 'accept', expectedVersion: 1, who: 'other' });
      expect(() => ws.curate(item.id, { action: 'reject', expectedVersion: 1, who: 'me' })).toThrow(ConflictError);
    } finally {
      other.close();
    }
  });

  it('edits speaker and offsets; the text always follows the document', () => {
    const item = quoteOf();
    const e = ws.curate(item.id, { action: 'edit', expectedVersion: 1, who: 'ann', edit: { speaker: { role: 'analyst' }, start: item.start + 4 } });
    expect(e.data).toMatchObject({ speaker: { name: 'Mira Holt', role: 'analyst' } });
    expect(e.text).toBe(item.text.slice(4));
    expect(e.start).toBe(item.start + 4);
    expect(() => ws.curate(item.id, { action: 'edit', expectedVersion: 2, who: 'ann', edit: { end: 10_000 } })).toThrow(/outside the document/);
    expect(() => ws.curate(item.id, { action: 'edit', expectedVersion: 2, who: 'ann', edit: { text: 'invented' } })).toThrow(InvalidInputError);
    const reset = ws.curate(item.id, { action: 'reset', expectedVersion: 2, who: 'ann' });
    expect(reset).toMatchObject({ status: 'pending', edited: null, version: 3 });
  });

  it('links an item to a stance, driver or tie, and unlinks it', () => {
    const item = quoteOf();
    const l = ws.curate(item.id, { action: 'link', expectedVersion: 1, who: 'ann', link: 'XK/nato/driver:balkan-security' });
    expect(l.links).toEqual(['XK/nato/driver:balkan-security']);
    const u = ws.curate(item.id, { action: 'unlink', expectedVersion: 2, who: 'ann', link: 'XK/nato/driver:balkan-security' });
    expect(u.links).toEqual([]);
    expect(() => ws.curate(item.id, { action: 'link', expectedVersion: 3, who: 'ann', link: 'nato' })).toThrow(/link: a link like XK\/nato\/stance:ES/);
  });

  it('validates requests and names what is wrong', () => {
    const item = quoteOf();
    expect(() => ws.curate('nope', { action: 'accept', expectedVersion: 1, who: 'a' })).toThrow(NotFoundError);
    expect(() => ws.curate(item.id, { action: 'approve', expectedVersion: 1, who: 'a' })).toThrow(InvalidInputError);
    expect(() => ws.curate(item.id, { action: 'accept', expectedVersion: 0, who: 'a' })).toThrow(/expectedVersion/);
    expect(() => ws.curate(item.id, { action: 'accept', expectedVersion: 1, who: ' ' })).toThrow(/who/);
  });

  it('keeps the audit log append-only, even against direct SQL', () => {
    const item = quoteOf();
    ws.curate(item.id, { action: 'accept', expectedVersion: 1, who: 'ann' });
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE audit SET who = 'mallory'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });
});

describe('scenarios', () => {
  it('creates, updates with the version read, refuses a stale one, and deletes', () => {
    const s = ws.saveScenario({ name: 'Spain recognizes', candidate: 'XK', organization: 'nato', payload: { fixed: { 'spain-recognizes-kosovo': true } }, who: 'ann' });
    expect(s).toMatchObject({ id: 'spain-recognizes', version: 1, createdBy: 'ann' });
    const s2 = ws.saveScenario({ id: s.id, name: 'Spain recognizes (2)', payload: { fixed: {} }, expectedVersion: 1, who: 'bob' });
    expect(s2).toMatchObject({ version: 2, name: 'Spain recognizes (2)', updatedBy: 'bob', createdBy: 'ann' });
    expect(() => ws.saveScenario({ id: s.id, name: 'x', payload: {}, expectedVersion: 1, who: 'c' })).toThrow(ConflictError);
    expect(() => ws.saveScenario({ id: s.id, name: 'x', payload: {}, who: 'c' })).toThrow(/give expectedVersion/);
    expect(ws.saveScenario({ name: 'Spain recognizes', payload: [], who: 'ann' }).id).toBe('spain-recognizes-2');
    expect(ws.listScenarios()).toHaveLength(2);
    expect(() => ws.deleteScenario(s.id, 'c', 1)).toThrow(ConflictError);
    expect(ws.deleteScenario(s.id, 'c', 2)).toBe(true);
    expect(ws.deleteScenario(s.id, 'c')).toBe(false);
    expect(ws.listAudit().filter((a) => a.entity === 'scenario').map((a) => a.action)).toEqual(['create', 'update', 'create', 'delete']);
  });
});

describe('export', () => {
  it('writes accepted passages verbatim as a valid sources file', () => {
    const { document } = importSample();
    const items = ws.listItems({ documentId: document.id, kind: 'quote' });
    for (const item of items) ws.curate(item.id, { action: 'accept', expectedVersion: 1, who: 'ann' });
    ws.curate(items[1].id, { action: 'link', expectedVersion: 2, who: 'ann', link: 'XK/nato/stance:RS' });
    const r = exportAccepted(ws);
    expect(r.files).toHaveLength(1);
    const parsed = SourcesFile.parse(parse(r.files[0].content));
    expect(parsed[0]).toMatchObject({ outlet: 'Example Radio', date: '2024-03-01', url: 'https://example.org/interview' });
    expect(parsed[0].passages.map((p) => [p.text, p.speaker, p.supports])).toEqual([
      ['The decision depends on the neighbours', 'Mira Holt', undefined],
      ['Nobody in Serbia expects a quick answer', 'Mira Holt', ['XK/nato/stance:RS']],
    ]);
    const doc = ws.getDocument(document.id)!;
    for (const p of parsed[0].passages) expect(doc.text).toContain(p.text);
  });

  it('exports nothing while nothing is accepted', () => {
    importSample();
    expect(exportAccepted(ws).files).toEqual([]);
  });
});
