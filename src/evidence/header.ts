// Metadata at the top of a text file: an analyst's "key: value" header ended by a "---" line
// (as in the Kosovo Online source file), or YAML front matter between two "---" lines.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { DocumentMeta } from './types.ts';

export interface WithHeader {
  meta: DocumentMeta;
  /** the text after the header; offsets of extracted items index this */
  body: string;
  warnings: string[];
}

const KEY_LINE = /^([A-Za-z][A-Za-z0-9 _-]{0,30}):[ \t]*(.*)$/;
const KEYS: Record<string, keyof DocumentMeta> = {
  title: 'title', headline: 'title',
  outlet: 'outlet', source: 'outlet', publication: 'outlet', site: 'outlet', publisher: 'outlet', sitename: 'outlet',
  author: 'author', byline: 'author', by: 'author',
  date: 'date', published: 'date', publishedtime: 'date', 'published date': 'date',
  url: 'url', link: 'url', 'source url': 'url',
  language: 'language', lang: 'language',
};
const FrontMatter = z.record(z.string(), z.unknown());

export function emptyMeta(): DocumentMeta {
  return { title: null, outlet: null, author: null, date: null, dateNote: null, url: null, language: null };
}

/** A header is within the first lines: front matter ends before line 200, key lines before line 40. */
const HEADER_LINES = 201;

export function readHeader(text: string): WithHeader {
  const warnings: string[] = [];
  const meta = emptyMeta();
  // only the lines a header can take: splitting all of a text of a million blank lines is seconds
  const lines = text.split('\n', HEADER_LINES);
  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    // YAML front matter
    const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
    if (end > 0 && end < 200) {
      try {
        const parsed = FrontMatter.safeParse(parseYaml(lines.slice(1, end).join('\n'), { maxAliasCount: 10 }));
        if (parsed.success) for (const [k, v] of Object.entries(parsed.data)) setField(meta, k, v);
        else warnings.push('front matter is not a mapping; ignored');
      } catch {
        warnings.push('front matter is not valid YAML; ignored');
      }
      bodyStart = end + 1;
    }
  } else {
    // key: value lines ended by ---
    let i = 0;
    while (i < lines.length && i < 40 && KEY_LINE.test(lines[i])) i++;
    if (i > 0 && lines[i]?.trim() === '---') {
      for (let k = 0; k < i; k++) {
        const m = KEY_LINE.exec(lines[k])!;
        setField(meta, m[1], m[2]);
      }
      bodyStart = i + 1;
    }
  }
  const body = bodyStart === 0 ? text : text.slice(lineOffset(text, bodyStart));
  fillFromBody(meta, body);
  return { meta, body, warnings };
}

function setField(meta: DocumentMeta, key: string, raw: unknown): void {
  const field = KEYS[key.trim().toLowerCase()];
  if (!field) return;
  const value = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : null;
  if (!value) return;
  if (field === 'date') {
    const d = parseDate(value);
    meta.date = d.date;
    meta.dateNote = d.note;
    return;
  }
  if (field === 'url' && !/^https?:\/\/\S+$/i.test(value)) return;
  meta[field] = value.slice(0, 500);
}

/** "2024-06-24 (inferred from the URL; unverified)" → the date and the note. */
export function parseDate(value: string): { date: string | null; note: string | null } {
  const m = /(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return { date: null, note: value.slice(0, 200) };
  const date = [m[1], m[2], m[3]].filter(Boolean).join('-');
  const rest = value.replace(m[0], '').replace(/^[\s,;]*\(?|\)?[\s]*$/g, '').trim();
  return { date, note: rest || null };
}

/** Where line k of text starts (text.length + 1 past the last line, so that slicing there gives ''). */
function lineOffset(text: string, k: number): number {
  let at = 0;
  for (let i = 0; i < k; i++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length + 1;
    at = nl + 1;
  }
  return at;
}

/** A headline first line, and a "Source: Outlet" line, when the header did not give them. */
function fillFromBody(meta: DocumentMeta, body: string): void {
  // the first line that is not blank, and the few after it: all that is looked at
  const firstChar = body.search(/\S/);
  if (firstChar < 0) return;
  const lines = body.slice(body.lastIndexOf('\n', firstChar) + 1).split('\n', 7);
  const first = lines[0].trim().replace(/^#+\s*/, '');
  const nextBlank = (lines[1] ?? '').trim() === '';
  // a dateline ("Wednesday, January 23, 2019") is a date, not a title
  const dateline = nextBlank ? datelineDate(first) : null;
  if (dateline) {
    if (!meta.date) meta.date = dateline;
    return fillOutlet(meta, lines);
  }
  if (!meta.title && first.length <= 200 && nextBlank && !/[.!?]["”’]?$/.test(first)) meta.title = first;
  fillOutlet(meta, lines);
}

/** lines: the first non-blank line of the body and those after it */
function fillOutlet(meta: DocumentMeta, lines: string[]): void {
  if (!meta.outlet) {
    for (const l of lines.slice(0, 6)) {
      const m = /^(?:Source|Outlet|Published by):\s*(.{2,80})$/i.exec(l.trim());
      if (m) {
        meta.outlet = m[1].trim();
        break;
      }
    }
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];

/** "Wednesday, January 23, 2019" or "23 January 2019" → 2019-01-23. */
export function datelineDate(line: string): string | null {
  const l = line.trim().toLowerCase().replace(/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*/, '');
  let m = /^([a-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(l);
  let month: number;
  let day: string;
  let year: string;
  if (m) {
    month = MONTHS.indexOf(m[1]);
    [day, year] = [m[2], m[3]];
  } else {
    m = /^(\d{1,2})\s+([a-z]+),?\s+(\d{4})$/.exec(l);
    if (!m) return null;
    month = MONTHS.indexOf(m[2]);
    [day, year] = [m[1], m[3]];
  }
  if (month < 0 || Number(day) < 1 || Number(day) > 31) return null;
  return `${year}-${String(month + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}
