// P(admission) over time: the same case recomputed on 1 January of each year up to the as-of day, under the
// drivers as set. The engine's tables for each day are built in the background, one day per task, after
// the page is on screen; a driver toggle only re-weighs them.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import type { Assignment } from '../../src/model/drivers.ts';
import type { CaseData } from '../../src/model/schema.ts';
import { caseNotApplicable } from '../../src/model/asof.ts';
import { hasHistoryTables, historyDays, historyTables, historyTooCostly, probabilityFrom } from '../compute.ts';
import { longDate, pct } from '../format.ts';

export interface HistoryProps {
  ix: Indexed;
  c: CaseData;
  asOf: string;
  fixed: Assignment;
  onPick: (day: string) => void;
}

const W = 260;
const H = 56;
const PAD = 4;

export function History({ ix, c, asOf, fixed, onPick }: HistoryProps) {
  // The days and whether the chart is drawn depend on the case and the day, not on the drivers a
  // toggle sets (worked out once, not on every toggle).
  const { days, costly } = useMemo(() => {
    const since = firstYear(ix, c);
    // Days before the organization or the candidate existed have no answer (the engine refuses them).
    const org = ix.organization(c.organization)!;
    const candidate = ix.state(c.candidate);
    return {
      days: historyDays(asOf, since).filter((d) => d === asOf || !caseNotApplicable(org, candidate, d)),
      costly: historyTooCostly(ix, c, asOf),
    };
  }, [ix, c, asOf]);
  const [, ready] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const todo = costly ? [] : days.filter((d) => !hasHistoryTables(ix, c, d)).reverse();
    let t: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      const d = todo.shift();
      if (!d || cancelled) return;
      historyTables(ix, c, d);
      ready((n) => n + 1);
      t = setTimeout(next, 0);
    };
    t = setTimeout(next, 0);
    return () => {
      cancelled = true;
      if (t) clearTimeout(t);
    };
  }, [ix, c, asOf]);

  if (costly) {
    return (
      <div class="history" data-testid="history">
        <span class="hl-label">Over time</span>
        <span class="hl-sub">
          not drawn: {costly.drivers} drivers bear on this case, so each year's tables would take seconds; pick a day with “as of” instead
        </span>
      </div>
    );
  }
  const points = days.filter((d) => hasHistoryTables(ix, c, d)).map((d) => ({ day: d, p: probabilityFrom(historyTables(ix, c, d), fixed) }));
  if (days.length < 2) return null;
  // Small probabilities are drawn on a log scale, so that 0.001% → 0.1% is visible, not a flat line at 0.
  const top = Math.max(...points.map((x) => x.p), 0);
  const log = top > 0 && top < 0.05;
  const positive = points.map((x) => x.p).filter((p) => p > 0);
  const floor = log ? Math.max(1e-9, Math.min(...positive, top) / 3) : 0;
  const max = log ? top * 1.5 : Math.max(0.05, top);
  const x = (day: string) => PAD + ((W - 2 * PAD) * days.indexOf(day)) / (days.length - 1);
  const y = (p: number) => {
    const f = log ? (Math.log10(Math.max(p, floor)) - Math.log10(floor)) / (Math.log10(max) - Math.log10(floor)) : p / max;
    return H - PAD - (H - 2 * PAD) * f;
  };
  const line = points.map((pt, i) => `${i ? 'L' : 'M'}${x(pt.day).toFixed(1)},${y(pt.p).toFixed(1)}`).join('');
  const done = points.length === days.length;
  return (
    <div class="history" data-testid="history">
      <span class="hl-label">Over time{done ? '' : ' (computing…)'}</span>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`P(admission) on 1 January of each year from ${days[0].slice(0, 4)}${log ? ' (log scale)' : ''}`}>
        <line class="axis" x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} />
        <path class="trend" d={line} />
        {points.map((pt) => (
          <circle key={pt.day} class={pt.day === asOf ? 'now' : ''} cx={x(pt.day)} cy={y(pt.p)} r={pt.day === asOf ? 3.5 : 2.5} onClick={() => onPick(pt.day)}>
            <title>
              {longDate(pt.day)}: {pct(pt.p)}
            </title>
          </circle>
        ))}
      </svg>
      <span class="history-scale">
        <span>{days[0].slice(0, 4)}</span>
        <span>{log ? `log scale · max ${short(top)}` : `scale 0–${pct(max)}`}</span>
        <span>{asOf.slice(0, 4)}</span>
      </span>
      <ol class="visually-hidden">
        {points.map((pt) => (
          <li key={pt.day}>
            {longDate(pt.day)}: {pct(pt.p)}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The first year worth showing: the candidate's earliest recognition, or twenty years back. */
function firstYear(ix: Indexed, c: CaseData): number {
  const dates = (ix.recognitions(c.candidate)?.recognitions ?? []).map((r) => r.date).filter((d): d is string => !!d).sort();
  return dates.length ? Number(dates[0].slice(0, 4)) : 0;
}

/** 0.00017 → "0.017%": two significant digits, for a small scale label. */
function short(p: number): string {
  return p >= 0.001 ? pct(p) : `${Number((p * 100).toPrecision(2))}%`;
}
