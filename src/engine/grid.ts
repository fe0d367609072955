// Generating functions of weighted sums on dense grids: adding a player multiplies the grid by
// (q + p·x^w) in place; removing one divides it out again (deconvolution). Division is run upwards,
// where the error factor per step is p/q, so callers only divide out players with p ≤ 1/2 and use
// the mirrored grid (p ↦ 1 − p, sums ↦ total − sums) for the others.

export interface Grid {
  extents: number[];
  strides: number[];
  size: number;
}

export function makeGrid(extents: number[]): Grid {
  const strides: number[] = [];
  let size = 1;
  for (const e of extents) {
    strides.push(size);
    size *= e;
  }
  return { extents, strides, size };
}

export function offsetOf(g: Grid, w: number[]): number {
  return w.reduce((s, x, j) => s + x * g.strides[j], 0);
}

/** D ← q·D + p·shift_w(D) over the box [0, hi_j] (cells beyond hi are zero); counting when q = p = 1. */
export function addPlayer(D: Float64Array, g: Grid, w: number[], p: number, q: number, hi: number[]): void {
  const off = offsetOf(g, w);
  const K = g.extents.length;
  const rec = (j: number, base: number, ge: boolean): void => {
    if (j === 0) {
      const w0 = w[0];
      const h = hi[0];
      if (ge) {
        const end = base + w0;
        if (q === 1 && p === 1) for (let i = base + h; i >= end; i--) D[i] += D[i - off];
        else for (let i = base + h; i >= end; i--) D[i] = q * D[i] + p * D[i - off];
        if (q !== 1) for (let i = base + Math.min(w0 - 1, h); i >= base; i--) D[i] *= q;
      } else if (q !== 1) {
        for (let i = base + h; i >= base; i--) D[i] *= q;
      }
      return;
    }
    for (let c = hi[j]; c >= 0; c--) rec(j - 1, base + c * g.strides[j], ge && c >= w[j]);
  };
  rec(K - 1, 0, true);
}

/** X with D = q·X + p·shift_w(X), over the box [0, hi_j]; out must not alias D. */
export function removePlayer(D: Float64Array, out: Float64Array, g: Grid, w: number[], p: number, q: number, hi: number[]): void {
  const off = offsetOf(g, w);
  const K = g.extents.length;
  const inv = 1 / q;
  const counting = p === 1 && q === 1;
  const rec = (j: number, base: number, ge: boolean): void => {
    if (j === 0) {
      const w0 = w[0];
      const h = hi[0];
      const top = base + (ge ? Math.min(w0 - 1, h) : h);
      const end = base + h;
      if (counting) {
        for (let i = base; i <= top; i++) out[i] = D[i];
        if (ge) for (let i = base + w0; i <= end; i++) out[i] = D[i] - out[i - off];
      } else {
        for (let i = base; i <= top; i++) out[i] = D[i] * inv;
        if (ge) for (let i = base + w0; i <= end; i++) out[i] = (D[i] - p * out[i - off]) * inv;
      }
      return;
    }
    for (let c = 0; c <= hi[j]; c++) rec(j - 1, base + c * g.strides[j], ge && c >= w[j]);
  };
  rec(K - 1, 0, true);
}

/** Calls f(first cell, length) for every row (run along dimension 0) of the box [lo_j, hi_j]. */
export function forRows(g: Grid, hi: number[], f: (base: number, len: number) => void, lo?: number[]): void {
  const K = g.extents.length;
  const rec = (j: number, base: number): void => {
    if (j === 0) {
      const l = lo ? lo[0] : 0;
      if (hi[0] >= l) f(base + l, hi[0] - l + 1);
      return;
    }
    for (let c = lo ? lo[j] : 0; c <= hi[j]; c++) rec(j - 1, base + c * g.strides[j]);
  };
  rec(K - 1, 0);
}

/**
 * Counting only: X with D = X + shift_w(X), computed downwards over the box [lo_j, hi_j] where hi is
 * the others' total (W − w); X beyond hi is zero. Exact in integers, like the upward division.
 */
export function removeCountingDown(D: Float64Array, out: Float64Array, g: Grid, w: number[], lo: number[], hi: number[]): void {
  const off = offsetOf(g, w);
  const K = g.extents.length;
  const rec = (j: number, base: number, inside: boolean): void => {
    if (j === 0) {
      const w0 = w[0];
      const h = hi[0];
      // Cells whose successor (+w) is still inside the box subtract it; the others have none.
      const split = inside ? Math.max(lo[0] - 1, h - w0) : lo[0] - 1;
      for (let i = base + h; i > base + split; i--) out[i] = D[i + off];
      for (let i = base + split; i >= base + lo[0]; i--) out[i] = D[i + off] - out[i + off];
      return;
    }
    for (let c = hi[j]; c >= lo[j]; c--) rec(j - 1, base + c * g.strides[j], inside && c + w[j] <= hi[j]);
  };
  rec(K - 1, 0, true);
}

/**
 * One dimension, capped: cell `cap` holds every sum ≥ cap. Exact below the cap, which is all a
 * single quota needs. p[i] is player i's probability of joining.
 */
export function capped1(weights: ArrayLike<number>, p: (i: number) => number, cap: number): Float64Array {
  const D = new Float64Array(cap + 1);
  D[0] = 1;
  let hi = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const pi = p(i);
    const qi = 1 - pi;
    let add = 0;
    for (let s = Math.max(0, cap - w); s <= Math.min(hi, cap - 1); s++) add += D[s];
    D[cap] += pi * add;
    const top = Math.min(hi + w, cap - 1);
    for (let s = top; s >= w; s--) D[s] = qi * D[s] + pi * D[s - w];
    for (let s = Math.min(w - 1, top); s >= 0; s--) D[s] *= qi;
    hi = Math.min(hi + w, cap);
  }
  return D;
}

/** X with D = q·X + p·shift_w(X) on [0, upTo): exact below a cap ≥ upTo. */
export function uncapped1(D: Float64Array, out: Float64Array, w: number, p: number, upTo: number): void {
  const inv = 1 / (1 - p);
  const top = Math.min(w, upTo);
  for (let s = 0; s < top; s++) out[s] = D[s] * inv;
  for (let s = w; s < upTo; s++) out[s] = (D[s] - p * out[s - w]) * inv;
}

export function sumRange(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= to; i++) s += x[i];
  return s;
}
