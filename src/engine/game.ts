// Simple games for voting power: a coalition (the players voting yes; everyone else votes no) wins
// when a monotone Boolean combination of weighted quotas holds. Stage rules reduce to this form.
import { bodySeatsAsOf } from '../model/asof.ts';
import type { OrganizationData, StageData } from '../model/schema.ts';
import { compileRule, decimals, EngineError, eval3, type Formula, gcd, NO, simplify, YES } from './constraints.ts';

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
    // Scale decimals to integers: "18.6" becomes 186 with the quota scaled alike, then divide by the gcd.
    const digits = Math.max(0, ...c.weights.map(decimals));
    const scale = 10 ** digits;
    let weights = c.weights.map((w) => Math.round(w * scale));
    let quota = Math.ceil(c.quota * scale - 1e-9 * Math.max(1, Math.abs(c.quota * scale)));
    const gw = weights.reduce((a, b) => gcd(a, b), 0);
    if (gw > 1) {
      weights = weights.map((w) => w / gw);
      quota = Math.ceil(quota / gw);
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (!Number.isSafeInteger(total * 2)) throw new EngineError('weights too large to count exactly');
    if (quota <= 0) constant.set(j, true);
    else if (quota > total) constant.set(j, false);
    if (!constant.has(j)) constraints.push({ weights, quota, total });
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
