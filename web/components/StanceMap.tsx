// The map: each member colored by its stance at the selected stage. Europe by default, the world on demand.
// Geometry is computed once per view; a repaint only changes class names.
import { OVERALL, SCENARIO, SCENARIO_DEFINITION } from '../../src/case/wording.ts';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import type { MapView } from '../../src/case/permalink.ts';
import { type EvidenceRef, resolveEvidence, type SourceTable, type VoterView } from '../../src/case/views.ts';
import { longDate, pct, RECOGNITION_LABEL } from '../format.ts';
import type { MapGeometry } from '../map/geometry.ts';
import { CATEGORIES, type Category, type MapEntry } from '../map/stance.ts';
import { memo } from '../memo.ts';
import { navigate, href } from '../router.ts';

export interface StanceMapProps {
  ix: Indexed;
  candidate: string;
  geometry: MapGeometry | undefined;
  error?: string;
  entries: Map<string, MapEntry>;
  stageName: string;
  view: MapView;
  onView: (v: MapView) => void;
  /** Each state's stance evidence, citing `sources`. */
  evidence: Record<string, EvidenceRef[]>;
  sources: SourceTable;
  driverNames: Record<string, string>;
  /** Why a state's membership or recognition on the day is not checked (only the doubtful ones). */
  unverified?: Record<string, string[]>;
}

interface Hover {
  code: string;
  x: number;
  y: number;
}

const LABEL: Record<Category, string> = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label])) as Record<Category, string>;

