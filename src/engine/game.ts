// Simple games for voting power: a coalition (the players voting yes; everyone else votes no) wins
// when a monotone Boolean combination of weighted quotas holds. Stage rules reduce to this form.
import { bodySeatsAsOf } from '../model/asof.ts';
import type { OrganizationData, StageData } from '../model/schema.ts';
import { compileRule, EngineError, eval3, type Formula, NO, simplify, YES } from './constraints.ts';

export interface Game {
  players: string[];
  /** A coalition meets constraint j when the sum of its members' weights[j] reaches quota[j]. */
  constraints: Array<{ weights: number[]; quota: number }>;
  /** Over constraint indices; all constraints must be met when omitted (a multi-weighted majority). */
  formula?: Formula;
}

/** A game with non-negative integer weights, constant constraints folded away. */
export interface IntGame {
  players: string[];
  constraints: Array<{ weights: number[]; quota: number; total: number }>;
  formula: Formula;
}

export function normalizeGame(g: Game): IntGame {
  const n = g.players.length;
  if (new Set(g.players).size !== n) throw new EngineError('player ids must be distinct');
  const constraints: IntGame['constraints'] = [];
  const constant = new Map<number, boolean>();
  g.constraints.forEach((c, j) => {
    if (c.weights.length !== n) throw new EngineError(`constraint ${j + 1} has ${c.weights.length} weights for ${n} players`);
    for (const w of c.weights) if (!(w >= 0) || !Number.isFinite(w)) throw new EngineError('weights must be finite and non-negative');
    if (!Number.isFinite(c.quota)) throw new EngineError('quotas must be finite numbers');
    const { weights, quota, total } = integerConstraint(c.weights, c.quota);
    if (quota <= 0n) constant.set(j, true);
    else if (quota > BigInt(total)) constant.set(j, false);
    if (!constant.has(j)) constraints.push({ weights, quota: Number(quota), total });
  });
  const renumber = new Map<number, number>();
  let next = 0;
  g.constraints.forEach((_, j) => {
    if (!constant.has(j)) renumber.set(j, next++);
  });
  const base: Formula = g.formula ?? { kind: 'and', args: g.constraints.map((_, c) => ({ kind: 'leaf', c }) as Formula) };
  const map = (f: Formula): Formula => {
    if (f.kind === 'leaf') return constant.has(f.c) ? { kind: 'const', value: constant.get(f.c)! } : { kind: 'leaf', c: renumber.get(f.c)! };
    if (f.kind === 'const') return f;
    return { kind: f.kind, args: f.args.map(map) };
  };
  return { players: g.players, constraints, formula: simplify(map(base)) };
}

/** A number as the decimal it prints as (the shortest that reads back the same): digits × 10^exp. */
function exactDecimal(x: number): { digits: bigint; exp: number } {
  const [mant, e] = x.toExponential().split('e');
  const [whole, frac = ''] = mant.split('.');
  return { digits: BigInt(whole + frac), exp: Number(e) - frac.length };
}

/**
 * One weighted quota in integers, exactly: decimals are scaled by the same power of ten ("18.6"
 * becomes 186, the quota alike) and the weights divided by their gcd, all in big integers, so that
 * no digit is lost (a weight of 1e-12 stays non-zero) and a quota of 3.0000000001 is not met by a
 * weight of 3. The quota is rounded up (the sums are integers); it stays a bigint so that a quota
 * beyond any sum is seen as such.
 */
function integerConstraint(ws: number[], q: number): { weights: number[]; quota: bigint; total: number } {
  const dec = ws.map(exactDecimal);
  const low = Math.min(0, ...dec.map((d) => d.exp));
  let big = dec.map((d) => d.digits * 10n ** BigInt(d.exp - low));
  let g = big.reduce((a, b) => bigGcd(a, b), 0n);
  if (g === 0n) g = 1n; // every weight is zero
  big = big.map((w) => w / g);
  const sum = big.reduce((a, b) => a + b, 0n);
  if (sum * 2n > BigInt(Number.MAX_SAFE_INTEGER)) throw new EngineError('weights too large to count exactly: after scaling decimals to integers the total exceeds 2^52');
  const qd = exactDecimal(q);
  const num = qd.exp >= low ? qd.digits * 10n ** BigInt(qd.exp - low) : qd.digits;
  const den = qd.exp >= low ? g : g * 10n ** BigInt(low - qd.exp);
  const quota = num / den + (num % den > 0n ? 1n : 0n); // ceiling (bigint division truncates toward zero)
  return { weights: big.map(Number), quota, total: Number(sum) };
}

