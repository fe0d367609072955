// The file-system shell around parseDataset: reads a data folder.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from './dataset.ts';
import { DataError } from './issues.ts';
import { type DataFile, isDataFile, parseDataset } from './parse.ts';

/** The dataset bundled with accede. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export function readDataFiles(dir: string): DataFile[] {
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new DataError([{ file: dir, code: 'not_a_folder', path: [], message: 'not a data folder: expected a directory of YAML files' }]);
  const files: DataFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (isDataFile(name)) files.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return files;
}

export function loadDataset(dir: string = DEFAULT_DATA_DIR): Dataset {
  return parseDataset(readDataFiles(dir));
}
