// Banzhaf and Shapley–Shubik indices, pass probabilities and swing probabilities of weighted and
// multi-weighted games, by generating functions (see docs/engine.md for methods and limits).
//
// Exact counting: up to 53 players, coalition counts fit float64 integers exactly, so the grid over
// (coalition size, weighted sums) is counted exactly and each player is divided out exactly; swings
// by coalition size give both indices. Beyond that, probabilities: Banzhaf is the swing probability
// at p = 1/2, and Shapley–Shubik is Owen's integral ∫₀¹ swing_i(t) dt, whose integrand is a polynomial
// of degree n − 1, integrated exactly by ⌈n/2⌉-node Gauss–Legendre. Nodes come in pairs t, 1 − t,
// and one grid at t serves both (the sums at 1 − t are the mirror image of the sums at t).
import { EngineError, type Formula } from './constraints.ts';
import { type Game, type IntGame, normalizeGame } from './game.ts';
import { ENUMERATE_PLAYERS, enumeratedCounts } from './enumerate-power.ts';
import { pivotCells, ratio, swingsBySizeExact } from './exact-pivots.ts';
import { halfRule } from './gauss-legendre.ts';
import { addPlayer, capped1, forRows, type Grid, makeGrid, offsetOf, removeCountingDown, removePlayer, sumRange, uncapped1 } from './grid.ts';

export interface PowerRow {
  id: string;
  /** Normalized Banzhaf: swings over the total of all players' swings. */
  banzhaf: number;
  /** Raw (probabilistic) Banzhaf: swings / 2^(n−1), the chance of being decisive when others vote at random. */
  banzhafRaw: number;
  shapleyShubik: number;
  /** The exact number of swings, when counted exactly. */
  swings?: string;
  /** The exact number of orders of entry in which the player is pivotal (out of `orders`), when counted. */
  pivots?: string;
}

export interface PowerResult {
  players: PowerRow[];
  method: string;
  /** n!, the number of orders of entry, when pivots are counted exactly. */
  orders?: string;
}

/** Above this many grid cells (times coalition sizes, when counting) the grid is not built. */
export const MAX_GRID = 1 << 24;
const EXACT_PLAYERS = 53;

export interface PowerOptions {
  /** Skip Shapley–Shubik (reported as NaN) when only Banzhaf is wanted. */
  shapleyShubik?: boolean;
  /** 'auto' counts exactly when it can; 'float' forces the probability method (for tests and comparisons). */
  method?: 'auto' | 'float';
}

export function powerIndices(game: Game, options: PowerOptions = {}): PowerResult {
  const withSS = options.shapleyShubik ?? true;
  const g = normalizeGame(game);
  const n = g.players.length;
  let raw: Float64Array;
  let ss: Float64Array;
  let swings: number[] | undefined;
  let method: string;
  if (g.formula.kind === 'const' || n === 0) {
    raw = new Float64Array(n);
    ss = new Float64Array(n);
    method = 'constant game';
  } else {
    const exact = n <= EXACT_PLAYERS && options.method !== 'float';
    const layout = gridLayout(g, exact, true);
    if (options.method !== 'float' && n <= ENUMERATE_PLAYERS && 2 ** n * n < layout.grid.size) {
      // Few players, wide weights: visiting the 2^n coalitions costs less than the grid.
      ({ raw, ss, swings } = enumerated(g));
      method = `exact counting over all 2^${n} coalitions`;
    } else if (exact && layout.grid.size <= MAX_GRID) {
      ({ raw, ss, swings } = exactCounts(g, layout));
      method = 'exact counting by coalition size';
    } else if (exact && g.formula.kind === 'leaf' && pivotCells(g.constraints[g.formula.c].weights, g.constraints[g.formula.c].quota) <= MAX_GRID) {
      ({ raw, ss, swings } = exactSingle(g.constraints[g.formula.c]));
      method = 'exact counting by coalition size';
    } else if (g.formula.kind === 'leaf') {
      ({ raw, ss } = single(g, withSS));
      method = withSS ? `float64 generating function; Shapley–Shubik by ${Math.ceil(n / 2)}-node Gauss–Legendre` : 'float64 generating function (Banzhaf only)';
    } else {
      const fl = gridLayout(g, false);
      if (fl.grid.size > MAX_GRID) throw new EngineError(`the game's grid has ${fl.grid.size} cells; at most ${MAX_GRID} are supported (games of up to ${ENUMERATE_PLAYERS} players are counted coalition by coalition at any size)`);
      ({ raw, ss } = floatGrid(g, fl, withSS));
      method = withSS ? `float64 generating function; Shapley–Shubik by ${Math.ceil(n / 2)}-node Gauss–Legendre` : 'float64 generating function (Banzhaf only)';
    }
  }
  const total = raw.reduce((a, b) => a + b, 0);
  return {
    method,
    players: g.players.map((id, i) => ({
      id,
      banzhaf: total > 0 ? raw[i] / total : 0,
      banzhafRaw: raw[i],
      shapleyShubik: ss[i],
      ...(swings ? { swings: BigInt(swings[i]).toString() } : {}),
    })),
  };
}

