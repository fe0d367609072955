// The browser's split computation gives exactly what the engine's analyzePrepared gives.
import { describe, expect, it } from 'vitest';
import { analyzePrepared } from '../../src/engine/analyze.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { compute, prepare, stanceChangesFor } from '../../web/compute.ts';
import { fixtureDataset } from './helpers.ts';

describe('web/compute', () => {
  const datasets = [
    ['the fixture', fixtureDataset()],
    ['the bundled dataset', loadDataset()],
  ] as const;
  for (const [name, data] of datasets) {
    it(`matches analyzePrepared on every case of ${name}, under several driver settings`, () => {
      const ix = index(data);
      for (const c of data.cases) {
        for (const asOf of ['2024-06-01', '2026-01-01']) {
          const p = prepare(ix, c, asOf);
          const settings = [{}, ...c.drivers.flatMap((d) => [{ [d.id]: true }, { [d.id]: false }])];
          if (c.drivers.length > 1) settings.push({ [c.drivers[0].id]: true, [c.drivers[1].id]: false });
          for (const fixed of settings) {
            const a = analyzePrepared(p.session.prepared, fixed);
            const d = compute(ix, p, fixed);
            const where = `${c.candidate}/${c.organization} ${asOf} ${JSON.stringify(fixed)}`;
            expect(d.evaluation, where).toEqual(a.evaluation);
            expect(d.probability, where).toBe(a.probability);
            expect(d.stageProbabilities, where).toEqual(p.setup.stages.map((s) => a.stageProbabilities[s.stage.id]));
            expect(d.sensitivity, where).toEqual(a.sensitivity);
            expect(d.driverPlan, where).toEqual(a.whatItTakes.driverPlan);
            const changes = stanceChangesFor(p, d.evaluation);
            expect(changes.stages, where).toEqual(a.whatItTakes.stages);
            expect(changes.procedure, where).toEqual(a.whatItTakes.procedure);
          }
        }
      }
    });
  }
});