export function StanceMap(props: StanceMapProps) {
  const { ix, candidate, geometry, entries, view } = props;
  const [hover, setHover] = useState<Hover | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const counts = useMemo(() => {
    const n = new Map<Category, number>();
    for (const [code, e] of entries) if (code !== candidate) n.set(e.category, (n.get(e.category) ?? 0) + 1);
    return n;
  }, [entries, candidate]);

  // Members with no visible shape in this view (the United States on the Europe map).
  const offView = useMemo(() => {
    if (!geometry) return [];
    const visible = new Set<string>();
    for (const s of geometry.shapes) if (s.code && s.area > 0.5) visible.add(s.code);
    for (const d of geometry.dots) visible.add(d.code);
    return [...entries.entries()].filter(([code, e]) => !visible.has(code) && e.category !== 'outside').map(([code, e]) => ({ code, e }));
  }, [geometry, entries]);

  const dotCodes = useMemo(() => new Set(geometry?.dots.map((d) => d.code) ?? []), [geometry]);

  const classOf = (code: string | null): string => {
    const e = code ? entries.get(code) : undefined;
    return `c-${e ? e.category : 'outside'}`;
  };

  const place = (code: string, clientX?: number, clientY?: number) => {
    const el = box.current;
    if (!el || !geometry) return;
    const rect = el.getBoundingClientRect();
    let x: number;
    let y: number;
    if (clientX !== undefined && clientY !== undefined) {
      x = clientX - rect.left;
      y = clientY - rect.top;
    } else {
      const scale = rect.width / geometry.width;
      const shape = geometry.dots.find((d) => d.code === code) ?? geometry.shapes.find((s) => s.code === code);
      x = (shape?.cx ?? 0) * scale;
      y = (shape?.cy ?? 0) * scale;
    }
    setHover({ code, x, y });
  };

  const codeAt = (t: EventTarget | null): string | null => (t instanceof Element ? t.getAttribute('data-code') : null);

  const focusable = (code: string | null, isDot: boolean): boolean => {
    if (!code) return false;
    const e = entries.get(code);
    if (!e || e.category === 'outside') return false;
    return isDot || !dotCodes.has(code);
  };
  const seenFocus = new Set<string>();
  const aria = (code: string) => {
    const e = entries.get(code);
    const name = ix.state(code)?.name ?? code;
    if (!e) return name;
    const v = e.voter;
    return `${name}: ${LABEL[e.category]} in ${SCENARIO}${v ? `; yes ${pct(v.dist.yes)} ${OVERALL}` : ''}`;
  };

  return (
    <div class="map-block">
      <svg class="map-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          <pattern id="p-no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#8a8a8a" stroke-width="2" />
          </pattern>
          <pattern id="p-outside" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
            <rect width="7" height="7" fill="#f2f0ea" />
            <line x1="0" y1="0" x2="0" y2="7" stroke="#e2ded3" stroke-width="1.2" />
          </pattern>
          <pattern id="p-not-voting" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" fill="#e9e7e1" />
            <circle cx="2.5" cy="2.5" r="0.9" fill="#9d9a92" />
          </pattern>
        </defs>
      </svg>
      <div class="map-controls">
        <div class="seg-control" role="radiogroup" aria-label="Map region">
          {(['europe', 'world'] as const).map((v) => (
            <label key={v} class={view === v ? 'on' : ''}>
              <input type="radio" name="map-view" value={v} checked={view === v} onChange={() => props.onView(v)} />
              {v === 'europe' ? 'Europe' : 'World'}
            </label>
          ))}
        </div>
        <a class="skip-map" href="#voters-table">
          Skip the map: table of voters
        </a>
      </div>
      <div
        class="map"
        ref={box}
        onMouseOver={(e) => {
          const code = codeAt(e.target);
          if (code) place(code, e.clientX, e.clientY);
        }}
        onMouseMove={(e) => {
          const code = codeAt(e.target);
          if (code && hover) place(code, e.clientX, e.clientY);
        }}
        onMouseLeave={() => setHover(null)}
        onFocusIn={(e) => {
          const code = codeAt(e.target);
          if (code) place(code);
        }}
        onFocusOut={() => setHover(null)}
        onKeyDown={(e) => {
          const code = codeAt(e.target);
          if (code && e.key === 'Enter' && ix.state(code)) navigate(href(`state/${code}`));
          if (e.key === 'Escape') setHover(null);
        }}
        onClick={(e) => {
          const code = codeAt(e.target);
          if (code && ix.state(code)) navigate(href(`state/${code}`));
        }}
      >
        {!geometry ? (
          <div class={`map-placeholder ${view}`} role="status">
            {props.error ?? 'Loading the map…'}
          </div>
        ) : (
          <svg
            viewBox={`0 0 ${geometry.width} ${geometry.height}`}
            role="group"
            aria-label={`Map of ${view === 'europe' ? 'Europe' : 'the world'}: each member's stance at the stage “${props.stageName}”`}
            data-view={view}
          >
            <path class="sphere" d={geometry.outline} />
            <g class="shapes">
              {geometry.shapes.map((s, i) => {
                const f = focusable(s.code, false) && !seenFocus.has(s.code!);
                if (f) seenFocus.add(s.code!);
                return <Shape key={i} d={s.d} cls={classOf(s.code)} code={s.code} label={f ? aria(s.code!) : undefined} />;
              })}
            </g>
            <path class="disputed" d={geometry.disputed} />
            <g class="dots">
              {geometry.dots.map((d) => {
                const cls = classOf(d.code);
                if (cls === 'c-outside' && d.code !== candidate) return null;
                const f = focusable(d.code, true);
                return <Dot key={d.code} cx={d.cx} cy={d.cy} r={view === 'world' ? 3 : 4.5} cls={cls} code={d.code} label={f ? aria(d.code) : undefined} />;
              })}
            </g>
            <CandidateMarker geometry={geometry} code={candidate} name={ix.state(candidate)?.name ?? candidate} />
          </svg>
        )}
        {hover && geometry && <Tooltip {...props} hover={hover} width={box.current?.clientWidth ?? 600} height={box.current?.clientHeight ?? 400} />}
      </div>
      <Legend counts={counts} />
      {offView.length > 0 && offView.length <= 12 && (
        <p class="offview">
          Not visible in this view:{' '}
          {offView.map(({ code, e }, i) => (
            <span key={code}>
              {i > 0 && ', '}
              <a href={href(`state/${code}`)}>{ix.state(code)?.name ?? code}</a> ({LABEL[e.category].toLowerCase()})
            </span>
          ))}
          .
        </p>
      )}
      {offView.length > 12 && (
        <p class="offview">
          {offView.length} members are outside this view ({summarize(offView.map((x) => x.e.category))}).{' '}
          {view === 'europe' && (
            <button type="button" class="linklike" onClick={() => props.onView('world')}>
              Show the world
            </button>
          )}
        </p>
      )}
    </div>
  );
}

/**
 * One member's shape, drawn again only when its colour or label changed (a toggle changes a few of the
 * map's hundreds). Focusable (with a label) when it is the member's first shape; focus shows the
 * tooltip through the map's focusin handler.
 */
const Shape = memo(function Shape({ d, cls, code, label }: { d: string; cls: string; code: string | null; label: string | undefined }) {
  return <path d={d} class={cls} data-code={code ?? undefined} tabindex={label ? 0 : undefined} role={label ? 'img' : undefined} aria-label={label} />;
});

/** A small member's dot, as Shape. */
const Dot = memo(function Dot({ cx, cy, r, cls, code, label }: { cx: number; cy: number; r: number; cls: string; code: string; label: string | undefined }) {
  return <circle cx={cx} cy={cy} r={r} class={`dot ${cls}`} data-code={code} tabindex={label ? 0 : undefined} role={label ? 'img' : undefined} aria-label={label} />;
});

