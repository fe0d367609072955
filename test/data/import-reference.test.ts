// The generated parts of data/ are exactly what scripts/import-reference.ts makes of the reference
// tables, and re-running it leaves the hand-written parts alone.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REF = join(ROOT, '..', 'shared', 'data', 'reference');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

describe.skipIf(!existsSync(join(REF, 'memberships.csv')))('scripts/import-reference.ts', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'accede-import-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('regenerates data/ identically from the reference tables', () => {
    cpSync(join(ROOT, 'data'), tmp, { recursive: true });
    const log = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'import-reference.ts'), '--ref', REF, '--data', tmp], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(log).toMatch(/recognitions\/XK\.yaml: 193 rows/);
    for (const f of files(join(ROOT, 'data'))) {
      const rel = relative(join(ROOT, 'data'), f);
      expect(readFileSync(join(tmp, rel), 'utf8'), rel).toBe(readFileSync(f, 'utf8'));
    }
    expect(files(tmp).length).toBe(files(join(ROOT, 'data')).length);
  });
});
