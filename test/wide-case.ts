// A data folder whose XK × UN case has n drivers (a chain of conditional drivers) and 60 stances on
// two drivers each: the shape of ../shared/tools/gen-wide-case.py (issue 9), in TypeScript so tests
// need neither Python nor the shared folder. Seeded: the same folder every run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { rng } from '../src/engine/random.ts';
import { loadDataset } from '../src/model/load.ts';
import type { CaseData } from '../src/model/schema.ts';

const DATA = fileURLToPath(new URL('../data', import.meta.url));
const URL_ = 'https://www.un.org/en/about-us/un-charter/chapter-2';

/**
 * The wide case's drivers, stances and default, drawn from `codes` (the states that may take a
 * stance): n drivers in a chain (two in three conditional on the one before) and 60 stances, each on
 * two drivers. The one generator of this shape (tests, benchmarks, the data folder below). Seeded.
 */
export function wideCaseParts(n: number, codes: string[], seed = 7, source = URL_): Pick<CaseData, 'drivers' | 'stances' | 'defaults'> {
  const r = rng(seed);
  const p = (lo: number, hi: number) => Math.round((lo + (hi - lo) * r()) * 100) / 100;
  const pick = <T>(xs: T[], k: number): T[] => {
    const a = [...xs];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(r() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, k);
  };
  const drivers = Array.from({ length: n }, (_, i) => ({
    id: `d${i}`,
    name: `Synthetic driver ${i}`,
    p: p(0.2, 0.8),
    ...(i > 0 && i % 3 ? { given: [{ when: { [`d${i - 1}`]: true }, p: p(0.5, 0.9) }] } : {}),
    sources: [source],
    note: 'Synthetic modelling judgment for a load test.',
  }));
  const stances = pick(codes, 60).map((state) => {
    const [a, b] = pick([...Array(n).keys()], 2);
    return {
      state,
      p: { yes: 0.3, no: 0.5, abstain: 0.2 },
      when: [
        { if: { [`d${a}`]: true }, p: { yes: 0.8, no: 0.1, abstain: 0.1 } },
        { if: { [`d${b}`]: true }, p: { yes: 0.6, no: 0.2, abstain: 0.2 } },
      ],
      sources: [source],
      note: 'Synthetic.',
    };
  });
  const defaults = [{ recognition: 'any' as const, p: { yes: 0.6, no: 0.25, abstain: 0.15 }, basis: 'Modelling assumption for a synthetic load test.', sources: [source] }];
  return { drivers, stances, defaults };
}

/** Copies the bundled data to `out` with cases/XK-un.yaml replaced by the wide case. */
export function writeWideData(out: string, n: number, seed = 7): string {
  rmSync(out, { recursive: true, force: true });
  cpSync(DATA, out, { recursive: true });
  const codes = loadDataset(DATA)
    .states.filter((s) => s.kind === 'un-member' && s.code !== 'XK' && s.code !== 'RS')
    .map((s) => s.code);
  const doc = {
    candidate: 'XK',
    organization: 'un',
    title: 'Kosovo and the United Nations (wide synthetic case)',
    status: { deJure: 'not-applied', sources: [URL_] },
    ...wideCaseParts(n, codes, seed),
  };
  writeFileSync(join(out, 'cases', 'XK-un.yaml'), stringify(doc));
  return out;
}

/**
 * For the benchmarks: the issue's own generator (../shared/tools/gen-wide-case.py) when this checkout
 * has it and Python, else writeWideData (the same shape, other random draws).
 */
export function generateWideData(out: string, n: number): { dir: string; by: string } {
  const tool = fileURLToPath(new URL('../../shared/tools/gen-wide-case.py', import.meta.url));
  if (existsSync(tool) && spawnSync('python3', [tool, DATA, out, String(n)]).status === 0) return { dir: out, by: 'gen-wide-case.py' };
  return { dir: writeWideData(out, n), by: 'test/wide-case.ts' };
}
