// Shared by the API and browser tests: the fixture dataset, an in-memory workspace, the CLI in-process.
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { Dataset } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import type { Assets } from '../../src/server/bundle.ts';
import type { ScenarioRecord, WorkspaceLike } from '../../src/server/workspace.ts';

/** A small, stable dataset (NATO and the Council of Europe, Kosovo's two cases) that tests can rely on. */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixture-data', import.meta.url));

let fixture: Dataset | undefined;
export function fixtureDataset(): Dataset {
  fixture ??= loadDataset(FIXTURE_DIR);
  return fixture;
}

/** Assets that need no bundling, for API tests that do not open pages. */
export const FAKE_ASSETS: Assets = { js: '/* app */', css: '/* css */', atlas: '{}', version: 'test' };

/** Runs `accede ARGS` in-process; returns stdout, stderr and the exit code. */
export async function cli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
  });
  return { out, err, code };
}

export function memoryWorkspace(): WorkspaceLike & { scenarios: ScenarioRecord[] } {
  const scenarios: ScenarioRecord[] = [];
  return {
    scenarios,
    listScenarios: () => scenarios,
    saveScenario: (s) => {
      const rec = { ...s, id: `s${scenarios.length + 1}`, createdAt: '2026-01-01T00:00:00Z' };
      scenarios.push(rec);
      return rec;
    },
    deleteScenario: (id) => {
      const i = scenarios.findIndex((x) => x.id === id);
      if (i < 0) return false;
      scenarios.splice(i, 1);
      return true;
    },
  };
}
