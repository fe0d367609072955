// A value as the UTF-8 bytes of its JSON, byte for byte what `utf8(JSON.stringify(value))` gives, made
// without one large string. JSON.stringify of a ~90 KB answer returns a string V8 must flatten before
// it can encode it, and a flat copy that large (twice the size when one character is outside Latin-1)
// goes to the large-object space: an mmap and munmap per answer, which cost twice the computation of the
// answer itself. Here the top levels are walked by hand and each subtree below them is stringified on
// its own (small strings, young generation) and encoded into one reused scratch buffer.
const utf8 = new TextEncoder();

/** Levels walked by hand before subtrees are stringified whole: enough to keep each piece to a few KB. */
const DEPTH = 4;

let scratch = new Uint8Array(1 << 18);
let used = 0;

/** Objects whose JSON never changes, and their bytes once written (see constantJson). */
const constants = new WeakSet<object>();
const constantBytes = new WeakMap<object, Uint8Array>();

/**
 * Declares that an object's JSON will never change (nothing in it is ever modified): its bytes are made
 * once and copied into every answer that holds it. The parts of a case's answer that depend only on the
 * case and the day (evidence, ties, sources) are half its bytes and half its encoding time.
 */
export function constantJson(o: object): void {
  constants.add(o);
}

function ensure(n: number): void {
  if (scratch.length - used < n) {
    const bigger = new Uint8Array(Math.max(scratch.length * 2, used + n));
    bigger.set(scratch.subarray(0, used));
    scratch = bigger;
  }
}

function put(s: string): void {
  // At most 3 bytes per UTF-16 unit.
  ensure(s.length * 3);
  used += utf8.encodeInto(s, scratch.subarray(used)).written;
}

function putBytes(b: Uint8Array): void {
  ensure(b.length);
  scratch.set(b, used);
  used += b.length;
}

/** An array, or an object of no class (what JSON.parse makes) without toJSON: the shapes walked by hand. */
function plain(v: unknown): v is object {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Writes a value's JSON; false when JSON.stringify would leave it out (undefined, a function, a symbol). */
function write(v: unknown, level: number): boolean {
  if (typeof v === 'object' && v !== null && constants.has(v)) {
    let b = constantBytes.get(v);
    if (!b) constantBytes.set(v, (b = utf8.encode(JSON.stringify(v))));
    putBytes(b);
    return true;
  }
  if (level >= DEPTH || !plain(v)) {
    const s = JSON.stringify(v);
    if (s === undefined) return false;
    put(s);
    return true;
  }
  if (Array.isArray(v)) {
    put('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) put(',');
      // In an array, what an object would leave out is written as null.
      if (!write(v[i], level + 1)) put('null');
    }
    put(']');
    return true;
  }
  put('{');
  let first = true;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    put(`${first ? '' : ','}${JSON.stringify(k)}:`);
    first = false;
    write(x, level + 1);
  }
  put('}');
  return true;
}

/** The JSON of a value (an object or an array: what an answer is) as UTF-8 bytes of their own. */
export function jsonBytes(value: object): Uint8Array<ArrayBuffer> {
  used = 0;
  write(value, 0);
  // A copy of exactly the bytes written: the scratch buffer is reused by the next call.
  return scratch.slice(0, used);
}
