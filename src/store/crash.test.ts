// kill -9 in the middle of a directory import or of concurrent curation: the workspace stays
// consistent (PRAGMA integrity_check) and every acknowledged write is there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from '../evidence/extract.ts';
import { importBytes } from '../evidence/importer.ts';
import { syntheticArticle } from '../../test/evidence/workers/synthetic.ts';
import { openWorkspace } from './workspace.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const WORKERS = path.join(REPO, 'test', 'evidence', 'workers');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'accede-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== 0 && code !== null && err) process.stderr.write(err);
    resolve(code);
  }));
  return { child, lines, exited };
}

/** Resolves once `pred` holds for the lines read so far (or the child ended). */
async function until(r: Running, pred: (lines: string[]) => boolean): Promise<void> {
  let done = false;
  void r.exited.then(() => (done = true));
  while (!pred(r.lines) && !done) await new Promise((res) => setTimeout(res, 5));
}

describe('kill -9', () => {
  it('in the middle of an import leaves every acknowledged document, complete', async () => {
    const file = path.join(dir, 'w.sqlite');
    const w = run([path.join(WORKERS, 'import-worker.ts'), file, '100000', '1']);
    await until(w, (l) => l.length >= 15);
    w.child.kill('SIGKILL');
    await w.exited;
    const acked = w.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' '));
    expect(acked.length).toBeGreaterThanOrEqual(15);
    const ws = openWorkspace(file);
    try {
      expect(ws.integrityCheck()).toBe('ok');
      for (const [, id, n] of acked) {
        const doc = ws.getDocument(id);
        expect(doc, id).not.toBeNull();
        expect(doc!.items).toHaveLength(Number(n));
      }
      // nothing half-written: every stored document has all its items
      for (const d of ws.listDocuments()) {
        const doc = ws.getDocument(d.id)!;
        const e = extract(doc.text);
        expect(doc.items).toHaveLength(e.quotes.length + e.mentions.length + e.claims.length);
      }
    } finally {
      ws.close();
    }
  });

  it('in the middle of `accede import DIR` keeps every file it reported', async () => {
    const src = path.join(dir, 'articles');
    mkdirSync(src);
    for (let i = 0; i < 400; i++) writeFileSync(path.join(src, `a${String(i).padStart(4, '0')}.txt`), syntheticArticle(i));
    const file = path.join(dir, 'w.sqlite');
    const cli = run([path.join(REPO, 'bin', 'accede.js'), 'import', src, '--workspace', file, '--who', 'crash-test']);
    await until(cli, (l) => l.length >= 20);
    cli.child.kill('SIGKILL');
    await cli.exited;
    const reported = cli.lines.filter((l) => l.startsWith('imported ')).map((l) => l.split(' ')[1]);
    expect(reported.length).toBeGreaterThanOrEqual(20);
    expect(reported.length).toBeLessThan(400);
    const ws = openWorkspace(file);
    try {
      expect(ws.integrityCheck()).toBe('ok');
      const stored = new Set(ws.listDocuments().map((d) => d.id));
      for (const id of reported) expect(stored.has(id), id).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('during concurrent curation loses no acknowledged write and overwrites none', async () => {
    const file = path.join(dir, 'w.sqlite');
    const ws = openWorkspace(file);
    for (let i = 0; i < 5; i++) {
      const doc = importBytes(Buffer.from(syntheticArticle(i, 1500)), `s${i}.txt`, 'txt');
      ws.importDocument(doc, extract(doc.text), 'setup');
    }
    const itemCount = ws.listItems().length;
    ws.close();
    expect(itemCount).toBeGreaterThan(20);

    const a = run([path.join(WORKERS, 'curate-worker.ts'), file, '100000', 'alice']);
    const b = run([path.join(WORKERS, 'curate-worker.ts'), file, '400', 'bob']);
    await until(a, (l) => l.length >= 150);
    a.child.kill('SIGKILL');
    await a.exited;
    expect(await b.exited).toBe(0);

    const acks = [...a.lines, ...b.lines].filter((l) => l.startsWith('ack ')).map((l) => l.split(' '));
    const w2 = openWorkspace(file);
    try {
      expect(w2.integrityCheck()).toBe('ok');
      const audit = w2.listAudit({ limit: 10_000 }).filter((e) => e.entity === 'item');
      const logged = new Set(audit.map((e) => `${e.entityId} ${e.version}`));
      // every acknowledged curation is in the log, at the version it reported
      for (const [, id, v] of acks) expect(logged.has(`${id} ${v}`), `${id} v${v}`).toBe(true);
      // and no write was applied twice or over another: versions count the logged changes exactly
      for (const item of w2.listItems()) {
        const changes = audit.filter((e) => e.entityId === item.id);
        expect(item.version).toBe(changes.length + 1);
        expect(changes.map((e) => e.version)).toEqual(changes.map((_, i) => i + 2));
      }
    } finally {
      w2.close();
    }
  });
});