/** Both indices from the counts of every coalition (few players). */
function enumerated(g: IntGame): { raw: Float64Array; ss: Float64Array; swings: number[] } {
  const n = g.players.length;
  const c = enumeratedCounts(g);
  const half = 1n << BigInt(n - 1);
  return {
    raw: Float64Array.from(c.swings, (s) => ratio(s, half)),
    ss: Float64Array.from(c.pivots, (p) => ratio(p, c.orders)),
    swings: c.swings.map(Number),
  };
}

interface Layout {
  grid: Grid;
  /** Per dimension, each player's weight. */
  dims: number[][];
  /** Per constraint: its dimension and quota in that dimension's units. */
  quota: Array<{ dim: number; q: number }>;
  /** Dimension that counts coalition members, or −1. */
  sizeDim: number;
}

/** Dimensions: one per weighted constraint; constraints that count members share a size dimension. */
function gridLayout(g: IntGame, withSize: boolean, sizeLast = false): Layout {
  const n = g.players.length;
  const dims: number[][] = [];
  const quota: Layout['quota'] = [];
  let sizeDim = -1;
  const sizeIndex = () => {
    if (sizeDim < 0) {
      sizeDim = dims.length;
      dims.push(new Array<number>(n).fill(1));
    }
    return sizeDim;
  };
  if (withSize) sizeIndex();
  for (const c of g.constraints) {
    const w0 = c.weights[0];
    if (c.weights.every((w) => w === w0) && w0 > 0) quota.push({ dim: sizeIndex(), q: Math.ceil(c.quota / w0) });
    else {
      quota.push({ dim: dims.length, q: c.quota });
      dims.push(c.weights);
    }
  }
  // The widest dimension goes first (stride 1), so the inner loops run along it.
  const ext = dims.map((ws) => ws.reduce((a, b) => a + b, 0) + 1);
  const perm = dims.map((_, j) => j).sort((a, b) => (sizeLast ? Number(a === sizeDim) - Number(b === sizeDim) : 0) || ext[b] - ext[a] || a - b);
  const where = new Array<number>(dims.length);
  perm.forEach((old, j) => (where[old] = j));
  const extents = perm.map((j) => ext[j]);
  let size = 1;
  for (const e of extents) size *= e;
  const grid = size <= MAX_GRID * 4 ? makeGrid(extents) : { extents, strides: [], size };
  return {
    grid,
    dims: perm.map((j) => dims[j]),
    quota: quota.map((x) => ({ dim: where[x.dim], q: x.q })),
    sizeDim: sizeDim < 0 ? -1 : where[sizeDim],
  };
}

/** Win indicator for every cell of the grid, built constraint by constraint. */
function winTable(g: IntGame, L: Layout): Uint8Array {
  const size = L.grid.size;
  const met = L.quota.map(({ dim, q }) => {
    const t = new Uint8Array(size);
    const stride = L.grid.strides[dim];
    const extent = L.grid.extents[dim];
    // Cells whose coordinate along `dim` is ≥ q: runs of `stride` cells repeating every stride·extent.
    for (let block = 0; block < size; block += stride * extent) t.fill(1, block + q * stride, block + extent * stride);
    return t;
  });
  const combine = (f: Formula): Uint8Array => {
    if (f.kind === 'leaf') return met[f.c];
    if (f.kind === 'const') return new Uint8Array(size).fill(f.value ? 1 : 0);
    const parts = f.args.map(combine);
    const out = Uint8Array.from(parts[0]);
    for (const p of parts.slice(1)) {
      if (f.kind === 'and') for (let i = 0; i < size; i++) out[i] &= p[i];
      else for (let i = 0; i < size; i++) out[i] |= p[i];
    }
    return out;
  };
  return combine(g.formula);
}

