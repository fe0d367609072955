// The file-reading shell around extraction: files, directories and stdin become ImportedDocuments
// (plain text + metadata + content hash). Inputs are untrusted: sizes are capped, binaries and
// links out of the import directory are refused, and every problem names its file.
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { ImportError, MAX_IMPORT_BYTES, binaryReason, declaredCharset, decode } from './decode.ts';
import { readHeader } from './header.ts';
import { htmlToText } from './html.ts';
import { markdownToText } from './markdown.ts';
import type { DocumentFormat, ImportedDocument } from './types.ts';

export { ImportError, MAX_IMPORT_BYTES } from './decode.ts';

export interface ImportOptions {
  /** the size cap in bytes (default 5 MB) */
  maxBytes?: number;
}

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
};

export function formatOf(file: string): DocumentFormat | null {
  return EXTENSIONS[path.extname(file).toLowerCase()] ?? null;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Turns the bytes of one document into plain text and metadata. Pure apart from hashing. */
export function importBytes(bytes: Uint8Array, origin: string, format: DocumentFormat, opts: ImportOptions = {}): ImportedDocument {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > max) throw new ImportError(origin, `${origin}: ${sizeText(bytes.length)} is over the ${sizeText(max)} limit`, 'too-large');
  const binary = binaryReason(bytes);
  if (binary) throw new ImportError(origin, `${origin}: ${binary}; only .txt, .md and .html text can be imported`, 'binary');
  const decoded = decode(bytes, format === 'html' ? declaredCharset(bytes) : undefined);
  const warnings = [...decoded.warnings];
  let text: string;
  let meta;
  if (format === 'html') {
    const r = htmlToText(decoded.text);
    text = r.text;
    meta = r.meta;
    warnings.push(...r.warnings);
  } else {
    const h = readHeader(decoded.text);
    warnings.push(...h.warnings);
    meta = h.meta;
    if (format === 'md') {
      const md = markdownToText(h.body);
      text = md.text;
      if (md.title) meta.title = meta.title ?? md.title;
    } else {
      text = h.body;
    }
  }
  if (text.trim() === '') throw new ImportError(origin, `${origin}: no text found in the document`, 'empty');
  return { hash: contentHash(text), format, text, meta, origin, warnings };
}

/** Reads and imports one file (the path the user named). */
export async function importFile(file: string, opts: ImportOptions = {}, origin = file): Promise<ImportedDocument> {
  const format = formatOf(file);
  if (!format) {
    throw new ImportError(origin, `${origin}: unsupported file type "${path.extname(file) || '(none)'}"; expected .txt, .md or .html`, 'unsupported');
  }
  const bytes = await readCapped(file, origin, opts.maxBytes ?? MAX_IMPORT_BYTES);
  return importBytes(bytes, origin, format, opts);
}

/** Reads at most max+1 bytes of a regular file, so a huge file is refused without reading it all. */
async function readCapped(file: string, origin: string, max: number): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new ImportError(origin, `${origin}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'unreadable');
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new ImportError(origin, `${origin}: not a regular file`, 'unreadable');
    if (st.size > max) throw new ImportError(origin, `${origin}: ${sizeText(st.size)} is over the ${sizeText(max)} limit`, 'too-large');
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > max) throw new ImportError(origin, `${origin}: over the ${sizeText(max)} limit`, 'too-large');
    return buf.subarray(0, n);
  } finally {
    await handle.close();
  }
}

/** Reads stdin up to the cap and guesses the format from the content. */
export async function importStdin(stream: NodeJS.ReadableStream, opts: ImportOptions = {}): Promise<ImportedDocument> {
  const max = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > max) throw new ImportError('-', `stdin: over the ${sizeText(max)} limit`, 'too-large');
    chunks.push(b);
  }
  const bytes = Buffer.concat(chunks);
  const head = bytes.subarray(0, 1024).toString('latin1').trimStart().toLowerCase();
  const format: DocumentFormat = /^(<!doctype html|<html|<head|<body|<article|<p[\s>]|<div)/.test(head) ? 'html' : 'txt';
  return importBytes(bytes, '-', format, opts);
}

export type WalkEntry = { file: string; rel: string } | { error: ImportError };

/**
 * The importable files under dir, in a stable order. Links may not lead out of the directory;
 * files of other types are reported as skipped.
 */
export async function listImportable(dir: string): Promise<{ files: Array<{ file: string; rel: string }>; problems: ImportError[] }> {
  const root = await fs.realpath(dir);
  const files: Array<{ file: string; rel: string }> = [];
  const problems: ImportError[] = [];
  const seen = new Set<string>();
  const visit = async (real: string, relDir: string, depth: number): Promise<void> => {
    if (depth > 32 || seen.has(real)) return;
    seen.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(real, { withFileTypes: true });
    } catch (e) {
      problems.push(new ImportError(relDir || '.', `${relDir || '.'}: cannot list (${(e as NodeJS.ErrnoException).code})`, 'unreadable'));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      const full = path.join(real, ent.name);
      let target = full;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          target = await fs.realpath(full);
        } catch {
          problems.push(new ImportError(rel, `${rel}: broken link`, 'unreadable'));
          continue;
        }
        if (!isInside(root, target)) {
          problems.push(new ImportError(rel, `${rel}: links outside the import directory; refused`, 'escape'));
          continue;
        }
        const st = await fs.stat(target);
        isDir = st.isDirectory();
        isFile = st.isFile();
      }
      if (isDir) {
        if (ent.name.startsWith('.')) continue;
        await visit(target, rel, depth + 1);
      } else if (isFile) {
        if (ent.name.startsWith('.')) continue;
        if (!formatOf(ent.name)) {
          problems.push(new ImportError(rel, `${rel}: skipped (not .txt, .md or .html)`, 'unsupported'));
          continue;
        }
        files.push({ file: target, rel });
      }
    }
  };
  await visit(root, '', 0);
  return { files, problems };
}

function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}
