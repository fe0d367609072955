// The data fuzz test: 10,000 seeded mutations of the bundled data folder, each either refused with
// issues that name file and path, or accepted as valid — never another exception.
// Mutations of values (deleted keys, wrong types, swapped ids, huge numbers, impossible dates,
// duplicated rows, driver cycles) change the parsed YAML of one file; mutations of text (broken
// syntax, alias bombs, truncation) change the text of one smaller file. Unchanged files are parsed
// once and reused (buildDataset takes files read one by one), so a case costs one file's check and
// the cross-check, and the whole run takes seconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPartialDay } from '../../src/model/grammar.ts';
import { DataError } from '../../src/model/issues.ts';
import { DEFAULT_DATA_DIR, readDataFiles } from '../../src/model/load.ts';
import { buildDataset, checkFile, type ParsedFile, parseFile, readYaml } from '../../src/model/parse.ts';

const RUNS = 10_000;
const SEED = 20261204;

const files = readDataFiles(DEFAULT_DATA_DIR);
const paths = new Set(files.map((f) => f.path));
const yaml = files.map(readYaml);
const parsed: ParsedFile[] = yaml.map((y) => (y.issues ? y : checkFile(y.path, y.kind, y.json)));
/** Text mutations re-parse the whole file: only files small enough to keep a case fast. */
const smallFiles = files.map((f, i) => i).filter((i) => files[i].text.length < 10_000);

type Json = unknown;
type Path = Array<string | number>;

