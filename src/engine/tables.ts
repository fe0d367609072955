// The pieces of a plan's transition tables: windows of partial sums and their classes, stage
// verdicts, guarded stages (a share of the votes cast and its "at least one vote" guard), the dense
// product of a stage's constraints, flat tables for units in several stages, and the keys that let
// consecutive steps share one table.
import { eval3, type Formula } from './constraints.ts';
import type { Problem } from './problem.ts';

export interface Shape {
  /** Values below this are decided failed; at or above `sat` decided met. */
  unsat: number;
  sat: number;
  canU: boolean;
  canS: boolean;
  /** Number of classes: [failed] + reachable undecided values + [met]. */
  n: number;
  /**
   * The undecided values that some choice of positions reaches, ascending; `index[v − lo]` is v's
   * class. Both are left empty when every value in the window is reachable (then classes are v − lo).
   */
  lo: number;
  vals?: Int32Array;
  index?: Int32Array;
}

/** The class of sum v in a window (−1 for a sum the window leaves out as unreachable). */
export function classOf(sh: Shape, v: number): number {
  if (v < sh.unsat) return 0;
  if (v >= sh.sat) return sh.n - 1;
  return sh.index ? sh.index[v - sh.lo] : (sh.canU ? 1 : 0) + (v - sh.lo);
}

/** Whether a class is decided: 0 failed, 1 met, −1 still open. */
export function truth(sh: Shape, cls: number): number {
  return sh.canU && cls === 0 ? 0 : sh.canS && cls === sh.n - 1 ? 1 : -1;
}

/**
 * Steps of a stage with equal keys have tables that are prefixes of one another: the same classes
 * before and after (relative to the old window) for every constraint, the same coefficients, except
 * that the size of the most significant constraint's window may grow while no bound can be crossed
 * (then a class only shifts, whatever the size). Undefined when a window keeps only reachable sums.
 */
export function runKey(
  out: number[],
  cs: number[],
  oldSh: Shape[],
  newSh: Shape[],
  coefOf: Map<number, [number, number, number[]]>,
  done: boolean,
  guard?: [number, number, number[]],
): boolean {
  // A guarded stage is keyed on its main constraint (its rows after the first follow it alone) and
  // the guard's coefficients; the first row is written for each step (guardHead).
  out.length = 0;
  out.push(+done, guard ? 1 : 0, ...(guard ? guard[2] : []));
  for (let j = 0; j < cs.length; j++) {
    const c = cs[j];
    const o = oldSh[c];
    const nw = newSh[c];
    if (o.index || nw.index) return false;
    const coef = coefOf.get(c);
    const shifts = j === cs.length - 1 && !o.canU && !o.canS && !nw.canU && !nw.canS;
    // A bound no sum can cross (canU, canS false) does not shape the table.
    out.push(shifts ? -1 : o.n, shifts ? -1 : nw.n, +o.canU, +o.canS, +nw.canU, +nw.canS);
    out.push(nw.canU ? nw.unsat - o.lo : 0, nw.canS ? nw.sat - o.lo : 0, nw.lo - o.lo, coef ? 1 : 0, ...(coef ? coef[2] : []));
  }
  return true;
}

