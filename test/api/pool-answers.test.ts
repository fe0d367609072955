// The pool's workers keep each case prepared per day and re-weigh it for each driver setting: their
// answers must be the bytes the server thread computes from nothing, for any setting and day, in any
// order (a prepared case reused across settings, days evicted and prepared again).
import { afterAll, describe, expect, it } from 'vitest';
import { randomQuery } from '../../bench/random-query.ts';
import { rng } from '../../src/engine/random.ts';
import { createApp } from '../../src/server/app.ts';
import { poolComputer } from '../../src/server/pool.ts';
import { FAKE_ASSETS, fixtureDataset } from './helpers.ts';

const base = { dataset: fixtureDataset(), writable: false, assets: FAKE_ASSETS, today: () => '2026-06-01' };

describe('pool answers under random settings and days', () => {
  const pool = poolComputer(fixtureDataset(), { threads: 1 });
  afterAll(() => pool.close());

  it('equal the server thread\'s, byte for byte', async () => {
    const inline = createApp(base);
    const pooled = createApp({ ...base, computer: pool });
    const next = rng(13);
    const days = ['2010-01-01', '2016-07-01', '2020-03-15', '2024-05-01', '2026-01-01'];
    let compared = 0;
    for (const c of base.dataset.cases) {
      const drivers = c.drivers.map((d) => d.id);
      for (let i = 0; i < 24; i++) {
        const q = randomQuery(drivers, days, next);
        const kind = i % 6 === 5 ? '.csv' : i % 6 === 4 ? '.json' : '';
        const path = `/api/cases/${c.candidate}/${c.organization}${kind}?${q}`;
        const [a, b] = await Promise.all([inline.request(`http://localhost${path}`), pooled.request(`http://localhost${path}`)]);
        expect(b.status, path).toBe(a.status);
        expect(await b.text(), path).toBe(await a.text());
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(48);
  }, 120_000);
});
