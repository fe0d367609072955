// The WebAssembly loops of exact-pivots.ts (count-kernel.wat) over a table in their own memory: the
// additions that fill the table of light coalitions by (size, weight), four cells an instruction, the
// prefix sums of its rows and the alternating sums read from them. Undefined where WebAssembly with SIMD
// is missing or the numbers would not fit its 32-bit integers (exact-pivots.ts then runs its JavaScript).
import { COUNT_KERNEL_BASE64 } from './count-kernel-wasm.ts';

/** What the reading needs besides the table: see swingsBySizeExact. */
export interface ReadingSetup {
  q: number;
  n: number;
  cap: number;
  total: number;
  /** The distinct positive weights, whose swings by size are counted. */
  distinct: number[];
  /** The heavy coalitions below the quota: weights and sizes. */
  hw: Int32Array;
  hs: Int32Array;
}

export interface WasmTable {
  /** The table: `cells` cells of 32 bits, zeroed, at the start of the memory. */
  table: Uint32Array;
  /** table[d + w] += table[src + w] for w = from … to (nothing when to < from); the two ranges must not overlap. */
  addRow(d: number, src: number, from: number, to: number): void;
  /** Scratch row `which` (0 or 1)[i] = table[start] + … + table[start + i] for i < len; returns the total. */
  prefix(which: 0 | 1, start: number, len: number): number;
  /**
   * Adds light size s's share to every distinct weight's swings by size, reading scratch row `own` as
   * its prefix counts over [lo, hi] and the other as its complement's over [cLo, cHi] (lo > hi: absent);
   * `all` = C(m, s).
   */
  readSize(s: number, own: 0 | 1, lo: number, hi: number, cLo: number, cHi: number, all: number): void;
  /** Per distinct weight, the swings by size so far (copies). */
  outs(): Float64Array[];
}

interface Exports {
  addRow(dst: number, src: number, n: number): void;
  prefix(out: number, src: number, n: number): number;
  readSize(
    own: number, lo: number, hi: number, comp: number, cLo: number, cHi: number, all: number, cap: number, total: number,
    s: number, q: number, dist: number, nd: number, hw: number, hs: number, nh: number, outs: number, n: number,
  ): void;
}

/** Undefined until first used; null where it cannot be compiled. */
let compiled: WebAssembly.Module | null | undefined;

function kernel(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      const bytes = Uint8Array.from(atob(COUNT_KERNEL_BASE64), (c) => c.charCodeAt(0));
      compiled = new WebAssembly.Module(bytes); // throws where the bytes (SIMD) are not supported
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

const PAGE = 65536;
/** Byte addresses and weights are 32-bit signed integers in the kernels. */
const I32 = 2 ** 31 - 1;

/**
 * A zeroed table of `cells` 32-bit cells, two scratch rows of `width` float64 and the reading's
 * inputs and outputs, in a fresh WebAssembly memory (freed with the returned object); undefined when
 * WebAssembly is unavailable or the game's numbers pass 32-bit integers.
 */
export function wasmTable(cells: number, width: number, r: ReadingSetup): WasmTable | undefined {
  const nd = r.distinct.length;
  const nh = r.hw.length;
  const rowsAt = Math.ceil(cells / 2) * 8;
  const outsAt = rowsAt + 16 * width;
  const distAt = outsAt + 8 * nd * r.n;
  const hwAt = distAt + 4 * nd;
  const hsAt = hwAt + 4 * nh;
  const bytes = hsAt + 4 * nh;
  // below() and alternate() compute weights up to q + the largest weight, and q − (K + 1)·w.
  const fits = bytes < I32 - PAGE && r.q + Math.max(0, ...r.distinct) < I32 && r.total < I32;
  const module = fits ? kernel() : undefined;
  if (!module) return undefined;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  } catch {
    return undefined; // no room for one more mapping: the JavaScript tables may still fit
  }
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Exports;
  const buf = memory.buffer;
  new Int32Array(buf, distAt, nd).set(r.distinct);
  new Int32Array(buf, hwAt, nh).set(r.hw);
  new Int32Array(buf, hsAt, nh).set(r.hs);
  const rowAt = (which: 0 | 1) => rowsAt + 8 * width * which;
  // An absent row (lo > hi) is read as empty: lo = 2^31 − 1 makes every weight fall below it.
  const low = (lo: number, hi: number) => (lo > hi || !Number.isFinite(lo) ? I32 : lo);
  return {
    table: new Uint32Array(buf, 0, cells),
    addRow: (d, src, from, to) => k.addRow(4 * (d + from), 4 * (src + from), to - from + 1),
    prefix: (which, start, len) => k.prefix(rowAt(which), 4 * start, len),
    readSize: (s, own, lo, hi, cLo, cHi, all) =>
      k.readSize(rowAt(own), low(lo, hi), hi, rowAt(own === 0 ? 1 : 0), low(cLo, cHi), cHi, all, r.cap, r.total, s, r.q, distAt, nd, hwAt, hsAt, nh, outsAt, r.n),
    outs: () => r.distinct.map((_, d) => new Float64Array(buf, outsAt + 8 * d * r.n, r.n).slice()),
  };
}