function weightsOf(L: Layout, i: number): number[] {
  return L.dims.map((d) => d[i]);
}

/** Grid of Π (q + p_i x^{w_i}) over all players. */
function buildGrid(L: Layout, p: (i: number) => number, counting: boolean): Float64Array {
  const D = new Float64Array(L.grid.size);
  D[0] = 1;
  const hi = L.dims.map(() => 0);
  const n = L.dims[0].length;
  for (let i = 0; i < n; i++) {
    const w = weightsOf(L, i);
    w.forEach((x, j) => (hi[j] += x));
    if (counting) addPlayer(D, L.grid, w, 1, 1, hi);
    else addPlayer(D, L.grid, w, p(i), 1 - p(i), hi);
  }
  return D;
}

function exactCounts(g: IntGame, L: Layout): { raw: Float64Array; ss: Float64Array; swings: number[] } {
  const n = g.players.length;
  const D = buildGrid(L, () => 1, true);
  const win = winTable(g, L);
  const x = new Float64Array(L.grid.size);
  // Weight of a swing into a coalition of s others: s!(n−1−s)!/n! = 1/(n·C(n−1, s)).
  const bySize = new Float64Array(n);
  let binom = 1;
  for (let s = 0; s < n; s++) {
    bySize[s] = 1 / (n * binom);
    binom = (binom * (n - 1 - s)) / (s + 1);
  }
  const raw = new Float64Array(n);
  const ss = new Float64Array(n);
  const swings: number[] = [];
  const full = L.grid.extents.map((e) => e - 1);
  // The size dimension is outermost: block c holds the coalitions of c members.
  const S = L.sizeDim;
  const block = L.grid.strides[S];
  const anyWin = new Uint8Array(n + 1);
  const anyLose = new Uint8Array(n + 1);
  for (let c = 0; c <= n; c++) {
    for (let k = c * block; k < (c + 1) * block; k++) {
      if (win[k]) anyWin[c] = 1;
      else anyLose[c] = 1;
      if (anyWin[c] && anyLose[c]) break;
    }
  }
  for (let i = 0; i < n; i++) {
    const w = weightsOf(L, i);
    const hi = full.map((h, j) => h - w[j]);
    const off = offsetOf(L.grid, w);
    // A swing takes a losing coalition of c others to a winning one of c + 1 members.
    let cmin = n;
    let cmax = -1;
    for (let c = 0; c < n; c++) {
      if (anyLose[c] && anyWin[c + 1]) {
        cmin = Math.min(cmin, c);
        cmax = c;
      }
    }
    if (off === 0 || cmax < 0) {
      swings.push(0);
      continue;
    }
    // Divide the player out only over the blocks needed, from whichever end is closer.
    const lo = hi.map(() => 0);
    if (cmax + 1 <= n - cmin) removePlayer(D, x, L.grid, w, 1, 1, hi.map((h, j) => (j === S ? cmax : h)));
    else removeCountingDown(D, x, L.grid, w, lo.map((l, j) => (j === S ? cmin : l)), hi);
    let sw = 0;
    let sh = 0;
    const scanHi = hi.map((h, j) => (j === S ? cmax : h));
    const scanLo = lo.map((l, j) => (j === S ? cmin : l));
    forRows(
      L.grid,
      scanHi,
      (base, len) => {
        const weight = bySize[Math.floor(base / block)];
        let rowSw = 0;
        for (let cell = base; cell < base + len; cell++) {
          if (win[cell] === 0 && win[cell + off] === 1) rowSw += x[cell];
        }
        sw += rowSw;
        sh += rowSw * weight;
      },
      scanLo,
    );
    swings.push(sw);
    raw[i] = sw / 2 ** (n - 1);
    ss[i] = sh;
  }
  return { raw, ss, swings };
}

