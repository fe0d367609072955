// Reads and indexes a dataset for the CLI: from the compiled CLI's cache of validated datasets when it
// can, else parsed and checked anew (the parser, YAML and zod are imported only then).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, readDataFiles } from '../model/data-files.ts';
import { index, type Indexed } from '../model/dataset.ts';
import { loadDatasetCached } from './dataset-cache.ts';

export async function loadIndexed(dir?: string, options?: { cached?: boolean }): Promise<Indexed> {
  const cache = options?.cached === false ? undefined : cacheOf();
  if (cache) return index(await loadDatasetCached(dir ?? DEFAULT_DATA_DIR, cache));
  const files = readDataFiles(dir ?? DEFAULT_DATA_DIR);
  const { parseDataset } = await import('../model/parse.ts');
  return index(parseDataset(files));
}

/**
 * The compiled CLI (the bin sets ACCEDE_DIST to the package root) keeps validated datasets in
 * node_modules/.cache/accede, keyed by the files and the build; from the sources nothing is cached.
 */
function cacheOf() {
  const root = process.env.ACCEDE_DIST;
  if (!root) return undefined;
  let stamp: string;
  try {
    stamp = readFileSync(join(root, 'dist', 'stamp.json'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir: join(root, 'node_modules', '.cache', 'accede'), codeVersion: stamp };
}
