// Finds quotation spans from quotation marks of every common style: "…", “…”, „…“, «…», »…«,
// ‘…’ and nested '…'. A quotation may run over several paragraphs when each continued paragraph
// reopens it (the English convention). Unbalanced marks are dropped, never guessed across paragraphs.

export interface QuoteSpan {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark */
  close: number;
  /** content: [start, end) between the marks */
  start: number;
  end: number;
  /** 1 for a top-level quotation, 2 for one nested inside another */
  depth: number;
  /** index of the enclosing quotation, -1 at top level */
  parent: number;
  /** offsets of re-opening marks of continued paragraphs */
  reopen: readonly number[];
  single: boolean;
}

const DOUBLE = new Set(['"', '“', '”', '„', '«', '»', '‟', '＂', '〝', '〞']);
const SINGLE_OPEN = '‘';
const SINGLE_CLOSE = '’';
/** Most spans reopen nowhere: one shared empty list instead of one per span (a flood of marks is millions). */
const NO_REOPEN: readonly number[] = Object.freeze([]);

type Role = 'open' | 'close' | 'either';

function isSpaceLike(c: string | undefined): boolean {
  return c === undefined || /[\s([{\u2014\u2013/]/u.test(c);
}
function isLetterOrDigit(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Role of a double mark from its surroundings; the character itself only breaks ties. */
function doubleRole(text: string, i: number, germanLow: boolean, reversedGuillemets: boolean): Role {
  const c = text[i];
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  const prevSpace = isSpaceLike(prev);
  const nextSpace = next === undefined || /\s/u.test(next);
  const nextPunct = next !== undefined && /[.,;:!?)\]}\u2014\u2013…-]/u.test(next);
  // 'drummer' ", he recalled: a mark set off by a space before a comma or full stop closes (a
  // quotation never begins with one)
  if (prevSpace && prev !== undefined && /[,;:.!?)]/u.test(next ?? '') && (i + 2 >= text.length || /\s/u.test(text[i + 2]))) {
    return 'close';
  }
  if (prevSpace && !nextSpace) return 'open';
  if (!prevSpace && (nextSpace || nextPunct)) return 'close';
  // hint from the character
  if (c === '„' || c === '〝') return 'open';
  if (c === '“') return germanLow ? 'close' : 'open';
  if (c === '”' || c === '〞') return 'close';
  if (c === '«') return reversedGuillemets ? 'close' : 'open';
  if (c === '»') return reversedGuillemets ? 'open' : 'close';
  return 'either';
}

/** Finds top-level and nested quotation spans in `text`. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const germanLow = text.includes('„');
  const firstOpenG = text.indexOf('«');
  const firstCloseG = text.indexOf('»');
  const reversedGuillemets = firstCloseG >= 0 && (firstOpenG < 0 || firstCloseG < firstOpenG) &&
    /»\p{L}/u.test(text);
  const spans: QuoteSpan[] = [];

  interface Open { pos: number; reopen: readonly number[] }
  let stack: Open[] = [];
  let pendingContinuation: Open | null = null;

  forEachLine(text, (ls, le) => {
    if (ls === le) return;
    // a quotation left open by the previous paragraph continues if this one reopens it
    if (pendingContinuation) {
      const first = firstNonSpace(text, ls, le);
      if (first >= 0 && DOUBLE.has(text[first]) && doubleRole(text, first, germanLow, reversedGuillemets) !== 'close') {
        // the shared empty list is never pushed to: a quotation's first reopening gets its own
        if (pendingContinuation.reopen === NO_REOPEN) pendingContinuation.reopen = [first];
        else (pendingContinuation.reopen as number[]).push(first);
        stack = [pendingContinuation];
        pendingContinuation = null;
        scanDoubles(first + 1, le);
      } else {
        pendingContinuation = null;
        scanDoubles(ls, le);
      }
    } else {
      scanDoubles(ls, le);
    }
    if (stack.length === 1) pendingContinuation = stack[0];
    stack = [];
  });

  function scanDoubles(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const c = text[i];
      if (!DOUBLE.has(c)) continue;
      const role = doubleRole(text, i, germanLow, reversedGuillemets);
      if (role === 'open' || (role === 'either' && stack.length === 0)) {
        stack.push({ pos: i, reopen: NO_REOPEN });
      } else if (stack.length > 0) {
        const o = stack.pop()!;
        spans.push(makeSpan(o.pos, i, o.reopen));
      }
    }
  }

  spans.sort((a, b) => a.open - b.open);
  // single quotes: curly ones anywhere, straight ones only inside a double quotation
  // (elsewhere an apostrophe is far more likely than a quotation mark)
  const singles = findSingles(text, spans);
  const all = [...spans, ...singles].sort((a, b) => a.open - b.open);
  assignNesting(all);
  return all;
}

function makeSpan(open: number, close: number, reopen: readonly number[], single = false): QuoteSpan {
  return { open, close, start: open + 1, end: close, depth: 1, parent: -1, reopen, single };
}

function findSingles(text: string, doubles: QuoteSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // the double quotation containing pos, by binary search over the (sorted, top-level) spans
  const containing = (pos: number): QuoteSpan | undefined => {
    let lo = 0;
    let hi = doubles.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (doubles[mid].open < pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // nested doubles start after their parent: look back a few for one that still encloses pos
    for (let k = best; k >= 0 && k > best - 4; k--) if (doubles[k].close > pos) return doubles[k];
    return undefined;
  };
  const inside = (pos: number) => containing(pos) !== undefined;
  const noDoubles = doubles.length === 0;
  forEachLine(text, (ls, le) => {
    let openAt = -1;
    for (let i = ls; i < le; i++) {
      const c = text[i];
      if (c !== SINGLE_OPEN && c !== SINGLE_CLOSE && c !== "'") continue;
      const prev = i > ls ? text[i - 1] : undefined;
      const next = text[i + 1];
      const straight = c === "'";
      if (straight && !inside(i) && !noDoubles) continue;
      const canOpen = (c === SINGLE_OPEN || straight) && (i === ls || isSpaceLike(prev) || DOUBLE.has(prev ?? '')) &&
        (isLetterOrDigit(next) || next === '[' || next === '.');
      const canClose = (c === SINGLE_CLOSE || straight) && prev !== undefined && !/\s/u.test(prev) &&
        !isLetterOrDigit(next);
      if (openAt < 0) {
        if (canOpen) openAt = i;
      } else if (canClose) {
        // both marks must lie in the same double quotation (or both outside)
        const a = containing(openAt);
        const b = containing(i);
        if (a === b && i - openAt > 1) out.push(makeSpan(openAt, i, NO_REOPEN, true));
        openAt = -1;
      } else if (canOpen && c === SINGLE_OPEN) {
        openAt = i;
      }
    }
  });
  return out;
}

/** Parent and depth of each span (sorted by opening mark), with a stack: linear in the number of spans. */
function assignNesting(all: QuoteSpan[]): void {
  const stack: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const q = all[i];
    while (stack.length && all[stack[stack.length - 1]].close < q.open) stack.pop();
    const top = stack.length ? stack[stack.length - 1] : -1;
    if (top >= 0 && all[top].close > q.close) {
      q.parent = top;
      q.depth = all[top].depth + 1;
    }
    stack.push(i);
  }
}

/** Calls fn with the start and end of every line ([start, end), without the line break), empty ones too. */
function forEachLine(text: string, fn: (start: number, end: number) => void): void {
  // no array of lines: a text of a million line breaks would make a million of them
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    fn(start, end);
    start = end + 1;
  }
}

function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!/\s/u.test(text[i])) return i;
  return -1;
}
