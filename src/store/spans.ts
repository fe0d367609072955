// Items are stored with offsets only: every span ({start, end} objects: the item itself, its cue,
// speaker mention, trigger and condition) gets its text from the document when read. Storing the
// copies made run-on text cost O(n²) bytes (issue 13).

type Json = unknown;

function isSpanLike(v: Json): v is Record<string, Json> & { start: number; end: number } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) &&
    typeof (v as { start?: unknown }).start === 'number' && typeof (v as { end?: unknown }).end === 'number';
}

/** A deep copy without the `text` of any span: what the workspace stores. */
export function withoutSpanText(v: Json): Json {
  if (Array.isArray(v)) return v.map(withoutSpanText);
  if (typeof v !== 'object' || v === null) return v;
  const span = isSpanLike(v);
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) {
    if (span && k === 'text') continue;
    out[k] = withoutSpanText(x);
  }
  return out;
}

/**
 * The stored item with every span's text read from the document (an older row's stored copy is
 * replaced too, so the text always agrees with the offsets).
 */
export function withSpanText(v: Json, document: string): Json {
  if (Array.isArray(v)) return v.map((x) => withSpanText(x, document));
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) out[k] = withSpanText(x, document);
  if (isSpanLike(v)) out.text = document.slice(v.start, v.end);
  return out;
}
