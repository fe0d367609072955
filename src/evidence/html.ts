// HTML → article text and metadata: @mozilla/readability on a linkedom document (EVIDENCE-NOTES §1),
// then the article converted to text with one paragraph per line. Only text is kept; scripts and
// styles are never executed or rendered. Readability is not a sanitiser, and it need not be: its
// HTML output is parsed again here only to read text out of it.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseDate } from './header.ts';
import { emptyMeta } from './header.ts';
import type { DocumentMeta } from './types.ts';

const BLOCKS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TR', 'SECTION',
  'ARTICLE', 'FIGCAPTION', 'DT', 'DD', 'UL', 'OL', 'TABLE', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'MAIN', 'ADDRESS',
  'DETAILS', 'SUMMARY', 'HR', 'CAPTION', 'DL', 'NAV', 'FORM', 'FIELDSET', 'BODY', 'CENTER']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'HEAD',
  'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'MATH']);
/** Containers dropped when Readability finds no article and the whole body is read instead. */
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);

/** Readability is not given pages larger or deeper than this (a malformed or hostile page). */
const MAX_ELEMENTS = 60_000;
const MAX_DEPTH = 300;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface HtmlResult {
  text: string;
  meta: DocumentMeta;
  warnings: string[];
}

export function htmlToText(input: string): HtmlResult {
  const warnings: string[] = [];
  // linkedom needs a whole document: a fragment would land outside <body>
  const html = /<html[\s>]/i.test(input) ? input : `<!doctype html><html><head></head><body>${input}</body></html>`;
  const meta = emptyMeta();
  const { document } = parseHTML(html);
  readMetaTags(document, meta);

  let text = '';
  const shape = domShape(document.documentElement as unknown as DomNode | null);
  if (shape.depth > MAX_DEPTH || shape.elements > MAX_ELEMENTS) {
    // Readability recurses and is quadratic on such pages: read the text directly
    warnings.push(`page too deeply nested or too large for article extraction (${shape.elements} elements, depth ${shape.depth}); reading the whole page`);
  } else try {
    // Readability changes the document it reads; the metadata is already taken, and the whole-page
    // fallback below parses the page again
    const article = new Readability(document, { maxElemsToParse: MAX_ELEMENTS, keepClasses: false }).parse();
    if (article?.content) {
      const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blocksToText(content.body as unknown as DomNode, false);
      if (article.title && !meta.title) meta.title = clean(article.title);
      if (article.byline && !meta.author) meta.author = clean(article.byline);
      if (article.siteName && !meta.outlet) meta.outlet = clean(article.siteName);
      if (article.publishedTime && !meta.date) Object.assign(meta, dateOf(article.publishedTime));
      if (article.lang && !meta.language) meta.language = article.lang;
    }
  } catch (e) {
    warnings.push(`article extraction failed (${(e as Error).message.slice(0, 120)}); reading the whole page`);
  }
  if (text.trim().length < 40) {
    // no article (or a very short one): the page's own text, without navigation and footers
    const page = parseHTML(html).document;
    const body = page.body ?? page.documentElement;
    const whole = body ? blocksToText(body as unknown as DomNode, true) : '';
    if (whole.trim().length > text.trim().length) {
      if (!warnings.length && text.trim().length === 0 && whole.length > 200) warnings.push('no article found; read the whole page');
      text = whole;
    }
  }
  return { text, meta, warnings };
}

function readMetaTags(document: Document, meta: DocumentMeta): void {
  const get = (sel: string, attr = 'content') => {
    const el = document.querySelector(sel);
    const v = el?.getAttribute(attr);
    return v ? clean(v) : null;
  };
  meta.title = get('meta[property="og:title"]') ?? (document.querySelector('title')?.textContent ? clean(document.querySelector('title')!.textContent!) : null);
  meta.outlet = get('meta[property="og:site_name"]');
  meta.author = get('meta[name="author"]') ?? get('meta[property="article:author"]');
  const date = get('meta[property="article:published_time"]') ?? get('meta[name="date"]') ?? get('meta[name="pubdate"]') ??
    get('time[datetime]', 'datetime');
  if (date) Object.assign(meta, dateOf(date));
  const url = get('link[rel="canonical"]', 'href') ?? get('meta[property="og:url"]');
  meta.url = url && /^https?:\/\/\S+$/i.test(url) ? url : null;
  meta.language = document.documentElement?.getAttribute('lang') ?? null;
}

function dateOf(value: string): Pick<DocumentMeta, 'date' | 'dateNote'> {
  const d = parseDate(value);
  return { date: d.date, dateNote: null };
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** How many elements a tree has and how deep it goes, without recursion. */
function domShape(root: DomNode | null): { elements: number; depth: number } {
  if (!root) return { elements: 0, depth: 0 };
  let elements = 0;
  let depth = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (node.nodeType !== 1) continue;
    elements++;
    if (d > depth) depth = d;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) stack.push([kids[i], d + 1]);
  }
  return { elements, depth };
}

/** Text of a DOM subtree, one block per line, blank lines between blocks. Iterative: any depth is fine. */
export function blocksToText(root: DomNode, dropChrome: boolean): string {
  const blocks: string[] = [];
  let current = '';
  const endBlock = () => {
    const t = current.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (t) blocks.push(t);
    current = '';
  };
  // an explicit stack of enter/leave steps instead of recursion
  type Step = { node: DomNode; pre: boolean; leave?: boolean };
  const stack: Step[] = [{ node: root, pre: false }];
  while (stack.length) {
    const { node, pre, leave } = stack.pop()!;
    if (leave) {
      endBlock();
      continue;
    }
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      current += pre ? t : t.replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name) || (dropChrome && CHROME.has(name))) continue;
    if (name === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      endBlock();
      stack.push({ node, pre, leave: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], pre: pre || name === 'PRE' });
  }
  endBlock();
  // a line break inside a block is a line of its own, so a paragraph stays one line
  return blocks.map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')).join('\n\n');
}
