// Where the two halves of the driver enumeration meet: P(pass | d) for every pair of a front (the
// distribution over the middle layer's states for an assignment of the front drivers) and a back (the
// probability of passing from each of those states for an assignment of the back drivers).
// A function of its own so that V8 optimizes its loops as a whole, not by on-stack replacement in the
// middle of a caller that then deoptimizes on its way out.

/**
 * Fills `table[fRow[f] | bRow[b]]` with front f · back b. Only states some front reaches can matter,
 * so both sides are packed densely onto those first.
 */
export function meetTable(fronts: Float64Array[], backs: Float64Array[], width: number, fRow: Int32Array, bRow: Int32Array, table: Float64Array): void {
  const reached = new Uint8Array(width);
  for (const f of fronts) for (let i = 0; i < width; i++) if (f[i] !== 0) reached[i] = 1;
  const support = new Int32Array(width);
  let m = 0;
  for (let i = 0; i < width; i++) if (reached[i]) support[m++] = i;
  const F = pack(fronts, support, m);
  const B = pack(backs, support, m);
  const nB = backs.length;
  for (let f = 0; f < fronts.length; f++) {
    const fo = f * m;
    const r = fRow[f];
    let b = 0;
    // Four backs at a time share each load of the front.
    for (; b + 4 <= nB; b += 4) {
      const b0 = b * m;
      const b1 = b0 + m;
      const b2 = b1 + m;
      const b3 = b2 + m;
      let p0 = 0;
      let p1 = 0;
      let p2 = 0;
      let p3 = 0;
      for (let j = 0; j < m; j++) {
        const x = F[fo + j];
        p0 += x * B[b0 + j];
        p1 += x * B[b1 + j];
        p2 += x * B[b2 + j];
        p3 += x * B[b3 + j];
      }
      table[r | bRow[b]] = p0;
      table[r | bRow[b + 1]] = p1;
      table[r | bRow[b + 2]] = p2;
      table[r | bRow[b + 3]] = p3;
    }
    for (; b < nB; b++) {
      const bo = b * m;
      let p = 0;
      for (let j = 0; j < m; j++) p += F[fo + j] * B[bo + j];
      table[r | bRow[b]] = p;
    }
  }
}

function pack(vs: Float64Array[], support: Int32Array, m: number): Float64Array {
  const out = new Float64Array(vs.length * m);
  for (let r = 0; r < vs.length; r++) {
    const v = vs[r];
    const o = r * m;
    for (let j = 0; j < m; j++) out[o + j] = v[support[j]];
  }
  return out;
}
