// Reads and indexes a dataset for the CLI: from the compiled CLI's cache of validated datasets when it
// can, else parsed and checked anew. Imported on demand (see preloadDatasetReader in context.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, loadDataset } from '../model/load.ts';
import { loadDatasetCached } from './dataset-cache.ts';
import { index, type Indexed } from '../model/dataset.ts';

export function loadIndexed(dir?: string, options?: { cached?: boolean }): Indexed {
  return index((options?.cached === false ? undefined : loadCompiled(dir)) ?? loadDataset(dir));
}

/**
 * The compiled CLI (the bin sets ACCEDE_DIST to the package root) keeps validated datasets in
 * node_modules/.cache/accede, keyed by the files and the build; from the sources nothing is cached.
 */
function loadCompiled(dir: string | undefined) {
  const root = process.env.ACCEDE_DIST;
  if (!root) return undefined;
  let stamp: string;
  try {
    stamp = readFileSync(join(root, 'dist', 'stamp.json'), 'utf8');
  } catch {
    return undefined;
  }
  return loadDatasetCached(dir ?? DEFAULT_DATA_DIR, { dir: join(root, 'node_modules', '.cache', 'accede'), codeVersion: stamp });
}
