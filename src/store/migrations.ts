// Schema migrations, applied in order inside one transaction each. Never edit a released
// migration: add a new one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, items, links, scenarios, audit log',
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html')),
        origin TEXT NOT NULL,
        title TEXT, outlet TEXT, author TEXT, date TEXT, date_note TEXT, url TEXT, language TEXT,
        text TEXT NOT NULL,
        warnings TEXT NOT NULL DEFAULT '[]',
        extractor_version INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      );
      CREATE TABLE items (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('quote', 'mention', 'claim')),
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" >= start),
        extracted TEXT NOT NULL,
        edited TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX items_by_document ON items (document_id, seq);
      CREATE INDEX items_by_status ON items (status, kind);
      CREATE TABLE links (
        item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        PRIMARY KEY (item_id, target)
      );
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        candidate TEXT,
        organization TEXT,
        payload TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        version INTEGER,
        before TEXT,
        after TEXT
      );
      CREATE INDEX audit_by_entity ON audit (entity, entity_id, seq);
      CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'items keep offsets, not copies of the document text',
    // An item's text and the text of its spans (cue, speaker mention, trigger, condition) are read
    // from the document by offset; storing copies cost O(n²) bytes for run-on text ("if if if …").
    sql: `
      UPDATE items SET extracted = json_remove(extracted,
        '$.text', '$.cue.text', '$.speaker.mention.text', '$.trigger.text', '$.condition.text');
    `,
  },
];
