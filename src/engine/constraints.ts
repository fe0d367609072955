// Decision rules as monotone Boolean combinations of integer linear threshold constraints.
// Every rule of the model reduces to "Σ over voting items of coef[position] ≥ b" joined by AND/OR,
// which is what lets one dynamic program compute probabilities, minimal changes and power.
import type { RuleInput } from '../model/schema.ts';
import { minimumCount, parseFraction } from '../rules/fraction.ts';

/** Positions in the fixed order used by coefficient vectors: yes, no, abstain, absent. */
export const YES = 0;
export const NO = 1;
export const ABSTAIN = 2;
export const ABSENT = 3;
export type Coef = [number, number, number, number];

/** One ballot as a rule sees it: a state's delegation (bloc) or one seat of it. */
export interface Item {
  state: string;
  /** Seats this item casts. */
  seats: number;
  /** Seats of the whole delegation (equal to `seats` for a bloc). */
  delegation: number;
}

/** Σ_i coefs[i][position of item i] ≥ b. Coefficients are integers and yes is never worse than another position. */
export interface LinearConstraint {
  coefs: Coef[];
  b: number;
}

export type Formula =
  | { kind: 'leaf'; c: number }
  | { kind: 'and' | 'or'; args: Formula[] }
  | { kind: 'const'; value: boolean };

export interface CompiledRule {
  constraints: LinearConstraint[];
  formula: Formula;
}

export class EngineError extends Error {}

/** Compiles a rule over the items of a body; constraint indices in the formula refer to `constraints`. */
export function compileRule(rule: RuleInput, items: Item[]): CompiledRule {
  const constraints: LinearConstraint[] = [];
  const add = (coef: (it: Item) => Coef, b: number): Formula => {
    const c = normalize({ coefs: items.map(coef), b });
    if (c.coefs.every((k) => k[0] === 0 && k[1] === 0 && k[2] === 0 && k[3] === 0)) return { kind: 'const', value: 0 >= c.b };
    constraints.push(c);
    return { kind: 'leaf', c: constraints.length - 1 };
  };
  const build = (r: RuleInput): Formula => {
    switch (r.type) {
      case 'unanimity':
      case 'each':
        return add((it) => [0, -it.seats, -it.seats, -it.seats], 0);
      case 'consensus':
        return add((it) => [0, -it.seats, 0, 0], 0);
      case 'share': {
        const f = reduce(parseFraction(r.p));
        if (r.of === 'entitled') {
          const entitled = items.reduce((s, it) => s + it.seats, 0);
          if (entitled === 0) return { kind: 'const', value: false };
          return add((it) => [it.seats, 0, 0, 0], minimumCount(f, entitled, r.strict));
        }
        // yes/base ≥ num/den  ⇔  (den−num)·yes − num·(base − yes) ≥ 0, base = yes + no (+ abstain for "present").
        const abstain = r.of === 'present';
        const main = add((it) => [(f.den - f.num) * it.seats, -f.num * it.seats, abstain ? -f.num * it.seats : 0, 0], r.strict ? 1 : 0);
        if (r.strict) return main; // strict already needs yes > 0
        // With nobody voting there is no majority: base ≥ 1 (with a positive share this is the same as
        // yes ≥ 1). Written on the base, the guard moves whenever the main sum does, so until someone
        // votes the main sum is still 0 and the engine needs one extra state, not a second dimension.
        if (f.num === 0) return { kind: 'and', args: [main, add((it) => [it.seats, 0, 0, 0], 1)] };
        return { kind: 'and', args: [main, add((it) => [it.seats, it.seats, abstain ? it.seats : 0, 0], 1)] };
      }
      case 'count':
        return add((it) => [it.seats, 0, 0, 0], r.n);
      case 'noVeto': {
        const players = new Set(r.players);
        // A delegation vetoes when any of its seats votes no.
        return add((it) => [0, players.has(it.state) ? -1 : 0, 0, 0], 0);
      }
      case 'weighted': {
        const f = reduce(parseFraction(r.p));
        const w = integerWeights(items.map((it) => ({ w: r.weights[it.state] ?? 0, part: it.seats, of: it.delegation })));
        const total = w.reduce((s, x) => s + x, 0);
        if (total === 0) return { kind: 'const', value: false };
        return addWeighted(w, f, total, r.strict ?? false);
      }
      case 'all':
        return { kind: 'and', args: r.rules.map(build) };
      case 'any':
        return { kind: 'or', args: r.rules.map(build) };
    }
  };
  const addWeighted = (w: number[], f: { num: number; den: number }, total: number, strict: boolean): Formula => {
    const c = normalize({ coefs: w.map((x) => [x * f.den, 0, 0, 0]), b: f.num * total + (strict ? 1 : 0) });
    checkSafe(c);
    constraints.push(c);
    return { kind: 'leaf', c: constraints.length - 1 };
  };
  const formula = simplify(build(rule));
  for (const c of constraints) checkSafe(c);
  return { constraints, formula };
}

