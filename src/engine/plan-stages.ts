// The second phase of a plan: how each stage's state is indexed. A stage's state is the class of its
// one constraint; or, guarded (a share of the votes cast and its "at least one vote" guard), the main
// constraint's class behind one first row; or, with several constraints (all functions of the same
// ballots), the dense product of their classes when small, else one of the tuples of classes the
// taken units can jointly produce.
import { eval3, type Formula, renumberLeaves } from './constraints.ts';
import type { Problem } from './problem.ts';
import { classOf, guardOf, type Shape, truth, verdicts } from './tables.ts';

export interface StageLayout {
  /** Per stage, its constraints, the one with the widest window last. */
  constraints: number[][];
  guards: Array<{ main: number; guard: number } | undefined>;
  /** Stages whose states are the tuples the taken units can produce. */
  multi: boolean[];
  /** Each stage's formula over its constraints' positions in its own list (how its tables index truths). */
  formulas: Formula[];
  /** A dense stage of several constraints: its verdict for each tuple of truths (else empty). */
  luts: Int8Array[];
}

/** The number of cells of the dense product of these constraints' classes. */
export function product(cs: number[], sh: Shape[]): number {
  return cs.reduce((a, c) => a * sh[c].n, 1);
}

export function stageLayout(problem: Problem, shapes: Shape[][]): StageLayout {
  const constraints: number[][] = problem.stages.map(() => []);
  problem.constraints.forEach((con, c) => constraints[con.stage].push(c));
  // In a stage's dense index the constraint with the widest window is the most significant digit, so
  // that while only that window grows the smaller tables are prefixes of the larger (see table-runs.ts).
  const widest = new Int32Array(problem.constraints.length);
  for (const sh of shapes) sh.forEach((x, c) => (widest[c] = Math.max(widest[c], x.n)));
  for (const cs of constraints) cs.sort((a, b) => widest[a] - widest[b] || a - b);
  const guards = constraints.map((cs, st) => guardOf(problem, cs, st));
  // Few constraints with small windows: the dense product of their classes is cheaper to index.
  const multi = constraints.map((cs, st) => !guards[st] && (cs.length >= 3 || (cs.length > 1 && shapes.some((sh) => product(cs, sh) > 1 << 14))));
  const formulas = constraints.map((cs, st) => renumberLeaves(problem.stageFormulas[st], (c) => cs.indexOf(c)));
  const luts = constraints.map((cs, st) => (!multi[st] && !guards[st] && cs.length > 1 ? verdicts(formulas[st], cs.length) : new Int8Array(0)));
  return { constraints, guards, multi, formulas, luts };
}

/** Each stage's one tuple before any unit is taken, and whether some stage fails already. */
export function firstLayer(problem: Problem, layout: StageLayout, sh: Shape[]): { tuples: Int32Array[][]; infeasible: boolean } {
  const tuples = layout.constraints.map((cs) => [Int32Array.from(cs, (c) => classOf(sh[c], 0))]);
  const infeasible = problem.stageFormulas.some((f) => eval3(f, (c) => truth(sh[c], classOf(sh[c], 0))) === 0);
  return { tuples, infeasible };
}
