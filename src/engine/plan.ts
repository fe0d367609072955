// The dynamic program behind every exact answer: units are taken one at a time in a fixed order,
// and the state after k units is the vector of partial sums of the constraints, kept only where the
// outcome is still open. A partial sum that can no longer reach its threshold, whatever the remaining
// units do, becomes "failed"; one that can no longer miss it becomes "met". A stage whose last unit
// has been taken is either met (its sums are forgotten) or failed (the state is dropped), so the state
// space stays small: the window of undecided sums is bounded both by what the taken units can add up
// to and by what the remaining units can still change.
import { eval3, EngineError, type Formula } from './constraints.ts';
import type { Problem } from './problem.ts';

/** Per-layer cap on the number of states, and on the total size of the transition tables. */
export const MAX_CELLS = 1 << 22;
export const MAX_TABLE = 1 << 26;

interface Shape {
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
function classOf(sh: Shape, v: number): number {
  if (v < sh.unsat) return 0;
  if (v >= sh.sat) return sh.n - 1;
  return sh.index ? sh.index[v - sh.lo] : (sh.canU ? 1 : 0) + (v - sh.lo);
}

/** Whether a class is decided: 0 failed, 1 met, −1 still open. */
function truth(sh: Shape, cls: number): number {
  return sh.canU && cls === 0 ? 0 : sh.canS && cls === sh.n - 1 ? 1 : -1;
}

interface Step {
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
  const formulas = stageConstraints.map((cs, st) => localFormula(problem.stageFormulas[st], cs));
  const luts = stageConstraints.map((cs, st) => (!multi[st] && cs.length > 1 ? verdicts(formulas[st], cs.length) : new Int8Array(0)));
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
    const l = run.last;
    const full = buildTable(st, l.cs, l.oldSh, l.newSh, l.dOld, l.done, l.coefOf, []);
    const guard = guards[st];
    for (const x of run.slots) {
      if (guard) {
        // A guarded stage's first row (state 0) is each step's own: a copy with its own row.
        const own = full.slice(0, x.size);
        guardHead(own, guard, x.at.cs, x.at.newSh, x.at.coefOf, formulas[st], x.at.done);
        x.tables[x.t] = own;
      } else x.tables[x.t] = x.size === full.length ? full : full.subarray(0, x.size);
    }
  };
  // One stage's table for one step (coefOf: the unit's coefficients; nextTuples: where a stage of
  // several constraints records the tuples of the next layer).
  function buildTable(
    st: number,
    cs: number[],
    oldSh: Shape[],
    newSh: Shape[],
    dOld: number,
    done: boolean,
    coefOf: Map<number, [number, number, number[]]>,
    nextTuples: Int32Array[][],
  ): Int32Array {
    tableSize += 4 * dOld;
    if (tableSize > MAX_TABLE) throw new EngineError('the exact computation needs too much memory for this procedure');
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
          const r = single ? tr[nc] : verdictOf(formula, truths);
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
        const r = verdictOf(formula, truths);
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
      else tables[t] = buildTable(st, cs, at.oldSh, at.newSh, at.dOld, at.done, coefOf, nextTuples);
    }
    tuples = nextTuples;
    const step: Step = { unit: u, touched, tables };
    steps.push(step);
    pushLayer(k + 1);
    if (touched.length > 1) {
      tableSize += 4 * sizes[k];
      if (tableSize > MAX_TABLE) throw new EngineError('the exact computation needs too much memory for this procedure');
      step.flat = flatTable(step, sizes[k], dims[k], strides[k + 1]);
    }
  }

  for (let st = 0; st < S; st++) flush(st);

  return { problem, order, dims, strides, sizes, steps, infeasible };
}

/**
 * Steps of a stage with equal keys have tables that are prefixes of one another: the same classes
 * before and after (relative to the old window) for every constraint, the same coefficients, except
 * that the size of the most significant constraint's window may grow while no bound can be crossed
 * (then a class only shifts, whatever the size). Undefined when a window keeps only reachable sums.
 */