/**
 * One weighted quota, up to 53 players, too wide for the full grid: coalitions counted by (size,
 * weight below the quota) over only the weights each size reaches, players divided out by an
 * alternating sum (exact-pivots.ts).
 */
function exactSingle(c: IntGame['constraints'][number]): { raw: Float64Array; ss: Float64Array; swings: number[] } {
  const n = c.weights.length;
  const bySize = swingsBySizeExact(c.weights, c.quota);
  const raw = new Float64Array(n);
  const ss = new Float64Array(n);
  const swings = bySize.map((row, i) => {
    let sw = 0;
    let sh = 0;
    // A swing into a coalition of s others weighs s!(n−1−s)!/n! = 1/(n·C(n−1, s)).
    for (let s = 0, binom = 1; s < n; s++) {
      sw += row[s];
      sh += row[s] / (n * binom);
      binom = (binom * (n - 1 - s)) / (s + 1);
    }
    raw[i] = sw / 2 ** (n - 1);
    ss[i] = sh;
    return sw;
  });
  return { raw, ss, swings };
}

/** One weighted quota: a capped one-dimensional grid. */
function single(g: IntGame, withSS: boolean): { raw: Float64Array; ss: Float64Array } {
  const c = g.constraints[(g.formula as { c: number }).c];
  const n = g.players.length;
  const W = c.total;
  const q = c.quota;
  // The swing window [q − w, q − 1] and its mirror [W − w − q + 1, W − q] both lie below the cap.
  const cap = Math.max(q, W - q + 1);
  const x = new Float64Array(cap);
  const raw = new Float64Array(n);
  const ss = new Float64Array(n);
  const window = (xs: Float64Array, w: number) => sumRange(xs, q - w, q - 1);
  const mirror = (xs: Float64Array, w: number) => sumRange(xs, W - w - q + 1, W - q);

  const half = capped1(c.weights, () => 0.5, cap);
  for (let i = 0; i < n; i++) {
    const w = c.weights[i];
    if (w === 0) continue;
    // At p = 1/2 the window and its mirror have equal mass; the lower one is read, where division is stable.
    const upTo = Math.min(q, W - q + 1);
    uncapped1(half, x, w, 0.5, upTo);
    raw[i] = q <= W - q + 1 ? window(x, w) : mirror(x, w);
  }

  if (!withSS) return { raw, ss: ss.fill(NaN) };
  for (const { t, weight, mirrorWeight } of halfRule(Math.ceil(n / 2))) {
    const D = capped1(c.weights, () => t, cap);
    for (let i = 0; i < n; i++) {
      const w = c.weights[i];
      if (w === 0) continue;
      uncapped1(D, x, w, t, cap);
      ss[i] += weight * window(x, w);
      if (mirrorWeight !== 0) ss[i] += mirrorWeight * mirror(x, w);
    }
  }
  return { raw, ss };
}

/** Several quotas, n > 53 or too large to count: float grid, Gauss–Legendre for Shapley–Shubik. */
function floatGrid(g: IntGame, L: Layout, withSS: boolean): { raw: Float64Array; ss: Float64Array } {
  const n = g.players.length;
  const win = winTable(g, L);
  const x = new Float64Array(L.grid.size);
  const full = L.grid.extents.map((e) => e - 1);
  const raw = new Float64Array(n);
  const ss = new Float64Array(n);
  // Swing mass of player i at the grid's t, and at 1 − t read through the mirror s ↦ (W − w) − s.
  const scan = (D: Float64Array, t: number, gw: number, gm: number, into: Float64Array) => {
    for (let i = 0; i < n; i++) {
      const w = weightsOf(L, i);
      const hi = full.map((h, j) => h - w[j]);
      const off = offsetOf(L.grid, w);
      if (off === 0) continue;
      removePlayer(D, x, L.grid, w, t, 1 - t, hi);
      const top = offsetOf(L.grid, hi);
      let acc = 0;
      forRows(L.grid, hi, (base, len) => {
        for (let cell = base; cell < base + len; cell++) {
          const v = x[cell];
          if (v === 0) continue;
          if (gw !== 0 && win[cell] === 0 && win[cell + off] === 1) acc += gw * v;
          const r = top - cell;
          if (gm !== 0 && win[r] === 0 && win[r + off] === 1) acc += gm * v;
        }
      });
      into[i] += acc;
    }
  };
  scan(buildGrid(L, () => 0.5, false), 0.5, 1, 0, raw);
  if (!withSS) return { raw, ss: ss.fill(NaN) };
  for (const { t, weight, mirrorWeight } of halfRule(Math.ceil(n / 2))) scan(buildGrid(L, () => t, false), t, weight, mirrorWeight, ss);
  return { raw, ss };
}

