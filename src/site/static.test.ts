// The static export refuses a folder it cannot create with the reason, at once (it hung under /proc).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/dataset.ts';
import { StaticExportError, writeStaticSite } from './static.ts';

describe('writeStaticSite', () => {
  it.runIf(existsSync('/proc/self'))('refuses a folder that cannot be created, naming it and why', () => {
    const run = () => writeStaticSite({ dir: '/proc/x/site', dataset: {} as Dataset, assets: { js: '', css: '', atlas: '{}', version: 't' }, asOf: '2024-01-01' });
    expect(run).toThrow(StaticExportError);
    expect(run).toThrow('cannot create the folder /proc/x/site: ENOENT');
  });
});