function reduce(f: { num: number; den: number }): { num: number; den: number } {
  const g = gcd(f.num, f.den) || 1;
  return { num: f.num / g, den: f.den / g };
}

export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Divides a constraint by the gcd of its coefficients; the threshold rounds up (the sums are integers). */
function normalize(c: LinearConstraint): LinearConstraint {
  let g = 0;
  for (const k of c.coefs) for (const x of k) g = gcd(g, x);
  if (g <= 1) return c;
  return { coefs: c.coefs.map((k) => k.map((x) => x / g) as Coef), b: Math.ceil(c.b / g) };
}

function checkSafe(c: LinearConstraint): void {
  let span = Math.abs(c.b);
  for (const k of c.coefs) span += Math.max(...k.map(Math.abs));
  if (!Number.isSafeInteger(span)) throw new EngineError('a weighted rule whose weights are too large or too fine to count exactly');
}

/**
 * Weights as integers: decimals are scaled by a power of ten, and a delegation's weight is shared
 * equally among its seats (scaled by the lcm of delegation sizes) so that a bloc carries its full weight.
 */
export function integerWeights(xs: Array<{ w: number; part: number; of: number }>): number[] {
  let digits = 0;
  for (const x of xs) digits = Math.max(digits, decimals(x.w));
  let l = 1;
  for (const x of xs) if (x.w > 0 && x.part !== x.of) l = lcm(l, x.of);
  const scale = 10 ** digits;
  return xs.map((x) => (Math.round(x.w * scale) * l * x.part) / x.of);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** Decimal digits of a number as written (0.65 → 2), at most 9. */
export function decimals(x: number): number {
  if (Number.isInteger(x)) return 0;
  const s = x.toExponential();
  const [mant, exp] = s.split('e');
  const frac = (mant.split('.')[1] ?? '').length;
  return Math.min(9, Math.max(0, frac - Number(exp)));
}

/** Removes constants from AND/OR nodes. */
export function simplify(f: Formula): Formula {
  if (f.kind !== 'and' && f.kind !== 'or') return f;
  const args: Formula[] = [];
  for (const a of f.args.map(simplify)) {
    if (a.kind === 'const') {
      if (f.kind === 'and' && !a.value) return a;
      if (f.kind === 'or' && a.value) return a;
      continue;
    }
    args.push(a);
  }
  if (args.length === 0) return { kind: 'const', value: f.kind === 'and' };
  if (args.length === 1) return args[0];
  return { kind: f.kind, args };
}

/**
 * Three-valued evaluation: 1 true, 0 false, −1 undecided. A leaf's value comes from a function of
 * its constraint, or from an array indexed by it (what the plan's hot loops pass: no closure a call).
 */
export function eval3(f: Formula, value: ((c: number) => number) | ArrayLike<number>): number {
  switch (f.kind) {
    case 'const':
      return f.value ? 1 : 0;
    case 'leaf':
      return typeof value === 'function' ? value(f.c) : value[f.c];
    case 'and': {
      let out = 1;
      for (const a of f.args) {
        const v = eval3(a, value);
        if (v === 0) return 0;
        if (v < 0) out = -1;
      }
      return out;
    }
    case 'or': {
      let out = 0;
      for (const a of f.args) {
        const v = eval3(a, value);
        if (v === 1) return 1;
        if (v < 0) out = -1;
      }
      return out;
    }
  }
}

export function leaves(f: Formula): number[] {
  if (f.kind === 'leaf') return [f.c];
  if (f.kind === 'const') return [];
  return f.args.flatMap(leaves);
}

/** The formula with each leaf's constraint index c replaced by to(c). */
export function renumberLeaves(f: Formula, to: (c: number) => number): Formula {
  if (f.kind === 'leaf') return { kind: 'leaf', c: to(f.c) };
  if (f.kind === 'const') return f;
  return { kind: f.kind, args: f.args.map((a) => renumberLeaves(a, to)) };
}

/** Whether a concrete ballot (a position index per item) satisfies the compiled rule. */
export function passesBallot(rule: CompiledRule, positions: number[]): boolean {
  const sums = rule.constraints.map((c) => c.coefs.reduce((s, k, i) => s + k[positions[i]], 0));
  return eval3(rule.formula, (c) => (sums[c] >= rule.constraints[c].b ? 1 : 0)) === 1;
}
