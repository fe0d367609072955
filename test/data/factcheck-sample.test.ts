// The fact-check sample is reproducible (same seed, same facts), draws without repeats, and only
// from verified facts that rest on a bare URL.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/model/load.ts';
import { pool, sample } from '../../scripts/factcheck-sample.ts';

const data = loadDataset();

describe('factcheck-sample', () => {
  it('draws the same facts for the same seed, different ones for another, never one twice', () => {
    const all = pool(data);
    const a = sample(all, 20, 20261207);
    expect(sample(all, 20, 20261207)).toEqual(a);
    expect(sample(all, 20, 20261208)).not.toEqual(a);
    expect(new Set(a.map((f) => f.where)).size).toBe(20);
    expect(sample([1, 2, 3], 10, 1).sort()).toEqual([1, 2, 3]);
  });

  it('pools only facts resting on a bare URL (a re-checked fact with a quoted passage leaves the pool)', () => {
    const all = pool(data);
    expect(all.length).toBeGreaterThan(100);
    for (const f of all) expect(f.urls.length, f.where).toBeGreaterThan(0);
    // Confirmed in the seed-20261207 sample: it now carries its passage, so it is not drawn again.
    expect(all.some((f) => f.where === 'states.yaml CH')).toBe(false);
    expect(all.some((f) => f.where === 'states.yaml FR')).toBe(true);
  });
});
