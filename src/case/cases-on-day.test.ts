// Views across cases on a day when some cases did not exist yet: they answer the others and name these.
import { describe, expect, it } from 'vitest';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import { computeAnswer, type Prepared } from './jobs.ts';
import { daySnapshot } from './snapshot.ts';
import { prepareCase } from './views.ts';

const ix = index(loadDataset());
const prep: Prepared = { day: (asOf) => daySnapshot(ix, asOf), case: (day, c) => prepareCase(day, c) };
type Cell = { candidate: string; organization: string; probability: number };
type Missing = { candidate: string; organization: string; reason: string };

describe('views across cases before a case existed', () => {
  it('the overview on 2000-01-01 answers the cases that existed and names Kosovo\'s with the reason', () => {
    const o = computeAnswer(ix, prep, { kind: 'overview', asOf: '2000-01-01' }) as { json: { cells: Cell[]; notApplicable: Missing[] } };
    const { cells, notApplicable } = o.json;
    expect(cells.map((c) => `${c.candidate}/${c.organization}`)).toContain('FI/nato');
    for (const c of cells) expect(c.probability).toBeGreaterThanOrEqual(0);
    const xk = ix.data.cases.filter((c) => c.candidate === 'XK').length;
    expect(notApplicable.filter((n) => n.candidate === 'XK')).toHaveLength(xk);
    expect(notApplicable.find((n) => n.candidate === 'XK' && n.organization === 'nato')!.reason).toBe('Kosovo did not exist as a state on 2000-01-01 (since 2008-02-17)');
    expect(cells.length + notApplicable.length).toBe(ix.data.cases.length);
  });

  it('the case list and a state across cases do the same; on 1800-01-01 every case is named', () => {
    const list = computeAnswer(ix, prep, { kind: 'cases', asOf: '1800-01-01' }) as { json: { cases: Cell[]; notApplicable: Missing[] } };
    expect(list.json.cases).toEqual([]);
    expect(list.json.notApplicable.find((n) => n.organization === 'nato')!.reason).toBe('NATO did not exist on 1800-01-01 (founded 1949-08-24)');
    const es = computeAnswer(ix, prep, { kind: 'state', code: 'ES', asOf: '2000-01-01' }) as { json: { cases: Cell[]; notApplicable: Missing[] } };
    expect(es.json.cases.some((c) => c.organization === 'nato')).toBe(true);
    expect(es.json.cases.some((c) => c.candidate === 'XK')).toBe(false);
    expect(es.json.notApplicable.some((n) => n.candidate === 'XK')).toBe(true);
  });
});