/** Every node of a value with its path, so a mutation can pick any of them. */
function nodes(v: Json, path: Path = [], out: Array<{ path: Path; value: Json }> = []): Array<{ path: Path; value: Json }> {
  out.push({ path, value: v });
  if (Array.isArray(v)) v.forEach((x, i) => nodes(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nodes(x, [...path, k], out);
  return out;
}
const allNodes = yaml.map((y) => (y.issues ? [] : nodes(y.json)));
const ids = [...new Set(allNodes.flat().flatMap((n) => (typeof n.value === 'string' && /^([A-Z]{2}|[a-z0-9][a-z0-9-]{1,40})$/.test(n.value) ? [n.value] : [])))];
const isId = new Set(ids);
const DATE_KEYS = new Set(['date', 'since', 'until', 'joined', 'left', 'asOf', 'accessed', 'unMemberSince', 'withdrawalClaimed', 'founded', 'existsFrom']);

type Node = { path: Path; value: Json };
/** The nodes a mutation of each kind may pick, computed once per file and kind. */
const FITS = {
  inner: (n: Node) => n.path.length > 0,
  id: (n: Node) => typeof n.value === 'string' && isId.has(n.value),
  number: (n: Node) => typeof n.value === 'number',
  date: (n: Node) => DATE_KEYS.has(String(n.path.at(-1))),
  item: (n: Node) => typeof n.path.at(-1) === 'number',
};
const fits = new Map<string, Node[]>();
function fitting(index: number, kind: keyof typeof FITS): Node[] {
  const key = `${index}/${kind}`;
  if (!fits.has(key)) fits.set(key, allNodes[index].filter(FITS[kind]));
  return fits.get(key)!;
}

/** A copy of `root` with the node at `path` replaced by edit(node); only the nodes on the path are copied. */
function setAt(root: Json, path: Path, edit: (v: Json) => Json | typeof DELETE): Json {
  if (path.length === 0) return edit(root);
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, Json>;
  const next = setAt((root as Record<string | number, Json>)[head], rest, edit);
  if (next === DELETE) {
    if (Array.isArray(copy)) (copy as Json[]).splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = next;
  return copy;
}
const DELETE = Symbol('delete');

const WRONG = [42, -1, 0, 1.5, '', 'x', true, null, [], {}, [1, 'a'], { a: 1 }, 1e308, -1e308, Number.MAX_SAFE_INTEGER * 1024];
const BAD_DAYS = ['2024-02-30', '2023-02-29', '2024-13-45', '0000-00-00', '2024-99-99', '1900-02-29', '2024-04-31', '20240101', '2024-1-1', 99999];
const SYNTAX = [':', ': :', '- ', '[', ']', '{', '}', '"', "'", '\t', '&', '*', '*nope', '!!binary ', '%YAML 1.1\n', '\0', '---\n', '? ', '|', '>', '#', '\n  - x\n', '@', '`'];
const HUGE = [1e308, -1e308, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 2 ** 70, -(2 ** 70), 1e-320];

const op = fc.record({
  file: fc.nat(),
  node: fc.nat(),
  other: fc.nat(),
  kind: fc.constantFrom('delete', 'type', 'swap', 'huge', 'date', 'duplicate', 'cycle', 'syntax', 'alias', 'truncate'),
  pick: fc.nat(),
});
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Applies one mutation; returns the file index and its new ParsedFile. */
function mutate(o: Op): { index: number; file: ParsedFile } {
  if (o.kind === 'syntax' || o.kind === 'alias' || o.kind === 'truncate') return mutateText(o);
  const index = o.file % files.length;
  const y = yaml[index];
  if (y.issues) return { index, file: parsed[index] };
  const candidates = allNodes[index];
  const pickWhere = (kind: keyof typeof FITS) => {
    const fit = fitting(index, kind);
    return fit.length ? fit[o.node % fit.length] : candidates[o.node % candidates.length];
  };
  let json: Json;
  switch (o.kind) {
    case 'delete':
      json = setAt(y.json, pickWhere('inner').path, () => DELETE);
      break;
    case 'type':
      json = setAt(y.json, candidates[o.node % candidates.length].path, () => WRONG[o.pick % WRONG.length]);
      break;
    case 'swap':
      json = setAt(y.json, pickWhere('id').path, () => ids[o.other % ids.length]);
      break;
    case 'huge':
      json = setAt(y.json, pickWhere('number').path, () => HUGE[o.pick % HUGE.length]);
      break;
    case 'date':
      json = setAt(y.json, pickWhere('date').path, () => BAD_DAYS[o.pick % BAD_DAYS.length]);
      break;
    case 'duplicate': {
      const at = pickWhere('item').path;
      json = setAt(y.json, at.slice(0, -1), (list) => [...(list as Json[]), (list as Json[])[at.at(-1) as number]]);
      break;
    }
    default:
      json = withCycle(y.json, o);
  }
  return { index, file: checkFile(y.path, y.kind, json) };
}

/** Two drivers of a case that depend on each other (or one on itself). */
function withCycle(json: Json, o: Op): Json {
  const drivers = (json as { drivers?: Array<{ id: string }> }).drivers;
  if (!Array.isArray(drivers) || drivers.length === 0) return setAt(json, ['drivers'], () => [{ id: 'a', name: 'A', p: 0.5, given: [{ when: { a: true }, p: 0.1 }], sources: ['x'] }]);
  const a = o.node % drivers.length;
  const b = o.other % drivers.length;
  const dependOn = (other: number) => (d: Json) => ({ ...(d as object), given: [{ when: { [drivers[other].id]: true }, p: 0.5 }] });
  return setAt(setAt(json, ['drivers', a], dependOn(b)), ['drivers', b], dependOn(a));
}

function mutateText(o: Op): { index: number; file: ParsedFile } {
  const index = smallFiles[o.file % smallFiles.length];
  const { path, text } = files[index];
  const at = o.node % (text.length + 1);
  let next: string;
  if (o.kind === 'truncate') next = text.slice(0, at);
  else if (o.kind === 'syntax') next = text.slice(0, at) + SYNTAX[o.pick % SYNTAX.length] + text.slice(at);
  else {
    // An alias bomb (each level multiplies), a self-reference, or a dangling alias, prepended or appended.
    const n = 2 + (o.pick % 12);
    const bomb = [`z0: &z0 [${Array(n).fill('x').join(', ')}]`];
    for (let k = 1; k < 4; k++) bomb.push(`z${k}: &z${k} [${Array(n).fill(`*z${k - 1}`).join(', ')}]`);
    const forms = [bomb.join('\n'), 'self: &s [*s]', 'dangling: *nowhere', `refs: [${Array(150).fill('*z0').join(', ')}]\nz0: &z0 1`];
    const form = forms[o.other % forms.length];
    next = o.pick % 2 ? `${form}\n${text}` : `${text}\n${form}\n`;
  }
  return { index, file: parseFile({ path, text: next }) };
}

/** Every date in an accepted dataset is a real one. */
function datesAreReal(v: Json): boolean {
  return nodes(v).every((n) => !DATE_KEYS.has(String(n.path.at(-1))) || typeof n.value !== 'string' || n.value === 'unknown' || isPartialDay(n.value));
}

describe(`data fuzz: ${RUNS} seeded mutations of the bundled data`, () => {
  it('the unmutated folder is valid', () => {
    expect(() => buildDataset(parsed)).not.toThrow();
  });

  it('refuses each mutation with issues naming file and path, or accepts it as valid; nothing else is thrown', () => {
    const outcome = { accepted: 0, refused: 0, slowest: 0 };
    fc.assert(
      fc.property(op, (o) => {
        const start = performance.now();
        const { index, file } = mutate(o);
        const all = parsed.map((p, i) => (i === index ? file : p));
        try {
          buildDataset(all);
          // The other files were valid before; the changed one must hold only real dates.
          expect(datesAreReal(file.value)).toBe(true);
          outcome.accepted++;
        } catch (e) {
          if (!(e instanceof DataError)) throw e;
          expect(e.issues.length).toBeGreaterThan(0);
          for (const i of e.issues) {
            expect(paths.has(i.file), `issue names a data file: ${i.file}`).toBe(true);
            expect(Array.isArray(i.path) && i.path.every((k) => typeof k === 'string' || typeof k === 'number')).toBe(true);
            expect(typeof i.code === 'string' && i.code.length > 0).toBe(true);
            expect(i.message.length).toBeGreaterThan(0);
          }
          outcome.refused++;
        }
        outcome.slowest = Math.max(outcome.slowest, performance.now() - start);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Reported, not asserted (a test never fails on time): the slowest case, for the record.
    console.log(`data fuzz: ${outcome.refused} refused, ${outcome.accepted} accepted, slowest case ${outcome.slowest.toFixed(0)} ms`);
    expect(outcome.refused + outcome.accepted).toBe(RUNS);
    expect(outcome.refused).toBeGreaterThan(RUNS / 2);
    // About 25 s of CPU on this machine; the limit only keeps a loaded CI box from failing on time.
  }, 900_000);
});
