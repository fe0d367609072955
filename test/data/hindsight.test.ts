// No hindsight as of a day: a driver counts from its `since`, and no page cites what was published later.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseDetails } from '../../src/case/views.ts';
import { daySnapshot } from '../../src/case/snapshot.ts';
import { index } from '../../src/model/dataset.ts';
import { readDataFiles } from '../../src/model/load.ts';
import { type DataFile, parseDataset } from '../../src/model/parse.ts';

const MINIMAL = fileURLToPath(new URL('./fixtures/minimal', import.meta.url));

/** The minimal fixture with the `deal` driver arising on 2022-01-01 and the document published on 2022-06-01. */
function fixture(): DataFile[] {
  return readDataFiles(MINIMAL).map((f) => {
    if (f.path === 'cases/XK-club.yaml') return { ...f, text: f.text.replace('    p: 0.3\n', '    p: 0.3\n    since: 2022-01-01\n') };
    if (f.path === 'sources/docs.yaml') return { ...f, text: f.text.replace('  title: A document\n', '  title: A document\n  date: 2022-06-01\n') };
    return f;
  });
}

const ix = index(parseDataset(fixture()));
const details = (asOf: string, fixed = {}) => caseDetails(daySnapshot(ix, asOf), ix.case('XK', 'club')!, fixed);

describe('a driver before its since', () => {
  it('is absent on the day: no toggle, no sensitivity, and conditions naming it do not hold', () => {
    const before = details('2021-06-01');
    expect(before.drivers.map((d) => d.id)).toEqual(['pressure']);
    expect(before.sensitivity.map((s) => s.driver)).not.toContain('deal');
    // RS's own stance was first reported on 2022-06-01, so RS falls back to the case's defaults (a
    // non-recognizer: the fallback {yes 0.5, no 0.5}); AL recognizes (yes 0.9). P = 0.5 × 0.9.
    expect(before.probability).toBeCloseTo(0.45, 12);
    // Setting it changes nothing and is not echoed back as a setting.
    const set = details('2021-06-01', { deal: true });
    expect(set.probability).toBeCloseTo(0.45, 12);
    expect(set.fixed).toEqual({});
  });

  it('counts from its since: the same case a year later ranges over it', () => {
    const after = details('2023-01-01');
    expect(after.drivers.map((d) => d.id)).toEqual(['deal', 'pressure']);
    // P = P(deal) × P(RS yes | deal) × P(AL yes) = 0.3 × 0.6 × 0.9 (AL recognizes: the recognizer default).
    expect(after.probability).toBeCloseTo(0.3 * 0.6 * 0.9, 12);
    expect(details('2023-01-01', { deal: true }).fixed).toEqual({ deal: true });
  });
});

describe('sources as of a day', () => {
  it('shows a source as a basis only from its publication date', () => {
    const early = details('2022-03-01');
    expect(early.stanceEvidence.RS.map((e) => e.source)).not.toContain('doc');
    expect(early.drivers.find((d) => d.id === 'deal')!.evidence).toEqual([]);
    const late = details('2022-07-01');
    expect(late.stanceEvidence.RS.map((e) => e.source)).toContain('doc');
    expect(late.drivers.find((d) => d.id === 'deal')!.evidence.map((e) => e.source)).toContain('doc');
  });
});
