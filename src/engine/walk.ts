// Walks over a plan's layers: forward (the distribution over states), backward (the probability of
// passing from each state) and min-cost (the cheapest positions that pass). One loop per kind of
// step — a unit in one stage, or in several (a flat table) — written out in each walk so that
// none pays for a callback per cell.
import type { Plan } from './plan.ts';

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
    const next = layerBuffer((k - from) & 1, plan.sizes[k + 1], k === to - 1, into);
    const d = dists[step.unit];
    const src = cur;
    if (step.geo) {
      const { dim, dNew, st, sn, H } = step.geo;
      const tab = step.tables[0];
      const p0 = d[0], p1 = d[1], p2 = d[2], p3 = d[3];
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
    const out = layerBuffer((to - 1 - k) & 1, plan.sizes[k], k === from, into);
    const d = dists[step.unit];
    const nxt = cur;
    if (step.geo) {
      const { dim, dNew, st, sn, H } = step.geo;
      const tab = step.tables[0];
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
    const size = plan.sizes[k + 1];
    const next = new Float64Array(size).fill(Infinity);
    const bc = new Int32Array(size).fill(-1);
    const bp = new Int8Array(size);
    const c = cost[step.unit];
    const src = cur;
    // Forward's loops. Among equal costs the smallest cell wins, then the smallest position: the
    // choice a cell-by-cell walk makes, which the one-stage loop (positions outside cells) restores
    // by comparing cells.
    if (step.geo) {
      const { dim, dNew, st, sn, H } = step.geo;
      const tab = step.tables[0];
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
              if (x < next[idx] || (x === next[idx] && cell0 + low < bc[idx])) {
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
