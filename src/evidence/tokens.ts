// Words and punctuation with their character offsets; every later rule works on these.

export type TokenKind = 'word' | 'num' | 'punct' | 'qopen' | 'qclose';

export interface Token {
  text: string;
  start: number;
  end: number;
  lower: string;
  kind: TokenKind;
  /** starts with an uppercase letter (or is an acronym, or a name like "al-Assad") */
  cap: boolean;
  /** index of the paragraph (a non-empty line) */
  para: number;
  /** quotation nesting depth: 0 in the narrative, 1 inside a quotation, 2 inside a nested one */
  depth: number;
  /** index of the innermost quotation span containing the token (or delimited by it), -1 in the narrative */
  quote: number;
}

// Abbreviations with inner periods (U.S., e.g., and a party-state designation such as D-N.Y.), numbers, words with inner hyphens/apostrophes, ellipses, any other char.
const TOKEN_RE =
  /((?:\p{Lu}-)?\p{L}\.(?:\p{L}\.)+)|(\p{N}+(?:[.,:/]\p{N}+)*%?)|([\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*)|(\.\.\.|…)|(\S)/gu;
const POSSESSIVE_RE = /^(.+?)(['’]s)$/u;
const UPPER_RE = /^\p{Lu}/u;
const INNER_CAP_RE = /^\p{Ll}{1,3}-\p{Lu}/u;

/** What the tokenizer needs of a quotation span (quotemarks.ts QuoteSpan): where its marks are. */
export interface MarkedSpan {
  open: number;
  close: number;
  /** offsets of re-opening marks of continued paragraphs */
  reopen: readonly number[];
  depth: number;
}

/**
 * Where the tokens of a text are, found in one pass of TOKEN_RE and kept in typed arrays (no
 * object per token yet): their offsets and which alternative matched. Reading stops before the
 * token that would exceed `maxTokens`; `cut` is where (text.length when the whole text was read).
 */
export interface TokenBounds {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 abbreviation, 2 number, 3 word, 4 ellipsis, 5 any other character */
  groups: Uint8Array;
  cut: number;
}

export function scanTokens(text: string, maxTokens = Number.POSITIVE_INFINITY): TokenBounds {
  // a token is at least one character: the arrays never need more room than this
  const room = Math.min(text.length, maxTokens);
  const starts = new Int32Array(room);
  const ends = new Int32Array(room);
  const groups = new Uint8Array(room);
  let count = 0;
  let cut = text.length;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    if (count === room) {
      cut = m.index;
      break;
    }
    starts[count] = m.index;
    ends[count] = m.index + m[0].length;
    groups[count] = m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : m[4] ? 4 : 5;
    count++;
  }
  return { count, starts, ends, groups, cut };
}

/**
 * Splits text into tokens. The marks of the quotation `spans` become qopen/qclose tokens; the
 * depth and quote index of every token follow from them. `bounds` (scanTokens of the same text)
 * saves finding the tokens again.
 */
export function tokenize(text: string, spans: readonly MarkedSpan[], bounds: TokenBounds = scanTokens(text)): Token[] {
  const markAt = markTable(spans, spans.length ? bounds.cut + 1 : 0);
  const tokens: Token[] = [];
  let para = 0;
  let scanned = 0;
  // stack of open quotes (span indices), to know the depth and index between marks
  const open: number[] = [];
  const { starts, ends, groups } = bounds;
  for (let k = 0; k < bounds.count; k++) {
    const start = starts[k];
    const end = ends[k];
    // a paragraph is a line: count the line breaks since the previous token (tokens hold none)
    for (; scanned < start; scanned++) if (text.charCodeAt(scanned) === 10) para++;
    scanned = end;
    const mark = markAt.length && end - start === 1 ? markAt[start] - 1 : -1;
    if (mark >= 0) {
      const raw = text[start];
      const q = mark >> 1;
      if ((mark & 1) === 0) {
        open.push(q);
        tokens.push(mk(raw, start, 'qopen', para, spans[q].depth, q));
      } else {
        tokens.push(mk(raw, start, 'qclose', para, spans[q].depth, q));
        const i = open.indexOf(q);
        if (i >= 0) open.splice(i);
      }
      continue;
    }
    const quote = open.length ? open[open.length - 1] : -1;
    const depth = quote >= 0 ? spans[quote].depth : 0;
    const g = groups[k];
    const raw = text.slice(start, end);
    if (g === 1 || g === 3) {
      const poss = g === 3 && (raw.includes("'") || raw.includes('’')) ? POSSESSIVE_RE.exec(raw) : null;
      if (poss && poss[1].length > 0) {
        tokens.push(mk(poss[1], start, 'word', para, depth, quote));
        tokens.push(mk(poss[2], start + poss[1].length, 'word', para, depth, quote));
      } else {
        tokens.push(mk(raw, start, 'word', para, depth, quote));
      }
    } else if (g === 2) {
      tokens.push(mk(raw, start, 'num', para, depth, quote));
    } else {
      tokens.push(mk(raw, start, 'punct', para, depth, quote));
    }
  }
  return tokens;
}

/**
 * At each offset below `length` that holds a quotation mark: (span index × 2 + 1 for a closing
 * mark) + 1; 0 elsewhere. A typed array rather than a map or an object per mark: a flood of
 * quotation marks is one mark per character.
 */
function markTable(spans: readonly MarkedSpan[], length: number): Int32Array {
  const at = new Int32Array(length);
  const set = (pos: number, code: number) => {
    if (pos < length) at[pos] = code + 1;
  };
  spans.forEach((s, q) => {
    set(s.open, q * 2);
    for (const r of s.reopen) set(r, q * 2);
    set(s.close, q * 2 + 1);
  });
  return at;
}

function mk(text: string, start: number, kind: TokenKind, para: number, depth: number, quote: number): Token {
  // an ASCII character other than a letter has no lower case of its own
  const c = text.length === 1 ? text.charCodeAt(0) : -1;
  const lower = c >= 0 && c < 128 && !(c >= 65 && c <= 90) ? text : text.toLowerCase();
  const cap = kind === 'word' && isCap(text);
  return { text, start, end: start + text.length, lower, kind, cap, para, depth, quote };
}

/** UPPER_RE or INNER_CAP_RE, without running a regex for the plain ASCII words most tokens are. */
function isCap(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  // a lowercase or digit ASCII start is a capital only as in "al-Assad": a hyphen at 1..3
  if (c < 128 && text.indexOf('-') < 0) return false;
  return UPPER_RE.test(text) || INNER_CAP_RE.test(text);
}

/** Start offsets of paragraphs: each non-empty line is one. */
export function paragraphStarts(text: string): number[] {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function isWord(t: Token | undefined): t is Token {
  return !!t && t.kind === 'word';
}
