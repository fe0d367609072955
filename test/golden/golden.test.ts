// Golden outputs of the bundled dataset: a change in data or engine that moves a tally, a blocker or
// a source shows up here. After a reviewed, intended change, regenerate with
//   UPDATE_GOLDEN=1 npx vitest run test/golden
// and read the diff of test/golden/*.json before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.ts';

const AS_OF = '2026-06-01';
const golden = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

async function checkGolden(name: string, argv: string[]) {
  const r = await cli(...argv);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const actual = JSON.parse(r.out);
  const path = golden(name);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  return actual;
}

describe('golden: accede evaluate --json', () => {
  it(`XK nato as of ${AS_OF}`, async () => {
    const ev = await checkGolden(`XK-nato-${AS_OF}.json`, ['evaluate', 'XK', 'nato', '--as-of', AS_OF, '--json']);
    expect(ev.admitted).toBe(false);
    expect(ev.stages.map((s: { id: string; outcome: string }) => `${s.id}:${s.outcome}`)).toEqual(['application:fail', 'invitation:fail', 'ratification:fail']);
  });

  it(`XK coe as of ${AS_OF}`, async () => {
    const ev = await checkGolden(`XK-coe-${AS_OF}.json`, ['evaluate', 'XK', 'coe', '--as-of', AS_OF, '--json']);
    expect(ev.admitted).toBe(false);
    expect(ev.stages.map((s: { id: string; outcome: string }) => `${s.id}:${s.outcome}`)).toEqual([
      'agenda:fail',
      'pace-opinion:pass',
      'committee-of-ministers:pass',
    ]);
  });
});

describe('golden: accede backtest --json', () => {
  it('agrees with every recorded outcome (exit 0)', async () => {
    const r = await cli('backtest', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const results: Array<{ id: string; agrees: boolean }> = JSON.parse(r.out);
    expect(results.length).toBeGreaterThanOrEqual(16); // other lanes add backtests; none may disagree
    expect(results.filter((x) => !x.agrees).map((x) => x.id)).toEqual([]);
  });
});
