// A cache of the validated dataset for the compiled CLI: parsing and checking ~0.5 MB of YAML costs
// more than the rest of a command, and the answer depends only on the files and the code. The key is
// a hash of both (every file's path and text, and the build's stamp); a miss parses, checks and stores.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../model/dataset.ts';
import { readDataFiles } from '../model/load.ts';
import { parseDataset } from '../model/parse.ts';

export interface CacheOptions {
  /** Where cache files live (created on first write). */
  dir: string;
  /** Identifies the code that validated the data: a stale build must not reuse another's answer. */
  codeVersion: string;
}

/** The dataset in `dataDir`, from the cache when the same files were validated by the same code. */
export function loadDatasetCached(dataDir: string, cache: CacheOptions): Dataset {
  const files = readDataFiles(dataDir);
  const hash = createHash('sha256').update(cache.codeVersion);
  for (const f of files) hash.update(`\0${f.path}\0${f.text}`);
  const key = hash.digest('hex');
  const file = join(cache.dir, `dataset-${createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16)}.json`);
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key: string; dataset: Dataset };
    if (stored.key === key) return stored.dataset;
  } catch {
    // No cache yet, or an unreadable one: parse.
  }
  const dataset = parseDataset(files); // throws DataError on bad data: nothing is stored
  try {
    mkdirSync(cache.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, dataset }));
    renameSync(tmp, file); // atomic: a concurrent reader sees the old file or the new one
  } catch {
    // A read-only install still works, uncached.
  }
  return dataset;
}
