// The SQLite workspace: imported documents, extracted items, curation (accept / reject / edit /
// link, with version numbers so a stale edit is refused, never applied), saved scenarios and an
// append-only audit log. better-sqlite3 in WAL mode with synchronous=FULL: a write is durable
// once the call returns, and every write is one transaction.
import Database from 'better-sqlite3';
import { accessSync, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { capWarnings } from '../evidence/caps.ts';
import type { Gazetteer } from '../evidence/gazetteer.ts';
import { Claim, DocumentMeta, EXTRACTOR_VERSION, Mention, Quote, type Extraction, type ImportedDocument, type Speaker } from '../evidence/types.ts';
import {
  BusyError, ConflictError, DiskFullError, WorkspaceError, InvalidInputError, NotFoundError, ReadOnlyError, RefusedError, SchemaError, isUnwritable,
} from './errors.ts';
import { CurateRequest, ScenarioInput, parseInput, type ItemEdit } from './inputs.ts';
import { MIGRATIONS } from './migrations.ts';
import { withSpanText, withoutSpanText } from './spans.ts';
import { makeDirs } from '../model/make-dirs.ts';

export type ItemKind = 'quote' | 'mention' | 'claim';
export type ItemStatus = 'pending' | 'accepted' | 'rejected';
export type ItemData = Quote | Mention | Claim;

export interface Item {
  id: string;
  documentId: string;
  kind: ItemKind;
  start: number;
  end: number;
  /** the document text between start and end */
  text: string;
  status: ItemStatus;
  version: number;
  /** the item as the curator sees it: extracted, with edits applied */
  data: ItemData;
  /** the item as extracted */
  extracted: ItemData;
  edited: ItemEdit | null;
  links: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface DocumentSummary {
  id: string;
  hash: string;
  format: string;
  origin: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  date: string | null;
  dateNote: string | null;
  url: string | null;
  language: string | null;
  warnings: string[];
  extractorVersion: number;
  importedAt: string;
  importedBy: string;
  counts: { quotes: number; mentions: number; claims: number; pending: number; accepted: number; rejected: number };
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  items: Item[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  who: string;
  action: string;
  entity: string;
  entityId: string;
  version: number | null;
  before: unknown;
  after: unknown;
}

export interface Scenario {
  id: string;
  name: string;
  candidate: string | null;
  organization: string | null;
  payload: unknown;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ItemFilter {
  documentId?: string;
  status?: ItemStatus;
  kind?: ItemKind;
}

export interface OpenOptions {
  /** the clock, for tests */
  now?: () => Date;
  /** how long a writer waits for another process's lock, in ms (default 5000) */
  busyTimeoutMs?: number;
  /** open without write access: every write is refused with ReadOnlyError */
  readOnly?: boolean;
  /** a quota in database pages (SQLite max_page_count): a write past it fails as DiskFullError, as on a full disk */
  maxPages?: number;
}

/** Whether a write would be taken now, and if not why (for the server's health check). */
export interface WritableState {
  writable: boolean;
  reason?: string;
}

export interface ImportResult {
  document: DocumentSummary;
  /** false when the same content was already in the workspace (nothing was written) */
  created: boolean;
}

interface DocRow {
  id: string; hash: string; format: string; origin: string; title: string | null; outlet: string | null;
  author: string | null; date: string | null; date_note: string | null; url: string | null; language: string | null;
  text: string; warnings: string; extractor_version: number; imported_at: string; imported_by: string;
}
interface ItemRow {
  id: string; document_id: string; seq: number; kind: ItemKind; start: number; end: number; extracted: string;
  edited: string | null; status: ItemStatus; version: number; updated_at: string; updated_by: string;
}
interface ScenarioRow {
  id: string; name: string; candidate: string | null; organization: string | null; payload: string; version: number;
  created_at: string; created_by: string; updated_at: string; updated_by: string;
}

const MAX_SCENARIO_BYTES = 1024 * 1024;
const StoredItem = z.union([Quote, Mention, Claim]);

export function documentId(hash: string): string {
  return `d${hash.slice(0, 15)}`;
}

/** A text read and its items extracted, ready to store: the costly half of an import, with no database. */
export interface PreparedText {
  doc: ImportedDocument;
  extraction: Extraction;
}

export class Workspace {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly readOnly: boolean;
  /** the last write that failed for want of space or permission, until a write succeeds */
  private lastWriteError: DiskFullError | ReadOnlyError | null = null;

  constructor(file: string, opts: OpenOptions = {}) {
    this.path = file;
    this.now = opts.now ?? (() => new Date());
    this.readOnly = !!opts.readOnly;
    try {
      if (file !== ':memory:' && !this.readOnly) makeDirs(path.dirname(path.resolve(file)));
      this.db = new Database(file, { readonly: this.readOnly, fileMustExist: this.readOnly });
    } catch (e) {
      throw this.openFailure(e);
    }
    try {
      this.db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
      if (file !== ':memory:' && !this.readOnly) {
        const mode = this.db.pragma('journal_mode = WAL', { simple: true });
        if (String(mode).toLowerCase() !== 'wal') throw new SchemaError(`cannot switch ${file} to WAL mode (got ${mode})`);
      }
      // FULL: a committed transaction survives a power cut too, not only a killed process
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      if (opts.maxPages) this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxPages))}`);
      this.migrate();
    } catch (e) {
      this.db.close();
      if (e instanceof SchemaError || isUnwritable(e)) throw e;
      throw this.translate(e, `cannot use ${file} as a workspace`);
    }
  }

  /** Why the file could not be opened: a missing folder or file we may not create is read-only. */
  private openFailure(e: unknown): Error {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (/^(EACCES|EPERM|EROFS)$/.test(code) || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
      return new ReadOnlyError(this.path, `it cannot be opened for writing (${(e as Error).message})`);
    }
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new DiskFullError(this.path);
    // makeDirs ran first: a folder still missing or a file where a folder should be cannot be created here
    if (!this.readOnly && /^(ENOENT|ENOTDIR)$/.test(code)) {
      return new ReadOnlyError(this.path, `its folder cannot be created (${(e as Error).message})`);
    }
    return new SchemaError(`cannot open the workspace ${this.path}: ${(e as Error).message}`);
  }

  /**
   * Whether a write would be taken now: not when opened read-only, not when the file or its folder
   * is not writable, and not while the last write failed for want of space or permission.
   */
  writableState(): WritableState {
    if (this.readOnly) return { writable: false, reason: `the workspace ${this.path} is open read-only` };
    if (this.lastWriteError) return { writable: false, reason: this.lastWriteError.message };
    if (this.path !== ':memory:') {
      for (const p of [this.path, path.dirname(path.resolve(this.path))]) {
        try {
          accessSync(p, fsConstants.W_OK);
        } catch (e) {
          return { writable: false, reason: `${p} is not writable (${(e as NodeJS.ErrnoException).code})` };
        }
      }
    }
    return { writable: true };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The schema version this workspace is at. */
  schemaVersion(): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  /** SQLite's own consistency check: "ok" when the file is sound. */
  integrityCheck(): string {
    const rows = this.db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    return rows.map((r) => r.integrity_check).join('; ');
  }

  // ------------------------------------------------------------------ migrations

  private migrate(): void {
    if (!this.readOnly) this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = this.schemaVersion();
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version;
    if (current > latest) {
      throw new SchemaError(`${this.path} has schema version ${current}, newer than this accede understands (${latest}); upgrade accede`);
    }
    if (current < latest && this.readOnly) {
      throw new ReadOnlyError(this.path, `it is at schema version ${current} and needs upgrading to ${latest}, which needs write access`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.immediate(() => {
        // another process may have migrated between our read and the lock
        if (this.schemaVersion() >= m.version) return;
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, this.stamp());
      });
    }
  }

  // ------------------------------------------------------------------ documents

  /** Stores a document and its extracted items; the same content imported again changes nothing. */
  importDocument(doc: ImportedDocument, extraction: Extraction, who: string): ImportResult {
    const by = parseInput(z.string().trim().min(1).max(200), who, 'who');
    const id = documentId(doc.hash);
    return this.immediate(() => {
      const existing = this.db.prepare('SELECT id FROM documents WHERE hash = ?').get(doc.hash) as { id: string } | undefined;
      if (existing) return { document: this.summary(existing.id)!, created: false };
      const at = this.stamp();
      const m = doc.meta;
      const warnings = [...doc.warnings, ...capWarnings(extraction)];
      this.db.prepare(`INSERT INTO documents (id, hash, format, origin, title, outlet, author, date, date_note, url,
          language, text, warnings, extractor_version, imported_at, imported_by)
          VALUES (@id, @hash, @format, @origin, @title, @outlet, @author, @date, @dateNote, @url, @language, @text,
          @warnings, @version, @at, @by)`).run({
        id, hash: doc.hash, format: doc.format, origin: doc.origin, title: m.title, outlet: m.outlet, author: m.author,
        date: m.date, dateNote: m.dateNote, url: m.url, language: m.language, text: doc.text,
        warnings: JSON.stringify(warnings), version: EXTRACTOR_VERSION, at, by,
      });
      const insert = this.db.prepare(`INSERT INTO items (id, document_id, seq, kind, start, "end", extracted, status,
          version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?)`);
      let seq = 0;
      const all: Array<[ItemKind, ItemData]> = [
        ...extraction.quotes.map((q) => ['quote', q] as [ItemKind, ItemData]),
        ...extraction.mentions.map((q) => ['mention', q] as [ItemKind, ItemData]),
        ...extraction.claims.map((q) => ['claim', q] as [ItemKind, ItemData]),
      ];
      for (const [kind, item] of all) {
        if (item.start < 0 || item.end > doc.text.length || item.end < item.start) {
          throw new InvalidInputError(`item ${item.id} has offsets outside the document text`);
        }
        // offsets only: the text of every span is the document's, read back by withSpanText
        insert.run(`${id}-${item.id}`, id, seq++, kind, item.start, item.end, JSON.stringify(withoutSpanText(item)), at, by);
      }
      this.audit(by, 'import', 'document', id, null, null, {
        origin: doc.origin, hash: doc.hash, title: m.title,
        items: { quotes: extraction.quotes.length, mentions: extraction.mentions.length, claims: extraction.claims.length },
      });
      return { document: this.summary(id)!, created: true };
    });
  }

  /** Stores a text prepared by `prepareText` (perhaps on another thread), with `meta` over the header's. */
  importPrepared(prepared: PreparedText, opts: { who: string; meta?: Partial<DocumentMeta> }): ImportResult {
    const meta = { ...prepared.doc.meta };
    for (const [k, v] of Object.entries(parseInput(DocumentMeta.partial(), opts.meta ?? {}, 'metadata'))) {
      if (v !== undefined && v !== null) (meta as Record<string, unknown>)[k] = v;
    }
    return this.importDocument({ ...prepared.doc, meta }, prepared.extraction, opts.who);
  }

  listDocuments(): DocumentSummary[] {
    const rows = this.db.prepare('SELECT id FROM documents ORDER BY imported_at, id').all() as Array<{ id: string }>;
    return rows.map((r) => this.summary(r.id)!);
  }

  getDocument(id: string): DocumentDetail | null {
    const s = this.summary(id);
    if (!s) return null;
    const row = this.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
    return { ...s, text: row.text, items: this.listItems({ documentId: id }) };
  }

  private summary(id: string): DocumentSummary | null {
    const r = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocRow | undefined;
    if (!r) return null;
    const counts = this.db.prepare(`SELECT
        SUM(kind = 'quote') AS quotes, SUM(kind = 'mention') AS mentions, SUM(kind = 'claim') AS claims,
        SUM(status = 'pending') AS pending, SUM(status = 'accepted') AS accepted, SUM(status = 'rejected') AS rejected
        FROM items WHERE document_id = ?`).get(id) as Record<string, number | null>;
    const n = (k: string) => counts[k] ?? 0;
    return {
      id: r.id, hash: r.hash, format: r.format, origin: r.origin, title: r.title, outlet: r.outlet, author: r.author,
      date: r.date, dateNote: r.date_note, url: r.url, language: r.language, warnings: JSON.parse(r.warnings) as string[],
      extractorVersion: r.extractor_version, importedAt: r.imported_at, importedBy: r.imported_by,
      counts: { quotes: n('quotes'), mentions: n('mentions'), claims: n('claims'), pending: n('pending'), accepted: n('accepted'), rejected: n('rejected') },
    };
  }

  // ------------------------------------------------------------------ items

  getItem(id: string): Item | null {
    const row = this.db.prepare('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    return row ? this.toItem(row) : null;
  }

  /** The plain text of a document, read once per call that needs it (`texts` caches it by id). */
  private documentText(id: string, texts?: Map<string, string>): string {
    const cached = texts?.get(id);
    if (cached !== undefined) return cached;
    const row = this.db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string } | undefined;
    const text = row?.text ?? '';
    texts?.set(id, text);
    return text;
  }

  listItems(filter: ItemFilter = {}): Item[] {
    const where: string[] = [];
    const args: Array<string> = [];
    if (filter.documentId) { where.push('document_id = ?'); args.push(filter.documentId); }
    if (filter.status) { where.push('status = ?'); args.push(filter.status); }
    if (filter.kind) { where.push('kind = ?'); args.push(filter.kind); }
    const sql = `SELECT * FROM items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY document_id, seq`;
    const texts = new Map<string, string>();
    return (this.db.prepare(sql).all(...args) as ItemRow[]).map((r) => this.toItem(r, texts));
  }

  private toItem(row: ItemRow, texts?: Map<string, string>): Item {
    const full = this.documentText(row.document_id, texts);
    const docText = full.slice(row.start, row.end);
    const extracted = StoredItem.parse(withSpanText(JSON.parse(row.extracted), full)) as ItemData;
    const edited = row.edited ? (JSON.parse(row.edited) as ItemEdit) : null;
    const links = (this.db.prepare('SELECT target FROM links WHERE item_id = ? ORDER BY target').all(row.id) as Array<{ target: string }>)
      .map((l) => l.target);
    return {
      id: row.id, documentId: row.document_id, kind: row.kind, start: row.start, end: row.end, text: docText,
      status: row.status, version: row.version, data: applyEdit(extracted, edited, row, docText), extracted, edited, links,
      updatedAt: row.updated_at, updatedBy: row.updated_by,
    };
  }

  /**
   * Accept, reject, reset, edit, link or unlink an item. `expectedVersion` is the version the
   * caller last read; if the item has changed since, nothing is written and ConflictError is thrown.
   */
  curate(itemId: string, request: unknown): Item {
    const req = parseInput(CurateRequest, request, 'curation request');
    return this.immediate(() => {
      const row = this.db.prepare('SELECT * FROM items WHERE id = ?').get(itemId) as ItemRow | undefined;
      if (!row) throw new NotFoundError('item', itemId);
      if (row.version !== req.expectedVersion) {
        throw new ConflictError('item', itemId, req.expectedVersion, row.version, row.updated_by, row.updated_at);
      }
      const before = this.state(row);
      let status = row.status;
      let edited = row.edited ? (JSON.parse(row.edited) as ItemEdit) : null;
      let start = row.start;
      let end = row.end;
      const at = this.stamp();
      switch (req.action) {
        case 'accept': status = 'accepted'; break;
        case 'reject': status = 'rejected'; break;
        case 'reset': status = 'pending'; edited = null; break;
        case 'edit': {
          const merged: ItemEdit = { ...(edited ?? {}), ...req.edit };
          if (req.edit.speaker) merged.speaker = { ...(edited?.speaker ?? {}), ...req.edit.speaker };
          if (merged.speaker && row.kind === 'mention') throw new InvalidInputError('a mention has no speaker to edit');
          if (merged.code && row.kind !== 'mention') throw new InvalidInputError('only a mention has a code');
          if (merged.kind && row.kind !== 'quote') throw new InvalidInputError('only a quote is direct or indirect');
          const len = (this.db.prepare('SELECT length(text) AS n FROM documents WHERE id = ?').get(row.document_id) as { n: number }).n;
          start = merged.start ?? row.start;
          end = merged.end ?? row.end;
          if (end <= start || end > len) throw new InvalidInputError(`offsets ${start}..${end} are outside the document (0..${len})`);
          edited = merged;
          break;
        }
        case 'link':
          this.db.prepare('INSERT OR IGNORE INTO links (item_id, target, created_at, created_by) VALUES (?, ?, ?, ?)')
            .run(itemId, req.link, at, req.who);
          break;
        case 'unlink':
          this.db.prepare('DELETE FROM links WHERE item_id = ? AND target = ?').run(itemId, req.link);
          break;
      }
      const res = this.db.prepare(`UPDATE items SET status = ?, edited = ?, start = ?, "end" = ?, version = version + 1,
          updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`)
        .run(status, edited ? JSON.stringify(edited) : null, start, end, at, req.who, itemId, req.expectedVersion);
      if (res.changes !== 1) {
        const now = this.db.prepare('SELECT version, updated_by, updated_at FROM items WHERE id = ?').get(itemId) as ItemRow;
        throw new ConflictError('item', itemId, req.expectedVersion, now.version, now.updated_by, now.updated_at);
      }
      const after = this.db.prepare('SELECT * FROM items WHERE id = ?').get(itemId) as ItemRow;
      this.audit(req.who, req.action, 'item', itemId, after.version, before, this.state(after));
      return this.toItem(after);
    });
  }

  private state(row: ItemRow): Record<string, unknown> {
    const links = (this.db.prepare('SELECT target FROM links WHERE item_id = ? ORDER BY target').all(row.id) as Array<{ target: string }>)
      .map((l) => l.target);
    return { status: row.status, edited: row.edited ? JSON.parse(row.edited) : null, start: row.start, end: row.end, links, version: row.version };
  }

  // ------------------------------------------------------------------ scenarios

  saveScenario(input: unknown): Scenario {
    const s = parseInput(ScenarioInput, input, 'scenario');
    const payload = JSON.stringify(s.payload);
    if (Buffer.byteLength(payload) > MAX_SCENARIO_BYTES) throw new InvalidInputError('scenario payload: over the 1 MB limit');
    return this.immediate(() => {
      const at = this.stamp();
      const id = s.id ?? this.newScenarioId(s.name);
      const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
      if (row) {
        if (s.expectedVersion === undefined) {
          throw new InvalidInputError(`scenario ${id} exists: give expectedVersion (now ${row.version}) to update it`);
        }
        if (row.version !== s.expectedVersion) {
          throw new ConflictError('scenario', id, s.expectedVersion, row.version, row.updated_by, row.updated_at);
        }
        this.db.prepare(`UPDATE scenarios SET name = ?, candidate = ?, organization = ?, payload = ?, version = version + 1,
            updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`)
          .run(s.name, s.candidate ?? null, s.organization ?? null, payload, at, s.who, id, s.expectedVersion);
      } else {
        if (s.expectedVersion !== undefined) throw new NotFoundError('scenario', id);
        this.db.prepare(`INSERT INTO scenarios (id, name, candidate, organization, payload, version, created_at, created_by,
            updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`)
          .run(id, s.name, s.candidate ?? null, s.organization ?? null, payload, at, s.who, at, s.who);
      }
      const saved = this.getScenario(id)!;
      this.audit(s.who, row ? 'update' : 'create', 'scenario', id, saved.version, row ? scenarioOf(row) : null, saved);
      return saved;
    });
  }

  /** Deletes a scenario; with expectedVersion, only if nobody changed it since. False when there is none. */
  deleteScenario(id: string, who: string, expectedVersion?: number): boolean {
    const by = parseInput(z.string().trim().min(1).max(200), who, 'who');
    return this.immediate(() => {
      const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
      if (!row) return false;
      if (expectedVersion !== undefined && row.version !== expectedVersion) {
        throw new ConflictError('scenario', id, expectedVersion, row.version, row.updated_by, row.updated_at);
      }
      this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id);
      this.audit(by, 'delete', 'scenario', id, row.version, scenarioOf(row), null);
      return true;
    });
  }

  getScenario(id: string): Scenario | null {
    const row = this.db.prepare('SELECT * FROM scenarios WHERE id = ?').get(id) as ScenarioRow | undefined;
    return row ? scenarioOf(row) : null;
  }

  listScenarios(): Scenario[] {
    return (this.db.prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, id').all() as ScenarioRow[]).map(scenarioOf);
  }

  private newScenarioId(name: string): string {
    const base = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'scenario';
    for (let i = 1; ; i++) {
      const id = i === 1 ? base : `${base}-${i}`;
      if (!this.db.prepare('SELECT 1 FROM scenarios WHERE id = ?').get(id)) return id;
    }
  }

  // ------------------------------------------------------------------ audit

  listAudit(filter: { entityId?: string; afterSeq?: number; limit?: number } = {}): AuditEntry[] {
    const where: string[] = [];
    const args: Array<string | number> = [];
    if (filter.entityId) { where.push('entity_id = ?'); args.push(filter.entityId); }
    if (filter.afterSeq !== undefined) { where.push('seq > ?'); args.push(filter.afterSeq); }
    const limit = Math.min(Math.max(filter.limit ?? 1000, 1), 10_000);
    const rows = this.db.prepare(`SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ${limit}`)
      .all(...args) as Array<{ seq: number; at: string; who: string; action: string; entity: string; entity_id: string;
        version: number | null; before: string | null; after: string | null }>;
    return rows.map((r) => ({
      seq: r.seq, at: r.at, who: r.who, action: r.action, entity: r.entity, entityId: r.entity_id, version: r.version,
      before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
    }));
  }

  private audit(who: string, action: string, entity: string, id: string, version: number | null, before: unknown, after: unknown): void {
    this.db.prepare('INSERT INTO audit (at, who, action, entity, entity_id, version, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.stamp(), who, action, entity, id, version, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after));
  }

  // ------------------------------------------------------------------ plumbing

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Runs fn in a BEGIN IMMEDIATE transaction: the write lock is taken first, so read-check-write cannot race. */
  private immediate<T>(fn: () => T): T {
    if (this.readOnly) throw new ReadOnlyError(this.path, 'it was opened read-only');
    try {
      const r = this.db.transaction(fn).immediate();
      this.lastWriteError = null;
      return r;
    } catch (e) {
      const err = this.translate(e);
      if (isUnwritable(err)) this.lastWriteError = err;
      throw err;
    }
  }

  private translate(e: unknown, context?: string): Error {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new BusyError(this.path);
    if (code === 'SQLITE_FULL' || (code === 'SQLITE_IOERR_WRITE' && /disk|space/i.test((e as Error).message))) return new DiskFullError(this.path);
    if (code?.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
      return new ReadOnlyError(this.path, `SQLite refused the write (${(e as Error).message})`);
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      return new SchemaError(`${this.path} is not a usable workspace (${(e as Error).message})`);
    }
    if (context && !(e instanceof WorkspaceError)) return new SchemaError(`${context}: ${(e as Error).message}`);
    return e as Error;
  }
}

function scenarioOf(r: ScenarioRow): Scenario {
  return {
    id: r.id, name: r.name, candidate: r.candidate, organization: r.organization, payload: JSON.parse(r.payload),
    version: r.version, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at, updatedBy: r.updated_by,
  };
}

/** A speaker with the curator's corrections: the fields the edit names replace the extracted ones. */
function editSpeaker(old: Speaker | null, sp: ItemEdit['speaker']): Speaker | null {
  if (!sp) return old;
  return {
    name: sp.name !== undefined ? sp.name : old?.name ?? null,
    role: sp.role !== undefined ? sp.role : old?.role ?? null,
    affiliation: sp.affiliation !== undefined ? sp.affiliation : old?.affiliation ?? null,
    mention: old?.mention ?? null,
    kind: old?.kind ?? 'person',
  };
}

/** The extracted item with the curator's edits applied; offsets and text always agree with the document. */
function applyEdit(extracted: ItemData, edit: ItemEdit | null, row: ItemRow, text: string): ItemData {
  const base = { ...extracted, start: row.start, end: row.end, text } as ItemData;
  if (!edit) return base;
  if ('kind' in base && 'cue' in base) {
    const q = base as Quote;
    const sp = edit.speaker;
    return {
      ...q,
      kind: edit.kind ?? q.kind,
      speaker: editSpeaker(q.speaker, sp),
      rule: `${q.rule}+edited`,
    };
  }
  if ('code' in base) {
    const m = base as Mention;
    return { ...m, code: edit.code ?? m.code, rule: edit.code ? `${m.rule}+edited` : m.rule };
  }
  const c = base as Claim;
  const sp = edit.speaker;
  return {
    ...c,
    speaker: editSpeaker(c.speaker, sp),
  };
}

/** Opens (creating if needed) the workspace at `file` and brings its schema up to date. */
export function openWorkspace(file: string, opts: OpenOptions = {}): Workspace {
  return new Workspace(file, opts);
}

