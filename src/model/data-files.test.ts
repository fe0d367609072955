// Reading a data folder's files: links that loop or lead nowhere are reported, never thrown as they come.
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, readDataBytes } from './data-files.ts';
import { DataError } from './issues.ts';

const copy = () => {
  const d = join(mkdtempSync(join(tmpdir(), 'accede-files-')), 'data');
  cpSync(DEFAULT_DATA_DIR, d, { recursive: true });
  return d;
};

describe('readDataBytes', () => {
  it('reads a folder that links back to itself once (it ended in ELOOP, an internal error)', () => {
    const d = copy();
    const before = readDataBytes(d).length;
    symlinkSync(join(d, 'cases'), join(d, 'cases', 'loop'));
    expect(readDataBytes(d).length).toBe(before);
  });

  it('names a data file whose link leads nowhere, and ignores other broken links', () => {
    const d = copy();
    symlinkSync(join(d, 'nowhere.yaml'), join(d, 'cases', 'gone.yaml'));
    symlinkSync(join(d, 'nowhere'), join(d, 'cases', 'README'));
    writeFileSync(join(d, 'cases', 'notes.txt'), 'not data');
    let error: unknown;
    try {
      readDataBytes(d);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).issues).toEqual([{ file: 'cases/gone.yaml', code: 'unreadable', path: [], message: 'cannot be read (ENOENT)' }]);
  });
});
