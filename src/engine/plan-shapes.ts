// The first phase of a plan: along the order of units, the window of still-undecided partial sums of
// every constraint after every unit (its Shape). A window is bounded both by what the units taken can
// add up to and by what the units left can still change; with large weights, only the sums some
// choice of positions actually reaches get a class.
import type { Problem } from './problem.ts';
import type { Shape } from './tables.ts';

/** A unit's coefficients in one constraint: [lowest, highest, per position]. */
export type Coef = [number, number, number[]];

export interface LayerShapes {
  /** shapes[k][c]: constraint c's window after k units. */
  shapes: Shape[][];
  /** coefs[k]: the k-th unit's coefficients, by constraint. */
  coefs: Array<Map<number, Coef>>;
  /** Per stage, the step of its last unit (−1: none); the stage is complete after it. */
  lastTouch: Int32Array;
}

/** Ranges of every constraint's partial sum: what the units taken can add (pre) and the units left (suf). */
interface Bounds {
  preMin: Float64Array;
  preMax: Float64Array;
  sufMin: Float64Array;
  sufMax: Float64Array;
  /** Which partial sums some choice of positions reaches, over [preMin, preMax], when not all do. */
  reach: Array<Uint8Array | undefined>;
}

export function layerShapes(problem: Problem, order: number[]): LayerShapes {
  const K = problem.constraints.length;
  const coefs = order.map(() => new Map<number, Coef>());
  const b: Bounds = {
    preMin: new Float64Array(K),
    preMax: new Float64Array(K),
    sufMin: new Float64Array(K),
    sufMax: new Float64Array(K),
    reach: problem.constraints.map(() => undefined),
  };
  const lastTouch = new Int32Array(problem.stages.length).fill(-1);
  order.forEach((u, k) => {
    for (const t of problem.units[u].touches) {
      const lo = Math.min(...t.coef);
      const hi = Math.max(...t.coef);
      coefs[k].set(t.c, [lo, hi, t.coef]);
      b.sufMin[t.c] += lo;
      b.sufMax[t.c] += hi;
      lastTouch[problem.constraints[t.c].stage] = k;
    }
  });
  const shapes = [problem.constraints.map((con, c) => shapeOf(con.b, b, c))];
  coefs.forEach((m, k) => {
    m.forEach((coef, c) => take(b, c, coef));
    const sh = [...shapes[k]];
    m.forEach((_, c) => (sh[c] = shapeOf(problem.constraints[c].b, b, c)));
    shapes.push(sh);
  });
  return { shapes, coefs, lastTouch };
}

/** Constraint c's window (threshold b) under the current bounds. */
function shapeOf(threshold: number, b: Bounds, c: number): Shape {
  const unsat = threshold - b.sufMax[c];
  const sat = threshold - b.sufMin[c];
  const lo = Math.max(b.preMin[c], unsat);
  const hi = Math.min(b.preMax[c], sat - 1);
  const canU = b.preMin[c] < unsat;
  const canS = b.preMax[c] >= sat;
  const off = canU ? 1 : 0;
  const width = Math.max(0, hi - lo + 1);
  const r = b.reach[c];
  if (!r) return { unsat, sat, canU, canS, n: off + width + (canS ? 1 : 0), lo };
  const index = new Int32Array(width).fill(-1);
  const vals: number[] = [];
  for (let v = lo; v <= hi; v++) {
    if (r[v - b.preMin[c]]) {
      index[v - lo] = off + vals.length;
      vals.push(v);
    }
  }
  return { unsat, sat, canU, canS, n: off + vals.length + (canS ? 1 : 0), lo, vals: Int32Array.from(vals), index };
}

/** Moves a unit with these coefficients from the units left to the units taken, in constraint c. */
function take(b: Bounds, c: number, [lo, hi, coef]: Coef): void {
  // Sums stay an unbroken interval while no gap between the unit's coefficients exceeds the
  // interval's width; only otherwise are the reachable sums kept one by one.
  const width = b.preMax[c] - b.preMin[c];
  const steps = b.reach[c] || hi - lo > width + 1 ? [...new Set(coef)].sort((x, y) => x - y) : [];
  const gapped = steps.some((x, i) => i > 0 && x - steps[i - 1] > width + 1);
  const old = b.reach[c] ?? (gapped ? new Uint8Array(width + 1).fill(1) : undefined);
  if (old) b.reach[c] = reachAfter(old, steps, lo, hi);
  b.preMin[c] += lo;
  b.preMax[c] += hi;
  b.sufMin[c] -= lo;
  b.sufMax[c] -= hi;
}

/** The sums reachable after adding one of `steps`, or undefined when so few are missing that tracking them costs more. */
function reachAfter(old: Uint8Array, steps: number[], lo: number, hi: number): Uint8Array | undefined {
  const next = new Uint8Array(old.length + hi - lo);
  for (const x of steps) {
    const shift = x - lo;
    for (let i = 0; i < old.length; i++) if (old[i]) next[i + shift] = 1;
  }
  // Unreachable sums only cost a class that never gets mass. When they are few (2/3 of the votes
  // cast: −2, 0, +1 miss one sum near the bottom for good), tracking them costs a pass over the
  // whole range every layer for nothing; from then on the range is treated as unbroken.
  let missing = 0;
  for (let i = 0; i < next.length; i++) missing += 1 - next[i];
  return missing * 16 > next.length ? next : undefined;
}
