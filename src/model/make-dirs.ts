// Creating a folder and its missing parents. Node's mkdirSync(dir, { recursive: true }) never returns
// for a path under /proc (mkdir answers ENOENT there while the parent exists, and Node retries forever,
// growing its memory until the process is killed): `accede build --static /proc/x` and
// `--workspace /proc/x/ws.sqlite` hung. Each missing folder is made on its own instead, so a refusal
// is an error naming its reason.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Makes `dir` and the folders above it that are missing; throws Node's error (ENOENT, EACCES, ENOTDIR…) when one cannot be made. */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by someone else: as good as made here.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}
