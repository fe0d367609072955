// Structural checks of an evidence gold file against its text (the rules of the tuning set's
// check.mjs): every span indexes the text, direct quotations sit inside quotation marks, mentions
// and cues lie outside the content, and every double quotation mark is accounted for.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const OPEN = new Set(['"', '\u201c', '\u201e', "'", '\u2018']);
const CLOSE = new Set(['"', '\u201d', "'", '\u2019']);
const DOUBLE = new Set(['"', '\u201c', '\u201d', '\u201e']);

interface Span {
  start: number;
  end: number;
  text?: string;
}
const isSpan = (s: unknown): s is Span => !!s && Number.isInteger((s as Span).start) && Number.isInteger((s as Span).end);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The problems of one gold document (parsed JSON) given its text; [] when it is sound. */
export function checkGoldFile(doc: Record<string, unknown>, text: string): string[] {
  const problems: string[] = [];
  // true when s is a span whose stored text is its slice; otherwise records why not
  const span = (s: unknown, label: string): s is Span => {
    const why = !isSpan(s)
      ? 'start/end must be integers'
      : s.start < 0 || s.end > text.length || s.start >= s.end
        ? `bad range ${s.start}-${s.end}`
        : text.slice(s.start, s.end) !== s.text
          ? `text.slice(${s.start}, ${s.end}) = ${JSON.stringify(text.slice(s.start, s.end))}, stored ${JSON.stringify(s.text)}`
          : null;
    if (why) problems.push(`${label}: ${why}`);
    else if (/^\s|\s$/.test((s as Span).text ?? '')) problems.push(`${label}: leading or trailing whitespace`);
    return !why;
  };
  for (const k of ['id', 'title', 'url', 'licence', 'licenceSource', 'attribution']) {
    if (typeof doc[k] !== 'string' || !doc[k]) problems.push(`missing field ${k}`);
  }
  const quotes = Array.isArray(doc.quotes) ? (doc.quotes as Record<string, unknown>[]) : [];
  if (!Array.isArray(doc.quotes)) problems.push('quotes must be an array');
  const direct: Span[] = [];
  quotes.forEach((q, i) => {
    const label = `quotes[${i}]`;
    if (typeof q.speaker !== 'string' || !q.speaker.trim()) problems.push(`${label}: speaker missing`);
    if (!span(q, `${label} content`)) return;
    for (const name of ['speakerMention', 'cue'] as const) {
      const s = q[name];
      if (s === null) continue;
      if (span(s, `${label} ${name}`) && overlaps(s, q)) problems.push(`${label}: ${name} inside the content`);
    }
    if (q.kind === 'direct') {
      direct.push(q);
      if (!OPEN.has(text[q.start - 1])) problems.push(`${label}: direct quote not preceded by an opening quotation mark`);
      let j = q.end;
      while (/\s/.test(text[j] ?? '')) j++;
      if (!CLOSE.has(text[j])) problems.push(`${label}: direct quote not followed by a closing quotation mark`);
    } else if (q.kind !== 'indirect') problems.push(`${label}: kind must be direct or indirect`);
  });
  for (const q of quotes) if (q.kind === 'indirect' && isSpan(q) && direct.some((d) => overlaps(q, d))) problems.push(`indirect span ${q.start}-${q.end} overlaps a direct quote`);
  const nonQuotes = Array.isArray(doc.nonQuotes) ? (doc.nonQuotes as Span[]) : [];
  nonQuotes.forEach((x, i) => span(x, `nonQuotes[${i}]`));
  const accounted = new Set<number>();
  for (const s of [...direct, ...nonQuotes]) {
    if (!isSpan(s)) continue;
    accounted.add(s.start - 1);
    let j = s.end;
    while (/\s/.test(text[j] ?? '')) j++;
    accounted.add(j);
  }
  for (let i = 0; i < text.length; i++) {
    if (DOUBLE.has(text[i]) && !accounted.has(i)) problems.push(`quotation mark at ${i} belongs to no quote or nonQuotes entry: ${JSON.stringify(text.slice(Math.max(0, i - 30), i + 30))}`);
  }
  return problems;
}

/** Every problem of every <id>.json / <id>.txt pair in dir, prefixed with the file name. */
export function checkGoldDir(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const doc = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
      const text = readFileSync(path.join(dir, f.replace(/\.json$/, '.txt')), 'utf8');
      const idProblem = doc.id === f.slice(0, -5) ? [] : [`id ${String(doc.id)} does not match the file name`];
      return [...idProblem, ...checkGoldFile(doc, text)].map((p) => `${f}: ${p}`);
    });
}