function runKey(
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

function sameKey(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A guarded stage's state 0 (nobody has moved the guard, so the main sum is 0): where each position takes it. */
function guardHead(
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
    const r = verdictOf(formula, truths);
    tab[pos] = r === 0 ? -1 : done ? 0 : moved ? 1 + cm : 0;
  }
}

/**
 * A guarded stage: two constraints joined by AND, where the guard (Σ ≥ 1, coefficients never
 * negative) moves whenever the main constraint does — "at least one vote cast" beside a share of the
 * votes cast. Until the guard moves the main sum is still 0, so the stage has one state for "nobody
 * yet" plus the main constraint's classes, about half the states of the pair's product.
 */
function guardOf(problem: Problem, cs: number[], st: number): { main: number; guard: number } | undefined {
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
function verdicts(formula: Formula, K: number): Int8Array {
  const lut = new Int8Array(3 ** K);
  const t = new Int8Array(K);
  for (let code = 0; code < lut.length; code++) {
    let r = code;
    for (let j = 0; j < K; j++) {
      const dgt = r % 3;
      r = (r - dgt) / 3;
      t[j] = dgt === 2 ? -1 : dgt;
    }
    lut[code] = verdictOf(formula, t);
  }
  return lut;
}

// Scratch for the per-constraint pieces of one table (nothing keeps them past the table), grown as
// needed and reused from step to step instead of allocated for each.
const pool32: Int32Array[] = [];
const pool8: Int8Array[] = [];
function scratch32(slot: number, n: number): Int32Array {
  if (!(pool32[slot]?.length >= n)) pool32[slot] = new Int32Array(Math.max(n, 2 * (pool32[slot]?.length ?? 0)));
  return pool32[slot].subarray(0, n);
}
function scratch8(slot: number, n: number): Int8Array {
  if (!(pool8[slot]?.length >= n)) pool8[slot] = new Int8Array(Math.max(n, 2 * (pool8[slot]?.length ?? 0)));
  return pool8[slot].subarray(0, n);
}

/** Transitions of a stage indexed by the dense product of its constraints' classes. */
function denseTable(moves: Array<{ mv: Int32Array; n: number; tr: Int8Array }>, lut: Int8Array, dOld: number, done: boolean, tab: Int32Array): Int32Array {
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

/** A stage's formula with each leaf renumbered to its constraint's position in `cs`. */
function localFormula(f: Formula, cs: number[]): Formula {
  switch (f.kind) {
    case 'const':
      return f;
    case 'leaf':
      return { kind: 'leaf', c: cs.indexOf(f.c) };
    case 'and':
    case 'or':
      return { kind: f.kind, args: f.args.map((g) => localFormula(g, cs)) };
  }
}

/**
 * A local formula's value for its constraints' truth values (1, 0, −1 undecided). One function for
 * every stage and plan, rather than closures compiled per plan that V8 would have to optimize anew.
 */
function verdictOf(f: Formula, t: Int8Array): number {
  switch (f.kind) {
    case 'const':
      return f.value ? 1 : 0;
    case 'leaf':
      return t[f.c];
    case 'and':
    case 'or': {
      const stop = f.kind === 'and' ? 0 : 1;
      let out = f.kind === 'and' ? 1 : 0;
      for (const g of f.args) {
        const v = verdictOf(g, t);
        if (v === stop) return stop;
        if (v < 0) out = -1;
      }
      return out;
    }
  }
}

/** Iterates the cells of layer k, calling f(cell, next-index-without-touched-stages, coords). */
function transition(
  plan: Plan,
  k: number,
  visit: (cell: number, coords: Int32Array, base: number) => void,
  skip?: (cell: number) => boolean,
): void {
  const step = plan.steps[k];
  const dims = plan.dims[k];
  const strideNew = plan.strides[k + 1];
  const S = dims.length;
  const coords = new Int32Array(S);
  const isTouched = new Uint8Array(S);
  for (const s of step.touched) isTouched[s] = 1;
  const size = plan.sizes[k];
  for (let cell = 0; cell < size; cell++) {
    if (!skip || !skip(cell)) {
      let base = 0;
      for (let s = 0; s < S; s++) if (!isTouched[s]) base += coords[s] * strideNew[s];
      visit(cell, coords, base);
    }
    for (let s = 0; s < S; s++) {
      if (++coords[s] < dims[s]) break;
      coords[s] = 0;
    }
  }
}

/** Where a cell goes when the step's unit takes a position; −1 when a stage fails. */
function target(step: Step, dims: Int32Array, strideNew: Int32Array, coords: Int32Array, base: number, pos: number): number {
  let idx = base;
  for (let t = 0; t < step.touched.length; t++) {
    const s = step.touched[t];
    const nt = step.tables[t][4 * coords[s] + pos];
    if (nt < 0) return -1;
    idx += nt * strideNew[s];
  }
  return idx;
}

function flatTable(step: Step, size: number, dims: Int32Array, strideNew: Int32Array): Int32Array {
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

/** The initial layer: one state, with probability 1 (or none when the procedure cannot pass). */
export function initialLayer(plan: Plan): Float64Array {
  const l = new Float64Array(plan.sizes[0]);
  if (!plan.infeasible) l[0] = 1;
  return l;
}

// Two layers' worth of scratch for forward and backward: only the layer they return is allocated, so a
// fold over many units makes one array, not one per unit (the garbage was a good part of the time).
const scratch = [new Float64Array(0), new Float64Array(0)];
function layerBuffer(which: number, size: number, last: boolean, into?: Float64Array): Float64Array {
  if (last) return into ? into.fill(0) : new Float64Array(size);
  if (scratch[which].length < size) scratch[which] = new Float64Array(Math.max(size, 2 * scratch[which].length));
  const b = scratch[which].subarray(0, size);
  b.fill(0);
  return b;
}

/**
 * Distribution over the states of layer `to`, from the distribution at layer `from`. `dists[u]` per
 * unit. The result goes into `into` (of layer `to`'s size) when given, else into a new array.
 */
export function forward(plan: Plan, from: number, to: number, layer: Float64Array, dists: ArrayLike<number>[], into?: Float64Array): Float64Array {
  let cur = layer;
  for (let k = from; k < to; k++) {
    const step = plan.steps[k];
    const dims = plan.dims[k];
    const strideNew = plan.strides[k + 1];
    const next = layerBuffer((k - from) & 1, plan.sizes[k + 1], k === to - 1, into);
    const d = dists[step.unit];
    const src = cur;
    if (step.touched.length === 1) {
      const s = step.touched[0];
      const tab = step.tables[0];
      const dim = dims[s];
      const dNew = plan.dims[k + 1][s];
      const st = plan.strides[k][s];
      const sn = strideNew[s];
      const H = plan.sizes[k] / (st * dim);
      const p0 = d[0], p1 = d[1], p2 = d[2], p3 = d[3];
      // Cells as (high, c, low): stages below the touched one keep their strides, those above are
      // rescaled by the touched stage's new size.
      for (let high = 0; high < H; high++) {
        for (let c = 0; c < dim; c++) {
          const cell0 = high * st * dim + c * st;
          const base0 = high * st * dNew;
          const t0 = tab[4 * c], t1 = tab[4 * c + 1], t2 = tab[4 * c + 2], t3 = tab[4 * c + 3];
          for (let low = 0; low < st; low++) {
            const m = src[cell0 + low];
            if (m === 0) continue;
            const base = base0 + low;
            if (p0 !== 0 && t0 >= 0) next[base + t0 * sn] += m * p0;
            if (p1 !== 0 && t1 >= 0) next[base + t1 * sn] += m * p1;
            if (p2 !== 0 && t2 >= 0) next[base + t2 * sn] += m * p2;
            if (p3 !== 0 && t3 >= 0) next[base + t3 * sn] += m * p3;
          }
        }
      }
    } else {
      const flat = step.flat!;
      const size = plan.sizes[k];
      for (let pos = 0; pos < 4; pos++) {
        const p = d[pos];
        if (p === 0) continue;
        const row = pos * size;
        for (let cell = 0; cell < size; cell++) {
          const m = src[cell];
          const idx = flat[row + cell];
          if (m !== 0 && idx >= 0) next[idx] += m * p;
        }
      }
    }
    cur = next;
  }
  return cur;
}

/** Values at layer `from` (probability of passing from each state), from the values at layer `to`; `into` as for forward. */
export function backward(plan: Plan, from: number, to: number, values: Float64Array, dists: ArrayLike<number>[], into?: Float64Array): Float64Array {
  let cur = values;
  for (let k = to - 1; k >= from; k--) {
    const step = plan.steps[k];
    const dims = plan.dims[k];
    const strideNew = plan.strides[k + 1];
    const out = layerBuffer((to - 1 - k) & 1, plan.sizes[k], k === from, into);
    const d = dists[step.unit];
    const nxt = cur;
    if (step.touched.length === 1) {
      const s = step.touched[0];
      const tab = step.tables[0];
      const dim = dims[s];
      const dNew = plan.dims[k + 1][s];
      const st = plan.strides[k][s];
      const sn = strideNew[s];
      const H = plan.sizes[k] / (st * dim);
      const p0 = d[0], p1 = d[1], p2 = d[2], p3 = d[3];
      for (let high = 0; high < H; high++) {
        for (let c = 0; c < dim; c++) {
          const cell0 = high * st * dim + c * st;
          const base0 = high * st * dNew;
          const t0 = tab[4 * c], t1 = tab[4 * c + 1], t2 = tab[4 * c + 2], t3 = tab[4 * c + 3];
          for (let low = 0; low < st; low++) {
            const base = base0 + low;
            let v = 0;
            if (p0 !== 0 && t0 >= 0) v += p0 * nxt[base + t0 * sn];
            if (p1 !== 0 && t1 >= 0) v += p1 * nxt[base + t1 * sn];
            if (p2 !== 0 && t2 >= 0) v += p2 * nxt[base + t2 * sn];
            if (p3 !== 0 && t3 >= 0) v += p3 * nxt[base + t3 * sn];
            out[cell0 + low] = v;
          }
        }
      }
    } else {
      const flat = step.flat!;
      const size = plan.sizes[k];
      const p0 = d[0], p1 = d[1], p2 = d[2], p3 = d[3];
      for (let cell = 0; cell < size; cell++) {
        let v = 0;
        const i0 = flat[cell], i1 = flat[size + cell], i2 = flat[2 * size + cell], i3 = flat[3 * size + cell];
        if (p0 !== 0 && i0 >= 0) v += p0 * nxt[i0];
        if (p1 !== 0 && i1 >= 0) v += p1 * nxt[i1];
        if (p2 !== 0 && i2 >= 0) v += p2 * nxt[i2];
        if (p3 !== 0 && i3 >= 0) v += p3 * nxt[i3];
        out[cell] = v;
      }
    }
    cur = out;
  }
  return cur;
}

/** The value function at the last layer: every stage met. */
export function finalValues(plan: Plan): Float64Array {
  return Float64Array.of(1);
}

/** P(every stage of the plan passes) for per-unit distributions. */
export function passProbability(plan: Plan, dists: ArrayLike<number>[]): number {
  const last = forward(plan, 0, plan.order.length, initialLayer(plan), dists);
  return last[0] ?? 0;
}

/**
 * The cheapest choice of a position per unit that makes every stage pass, where `cost[u][pos]` is the
 * cost of unit u taking pos (Infinity: not allowed). Returns the positions by unit, or undefined.
 */
export function cheapest(plan: Plan, cost: ArrayLike<number>[]): { total: number; positions: Map<number, number> } | undefined {
  if (plan.infeasible) return undefined;
  const U = plan.order.length;
  let cur = new Float64Array(plan.sizes[0]).fill(Infinity);
  cur[0] = 0;
  const backCell: Int32Array[] = [];
  const backPos: Int8Array[] = [];
  for (let k = 0; k < U; k++) {
    const step = plan.steps[k];
    const dims = plan.dims[k];
    const strideNew = plan.strides[k + 1];
    const size = plan.sizes[k + 1];
    const next = new Float64Array(size).fill(Infinity);
    const bc = new Int32Array(size).fill(-1);
    const bp = new Int8Array(size);
    const c = cost[step.unit];
    const src = cur;
    // The same walks as forward's, in the same cell and position order (so ties go the same way).
    if (step.touched.length === 1) {
      const s = step.touched[0];
      const tab = step.tables[0];
      const dim = dims[s];
      const dNew = plan.dims[k + 1][s];
      const st = plan.strides[k][s];
      const sn = strideNew[s];
      const H = plan.sizes[k] / (st * dim);
      for (let high = 0; high < H; high++) {
        for (let cc = 0; cc < dim; cc++) {
          const cell0 = high * st * dim + cc * st;
          const base0 = high * st * dNew;
          for (let pos = 0; pos < 4; pos++) {
            const to = tab[4 * cc + pos];
            const add = c[pos];
            if (to < 0 || add === Infinity) continue;
            const off = base0 + to * sn;
            for (let low = 0; low < st; low++) {
              const x = src[cell0 + low] + add;
              const idx = off + low;
              if (x < next[idx] || (x === next[idx] && x < Infinity && cell0 + low < bc[idx])) {
                next[idx] = x;
                bc[idx] = cell0 + low;
                bp[idx] = pos;
              }
            }
          }
        }
      }
    } else {
      const flat = step.flat!;
      const sizeOld = plan.sizes[k];
      for (let cell = 0; cell < sizeOld; cell++) {
        const m = src[cell];
        if (m === Infinity) continue;
        for (let pos = 0; pos < 4; pos++) {
          const idx = flat[pos * sizeOld + cell];
          const x = m + c[pos];
          if (idx >= 0 && x < next[idx]) {
            next[idx] = x;
            bc[idx] = cell;
            bp[idx] = pos;
          }
        }
      }
    }
    backCell.push(bc);
    backPos.push(bp);
    cur = next;
  }
  if (!(cur[0] < Infinity)) return undefined;
  const positions = new Map<number, number>();
  let cell = 0;
  for (let k = U - 1; k >= 0; k--) {
    positions.set(plan.order[k], backPos[k][cell]);
    cell = backCell[k][cell];
  }
  return { total: cur[0], positions };
}
