// A cache of the validated dataset for the compiled CLI: parsing and checking ~0.5 MB of YAML costs
// more than the rest of a command, and the answer depends only on the files and the code. The key is
// a hash of both (every file's path and bytes, and the build's stamp), so an edited, added, removed or
// renamed file, or another build, misses; a miss parses, checks and stores. Reading the cache needs
// neither the YAML readers nor zod: the parser is imported only on a miss.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../model/dataset.ts';
import { type DataBytes, readDataBytes } from '../model/data-files.ts';
import { makeDirs } from '../model/make-dirs.ts';

export interface CacheOptions {
  /** Where cache files live (created on first write). */
  dir: string;
  /** Identifies the code that validated the data: a stale build must not reuse another's answer. */
  codeVersion: string;
}

/** The cache's key for these files read by this code. */
export function cacheKey(files: readonly DataBytes[], codeVersion: string): string {
  const hash = createHash('sha256').update(codeVersion);
  // Lengths make the framing unambiguous: no two file lists hash the same bytes.
  for (const f of files) hash.update(`\0${f.path}\0${f.bytes.length}\0`).update(f.bytes);
  return hash.digest('hex');
}

/** The dataset in `dataDir`, from the cache when the same files were validated by the same code. */
export async function loadDatasetCached(dataDir: string, cache: CacheOptions): Promise<Dataset> {
  const files = readDataBytes(dataDir);
  const key = cacheKey(files, cache.codeVersion);
  const file = join(cache.dir, `dataset-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}.json`);
  const stored = readStored(file, key);
  if (stored) return stored;
  const { parseDataset } = await import('../model/parse.ts');
  const dataset = parseDataset(files.map((f) => ({ path: f.path, text: f.bytes.toString('utf8') }))); // throws DataError on bad data: nothing is stored
  try {
    makeDirs(cache.dir);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, dataset }));
    renameSync(tmp, file); // atomic: a concurrent reader sees the old file or the new one
  } catch {
    // A read-only install still works, uncached.
  }
  return dataset;
}

/** The dataset stored under `key` in `file`, if that is what the file holds. */
function readStored(file: string, key: string): Dataset | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // no cache yet
  }
  // The key is written first: a stale file is told apart without parsing its dataset.
  if (!text.startsWith(`{"key":${JSON.stringify(key)},`)) return undefined;
  try {
    const stored = JSON.parse(text) as { key: string; dataset: Dataset };
    return stored.key === key ? stored.dataset : undefined;
  } catch {
    return undefined; // a damaged file: parse the data anew (and overwrite it)
  }
}
