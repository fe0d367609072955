// The fast reader for plain data files: js-yaml reads a file ~10× faster than the `yaml` package (which
// builds a document model first), and gives the same value when the file is plain YAML — one document,
// no anchors, aliases, tags or directives, no null or complex keys, no tabs, byte order marks, lone
// carriage returns or document markers, not nested deeper than the limit.
// It declines everything else (and every file it cannot read), and parse.ts then reads the file with
// `yaml` as before: errors keep their line and column, aliases their limit, depth its check.
// src/model/plain-yaml.test.ts compares the two readers on thousands of mutated files.
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type { Event } from 'js-yaml';

// js-yaml's CommonJS build, loaded by Node's require (scripts/build.ts leaves js-yaml out of the bundle):
// on Node 20 the same code runs ~2.5× slower as an ES module or bundled into one (measured on the
// bundled data: 50 ms against 20 ms warm, 500 against 320 cold), and reading YAML is a third of
// `accede validate`. This makes the model layer Node-only; nothing in the browser reads data files.
const {
  COLLECTION_STYLE_BLOCK,
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  floatCoreTag,
  intCoreTag,
  mapTag,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_SINGLE_QUOTED,
} = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

/** A number form of the YAML 1.2 core schema (the same tests as the `yaml` package's). */
const NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * js-yaml's core schema, except in two corners where the `yaml` package answers differently:
 * a number too large for a double is Infinity there (which the schemas then refuse), not a string;
 * and a null key is the key "" there, not "null" — so a null key is declined.
 */
const SCHEMA = CORE_SCHEMA.withTags(
  { ...intCoreTag, resolve: (s, explicit, tag) => huge(intCoreTag.resolve(s, explicit, tag), s) },
  { ...floatCoreTag, resolve: (s, explicit, tag) => huge(floatCoreTag.resolve(s, explicit, tag), s) },
  { ...mapTag, addPair: (map, key, value) => (key === null ? 'null key' : mapTag.addPair(map, key, value)) },
);

function huge<T>(resolved: T | typeof NOT_RESOLVED, source: string): T | number | typeof NOT_RESOLVED {
  if (resolved !== NOT_RESOLVED || !NUMBER.test(source)) return resolved;
  if (source.startsWith('0o')) return parseInt(source.slice(2), 8);
  if (source.startsWith('0x')) return parseInt(source.slice(2), 16);
  return parseFloat(source);
}

/**
 * Where the two readers part (found by the comparison test), none of which the data files need: a
 * carriage return alone (a line break for js-yaml, as YAML 1.2 says, not for `yaml`), tabs (`yaml`
 * refuses more of them as indentation), byte order marks (`yaml` reads one before an indented
 * line as content), and document markers, even indented ("---", "...").
 */
function unusual(text: string): boolean {
  // A search for a character is much faster than a regular expression over the whole text (the text of
  // a validate is ~1 MB): each expression runs only on a text that has what it looks for.
  return text.includes('\t') || text.includes('\ufeff') || (text.includes('\r') && LONE_CR.test(text)) || ((text.includes('---') || text.includes('...')) && MARKER.test(text));
}
const LONE_CR = /\r(?!\n)/;
const MARKER = /^[ ]*(?:---|\.\.\.)(?:[ \r\n]|$)/m;

/** Where a node's text starts (a quoted scalar's at its quote; -1 for an empty scalar). */
function startOf(e: Event): number {
  if (e.type === EVENT_SCALAR) return e.valueStart < 0 ? -1 : e.style === SCALAR_STYLE_SINGLE_QUOTED || e.style === SCALAR_STYLE_DOUBLE_QUOTED ? e.valueStart - 1 : e.valueStart;
  return e.type === EVENT_SEQUENCE || e.type === EVENT_MAPPING ? e.start : -1;
}

/**
 * One document; no node with an anchor or a tag, nor any alias; and every key of a block mapping a
 * scalar in the mapping's column. (js-yaml takes text after a flow collection's end as a key further
 * out, where `yaml` refuses the line: the column says which.)
 */
function plain(events: Event[], text: string): boolean {
  const column = (at: number) => at - (text.lastIndexOf('\n', at - 1) + 1);
  // Open collections; for a block mapping, its column and whether its next node is a key.
  const open: Array<{ column: number; key: boolean } | undefined> = [];
  let documents = 0;
  for (const e of events) {
    if (e.type === EVENT_POP) {
      open.pop();
      continue;
    }
    if (e.type === EVENT_DOCUMENT) {
      if (++documents > 1 || e.directives.length > 0) return false;
      open.push(undefined);
      continue;
    }
    if (e.type === EVENT_ALIAS || e.anchorStart !== -1 || e.tagStart !== -1) return false;
    const parent = open.at(-1);
    if (parent) {
      if (parent.key && (e.type !== EVENT_SCALAR || column(startOf(e)) !== parent.column)) return false;
      parent.key = !parent.key;
    }
    if (e.type === EVENT_MAPPING) open.push(e.style === COLLECTION_STYLE_BLOCK ? { column: column(e.start), key: true } : undefined);
    else if (e.type === EVENT_SEQUENCE) open.push(undefined);
  }
  return documents === 1;
}

/**
 * The value of a plain YAML text (as the `yaml` package's parseDocument(text).toJS() gives it), or
 * undefined when the text is not plain, does not parse, or nests collections `maxDepth` deep or more.
 */
export function readPlainYaml(text: string, maxDepth: number): { value: unknown } | undefined {
  if (unusual(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth });
    if (!plain(events, text)) return undefined;
    const docs = constructFromEvents(events, { source: text, schema: SCHEMA, maxAliases: 0 });
    return docs.length === 1 ? { value: docs[0] } : undefined;
  } catch {
    // Whatever js-yaml refuses, the `yaml` package reads again and explains.
    return undefined;
  }
}
