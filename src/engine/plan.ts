// The dynamic program behind every exact answer: units are taken one at a time in a fixed order,
// and the state after k units is the vector of partial sums of the constraints, kept only where the
// outcome is still open. A partial sum that can no longer reach its threshold, whatever the remaining
// units do, becomes "failed"; one that can no longer miss it becomes "met". A stage whose last unit
// has been taken is either met (its sums are forgotten) or failed (the state is dropped), so the state
// space stays small: the window of undecided sums is bounded both by what the taken units can add up
// to and by what the remaining units can still change.
//
// Built in phases, each in its own module: the windows of every constraint after every unit
// (plan-shapes.ts), how each stage's state is indexed (plan-stages.ts), each stage's table per step by
// its kind (stage-tables.ts), steps sharing one table (table-runs.ts); here the layers and the steps.
import { EngineError } from './constraints.ts';
import { type Coef, layerShapes } from './plan-shapes.ts';
import { firstLayer, product, stageLayout } from './plan-stages.ts';
import type { Problem } from './problem.ts';
import { type StageStep, stageTable, TableBudget, type TableContext } from './stage-tables.ts';
import { TableRuns } from './table-runs.ts';
import { flatTable, type Shape } from './tables.ts';

/** Per-layer cap on the number of states, and on the total size of the transition tables. */
export const MAX_CELLS = 1 << 22;
export const MAX_TABLE = 1 << 26;

export interface Step {
  unit: number;
  /** Stages whose state this unit changes. */
  touched: Int32Array;
  /** Per touched stage: new stage index for (position, old stage index), or −1 when the stage fails. */
  tables: Int32Array[];
  /**
   * When the unit votes in several stages: the next cell for (position, cell), or −1, at index
   * position · size + cell. These steps are few (a Security Council member's) and their tables small,
   * and a flat lookup keeps the loops over them as tight as over the others.
   */
  flat?: Int32Array;
  /**
   * When the unit votes in one stage: the layer's cells seen as (high, c, low) with c that stage's
   * index — stages below it keep their strides (low < st), those above are rescaled by its new size
   * (dNew) — so the walks need no per-cell arithmetic over the other stages.
   */
  geo?: { dim: number; dNew: number; st: number; sn: number; H: number };
}

export interface Plan {
  problem: Problem;
  order: number[];
  /** Per layer (0..order.length): the size of each stage's dimension and its stride. */
  dims: Int32Array[];
  strides: Int32Array[];
  sizes: number[];
  steps: Step[];
  /** Some stage fails before any unit is drawn (e.g. an empty body under a share of the entitled). */
  infeasible: boolean;
}

/**
 * Orders units: `first` as given (the caller's choice, e.g. driver-dependent units), then the others
 * grouped so that stages close early: a unit goes with its stage of fewest units, smaller stages first.
 */
export function orderUnits(problem: Problem, first: number[] = []): number[] {
  const count = new Array<number>(problem.stages.length).fill(0);
  for (const u of problem.units) for (const s of u.stages) count[s]++;
  const rank = (u: number): number => Math.min(...problem.units[u].stages.map((s) => count[s] * 1000 + s));
  const taken = new Set(first);
  const rest = problem.units
    .map((_, i) => i)
    .filter((i) => !taken.has(i) && problem.units[i].touches.length > 0)
    .sort((a, b) => rank(a) - rank(b) || a - b);
  return [...first.filter((i) => problem.units[i].touches.length > 0), ...rest];
}

/** Plans by problem and order, shared between the computations of one case and day. */
export type PlanCache = Map<string, Plan>;

export function cachedPlan(cache: PlanCache | undefined, problem: Problem, order: number[]): Plan {
  if (!cache) return makePlan(problem, order);
  const key = `${problem.key}|${order.join(',')}`;
  let plan = cache.get(key);
  if (!plan) {
    plan = makePlan(problem, order);
    cache.set(key, plan);
  }
  return plan;
}

/** One layer of the state space: each stage's dimension and stride, and the number of cells. */
interface Layer {
  dims: Int32Array;
  strides: Int32Array;
  size: number;
}