function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Whether a coalition (as a membership vector) wins. */
export function wins(g: IntGame, members: boolean[]): boolean {
  const sums = g.constraints.map((c) => c.weights.reduce((s, w, i) => s + (members[i] ? w : 0), 0));
  return eval3(g.formula, (c) => (sums[c] >= g.constraints[c].quota ? 1 : 0)) === 1;
}

/**
 * The game a stage's rule defines on its body as of a day: each state votes yes or no as a bloc
 * (abstentions and absences play no part in a simple game, so "of votes cast" becomes "of members").
 */
export function stageGame(org: OrganizationData, stage: StageData, asOf: string): Game {
  const body = org.bodies.find((b) => b.id === stage.body);
  if (!body) throw new EngineError(`stage ${stage.id} names unknown body ${stage.body}`);
  const seats = bodySeatsAsOf(org, body, asOf);
  if (!seats) throw new EngineError(`the members of ${body.name} are not in the dataset, so its voting power cannot be computed`);
  return seatsGame(stage, seats);
}

/** The game of a stage's rule over given members and their seats (each delegation a bloc). */
export function seatsGame(stage: StageData, seats: Map<string, number>): Game {
  const items = [...seats].map(([state, n]) => ({ state, seats: n, delegation: n }));
  const rule = compileRule(stage.rule, items);
  return {
    players: items.map((i) => i.state),
    constraints: rule.constraints.map((c) => ({
      weights: c.coefs.map((k) => k[YES] - k[NO]),
      quota: c.b - c.coefs.reduce((s, k) => s + k[NO], 0),
    })),
    formula: rule.formula,
  };
}

/**
 * Reads a game file: {"quota": q, "players": [{"id", "weight"}]} or
 * {"quotas": [q1, q2], "players": [{"id", "weights": [w1, w2]}]}. Throws a message naming what is wrong.
 */
export function parseGame(json: unknown): Game {
  const fail = (m: string): never => {
    throw new EngineError(`game file: ${m}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('expected a JSON object with "quota" or "quotas" and "players"');
  const o = json as Record<string, unknown>;
  const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  let quotas: number[];
  if ('quotas' in o && 'quota' in o) return fail('give "quota" (one majority) or "quotas" (several), not both');
  if ('quotas' in o) {
    if (!Array.isArray(o.quotas) || o.quotas.length === 0 || !o.quotas.every(isNum)) return fail('"quotas" must be a non-empty array of numbers');
    quotas = o.quotas as number[];
  } else if ('quota' in o) {
    if (!isNum(o.quota)) return fail('"quota" must be a number');
    quotas = [o.quota];
  } else return fail('missing "quota" (one majority) or "quotas" (several)');
  if (!Array.isArray(o.players) || o.players.length === 0) return fail('"players" must be a non-empty array');
  const multi = 'quotas' in o;
  const players: string[] = [];
  const weights: number[][] = quotas.map(() => []);
  o.players.forEach((p: unknown, i: number) => {
    if (typeof p !== 'object' || p === null) return fail(`players[${i}] must be an object`);
    const q = p as Record<string, unknown>;
    if (typeof q.id !== 'string' || q.id === '') return fail(`players[${i}].id must be a non-empty string`);
    players.push(q.id);
    const ws = multi ? q.weights : [q.weight];
    if (!Array.isArray(ws) || ws.length !== quotas.length || !ws.every((w) => isNum(w) && w >= 0)) {
      return fail(multi ? `players[${i}].weights must be ${quotas.length} non-negative numbers` : `players[${i}].weight must be a non-negative number`);
    }
    ws.forEach((w, j) => weights[j].push(w as number));
  });
  if (new Set(players).size !== players.length) return fail('player ids must be distinct');
  return { players, constraints: quotas.map((quota, j) => ({ weights: weights[j], quota })) };
}
