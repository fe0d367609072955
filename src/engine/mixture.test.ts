import { describe, expect, it } from 'vitest';
import { unCase } from '../../bench/un-case.ts';
import { index } from '../model/dataset.ts';
import { expand, meetInTheMiddle, splitDrivers, stageByStage } from './mixture.ts';
import { buildProblem, modeledStages } from './problem.ts';
import { setupCase } from './setup.ts';

describe('P(pass | drivers) on a UN-sized procedure with 12 drivers', () => {
  // The benchmark's case: 15 Security Council members voting in both stages, 193 in the General
  // Assembly, 45 stances depending on drivers. Brute force is out of reach (4^193 ballots), so the
  // two table algorithms, which order the voters and enumerate the drivers differently, check each other.
  it('is the same by meeting in the middle and stage by stage, for all 4,096 driver assignments', () => {
    const { data, case: c } = unCase();
    const setup = setupCase(index(data), c, '2025-06-01');
    const problem = buildProblem(setup, modeledStages(setup), 'seat');
    const ids = c.drivers.map((d) => d.id);
    const all = ids.map((_, j) => j);
    const a = expand(meetInTheMiddle(setup, problem, ids), all);
    const b = expand(stageByStage(setup, problem, ids), all);
    expect(a.length).toBe(4096);
    let worst = 0;
    for (let d = 0; d < a.length; d++) worst = Math.max(worst, Math.abs(a[d] - b[d]));
    expect(worst).toBeLessThan(1e-12);
    // Not a table of zeros: the drivers move the answer.
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(0.1);
  });
});

describe('splitDrivers', () => {
  const uses = new Map([
    ['a', 10],
    ['b', 8],
    ['c', 6],
    ['d', 5],
    ['e', 1],
    ['f', 1],
  ]);
  const ref = [...uses.keys()];
  it('enumerates nothing from the back below four drivers', () => {
    expect(splitDrivers(ref.slice(0, 3), uses, new Set(['a']))).toEqual(new Set());
  });
  it('keeps the drivers of small stages at the back and balances the rest', () => {
    const back = splitDrivers(ref, uses, new Set(['e']));
    expect(back.has('e')).toBe(true);
    // The heavy drivers are shared out, not all on one side.
    expect(back.size).toBeGreaterThan(1);
    expect(back.size).toBeLessThan(ref.length);
    expect(back.has('a') && back.has('b')).toBe(false);
  });
});