export function makePlan(problem: Problem, order: number[]): Plan {
  const { shapes, coefs, lastTouch } = layerShapes(problem, order);
  const layout = stageLayout(problem, shapes);
  const { tuples, infeasible } = firstLayer(problem, layout, shapes[0]);
  const ctx: TableContext = { problem, layout, budget: new TableBudget(MAX_TABLE), tuples };
  const runs = new TableRuns(ctx);
  const layers = [layerOf(ctx, shapes[0], 0, order.length, lastTouch)];
  const steps: Step[] = [];
  order.forEach((u, k) => {
    const step = unitStep(ctx, runs, u, { k, shapes, coefOf: coefs[k], layer: layers[k], lastTouch });
    layers.push(layerOf(ctx, shapes[k + 1], k + 1, order.length, lastTouch));
    link(ctx, step, layers[k], layers[k + 1]);
    steps.push(step);
  });
  runs.flushAll();
  return {
    problem,
    order,
    dims: layers.map((l) => l.dims),
    strides: layers.map((l) => l.strides),
    sizes: layers.map((l) => l.size),
    steps,
    infeasible,
  };
}

/** The layer after k units: a complete stage has one state, the others as many as their index has. */
function layerOf(ctx: TableContext, sh: Shape[], k: number, U: number, lastTouch: Int32Array): Layer {
  const { constraints, guards, multi } = ctx.layout;
  const S = constraints.length;
  const dims = new Int32Array(S);
  const strides = new Int32Array(S);
  let size = 1;
  for (let x = 0; x < S; x++) {
    const guard = guards[x];
    const n = k > lastTouch[x] ? 1 : multi[x] ? ctx.tuples[x].length : guard ? 1 + sh[guard.main].n : product(constraints[x], sh);
    dims[x] = n;
    strides[x] = size;
    size *= n;
  }
  if (size > MAX_CELLS) {
    throw new EngineError(
      `too many states for an exact computation (${size} after ${k} of ${U} voters) in ${ctx.problem.stages.map((x) => x.stage.id).join(', ')}`,
    );
  }
  return { dims, strides, size };
}

/** Where the k-th unit is taken: the windows before and after it, its coefficients, the layer before it. */
interface At {
  k: number;
  shapes: Shape[][];
  coefOf: Map<number, Coef>;
  layer: Layer;
  lastTouch: Int32Array;
}

/** The step that takes unit u: the tables of the stages it votes in (some filled when their run ends). */
function unitStep(ctx: TableContext, runs: TableRuns, u: number, { k, shapes, coefOf, layer, lastTouch }: At): Step {
  const touchedSet = new Set<number>();
  for (const t of ctx.problem.units[u].touches) touchedSet.add(ctx.problem.constraints[t.c].stage);
  const touched = Int32Array.from([...touchedSet].sort((a, b) => a - b));
  const nextTuples = [...ctx.tuples];
  const tables: Int32Array[] = new Array(touched.length);
  for (let t = 0; t < touched.length; t++) {
    const st = touched[t];
    const at: StageStep = { cs: ctx.layout.constraints[st], oldSh: shapes[k], newSh: shapes[k + 1], dOld: layer.dims[st], done: k + 1 > lastTouch[st], coefOf };
    // A unit in several stages needs its tables now (for its flat table); the others may join a run.
    if (!runs.offer(st, { tables, t, size: 4 * at.dOld, at }, touched.length === 1)) tables[t] = stageTable(ctx, st, at, nextTuples);
  }
  ctx.tuples = nextTuples;
  return { unit: u, touched, tables };
}

/** How the walks cross a step: by the one stage it changes (geo), or by a flat table over whole cells. */
function link(ctx: TableContext, step: Step, from: Layer, to: Layer): void {
  if (step.touched.length === 1) {
    const s = step.touched[0];
    step.geo = { dim: from.dims[s], dNew: to.dims[s], st: from.strides[s], sn: to.strides[s], H: from.size / (from.strides[s] * from.dims[s]) };
  } else {
    ctx.budget.add(4 * from.size);
    step.flat = flatTable(step, from.size, from.dims, to.strides);
  }
}
