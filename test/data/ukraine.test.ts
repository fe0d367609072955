// Ukraine × NATO and Ukraine × EU as of the days of issue 10's acceptance: the steps reached and who blocks the next one.
import { describe, expect, it } from 'vitest';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { evaluateCase } from '../../src/engine/evaluate.ts';

const ix = index(loadDataset());

describe('Ukraine × NATO', () => {
  it('is not invited as of 1 June 2025; with the war over and the US in favour, Hungary and Slovakia still block', () => {
    const c = ix.case('UA', 'nato')!;
    expect(evaluateCase(ix, c, '2025-06-01').admitted).toBe(false);
    const after = evaluateCase(ix, c, '2025-06-01', { 'war-ends': true, 'us-backs-ukraine-membership': true });
    expect(after.stages.find((s) => s.id === 'invitation')!.blockers.sort()).toEqual(['HU', 'SK']);
  });

  it('had no Slovak veto on record before Fico’s statement of 19 December 2023', () => {
    const c = ix.case('UA', 'nato')!;
    const before = evaluateCase(ix, c, '2023-06-01', { 'war-ends': true, 'us-backs-ukraine-membership': true });
    expect(before.stages.find((s) => s.id === 'invitation')!.blockers).toEqual(['HU']);
  });
});
