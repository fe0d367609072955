// Finland × NATO and Sweden × NATO replayed as of the days of issue 10's acceptance: who blocks, and when each is a member.
import { describe, expect, it } from 'vitest';
import { isMember } from '../../src/model/asof.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { evaluateCase } from '../../src/engine/evaluate.ts';
import { cli } from '../cli.ts';

const ix = index(loadDataset());
const nato = ix.organization('nato')!;

function asOf(candidate: string, day: string) {
  const ev = evaluateCase(ix, ix.case(candidate, 'nato')!, day);
  const blockers = [...new Set(ev.stages.flatMap((s) => s.blockers))].sort();
  return { admitted: ev.admitted, member: isMember(nato, candidate, day), blockers };
}

describe('Finland × NATO', () => {
  it('is not admitted on 29 March 2023, Türkiye (the last to ratify) blocking', () => {
    const r = asOf('FI', '2023-03-29');
    expect(r.admitted).toBe(false);
    expect(r.member).toBe(false);
    expect(r.blockers).toContain('TR');
  });

  it('is a member on 5 April 2023, nobody blocking, the ratification reached', () => {
    expect(asOf('FI', '2023-04-05')).toEqual({ admitted: true, member: true, blockers: [] });
    expect(evaluateCase(ix, ix.case('FI', 'nato')!, '2023-04-05').reached).toMatchObject({ stage: 'ratification', date: '2023-03-30' });
  });

  it('has its blockers shrink as the Allies act: Türkiye, then Türkiye and Hungary, then Türkiye, then none', () => {
    expect(asOf('FI', '2022-05-20').blockers).toEqual(['TR']);
    expect(asOf('FI', '2023-03-10').blockers).toEqual(['HU', 'TR']);
    expect(asOf('FI', '2023-03-28').blockers).toEqual(['TR']);
    expect(asOf('FI', '2023-03-31').blockers).toEqual([]);
  });
});

describe('Sweden × NATO', () => {
  it('is not admitted on 1 February 2024, Hungary the only blocker', () => {
    expect(asOf('SE', '2024-02-01')).toEqual({ admitted: false, member: false, blockers: ['HU'] });
  });

  it('is a member on 8 March 2024, nobody blocking', () => {
    expect(asOf('SE', '2024-03-08')).toEqual({ admitted: true, member: true, blockers: [] });
  });

  it('has its blockers go from Türkiye, to Türkiye and Hungary, to Hungary, to none', () => {
    expect(asOf('SE', '2022-05-20').blockers).toEqual(['TR']);
    expect(asOf('SE', '2023-08-01').blockers).toEqual(['HU', 'TR']);
    expect(asOf('SE', '2024-02-27').blockers).toEqual([]);
  });

  it('lets Sweden’s own lever (restoring trust with Budapest) clear Hungary in February 2024', () => {
    const ev = evaluateCase(ix, ix.case('SE', 'nato')!, '2024-02-01', { 'sweden-hungary-trust-restored': true });
    expect(ev.admitted).toBe(true);
  });
});

describe('the CLI', () => {
  it('prints Finland not admitted with Türkiye blocking on 29 March 2023', async () => {
    const r = await cli('evaluate', 'FI', 'nato', '--as-of', '2023-03-29');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/blocked by TR\b/);
    expect(r.out).toContain('in the most likely scenario: not admitted');
  });
});