export function sameKey(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A guarded stage's state 0 (nobody has moved the guard, so the main sum is 0): where each position takes it. */
export function guardHead(
  tab: Int32Array,
  guard: { main: number; guard: number },
  cs: number[],
  newSh: Shape[],
  coefOf: Map<number, [number, number, number[]]>,
  formula: Formula,
  done: boolean,
): void {
  const jm = cs.indexOf(guard.main);
  const nm = newSh[guard.main];
  const ng = newSh[guard.guard];
  const coefM = coefOf.get(guard.main)?.[2];
  const coefG = coefOf.get(guard.guard)?.[2];
  const truths = new Int8Array(2);
  for (let pos = 0; pos < 4; pos++) {
    const moved = coefG !== undefined && coefG[pos] > 0;
    const cm = classOf(nm, moved && coefM ? coefM[pos] : 0);
    // A sum the window leaves out cannot be reached (state 0 then has no mass either).
    if (cm < 0) {
      tab[pos] = -1;
      continue;
    }
    truths[jm] = truth(nm, cm);
    truths[1 - jm] = moved ? 1 : truth(ng, classOf(ng, 0));
    const r = eval3(formula, truths);
    tab[pos] = r === 0 ? -1 : done ? 0 : moved ? 1 + cm : 0;
  }
}

/**
 * A guarded stage: two constraints joined by AND, where the guard (Σ ≥ 1, coefficients never
 * negative) moves whenever the main constraint does — "at least one vote cast" beside a share of the
 * votes cast. Until the guard moves the main sum is still 0, so the stage has one state for "nobody
 * yet" plus the main constraint's classes, about half the states of the pair's product.
 */
export function guardOf(problem: Problem, cs: number[], st: number): { main: number; guard: number } | undefined {
  const f = problem.stageFormulas[st];
  if (cs.length !== 2 || f.kind !== 'and' || f.args.length !== 2 || !f.args.every((x) => x.kind === 'leaf')) return undefined;
  for (const [main, guard] of [
    [cs[0], cs[1]],
    [cs[1], cs[0]],
  ]) {
    if (problem.constraints[guard].b !== 1) continue;
    const fits = problem.units.every((u) => {
      const m = u.touches.find((t) => t.c === main)?.coef;
      const g = u.touches.find((t) => t.c === guard)?.coef;
      for (let pos = 0; pos < 4; pos++) {
        const gp = g ? g[pos] : 0;
        if (gp < 0 || (gp === 0 && (m ? m[pos] : 0) !== 0)) return false;
      }
      return true;
    });
    if (fits) return { main, guard };
  }
  return undefined;
}

/** A stage's verdict for every combination of its constraints' truths (base 3: 0 false, 1 met, 2 open). */
export function verdicts(formula: Formula, K: number): Int8Array {
  const lut = new Int8Array(3 ** K);
  const t = new Int8Array(K);
  for (let code = 0; code < lut.length; code++) {
    let r = code;
    for (let j = 0; j < K; j++) {
      const dgt = r % 3;
      r = (r - dgt) / 3;
      t[j] = dgt === 2 ? -1 : dgt;
    }
    lut[code] = eval3(formula, t);
  }
  return lut;
}

// Scratch for the per-constraint pieces of one table (nothing keeps them past the table), grown as
// needed and reused from step to step instead of allocated for each.
const pool32: Int32Array[] = [];
const pool8: Int8Array[] = [];
export function scratch32(slot: number, n: number): Int32Array {
  if (!(pool32[slot]?.length >= n)) pool32[slot] = new Int32Array(Math.max(n, 2 * (pool32[slot]?.length ?? 0)));
  return pool32[slot].subarray(0, n);
}
export function scratch8(slot: number, n: number): Int8Array {
  if (!(pool8[slot]?.length >= n)) pool8[slot] = new Int8Array(Math.max(n, 2 * (pool8[slot]?.length ?? 0)));
  return pool8[slot].subarray(0, n);
}

/** Transitions of a stage indexed by the dense product of its constraints' classes. */
export function denseTable(moves: Array<{ mv: Int32Array; n: number; tr: Int8Array }>, lut: Int8Array, dOld: number, done: boolean, tab: Int32Array): Int32Array {
  const K = moves.length;
  // Per constraint and (position, old class): its share of the new stage index and of the verdict code.
  const outPart: Int32Array[] = [];
  const codePart: Int32Array[] = [];
  let mulNew = 1;
  moves.forEach((m, j) => {
    const op = scratch32(3 * j + 1, 4 * m.n);
    const cp = scratch32(3 * j + 2, 4 * m.n);
    for (let i = 0; i < 4 * m.n; i++) {
      const nc = m.mv[i];
      op[i] = nc * mulNew;
      cp[i] = (m.tr[nc] < 0 ? 2 : m.tr[nc]) * 3 ** j;
    }
    outPart.push(op);
    codePart.push(cp);
    mulNew *= m.tr.length;
  });
  if (K === 2) {
    const [o0, o1] = outPart;
    const [c0, c1] = codePart;
    const n0 = moves[0].n;
    const n1 = moves[1].n;
    // In the order of the table (class-major), so that writes are sequential.
    for (let b = 0, cell = 0; b < n1; b++) {
      for (let a = 0; a < n0; a++, cell += 4) {
        for (let pos = 0; pos < 4; pos++) {
          const i0 = pos * n0 + a;
          const i1 = pos * n1 + b;
          tab[cell + pos] = lut[c0[i0] + c1[i1]] === 0 ? -1 : done ? 0 : o0[i0] + o1[i1];
        }
      }
    }
    return tab;
  }
  const cls = new Int32Array(K);
  for (let idx = 0; idx < dOld; idx++) {
    for (let pos = 0; pos < 4; pos++) {
      let out = 0;
      let code = 0;
      for (let j = 0; j < K; j++) {
        const i = pos * moves[j].n + cls[j];
        code += codePart[j][i];
        out += outPart[j][i];
      }
      tab[4 * idx + pos] = lut[code] === 0 ? -1 : done ? 0 : out;
    }
    for (let j = 0; j < K; j++) {
      if (++cls[j] < moves[j].n) break;
      cls[j] = 0;
    }
  }
  return tab;
}

/** A step's flat table: the next cell for (position, cell) over all stages, from the touched stages' tables. */
export function flatTable(step: { touched: Int32Array; tables: Int32Array[] }, size: number, dims: Int32Array, strideNew: Int32Array): Int32Array {
  // The next cell is a sum over stages of each one's new coordinate times its new stride (−1 when a
  // touched stage fails), so the table is built one stage (one mixed-radix digit) at a time.
  let cur = new Int32Array(4);
  let n = 1;
  for (let s = 0; s < dims.length; s++) {
    const d = dims[s];
    const t = step.touched.indexOf(s);
    const tab = t >= 0 ? step.tables[t] : undefined;
    const next = new Int32Array(4 * n * d);
    for (let pos = 0; pos < 4; pos++) {
      for (let c = 0; c < d; c++) {
        const to = tab ? tab[4 * c + pos] : c;
        const off = to * strideNew[s];
        const row = pos * n * d + c * n;
        for (let r = 0; r < n; r++) {
          const x = cur[pos * n + r];
          next[row + r] = x < 0 || to < 0 ? -1 : x + off;
        }
      }
    }
    cur = next;
    n *= d;
  }
  return cur;
}
