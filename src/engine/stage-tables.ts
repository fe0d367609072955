// One stage's transition table for one step of a plan: for each old state of the stage and each
// position of the unit (4 per state), the stage's new state, or −1 when the stage fails. Built by the
// stage's kind (plan-stages.ts): guarded, dense product of a few constraints, a single constraint, or
// a list of reachable tuples.
import { EngineError, eval3, type Formula } from './constraints.ts';
import type { Coef } from './plan-shapes.ts';
import type { StageLayout } from './plan-stages.ts';
import type { Problem } from './problem.ts';
import { denseTable, guardHead, scratch32, scratch8, type Shape } from './tables.ts';

/** One stage at one step: what building its table needs. */
export interface StageStep {
  cs: number[];
  oldSh: Shape[];
  newSh: Shape[];
  dOld: number;
  done: boolean;
  coefOf: Map<number, Coef>;
}

/** How one constraint moves: its new class at (position · n + old class), and each new class's truth. */
interface Move {
  mv: Int32Array;
  n: number;
  tr: Int8Array;
}

/** The total size of the tables a plan keeps, against its limit (a shared table counts once). */
export class TableBudget {
  private used = 0;
  constructor(private readonly limit: number) {}

  add(entries: number): void {
    this.used += entries;
    if (this.used > this.limit) throw new EngineError('the exact computation needs too much memory for this procedure');
  }
}

export interface TableContext {
  problem: Problem;
  layout: StageLayout;
  budget: TableBudget;
  /** Per stage, the tuples of the current layer (read by stages of several constraints). */
  tuples: Int32Array[][];
}

/** Stage st's table for one step (nextTuples: where a stage of tuples records the next layer's). */
export function stageTable(ctx: TableContext, st: number, at: StageStep, nextTuples: Int32Array[][]): Int32Array {
  ctx.budget.add(4 * at.dOld);
  const { guards, multi, formulas, luts } = ctx.layout;
  const guard = guards[st];
  const moves = at.cs.map((c, j) => (guard && c === guard.guard ? NO_MOVE : moveOf(at.oldSh[c], at.newSh[c], at.coefOf.get(c), j)));
  const tab = new Int32Array(4 * at.dOld);
  if (guard) return guardTable(moves[at.cs.indexOf(guard.main)], guard, formulas[st], at, tab);
  if (!multi[st] && at.cs.length > 1) return denseTable(moves, luts[st], at.dOld, at.done, tab);
  if (!multi[st]) return singleTable(moves[0], ctx.problem.stageFormulas[st].kind === 'leaf', formulas[st], at, tab);
  const found = tupleTable(moves, formulas[st], at, ctx.tuples[st], tab);
  nextTuples[st] = at.done ? [new Int32Array(at.cs.length)] : found;
  return tab;
}

/** A guarded stage's guard is met in every state but the first: its own moves are not needed. */
const NO_MOVE: Move = { mv: new Int32Array(0), n: 0, tr: new Int8Array(0) };

/** Each constraint moves on its own: its new class depends only on its old class and the position. */
function moveOf(o: Shape, nw: Shape, coef: Coef | undefined, j: number): Move {
  const mv = scratch32(3 * j, 4 * o.n);
  const offO = o.canU ? 1 : 0;
  const offN = nw.canU ? 1 : 0;
  const lastO = o.canS ? o.n - 1 : -1;
  const width = o.n - offO - (o.canS ? 1 : 0);
  for (let pos = 0; pos < 4; pos++) {
    const add = coef ? coef[2][pos] : 0;
    const row = pos * o.n;
    if (o.canU) mv[row] = 0;
    if (lastO >= 0) mv[row + lastO] = nw.n - 1;
    for (let w = 0; w < width; w++) {
      const v = (o.vals ? o.vals[w] : o.lo + w) + add;
      mv[row + offO + w] = v < nw.unsat ? 0 : v >= nw.sat ? nw.n - 1 : nw.index ? nw.index[v - nw.lo] : offN + (v - nw.lo);
    }
  }
  const tr = scratch8(j, nw.n).fill(-1);
  if (nw.canU) tr[0] = 0;
  if (nw.canS) tr[nw.n - 1] = 1;
  return { mv, n: o.n, tr };
}

/**
 * State 1 + c: the guard is met and the main constraint is in class c (state 0: see guardHead).
 * With the guard met, the stage (main AND guard) is what the main constraint is.
 */
function guardTable(m: Move, guard: { main: number; guard: number }, formula: Formula, at: StageStep, tab: Int32Array): Int32Array {
  for (let c = 0; c < m.n; c++) {
    for (let pos = 0; pos < 4; pos++) {
      const nc = m.mv[pos * m.n + c];
      tab[4 * (1 + c) + pos] = m.tr[nc] === 0 ? -1 : at.done ? 0 : 1 + nc;
    }
  }
  guardHead(tab, guard, at.cs, at.newSh, at.coefOf, formula, at.done);
  return tab;
}

/** A stage of one constraint: its state is that constraint's class. */
function singleTable({ mv, tr }: Move, leaf: boolean, formula: Formula, at: StageStep, tab: Int32Array): Int32Array {
  const truths = new Int8Array(1);
  for (let c = 0; c < at.dOld; c++) {
    for (let pos = 0; pos < 4; pos++) {
      const nc = mv[pos * at.dOld + c];
      truths[0] = tr[nc];
      const r = leaf ? tr[nc] : eval3(formula, truths);
      tab[4 * c + pos] = r === 0 ? -1 : at.done ? 0 : nc;
    }
  }
  return tab;
}

/** A stage of several constraints indexed by the tuples of classes reached: fills tab, returns the next tuples. */
function tupleTable(moves: Move[], formula: Formula, at: StageStep, old: Int32Array[], tab: Int32Array): Int32Array[] {
  const K = at.cs.length;
  const truths = new Int8Array(K);
  const found: Int32Array[] = [];
  // Tuples are keyed by their mixed-radix number: a dense lookup when the product is small.
  const radix = at.cs.map((c) => at.newSh[c].n);
  const product = radix.reduce((a, b) => a * b, 1);
  const dense = product <= 1 << 22 ? new Int32Array(product).fill(-1) : undefined;
  const seen = new Map<number | string, number>();
  const next = new Int32Array(K);
  for (let idx = 0; idx < at.dOld; idx++) {
    const cls = old[idx];
    for (let pos = 0; pos < 4; pos++) {
      let key = 0;
      for (let j = 0, mul = 1; j < K; j++) {
        const m = moves[j];
        const nc = m.mv[pos * m.n + cls[j]];
        next[j] = nc;
        truths[j] = m.tr[nc];
        key += nc * mul;
        mul *= radix[j];
      }
      const r = eval3(formula, truths);
      if (r === 0) tab[4 * idx + pos] = -1;
      else if (at.done) tab[4 * idx + pos] = 0;
      else {
        const k2: number | string = dense || Number.isSafeInteger(product) ? key : next.join(',');
        let i = dense ? dense[key] : seen.get(k2);
        if (i === undefined || i < 0) {
          i = found.length;
          found.push(Int32Array.from(next));
          if (dense) dense[key] = i;
          else seen.set(k2, i);
        }
        tab[4 * idx + pos] = i;
      }
    }
  }
  return found;
}
