// Shared by the API and browser tests: the fixture dataset and a real workspace in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import type { Assets } from '../../src/site/bundle.ts';
import { openWorkspace, type Workspace } from '../../src/store/index.ts';

/** A small, stable dataset (NATO and the Council of Europe, Kosovo's two cases) that tests can rely on. */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixture-data', import.meta.url));

let fixture: Dataset | undefined;
export function fixtureDataset(): Dataset {
  fixture ??= loadDataset(FIXTURE_DIR);
  return fixture;
}

/** Assets that need no bundling, for API tests that do not open pages. */
export const FAKE_ASSETS: Assets = { js: '/* app */', css: '/* css */', atlas: '{}', version: 'test' };

/** A real workspace (SQLite) in a fresh temporary folder; `dispose` closes and removes it. */
export function tempWorkspace(): { workspace: Workspace; path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'accede-ws-'));
  const path = join(dir, 'workspace.sqlite');
  const workspace = openWorkspace(path, { now: () => new Date('2026-01-01T00:00:00Z') });
  return {
    workspace,
    path,
    dispose: () => {
      workspace.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