/** P(the coalition of yes-voters wins) when player i votes yes with probability p[i], independently. */
export function gamePassProbability(game: Game, p: number[]): number {
  const g = normalizeGame(game);
  if (g.formula.kind === 'const') return g.formula.value ? 1 : 0;
  if (g.formula.kind === 'leaf') {
    const c = g.constraints[g.formula.c];
    return capped1(c.weights, (i) => p[i], c.quota)[c.quota];
  }
  const L = gridLayout(g, false);
  if (L.grid.size > MAX_GRID) throw new EngineError(`the game's grid has ${L.grid.size} cells; at most ${MAX_GRID} are supported`);
  const D = buildGrid(L, (i) => p[i], false);
  const win = winTable(g, L);
  let s = 0;
  for (let cell = 0; cell < D.length; cell++) if (win[cell]) s += D[cell];
  return s;
}

/**
 * ∂P(pass)/∂p_i for every player: the probability that player i is decisive when the others vote
 * with their own probabilities (the behavioural swing probability of Kaniovski and Leech).
 */
export function swingProbabilities(game: Game, p: number[]): number[] {
  const g = normalizeGame(game);
  const n = g.players.length;
  if (g.formula.kind === 'const') return new Array<number>(n).fill(0);
  const high = p.some((x) => x > 0.5);
  const flip = (i: number) => 1 - p[i];
  if (g.formula.kind === 'leaf') {
    const c = g.constraints[g.formula.c];
    const W = c.total;
    const q = c.quota;
    const direct = capped1(c.weights, (i) => p[i], q);
    const mirrored = high ? capped1(c.weights, flip, W - q + 1) : undefined;
    const x = new Float64Array(Math.max(q, W - q + 1));
    return c.weights.map((w, i) => {
      if (w === 0) return 0;
      if (p[i] <= 0.5) {
        uncapped1(direct, x, w, p[i], q);
        return sumRange(x, q - w, q - 1);
      }
      uncapped1(mirrored!, x, w, 1 - p[i], W - q + 1);
      return sumRange(x, W - w - q + 1, W - q);
    });
  }
  const L = gridLayout(g, false);
  if (L.grid.size > MAX_GRID) throw new EngineError(`the game's grid has ${L.grid.size} cells; at most ${MAX_GRID} are supported`);
  const win = winTable(g, L);
  const direct = buildGrid(L, (i) => p[i], false);
  const mirrored = high ? buildGrid(L, flip, false) : undefined;
  const x = new Float64Array(L.grid.size);
  const full = L.grid.extents.map((e) => e - 1);
  return g.players.map((_, i) => {
    const w = weightsOf(L, i);
    const hi = full.map((h, j) => h - w[j]);
    const off = offsetOf(L.grid, w);
    if (off === 0) return 0;
    const top = offsetOf(L.grid, hi);
    const useMirror = p[i] > 0.5;
    removePlayer(useMirror ? mirrored! : direct, x, L.grid, w, useMirror ? 1 - p[i] : p[i], useMirror ? p[i] : 1 - p[i], hi);
    let acc = 0;
    forRows(L.grid, hi, (base, len) => {
      for (let cell = base; cell < base + len; cell++) {
        const v = x[cell];
        if (v === 0) continue;
        const s = useMirror ? top - cell : cell;
        if (win[s] === 0 && win[s + off] === 1) acc += v;
      }
    });
    return acc;
  });
}

export type { Formula };
