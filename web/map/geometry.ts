// Map geometry: projections and SVG paths, computed once per view and reused on every repaint
// (a repaint only changes colors). Europe is the default view: on a world map Kosovo is 4 px wide.
import { geoAzimuthalEqualArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapView } from '../../src/case/permalink.ts';
import { codeOf, NOT_IN_ATLAS, TOO_SMALL } from './crosswalk.ts';

export const WIDTH = 960;
export const HEIGHTS: Record<MapView, number> = { europe: 620, world: 500 };

export interface Shape {
  /** Our state code, or null for shapes that are no state's. */
  code: string | null;
  name: string;
  d: string;
  /** Projected centroid, for dots and keyboard tooltips. */
  cx: number;
  cy: number;
  /** Projected area in px² (0 when off the view). */
  area: number;
}

export interface Dot {
  code: string;
  name: string;
  cx: number;
  cy: number;
}

export interface MapGeometry {
  view: MapView;
  width: number;
  height: number;
  shapes: Shape[];
  /** Tiny states drawn as dots so they can be seen, hovered and focused. */
  dots: Dot[];
  /** Disputed boundaries (Kosovo–Serbia), drawn dashed. */
  disputed: string;
  outline: string;
}

type Countries = GeometryCollection<{ name: string; a3: string }>;
export type Atlas = Topology<{ countries: Countries; land: GeometryCollection }>;

function projectionFor(view: MapView, height: number): GeoProjection {
  if (view === 'world') {
    return geoEqualEarth().fitExtent(
      [
        [8, 8],
        [WIDTH - 8, height - 8],
      ],
      { type: 'Sphere' } as never,
    );
  }
  // Lambert azimuthal equal-area centred on Europe (as the EEA and Eurostat draw it), fitted to
  // Iceland–the Caucasus and North Africa–the North Cape.
  const p = geoAzimuthalEqualArea().rotate([-14, -52]);
  const frame: Feature<Geometry> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPoint', coordinates: [[-24, 63], [-10, 35], [25, 34.5], [45, 38], [50, 41], [30, 70.5], [5, 70], [-9, 35]] },
  };
  return p.fitExtent(
    [
      [10, 10],
      [WIDTH - 10, height - 10],
    ],
    frame,
  );
}

export function buildGeometry(atlas: Atlas, view: MapView): MapGeometry {
  const height = HEIGHTS[view];
  const projection = projectionFor(view, height);
  if (view === 'europe') projection.clipExtent([[0, 0], [WIDTH, height]]);
  const path = geoPath(projection).digits(1);
  const fc = feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, { name: string; a3: string }>;
  const shapes: Shape[] = [];
  for (const f of fc.features) {
    if (view === 'world' && f.properties.a3 === 'ATA') continue; // Antarctica: space, not information
    const d = path(f) ?? '';
    if (!d) continue;
    const code = codeOf({ id: f.id as string, properties: f.properties });
    const [cx, cy] = projection(geoCentroid(f)) ?? [NaN, NaN];
    shapes.push({ code, name: f.properties.name, d, cx, cy, area: path.area(f) });
  }
  // Largest first, so small shapes are drawn on top and stay hoverable.
  shapes.sort((a, b) => b.area - a.area);

  const small = new Set(TOO_SMALL);
  const dots: Dot[] = [];
  const inView = (x: number, y: number) => x >= 0 && y >= 0 && x <= WIDTH && y <= height;
  const seen = new Set<string>();
  for (const s of shapes) {
    if (!s.code || seen.has(s.code)) continue;
    const tiny = s.area < (view === 'world' ? 6 : 30);
    if ((small.has(s.code) && s.area < 400) || tiny) {
      // One dot per state, at its largest shape.
      const main = shapes.filter((x) => x.code === s.code).sort((a, b) => b.area - a.area)[0];
      if (Number.isFinite(main.cx) && inView(main.cx, main.cy)) {
        dots.push({ code: s.code, name: s.name, cx: main.cx, cy: main.cy });
        seen.add(s.code);
      }
    }
  }
  for (const [code, v] of Object.entries(NOT_IN_ATLAS)) {
    const p = projection(v.at);
    if (p && inView(p[0], p[1])) dots.push({ code, name: v.name, cx: p[0], cy: p[1] });
  }

  const isKosovoSerbia = (a: { properties?: { a3?: string } | null }, b: { properties?: { a3?: string } | null }) => {
    const x = a.properties?.a3;
    const y = b.properties?.a3;
    return (x === 'XKX' && y === 'SRB') || (x === 'SRB' && y === 'XKX');
  };
  const border = mesh(atlas, atlas.objects.countries, isKosovoSerbia as never) as MultiLineString;
  return {
    view,
    width: WIDTH,
    height,
    shapes,
    dots,
    disputed: path(border) ?? '',
    outline: path({ type: 'Sphere' } as never) ?? '',
  };
}
