// The engine on the bundled Kosovo cases: every answer well-formed and consistent with the others.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../model/load.ts';
import { index } from '../model/dataset.ts';
import { analyzeCase } from './analyze.ts';
import { monteCarlo } from './oracles/montecarlo.ts';
import { setupCase } from './setup.ts';

const ix = index(loadDataset());
const ASOF = '2025-06-01';

describe.each(ix.data.cases.map((c) => [`${c.candidate} × ${c.organization}`, c] as const))('%s', (_, c) => {
  const a = analyzeCase(ix, c, ASOF, {}, { power: true });

  it('gives probabilities in [0, 1], admission no likelier than its least likely stage', () => {
    expect(a.probability).toBeGreaterThanOrEqual(0);
    expect(a.probability).toBeLessThanOrEqual(1);
    const stages = Object.values(a.stageProbabilities);
    expect(stages.length).toBe(a.evaluation.stages.length);
    for (const p of stages) expect(p >= 0 && p <= 1).toBe(true);
    expect(a.probability).toBeLessThanOrEqual(Math.min(...stages) + 1e-12);
  });

  it('agrees with Monte Carlo', () => {
    const mc = monteCarlo(setupCase(ix, c, ASOF), {}, 20000, 3);
    const se = Math.max(mc.se, Math.sqrt((a.probability * (1 - a.probability)) / 20000), 1e-9);
    expect(Math.abs(a.probability - mc.p)).toBeLessThan(4 * se + 1e-9);
  });

  it('weighs each driver: P(admission) lies between P(· | true) and P(· | false)', () => {
    expect(a.sensitivity.length).toBe(c.drivers.length);
    for (const s of a.sensitivity) {
      expect(a.probability).toBeGreaterThanOrEqual(Math.min(s.whenTrue, s.whenFalse) - 1e-12);
      expect(a.probability).toBeLessThanOrEqual(Math.max(s.whenTrue, s.whenFalse) + 1e-12);
    }
  });

  it('says what it takes: passing stages need nothing; applying the changes makes the stage pass', () => {
    for (const p of a.whatItTakes.stages) {
      if (p.passes) expect(p.changes).toEqual([]);
      else if (p.feasible) expect(p.changes.length).toBeGreaterThan(0);
    }
    const d = a.whatItTakes.driverPlan;
    expect(d.reached).toBe(d.probability >= 0.5);
    if (d.settings.length) {
      const set = Object.fromEntries(d.settings.map((s) => [s.driver, s.value]));
      expect(Math.abs(analyzeCase(ix, c, ASOF, set).probability - d.probability)).toBeLessThan(1e-12);
    }
  });

  it('gives power that sums to 1 per stage whose members are known', () => {
    for (const rows of Object.values(a.power ?? {})) {
      const ss = rows.reduce((x, r) => x + r.shapleyShubik, 0);
      const bz = rows.reduce((x, r) => x + r.banzhaf, 0);
      if (rows.some((r) => r.banzhafRaw > 0)) {
        expect(Math.abs(ss - 1)).toBeLessThan(1e-9);
        expect(Math.abs(bz - 1)).toBeLessThan(1e-9);
      }
    }
  });
});
