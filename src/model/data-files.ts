// Reading a data folder's files, without parsing them: apart from parse.ts (YAML, zod) so that the
// compiled CLI can key its cache of validated datasets on the files' bytes without loading the parser.
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError } from './issues.ts';

/** The dataset bundled with accede. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export interface DataFile {
  /** Path relative to the data folder, with forward slashes: "cases/XK-nato.yaml". */
  path: string;
  text: string;
}

/** A data file as bytes: what the CLI's cache hashes (decoding the text is needed only to parse it). */
export interface DataBytes {
  path: string;
  bytes: Buffer;
}

export function isDataFile(path: string): boolean {
  return /\.ya?ml$/.test(path);
}

/** Every data file under `dir` (YAML, by path order), as bytes. */
export function readDataBytes(dir: string): DataBytes[] {
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new DataError([{ file: dir, code: 'not_a_folder', path: [], message: 'not a data folder: expected a directory of YAML files' }]);
  const files: DataBytes[] = [];
  const problems: DataError['issues'] = [];
  // Folders already read, by real path: a symbolic link back up the tree is read once, not until ELOOP.
  const seen = new Set<string>();
  const walk = (d: string) => {
    seen.add(realpathSync(d));
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(d, entry.name);
      const path = relative(root, full).split(sep).join('/');
      try {
        // A symbolic link is followed, as statSync does.
        const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(full).isDirectory());
        if (isFolder) {
          if (!seen.has(realpathSync(full))) walk(full);
        } else if (isDataFile(entry.name)) files.push({ path, bytes: readFileSync(full) });
      } catch (e) {
        // A broken link, a file that cannot be read: a problem with that file, not a crash (a broken link
        // whose name is not a data file's is none of the dataset's business).
        if (!isDataFile(entry.name) && !entry.isDirectory()) continue;
        const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
        problems.push({ file: path, code: 'unreadable', path: [], message: `cannot be read (${code})` });
      }
    }
  };
  walk(root);
  if (problems.length) throw new DataError(problems);
  return files;
}

/** Every data file under `dir`, as text. */
export function readDataFiles(dir: string): DataFile[] {
  return readDataBytes(dir).map((f) => ({ path: f.path, text: f.bytes.toString('utf8') }));
}
