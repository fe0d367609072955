// The session computes each table when a question first needs it: P(admission), the sensitivity and
// the driver plan come from the whole procedure's table alone; a stage's own table is computed when its
// P is first asked for, and gives what a session that computed every table before gives.
import { describe, expect, it } from 'vitest';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import { procedureTable, stageTableOf, tableStages } from './prepare.ts';
import { createSession } from './session.ts';
import { setupCase } from './setup.ts';

const ix = index(loadDataset());

describe('a session', () => {
  it('answers P(admission) before any stage table, and each stage once asked, as when all come first', () => {
    const c = ix.case('XK', 'nato')!;
    const day = '2026-01-01';
    const fixed = c.drivers.length ? { [c.drivers[0].id]: true } : {};
    const lazy = createSession(setupCase(ix, c, day));
    const probability = lazy.probability(fixed);
    const sensitivity = lazy.sensitivity(fixed);
    const plan = lazy.driverPlan(fixed);
    expect(lazy.prepared.modeled.length).toBeGreaterThan(1);
    expect(lazy.prepared.stageTables.size).toBe(0);
    const stages = lazy.stageProbabilities(fixed);
    expect(lazy.prepared.stageTables.size).toBe(lazy.prepared.modeled.length);

    const eager = createSession(setupCase(ix, c, day));
    const all = eager.stageProbabilities({});
    expect(eager.prepared.stageTables.size).toBe(eager.prepared.modeled.length);
    expect(Object.keys(all)).toEqual(Object.keys(stages));
    const a = eager.analyze(fixed);
    expect(a.probability).toBe(probability);
    expect(a.stageProbabilities).toEqual(stages);
    expect(a.sensitivity).toEqual(sensitivity);
    expect(a.whatItTakes.driverPlan).toEqual(plan);
  });

  it("takes tables computed apart (as the web page's worker does) and answers exactly as when it computes them", () => {
    const c = ix.case('XK', 'nato')!;
    const day = '2026-01-01';
    const fixed = { [c.drivers[0].id]: false };
    const own = createSession(setupCase(ix, c, day)).analyze(fixed);
    // Apart: from a setup of its own, as the worker makes one from its copy of the dataset.
    const apart = setupCase(ix, c, day);
    const seeded = createSession(setupCase(ix, c, day));
    expect(seeded.isPrepared).toBe(false);
    seeded.seed({ procedure: procedureTable(apart) });
    expect(seeded.isPrepared).toBe(false);
    expect(seeded.probability(fixed)).toBe(own.probability);
    expect(seeded.isPrepared).toBe(true);
    expect(seeded.isComplete).toBe(false);
    const stages = tableStages(apart);
    expect(stages.length).toBeGreaterThan(1);
    seeded.seed({ stages: Object.fromEntries(stages.map((id) => [id, stageTableOf(apart, id)!])) });
    expect(seeded.isComplete).toBe(true);
    expect(seeded.analyze(fixed)).toEqual(own);
  });
});
