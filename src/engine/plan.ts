// The dynamic program behind every exact answer: units are taken one at a time in a fixed order,
// and the state after k units is the vector of partial sums of the constraints, kept only where the
// outcome is still open. A partial sum that can no longer reach its threshold, whatever the remaining
// units do, becomes "failed"; one that can no longer miss it becomes "met". A stage whose last unit
// has been taken is either met (its sums are forgotten) or failed (the state is dropped), so the state
// space stays small: the window of undecided sums is bounded both by what the taken units can add up
// to and by what the remaining units can still change.
import { eval3, EngineError, renumberLeaves } from './constraints.ts';
import type { Problem } from './problem.ts';
import {
  classOf,
  denseTable,
  flatTable,
  guardHead,
  guardOf,
  runKey,
  sameKey,
  scratch32,
  scratch8,
  type Shape,
  truth,
  verdicts,
} from './tables.ts';

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

export function makePlan(problem: Problem, order: number[]): Plan {
  const K = problem.constraints.length;
  const S = problem.stages.length;
  const U = order.length;
  const stageOf = problem.constraints.map((c) => c.stage);
  const stageConstraints: number[][] = Array.from({ length: S }, () => []);
  stageOf.forEach((s, c) => stageConstraints[s].push(c));

  // Prefix and suffix ranges of every constraint's partial sum along the order.
  const minC = Array.from({ length: U }, () => new Map<number, [number, number, number[]]>());
  const sufMin = new Float64Array(K);
  const sufMax = new Float64Array(K);
  const lastTouch = new Int32Array(S).fill(-1);
  order.forEach((u, k) => {
    for (const t of problem.units[u].touches) {
      const lo = Math.min(...t.coef);
      const hi = Math.max(...t.coef);
      minC[k].set(t.c, [lo, hi, t.coef]);
      sufMin[t.c] += lo;
      sufMax[t.c] += hi;
      lastTouch[stageOf[t.c]] = k;
    }
  });
  const preMin = new Float64Array(K);
  const preMax = new Float64Array(K);
  // Which partial sums some choice of positions reaches, over [preMin, preMax]: with large weights
  // these are far fewer than the values in between, and only they get a class.
  const reach: Array<Uint8Array | undefined> = problem.constraints.map(() => undefined);
  const shapes: Shape[][] = [];
  const complete = (s: number, k: number) => k > lastTouch[s];
  const shapeOf = (c: number): Shape => {
    const con = problem.constraints[c];
    const unsat = con.b - sufMax[c];
    const sat = con.b - sufMin[c];
    const lo = Math.max(preMin[c], unsat);
    const hi = Math.min(preMax[c], sat - 1);
    const canU = preMin[c] < unsat;
    const canS = preMax[c] >= sat;
    const off = canU ? 1 : 0;
    const width = Math.max(0, hi - lo + 1);
    const r = reach[c];
    if (!r) return { unsat, sat, canU, canS, n: off + width + (canS ? 1 : 0), lo };
    const index = new Int32Array(width).fill(-1);
    const vals: number[] = [];
    for (let v = lo; v <= hi; v++) {
      if (r[v - preMin[c]]) {
        index[v - lo] = off + vals.length;
        vals.push(v);
      }
    }
    return { unsat, sat, canU, canS, n: off + vals.length + (canS ? 1 : 0), lo, vals: Int32Array.from(vals), index };
  };
  const shapeAt = (k: number): Shape[] => {
    if (k === 0) return problem.constraints.map((_, c) => shapeOf(c));
    const sh = [...shapes[k - 1]];
    minC[k - 1].forEach((_, c) => (sh[c] = shapeOf(c)));
    return sh;
  };
  shapes.push(shapeAt(0));
  for (let k = 0; k < U; k++) {
    minC[k].forEach(([lo, hi, coef], c) => {
      // Sums stay an unbroken interval while no gap between the unit's coefficients exceeds the
      // interval's width; only otherwise are the reachable sums kept one by one.
      const width = preMax[c] - preMin[c];
      const steps = reach[c] || hi - lo > width + 1 ? [...new Set(coef)].sort((a, b) => a - b) : [];
      const gapped = steps.some((x, i) => i > 0 && x - steps[i - 1] > width + 1);
      const old = reach[c] ?? (gapped ? new Uint8Array(width + 1).fill(1) : undefined);
      if (old) {
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
        reach[c] = missing * 16 > next.length ? next : undefined;
      }
      preMin[c] += lo;
      preMax[c] += hi;
      sufMin[c] -= lo;
      sufMax[c] -= hi;
    });
    shapes.push(shapeAt(k + 1));
  }

  // A stage's state: the class of its one constraint, or, with several constraints (all functions
  // of the same ballots), one of the tuples of classes that the taken units can jointly produce.
  // Few constraints with small windows: the dense product of their classes is cheaper to index.
  // In a stage's dense index the constraint with the widest window is the most significant digit, so
  // that while only that window grows the smaller tables are prefixes of the larger (see `runs`).
  const widest = new Int32Array(K);
  for (const sh of shapes) sh.forEach((x, c) => (widest[c] = Math.max(widest[c], x.n)));
  for (const cs of stageConstraints) cs.sort((a, b) => widest[a] - widest[b] || a - b);
  const product = (st: number, k: number) => stageConstraints[st].reduce((a, c) => a * shapes[k][c].n, 1);
  const guards = stageConstraints.map((cs, st) => guardOf(problem, cs, st));
  const multi = stageConstraints.map(
    (cs, st) => !guards[st] && (cs.length >= 3 || (cs.length > 1 && shapes.some((_, k) => product(st, k) > 1 << 14))),
  );
  let tuples: Int32Array[][] = stageConstraints.map((cs) => [Int32Array.from(cs, (c) => classOf(shapes[0][c], 0))]);
  let infeasible = false;
  for (let st = 0; st < S; st++) {
    const sh = shapes[0];
    const r = eval3(problem.stageFormulas[st], (c) => truth(sh[c], classOf(sh[c], 0)));
    if (r === 0) infeasible = true;
  }
  const dims: Int32Array[] = [];
  const strides: Int32Array[] = [];
  const sizes: number[] = [];
  const pushLayer = (k: number) => {
    const d = new Int32Array(S);
    const st = new Int32Array(S);
    let size = 1;
    for (let x = 0; x < S; x++) {
      const guard = guards[x];
      const n = complete(x, k) ? 1 : multi[x] ? tuples[x].length : guard ? 1 + shapes[k][guard.main].n : product(x, k);
      d[x] = n;
      st[x] = size;
      size *= n;
    }
    if (size > MAX_CELLS) {
      throw new EngineError(
        `too many states for an exact computation (${size} after ${k} of ${U} voters) in ${problem.stages.map((x) => x.stage.id).join(', ')}`,
      );
    }
    dims.push(d);
    strides.push(st);
    sizes.push(size);
  };
  pushLayer(0);

  let tableSize = 0;
  const steps: Step[] = [];
  // Each stage's formula over its constraints' positions in its own list (how its tables index truths).
  const formulas = stageConstraints.map((cs, st) => renumberLeaves(problem.stageFormulas[st], (c) => cs.indexOf(c)));
  const luts = stageConstraints.map((cs, st) => (!multi[st] && !guards[st] && cs.length > 1 ? verdicts(formulas[st], cs.length) : new Int8Array(0)));
  // A run: consecutive steps of a stage whose tables are prefixes of the last one's (the same table,
  // or a window that only grows), built once when the run ends.
  interface Run {
    key: number[];
    size: number;
    slots: Array<{ tables: Int32Array[]; t: number; size: number; at: StageStep }>;
    /** The step whose table is the run's largest. */
    last: StageStep;
  }
  /** One stage at one step: what building its table needs. */
  interface StageStep {
    cs: number[];
    oldSh: Shape[];
    newSh: Shape[];
    dOld: number;
    done: boolean;
    coefOf: Map<number, [number, number, number[]]>;
  }
  const runs: Array<Run | undefined> = new Array(S);
  const key: number[] = [];
  const flush = (st: number) => {
    const run = runs[st];
    if (!run) return;
    runs[st] = undefined;
    const full = buildTable(st, run.last, []);
    const guard = guards[st];
    for (const x of run.slots) {
      if (guard) {
        // A guarded stage's first row (state 0) is each step's own: a copy with its own row.
        if (x.at !== run.last) countTable(x.size);
        const own = full.slice(0, x.size);
        guardHead(own, guard, x.at.cs, x.at.newSh, x.at.coefOf, formulas[st], x.at.done);
        x.tables[x.t] = own;
      } else x.tables[x.t] = x.size === full.length ? full : full.subarray(0, x.size);
    }
  };
  // Every table the plan keeps counts against MAX_TABLE (a shared one once).
  function countTable(entries: number): void {
    tableSize += entries;
    if (tableSize > MAX_TABLE) throw new EngineError('the exact computation needs too much memory for this procedure');
  }
  // One stage's table for one step (nextTuples: where a stage of several constraints records the
  // tuples of the next layer).
  function buildTable(st: number, at: StageStep, nextTuples: Int32Array[][]): Int32Array {
    const { cs, oldSh, newSh, dOld, done, coefOf } = at;
    countTable(4 * dOld);
    // Each constraint moves on its own: its new class depends only on its old class and the position.
    const guard = guards[st];
    const moves = cs.map((c, j) => {
      // A guarded stage's guard is met in every state but the first: its own moves are not needed.
      if (guard && c === guard.guard) return { mv: new Int32Array(0), n: 0, tr: new Int8Array(0) };
      const o = oldSh[c];
      const nw = newSh[c];
      const coef = coefOf.get(c);
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
    });
    const formula = formulas[st];
    const tab = new Int32Array(4 * dOld);
    if (guard) {
      // State 1 + c: the guard is met and the main constraint is in class c (state 0: see guardHead).
      // With the guard met, the stage (main AND guard) is what the main constraint is.
      const m = moves[cs.indexOf(guard.main)];
      for (let c = 0; c < m.n; c++) {
        for (let pos = 0; pos < 4; pos++) {
          const nc = m.mv[pos * m.n + c];
          tab[4 * (1 + c) + pos] = m.tr[nc] === 0 ? -1 : done ? 0 : 1 + nc;
        }
      }
      guardHead(tab, guard, cs, newSh, coefOf, formula, done);
      return tab;
    }
    if (!multi[st] && cs.length > 1) return denseTable(moves, luts[st], dOld, done, tab);
    if (!multi[st]) {
      const { mv, tr } = moves[0];
      const single = problem.stageFormulas[st].kind === 'leaf';
      const truths = new Int8Array(1);
      for (let c = 0; c < dOld; c++) {
        for (let pos = 0; pos < 4; pos++) {
          const nc = mv[pos * dOld + c];
          truths[0] = tr[nc];
          const r = single ? tr[nc] : eval3(formula, truths);
          tab[4 * c + pos] = r === 0 ? -1 : done ? 0 : nc;
        }
      }
      return tab;
    }
    const K = cs.length;
    const truths = new Int8Array(K);
    const found: Int32Array[] = [];
    // Tuples are keyed by their mixed-radix number: a dense lookup when the product is small.
    const radix = cs.map((c) => newSh[c].n);
    const product = radix.reduce((a, b) => a * b, 1);
    const dense = product <= 1 << 22 ? new Int32Array(product).fill(-1) : undefined;
    const seen = new Map<number | string, number>();
    const next = new Int32Array(K);
    const old = tuples[st];
    for (let idx = 0; idx < dOld; idx++) {
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
        else if (done) tab[4 * idx + pos] = 0;
        else {
          const k2: number | string = dense || Number.isSafeInteger(product) ? key : next.join(',');
          let at = dense ? dense[key] : seen.get(k2);
          if (at === undefined || at < 0) {
            at = found.length;
            found.push(Int32Array.from(next));
            if (dense) dense[key] = at;
            else seen.set(k2, at);
          }
          tab[4 * idx + pos] = at;
        }
      }
    }
    nextTuples[st] = done ? [new Int32Array(K)] : found;
    return tab;
  }

  for (let k = 0; k < U; k++) {
    const u = order[k];
    const touchedSet = new Set<number>();
    for (const t of problem.units[u].touches) touchedSet.add(stageOf[t.c]);
    const touched = Int32Array.from([...touchedSet].sort((a, b) => a - b));
    const coefOf = minC[k];
    const nextTuples = [...tuples];
    const tables: Int32Array[] = new Array(touched.length);
    for (let t = 0; t < touched.length; t++) {
      const st = touched[t];
      const cs = stageConstraints[st];
      const at: StageStep = { cs, oldSh: shapes[k], newSh: shapes[k + 1], dOld: dims[k][st], done: complete(st, k + 1), coefOf };
      // A unit in several stages needs its tables now (for its flat table); the others may join a run.
      const guard = guards[st];
      const keyed =
        !multi[st] &&
        touched.length === 1 &&
        (guard
          ? runKey(key, [guard.main], at.oldSh, at.newSh, coefOf, at.done, coefOf.get(guard.guard))
          : runKey(key, cs, at.oldSh, at.newSh, coefOf, at.done));
      const run = runs[st];
      const slot = { tables, t, size: 4 * at.dOld, at };
      if (keyed && run && sameKey(run.key, key) && slot.size >= run.size) {
        run.slots.push(slot);
        run.size = slot.size;
        run.last = at;
        continue;
      }
      flush(st);
      if (keyed) runs[st] = { key: [...key], size: slot.size, slots: [slot], last: at };
      else tables[t] = buildTable(st, at, nextTuples);
    }
    tuples = nextTuples;
    const step: Step = { unit: u, touched, tables };
    steps.push(step);
    pushLayer(k + 1);
    if (touched.length === 1) {
      const s = touched[0];
      step.geo = { dim: dims[k][s], dNew: dims[k + 1][s], st: strides[k][s], sn: strides[k + 1][s], H: sizes[k] / (strides[k][s] * dims[k][s]) };
    } else {
      countTable(4 * sizes[k]);
      step.flat = flatTable(step, sizes[k], dims[k], strides[k + 1]);
    }
  }

  for (let st = 0; st < S; st++) flush(st);

  return { problem, order, dims, strides, sizes, steps, infeasible };
}
