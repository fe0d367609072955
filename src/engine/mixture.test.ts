import { describe, expect, it } from 'vitest';
import { unCase, wideUnCase } from '../../bench/un-case.ts';
import { index } from '../model/dataset.ts';
import { expand, meetInTheMiddle, stageByStage } from './mixture.ts';
import { chooseSplit, splitCost } from './split.ts';
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

describe('P(pass | drivers) when stances name two drivers each (a front and a back driver)', () => {
  // 60 stances on pairs of 10 drivers: the two sides of the meeting share drivers, and only fronts and
  // backs that agree on them may be paired.
  it('is the same by meeting in the middle and stage by stage, for all 1,024 driver assignments', () => {
    const { data, case: c } = wideUnCase(10);
    const setup = setupCase(index(data), c, '2025-06-01');
    const problem = buildProblem(setup, modeledStages(setup), 'seat');
    const ids = c.drivers.map((d) => d.id);
    const all = ids.map((_, j) => j);
    const a = expand(meetInTheMiddle(setup, problem, ids), all);
    const b = expand(stageByStage(setup, problem, ids), all);
    let worst = 0;
    for (let d = 0; d < a.length; d++) worst = Math.max(worst, Math.abs(a[d] - b[d]));
    expect(worst).toBeLessThan(1e-12);
    expect(Math.max(...a) - Math.min(...a)).toBeGreaterThan(0.05);
  });
});

describe('chooseSplit', () => {
  it('keeps forced units at the back and shares the rest out when that is cheaper', () => {
    // Two groups of units on disjoint drivers: each side should take one group.
    const drivers = [...Array.from({ length: 8 }, (_, i) => [i % 4, (i + 1) % 4]), ...Array.from({ length: 8 }, (_, i) => [4 + (i % 4), 4 + ((i + 1) % 4)])];
    const input = { drivers, span: drivers.map(() => 3), forcedBack: drivers.map((_, i) => i === 15), lateSpan: 0, earlySpan: 0 };
    const split = chooseSplit(input);
    expect(split.back[15]).toBe(true);
    expect(split.cost).toBeLessThanOrEqual(splitCost(input.forcedBack, input).cost);
    const backDrivers = new Set(drivers.filter((_, i) => split.back[i]).flat());
    const frontDrivers = new Set(drivers.filter((_, i) => !split.back[i]).flat());
    expect(backDrivers.size).toBeLessThan(8);
    expect(frontDrivers.size).toBeLessThan(8);
  });
});
