// Loads the atlas once and keeps each view's geometry, so switching views or stages never recomputes paths.
import type { MapView } from '../../src/case/permalink.ts';
import { type Atlas, buildGeometry, type MapGeometry } from './geometry.ts';

let atlasPromise: Promise<Atlas> | undefined;
const geometries = new Map<MapView, MapGeometry>();

export function loadAtlas(root: string, version: string): Promise<Atlas> {
  if (!atlasPromise) {
    atlasPromise = fetch(`${root}assets/atlas.json?v=${version}`).then((r) => {
      if (!r.ok) throw new Error(`the map could not be loaded (${r.status})`);
      return r.json() as Promise<Atlas>;
    });
    atlasPromise.catch(() => {
      atlasPromise = undefined;
    });
  }
  return atlasPromise;
}

export function geometryFor(atlas: Atlas, view: MapView): MapGeometry {
  let g = geometries.get(view);
  if (!g) {
    g = buildGeometry(atlas, view);
    geometries.set(view, g);
  }
  return g;
}
