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

// Abbreviations with inner periods (U.S., e.g.), numbers, words with inner hyphens/apostrophes, ellipses, any other char.
const TOKEN_RE =
  /(\p{L}\.(?:\p{L}\.)+)|(\p{N}+(?:[.,:/]\p{N}+)*%?)|([\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*)|(\.\.\.|…)|(\S)/gu;
const POSSESSIVE_RE = /^(.+?)(['’]s)$/u;
const UPPER_RE = /^\p{Lu}/u;
const INNER_CAP_RE = /^\p{Ll}{1,3}-\p{Lu}/u;

export interface QuoteMark {
  pos: number;
  role: 'open' | 'close';
  quote: number;
  depth: number;
}

/**
 * Splits text into tokens. Quotation marks listed in `marks` become qopen/qclose tokens; the
 * depth and quote index of every token follow from them.
 */
export function tokenize(text: string, marks: QuoteMark[]): Token[] {
  const markAt = new Map<number, QuoteMark>();
  for (const m of marks) markAt.set(m.pos, m);
  const paraStarts = paragraphStarts(text);
  const tokens: Token[] = [];
  let para = 0;
  // stack of open quotes, to know the depth and index between marks
  const open: QuoteMark[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    const raw = m[0];
    while (para + 1 < paraStarts.length && paraStarts[para + 1] <= start) para++;
    const mark = markAt.get(start);
    if (mark && raw.length === 1) {
      if (mark.role === 'open') {
        open.push(mark);
        tokens.push(mk(raw, start, 'qopen', para, mark.depth, mark.quote));
      } else {
        tokens.push(mk(raw, start, 'qclose', para, mark.depth, mark.quote));
        const i = open.findIndex((o) => o.quote === mark.quote);
        if (i >= 0) open.splice(i);
      }
      continue;
    }
    const depth = open.length ? open[open.length - 1].depth : 0;
    const quote = open.length ? open[open.length - 1].quote : -1;
    if (m[1] || m[3]) {
      const poss = m[3] ? POSSESSIVE_RE.exec(raw) : null;
      if (poss && poss[1].length > 0) {
        tokens.push(mk(poss[1], start, 'word', para, depth, quote));
        tokens.push(mk(poss[2], start + poss[1].length, 'word', para, depth, quote));
      } else {
        tokens.push(mk(raw, start, 'word', para, depth, quote));
      }
    } else if (m[2]) {
      tokens.push(mk(raw, start, 'num', para, depth, quote));
    } else {
      tokens.push(mk(raw, start, 'punct', para, depth, quote));
    }
  }
  return tokens;
}

function mk(text: string, start: number, kind: TokenKind, para: number, depth: number, quote: number): Token {
  const lower = text.toLowerCase();
  const cap = kind === 'word' && (UPPER_RE.test(text) || INNER_CAP_RE.test(text));
  return { text, start, end: start + text.length, lower, kind, cap, para, depth, quote };
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
