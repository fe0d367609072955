// The compiled CLI's cache of validated datasets: a hit only for the same files read by the same code,
// a miss (and the data parsed and checked anew) after any edit, addition, removal or rename, another
// build, or a damaged cache file; bad data is reported and never stored.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataFiles } from '../model/data-files.ts';
import { DataError } from '../model/issues.ts';
import { parseDataset } from '../model/parse.ts';
import { loadDatasetCached } from './dataset-cache.ts';

const MINIMAL = fileURLToPath(new URL('../../test/data/fixtures/minimal', import.meta.url));

let tmp: string;
let data: string;
let cache: { dir: string; codeVersion: string };

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'accede-cache-'));
  data = join(tmp, 'data');
  cpSync(MINIMAL, data, { recursive: true });
  cache = { dir: join(tmp, 'cache'), codeVersion: 'build-1' };
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const cacheFile = () => join(cache.dir, readdirSync(cache.dir).find((f) => f.endsWith('.json'))!);

/** Marks the stored dataset (keeping its key), so that a load answering from the cache is told apart. */
function markStored(): void {
  const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
  stored.dataset.states[0].name = 'FROM THE CACHE';
  writeFileSync(cacheFile(), JSON.stringify(stored));
}

const firstStateName = async () => (await loadDatasetCached(data, cache)).states[0].name;
const fresh = () => parseDataset(readDataFiles(data)).states[0].name;

describe('the dataset cache', () => {
  it('answers what parsing answers, then the stored dataset for the same files and code', async () => {
    expect(await loadDatasetCached(data, cache)).toEqual(parseDataset(readDataFiles(data)));
    markStored();
    expect(await firstStateName()).toBe('FROM THE CACHE');
  });

  it('misses after a file is edited, even to the same length', async () => {
    await loadDatasetCached(data, cache);
    markStored();
    const file = join(data, 'states.yaml');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/name: (\S)/, (_, c: string) => `name: ${c === 'Z' ? 'Y' : 'Z'}`);
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    expect(await firstStateName()).toBe(fresh());
    expect(await firstStateName()).not.toBe('FROM THE CACHE');
  });

  it('misses after a file is added, removed or renamed', async () => {
    await loadDatasetCached(data, cache);
    for (const change of [
      () => writeFileSync(join(data, 'sources', 'more.yaml'), '- id: other\n  title: Another document\n  url: https://example.org/other\n'),
      () => rmSync(join(data, 'sources', 'more.yaml')),
      () => renameSync(join(data, 'backtests', 'club.yaml'), join(data, 'backtests', 'club2.yaml')),
    ]) {
      markStored();
      change();
      expect(await firstStateName()).not.toBe('FROM THE CACHE');
    }
  });

  it('misses for another build, and after the cache file is damaged', async () => {
    await loadDatasetCached(data, cache);
    markStored();
    expect(await loadDatasetCached(data, { ...cache, codeVersion: 'build-2' })).toEqual(parseDataset(readDataFiles(data)));
    writeFileSync(cacheFile(), readFileSync(cacheFile(), 'utf8').slice(0, 200));
    expect(await loadDatasetCached(data, cache)).toEqual(parseDataset(readDataFiles(data)));
  });

  it('reports bad data and stores nothing', async () => {
    writeFileSync(join(data, 'states.yaml'), 'states: [');
    await expect(loadDatasetCached(data, cache)).rejects.toBeInstanceOf(DataError);
    expect(() => readdirSync(cache.dir)).toThrow();
  });
});
