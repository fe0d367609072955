// The text of `accede evaluate`: the recognition counter, and how many of its facts no source confirmed.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { daySnapshot } from '../../case/snapshot.ts';
import { counter } from '../../case/views.ts';
import { analyzeCase } from '../../engine/index.ts';
import { index } from '../../model/dataset.ts';
import { readDataFiles } from '../../model/load.ts';
import { parseDataset } from '../../model/parse.ts';
import { toText } from './evaluate.ts';

const MINIMAL = fileURLToPath(new URL('../../../test/data/fixtures/minimal', import.meta.url));

function textOf(albaniaVerified: boolean): string {
  const files = readDataFiles(MINIMAL).map((f) =>
    f.path === 'organizations/club.yaml' && !albaniaVerified
      ? { ...f, text: f.text.replace('{ state: AL, joined: 2000-01-01,', '{ state: AL, joined: 2000-01-01, verified: false, note: "unverified: a test row",') }
      : f,
  );
  const ix = index(parseDataset(files));
  const c = ix.case('XK', 'club')!;
  const a = analyzeCase(ix, c, '2024-01-01');
  return toText(a.evaluation, 'Kosovo', 'Club', a, counter(daySnapshot(ix, '2024-01-01'), 'XK', 'club'));
}

describe('accede evaluate (text)', () => {
  it('prints the counter, and says how many of its facts are unverified', () => {
    expect(textOf(true)).toContain('recognition: 1 of 2 members recognize Kosovo\n');
    expect(textOf(false)).toContain('recognition: 1 of 2 members recognize Kosovo; 1 of these membership or recognition facts unverified');
  });
});
