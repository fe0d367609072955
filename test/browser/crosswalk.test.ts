// The map's code crosswalk: it matches the atlas shape for shape, and every member of every organization
// in the datasets can be found on the map (or is listed as drawn by a dot).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/model/load.ts';
import { atlasPath } from '../../src/site/bundle.ts';
import { codeOf, CROSSWALK, NOT_IN_ATLAS, shapesOf, TOO_SMALL } from '../../web/map/crosswalk.ts';
import { fixtureDataset } from '../api/helpers.ts';

const atlas = JSON.parse(readFileSync(atlasPath(), 'utf8')) as {
  objects: { countries: { geometries: Array<{ id: string; properties: { name: string; a3: string } }> } };
};
const geometries = atlas.objects.countries.geometries;

describe('crosswalk', () => {
  it('has one row per atlas shape, with the same id, a3 and name', () => {
    expect(CROSSWALK).toHaveLength(geometries.length);
    for (const g of geometries) {
      const row = CROSSWALK.find((r) => r.a3 === g.properties.a3);
      expect(row, g.properties.a3).toBeDefined();
      expect(row).toMatchObject({ id: String(g.id), name: g.properties.name });
    }
    expect(new Set(CROSSWALK.map((r) => r.a3)).size).toBe(CROSSWALK.length);
  });

  it('maps Kosovo (visionscarto id -2, a3 XKX) to XK, apart from Serbia', () => {
    expect(codeOf({ id: '-2', properties: { a3: 'XKX' } })).toBe('XK');
    expect(codeOf({ id: '-2' })).toBe('XK');
    expect(codeOf({ id: '688', properties: { a3: 'SRB' } })).toBe('RS');
    expect(shapesOf('XK').map((s) => s.a3)).toEqual(['XKX']);
  });

  it('uses two-letter codes only, and draws each state with at most a few shapes', () => {
    for (const r of CROSSWALK) if (r.code !== null) expect(r.code, r.a3).toMatch(/^[A-Z]{2}$/);
    for (const code of new Set(CROSSWALK.map((r) => r.code).filter(Boolean))) expect(shapesOf(code!).length, code!).toBeLessThanOrEqual(2);
  });

  const datasets: Array<[string, () => ReturnType<typeof fixtureDataset>]> = [
    ['the bundled dataset', () => loadDataset()],
    ['the test fixture', fixtureDataset],
  ];
  for (const [name, load] of datasets) {
    it(`finds every member of every organization of ${name} on the map`, () => {
      const data = load();
      const onMap = new Set(CROSSWALK.map((r) => r.code));
      const missing: string[] = [];
      for (const org of data.organizations) {
        for (const m of org.members) if (!onMap.has(m.state) && !(m.state in NOT_IN_ATLAS)) missing.push(`${org.id}:${m.state}`);
      }
      for (const c of data.cases) if (!onMap.has(c.candidate) && !(c.candidate in NOT_IN_ATLAS)) missing.push(`candidate:${c.candidate}`);
      expect(missing).toEqual([]);
    });
  }

  it('lists as too small only states that exist on the map', () => {
    const onMap = new Set(CROSSWALK.map((r) => r.code));
    for (const code of TOO_SMALL) expect(onMap.has(code) || code in NOT_IN_ATLAS, code).toBe(true);
  });
});
