// makeDirs: folders and their parents made, and a refusal thrown at once (never Node's endless retry under /proc).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from './make-dirs.ts';

describe('makeDirs', () => {
  it('makes a folder and its missing parents, and accepts one that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'accede-dirs-'));
    makeDirs(join(root, 'a', 'b', 'c'));
    expect(existsSync(join(root, 'a', 'b', 'c'))).toBe(true);
    makeDirs(join(root, 'a', 'b', 'c'));
    makeDirs(root);
  });

  it('throws at once where a folder cannot be made', () => {
    const root = mkdtempSync(join(tmpdir(), 'accede-dirs-'));
    writeFileSync(join(root, 'file'), '');
    expect(() => makeDirs(join(root, 'file', 'x'))).toThrow(/ENOTDIR|EEXIST/);
    // mkdirSync('/proc/x', { recursive: true }) never returns on Linux (Node 20).
    if (existsSync('/proc/self')) expect(() => makeDirs('/proc/x/y')).toThrow(/ENOENT/);
  });
});
