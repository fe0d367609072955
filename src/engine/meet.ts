// Where the two halves of the driver enumeration meet: P(pass | d) for every pair of a front (the
// distribution over the middle layer's states for an assignment of the front drivers) and a back (the
// probability of passing from each of those states for an assignment of the back drivers).
// A function of its own so that V8 optimizes its loops as a whole, not by on-stack replacement in the
// middle of a caller that then deoptimizes on its way out.

/**
 * Fills `table[fRow[f] | bRow[b]]` with front f · back b for the fronts `fs` and the backs `bs` (rows
 * of `width` in the blocks `fronts` and `backs`). Only states some of those fronts reach can matter,
 * so both sides are packed densely onto those first.
 */
export function meetTable(
  fronts: Float64Array,
  fs: Int32Array,
  backs: Float64Array,
  bs: Int32Array,
  width: number,
  fRow: Int32Array,
  bRow: Int32Array,
  table: Float64Array,
): void {
  const reached = new Uint8Array(width);
  for (const f of fs) {
    const o = f * width;
    for (let i = 0; i < width; i++) if (fronts[o + i] !== 0) reached[i] = 1;
  }
  const support = new Int32Array(width);
  let m = 0;
  for (let i = 0; i < width; i++) if (reached[i]) support[m++] = i;
  // Padded with zero vectors to whole blocks (two fronts, four backs), so that the kernel has no
  // remainder loops: a loop TurboFan has never seen run deoptimizes the function when it is reached.
  const nF = fs.length + (fs.length & 1);
  const nB = (bs.length + 3) & ~3;
  const F = pack(fronts, fs, width, support, m, nF);
  const B = pack(backs, bs, width, support, m, nB);
  const dots = new Float64Array(nF * nB);
  dotBlocks(F, nF, B, nB, m, dots);
  for (let x = 0; x < fs.length; x++) {
    const r = fRow[fs[x]];
    const o = x * nB;
    for (let y = 0; y < bs.length; y++) table[r | bRow[bs[y]]] = dots[o + y];
  }
}

/**
 * dots[f · nB + b] = F row f · B row b (rows of length m; nF even, nB a multiple of four). Two fronts
 * and four backs at a time: each load of a front or a back serves four or two of the eight dot
 * products. Every product still sums its terms in order.
 */
function dotBlocks(F: Float64Array, nF: number, B: Float64Array, nB: number, m: number, dots: Float64Array): void {
  for (let f = 0; f < nF; f += 2) {
    const fo = f * m;
    const go = fo + m;
    const o = f * nB;
    for (let b = 0; b < nB; b += 4) {
      const b0 = b * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      let p0 = 0, p1 = 0, p2 = 0, p3 = 0;
      let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
      for (let j = 0; j < m; j++) {
        const x = F[fo + j];
        const y = F[go + j];
        const c0 = B[b0 + j];
        p0 += x * c0;
        q0 += y * c0;
        const c1 = B[b1 + j];
        p1 += x * c1;
        q1 += y * c1;
        const c2 = B[b2 + j];
        p2 += x * c2;
        q2 += y * c2;
        const c3 = B[b3 + j];
        p3 += x * c3;
        q3 += y * c3;
      }
      dots[o + b] = p0;
      dots[o + b + 1] = p1;
      dots[o + b + 2] = p2;
      dots[o + b + 3] = p3;
      dots[o + nB + b] = q0;
      dots[o + nB + b + 1] = q1;
      dots[o + nB + b + 2] = q2;
      dots[o + nB + b + 3] = q3;
    }
  }
}

/** Rows `rows` of a block (rows of `width`) at `support` (m entries each), padded with zero rows to `count`. */
function pack(block: Float64Array, rows: Int32Array, width: number, support: Int32Array, m: number, count: number): Float64Array {
  const out = new Float64Array(count * m);
  for (let r = 0; r < rows.length; r++) {
    const v = rows[r] * width;
    const o = r * m;
    for (let j = 0; j < m; j++) out[o + j] = block[v + support[j]];
  }
  return out;
}