function summarize(cats: Category[]): string {
  const n = new Map<Category, number>();
  for (const c of cats) n.set(c, (n.get(c) ?? 0) + 1);
  return CATEGORIES.filter((c) => n.get(c.id))
    .map((c) => `${n.get(c.id)} ${c.label.toLowerCase()}`)
    .join(', ');
}

function CandidateMarker({ geometry, code, name }: { geometry: MapGeometry; code: string; name: string }) {
  const shape = geometry.shapes.filter((s) => s.code === code).sort((a, b) => b.area - a.area)[0];
  if (!shape || !Number.isFinite(shape.cx)) return null;
  const { cx, cy } = shape;
  if (cx < 0 || cy < 0 || cx > geometry.width || cy > geometry.height) return null;
  const r = geometry.view === 'world' ? 7 : 14;
  return (
    <g class="candidate-marker" aria-hidden="true">
      <circle cx={cx} cy={cy} r={r} />
      <line x1={cx + r * 0.7} y1={cy + r * 0.7} x2={cx + r * 2.2} y2={cy + r * 2.4} />
      <text x={cx + r * 2.3} y={cy + r * 2.4 + 12}>
        {name}
      </text>
    </g>
  );
}

function Legend({ counts }: { counts: Map<Category, number> }) {
  return (
    <ul class="legend" aria-label="Legend" title={`Colours: each member's position in ${SCENARIO} (${SCENARIO_DEFINITION})`}>
      <li class="legend-title">Position in {SCENARIO}:</li>
      {CATEGORIES.map((c) => (
        <li key={c.id} title={c.help} class={counts.get(c.id) || c.id === 'candidate' || c.id === 'outside' ? '' : 'zero'}>
          <svg width="16" height="12" aria-hidden="true">
            <rect width="16" height="12" class={`c-${c.id}`} />
          </svg>
          {c.label}
          {c.id !== 'candidate' && c.id !== 'outside' && <span class="n">{counts.get(c.id) ?? 0}</span>}
        </li>
      ))}
    </ul>
  );
}

function Tooltip(props: StanceMapProps & { hover: Hover; width: number; height: number }) {
  const { ix, hover, entries, candidate, evidence } = props;
  const code = hover.code;
  const e = entries.get(code);
  const name = ix.state(code)?.name ?? code;
  const v: VoterView | undefined = e?.voter;
  const stance = e?.stance;
  const first = evidence[code]?.[0];
  const ev = first && resolveEvidence(first, props.sources);
  const left = hover.x > props.width * 0.6;
  const up = hover.y > props.height * 0.55;
  return (
    <div
      class="tooltip"
      role="tooltip"
      data-testid="map-tooltip"
      style={{
        left: `${left ? hover.x - 12 : hover.x + 12}px`,
        top: `${up ? hover.y - 12 : hover.y + 12}px`,
        transform: `translate(${left ? '-100%' : '0'}, ${up ? '-100%' : '0'})`,
      }}
    >
      <p class="tt-name">{name}</p>
      {code === candidate ? (
        <p>the candidate</p>
      ) : !e || e.category === 'outside' ? (
        <p>not a member on this day</p>
      ) : e.category === 'not-voting' ? (
        <p>member; does not vote at this stage</p>
      ) : (
        <>
          <p class={`tt-cat c-text-${e.category}`}>
            {LABEL[e.category]} in {SCENARIO}
          </p>
          {v && stance && stance.origin !== 'none' && (
            <p class="tt-dist">
              {OVERALL}: yes {pct(v.dist.yes)} · no {pct(v.dist.no)}
              {v.dist.abstain > 0.005 ? ` · abstain ${pct(v.dist.abstain)}` : ''}
              {v.dist.absent > 0.005 ? ` · absent ${pct(v.dist.absent)}` : ''}
              {v.seats > 1 ? ` (${v.seats} seats)` : ''}
            </p>
          )}
          {v && stance && (
            <p class="tt-origin">
              {stance.origin === 'stance'
                ? 'stance recorded for this state'
                : stance.origin === 'default'
                  ? `default for states that ${RECOGNITION_LABEL[v.recognition]?.split(' (')[0] ?? v.recognition} ${ix.state(candidate)?.name ?? candidate}`
                  : 'no stance recorded and no default'}
              {stance.drivers.length > 0 && `; depends on ${stance.drivers.map((d) => props.driverNames[d] ?? d).join('; ')}`}
            </p>
          )}
          {props.unverified?.[code] && <p class="tt-unverified">{props.unverified[code].join('; ')}</p>}
          {ev && (
            <p class="tt-source">
              {ev.quote ? <q>{ev.quote.length > 140 ? `${ev.quote.slice(0, 140)}…` : ev.quote}</q> : null} <cite>{[ev.speaker, ev.outlet ?? ev.title, longDate(ev.date)].filter(Boolean).join(', ')}</cite>
            </p>
          )}
        </>
      )}
    </div>
  );
}
