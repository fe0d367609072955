// The fast reader gives what the `yaml` package gives, or declines: on every bundled file, and on
// thousands of seeded mutations of pieces of them with the characters YAML gives meaning to.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DEFAULT_DATA_DIR, readDataFiles } from './load.ts';
import { MAX_ALIASES, MAX_DEPTH, tooDeep } from './parse.ts';
import { readPlainYaml } from './plain-yaml.ts';

const files = readDataFiles(DEFAULT_DATA_DIR);

/** What the `yaml` package makes of a text, as parse.ts reads it: the value, or undefined when refused. */
function reference(text: string): { value: unknown } | undefined {
  if (tooDeep(text)) return undefined;
  try {
    const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
    return doc.errors.length ? undefined : { value: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch {
    return undefined;
  }
}

/** The fast reader's answer is the reference's, unless it declined. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text, MAX_DEPTH);
  if (!fast) return true;
  const ref = reference(text);
  return ref !== undefined && isDeepStrictEqual(fast.value, ref.value);
}

/** Snippets that mean something to YAML, or that its readers treat in their own ways. */
const SNIPPETS = [
  ':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', ', ', '?', '? ', '|', '>', '|-', '>+', '|2',
  '&a ', '*a', '!!str ', '!x ', '%YAML 1.2\n---\n', '---\n', '\n---\n', '...\n', '\t', '\r\n', '\r', '\n', '  ', '   ',
  '~', 'null', 'Null', 'NULL', 'true', 'True', 'yes', 'no', 'on', '0o17', '0x1F', '0b11', '1e400', '-1e400', '1e5', '-.inf', '.nan',
  '.NaN', '1_000', '+5', '-0', '0.', '.5', '012', '1:30', '2019-01-01', '\\', '\\x41', '\\u00e9', '\\n', '@', '`', '\ufeff',
  '%', 'é', '\u2028', '\u0085', '<<: ', '__proto__: ', 'constructor: ', '"a": ', "'': ", ': x\n', '\n  - ', '\n    ',
  '9'.repeat(400), '[[[[', ']]]]', '{a: [b, {c: d}]}',
];

/** A window of a few lines of a bundled file: valid YAML in most cases, and cheap to read twice. */
const windowOf = (text: string, start: number, length: number) => {
  const lines = text.split('\n');
  const from = start % lines.length;
  return lines.slice(from, from + length).join('\n');
};

const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...SNIPPETS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, e: Edit): string {
  const at = text.length ? e.at % (text.length + 1) : 0;
  if (e.kind === 'insert') return text.slice(0, at) + e.what + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + e.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return e.by > 0 ? text.slice(0, lineStart) + ' '.repeat(e.by) + text.slice(lineStart) : text.slice(0, lineStart) + text.slice(lineStart).replace(new RegExp(`^ {0,${-e.by}}`), '');
}

describe('readPlainYaml', () => {
  it('reads every bundled file, with the same value as the yaml package', () => {
    for (const f of files) {
      const fast = readPlainYaml(f.text, MAX_DEPTH);
      expect(fast, f.path).toBeDefined();
      expect(isDeepStrictEqual(fast!.value, reference(f.text)?.value), f.path).toBe(true);
    }
  });

  it('declines what it would read differently: anchors, aliases, tags, directives, null and complex keys, several documents, deep nesting', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '%YAML 1.1\n---\na: yes\n', '~: 1\n', '? [a]\n: 1\n', 'a: 1\n---\nb: 2\n', '', '# only a comment\n', `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}\n`]) {
      expect(readPlainYaml(text, MAX_DEPTH), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('reads huge numbers as Infinity, as the yaml package does', () => {
    expect(readPlainYaml(`a: 1e400\nb: ${'9'.repeat(400)}\nc: 0o17\nd: 1_000\n`, MAX_DEPTH)?.value).toEqual({ a: Infinity, b: Infinity, c: 15, d: '1_000' });
  });

  it('agrees with the yaml package on seeded mutations of pieces of the bundled files', () => {
    const piece = fc.record({ file: fc.integer({ min: 0, max: files.length - 1 }), start: fc.nat(), length: fc.integer({ min: 1, max: 30 }), edits: fc.array(edit, { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(piece, ({ file, start, length, edits }) => agrees(edits.reduce(apply, windowOf(files[file].text, start, length)))),
      { seed: 20261204, numRuns: 3000 },
    );
  });
});
