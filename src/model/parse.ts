// From file texts to a validated dataset: no file system (load.ts reads the folder).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import { crossCheck } from './crosscheck.ts';
import { type DataFile, isDataFile } from './data-files.ts';
import type { Dataset } from './dataset.ts';
import { DataError, type DataIssue } from './issues.ts';
import { mergeSharedDrivers } from './candidates.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { BacktestsFile, CandidateFile, Case, Organization, RecognitionsFile, SourcesFile, StatesFile } from './schema.ts';

export type { DataFile };
export { isDataFile };

/**
 * The `yaml` package, loaded when first needed: the fast reader (plain-yaml.ts) reads every bundled file,
 * and `yaml` (~115 KB to load and compile) only files it declines and the errors it explains.
 */
let yamlPackage: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export type Kind = 'states' | 'organizations' | 'recognitions' | 'candidates' | 'cases' | 'sources' | 'backtests';

const KINDS: Record<Kind, z.ZodType> = {
  states: StatesFile,
  organizations: Organization,
  recognitions: RecognitionsFile,
  candidates: CandidateFile,
  cases: Case,
  sources: SourcesFile,
  backtests: BacktestsFile,
};

export function kindOf(path: string): Kind | undefined {
  if (path === 'states.yaml' || path === 'states.yml') return 'states';
  const folder = path.split('/')[0];
  return folder in KINDS && path.includes('/') ? (folder as Kind) : undefined;
}

/** At most this many alias references per file: data files need few, and each copies a subtree. */
export const MAX_ALIASES = 100;

/**
 * At most this deep: the YAML parser recurses per level, and a stack overflow inside it can leave it
 * unable to parse the next file (seen: a process killed for memory on the file after one 20,000 brackets
 * deep), so depth is measured with its lexer (which does not recurse) before parsing.
 */
export const MAX_DEPTH = 64;
/** At most this many characters per file: the bundled files are under 100,000. */
export const MAX_CHARS = 5_000_000;

/** Whether a YAML text nests deeper than MAX_DEPTH: flow brackets from the lexer's tokens, block levels from indentation. */
export function tooDeep(text: string): boolean {
  return indentedTooDeep(text) || flowTooDeep(text);
}

/** A line (the first, or one after a line feed) that starts with more than 2·MAX_DEPTH indentation characters. */
const DEEP_FIRST_LINE = new RegExp(`^[ \\t?:-]{${2 * MAX_DEPTH + 1}}`);
const DEEP_LINE = new RegExp(`\\n[ \\t?:-]{${2 * MAX_DEPTH + 1}}`);

/** A block level takes at least one column of indentation or a "- " / "? " / ": " indicator on its line. */
function indentedTooDeep(text: string): boolean {
  // Only a line that starts with more than 2·MAX_DEPTH characters of indentation (spaces, tabs, "-", "?",
  // ":") can be: two searches of the text (~1.5 ms for the bundled ~1 MB, which has none) come before
  // the match on every line (~20–40 ms cold).
  if (!DEEP_FIRST_LINE.test(text) && !DEEP_LINE.test(text)) return false;
  for (const line of text.split('\n')) if ((/^[ \t]*(?:[-?:][ \t]+)*/.exec(line)?.[0].length ?? 0) > 2 * MAX_DEPTH) return true;
  return false;
}

function flowTooDeep(text: string): boolean {
  let depth = 0;
  const { CST, Lexer } = yaml();
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++depth > MAX_DEPTH) return true;
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') depth--;
  }
  return false;
}

/** One file read and validated on its own: its value, or the issues that refuse it. */
export type ParsedFile =
  | { path: string; kind: Kind; value: unknown; issues?: undefined }
  | { path: string; kind?: Kind; value?: undefined; issues: DataIssue[] };

/**
 * Reads one file: YAML (size, depth and aliases limited), then its schema. Never throws: whatever the
 * parser or the schema cannot take becomes an issue naming the file.
 */
export function parseFile(file: DataFile): ParsedFile {
  const y = readYaml(file);
  if (y.issues) return y;
  const checked = checkFile(y.path, y.kind, y.json);
  if (!checked.issues || !y.fast) return checked;
  // Refused after the fast reader: should js-yaml have let malformed YAML through, `yaml`'s error
  // (with line and column) is the one to report, as it was before there was a fast reader.
  const strict = read(file, false);
  return strict.issues ? strict : checkFile(strict.path, strict.kind, strict.json);
}

/** A file's YAML as plain data, before its schema; the data fuzz test mutates this. */
export type YamlFile = { path: string; kind: Kind; json: unknown; fast?: boolean; issues?: undefined } | { path: string; kind?: Kind; issues: DataIssue[] };

const fileIssue = (file: string, code: string, message: string, extra: Partial<DataIssue> = {}): DataIssue => ({ file, code, path: [], message, ...extra });

export function readYaml(file: DataFile): YamlFile {
  return read(file, true);
}

/** Reads a file's YAML; with `fast` false, with `yaml` alone (see parseFile). */
function read(file: DataFile, fast: boolean): YamlFile {
  const kind = kindOf(file.path);
  const issue = (code: string, message: string, extra: Partial<DataIssue> = {}) => [fileIssue(file.path, code, message, extra)];
  if (!kind) {
    const where = 'data files are states.yaml or live in organizations/, recognitions/, candidates/, cases/, sources/ or backtests/';
    return { path: file.path, issues: issue('unexpected_file', `unexpected file: ${where}`) };
  }
  if (file.text.length > MAX_CHARS) return { path: file.path, kind, issues: issue('too_large', `a data file of at most ${MAX_CHARS.toLocaleString('en')} characters`) };
  // Most files are plain YAML, which the fast reader reads alike; it declines the rest (and anything
  // nested MAX_DEPTH deep), which `yaml` reads below, with its depth check, alias limit and positioned errors.
  const plain = fast && !indentedTooDeep(file.text) ? readPlainYaml(file.text, MAX_DEPTH) : undefined;
  if (plain) return { path: file.path, kind, json: plain.value, fast: true };
  try {
    if (tooDeep(file.text)) return { path: file.path, kind, issues: issue('invalid_yaml', `nested more than ${MAX_DEPTH} levels deep`) };
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const doc = parseDocument(file.text, { prettyErrors: false, lineCounter: lines });
    if (doc.errors.length > 0) {
      // Without prettyErrors the error carries only offsets: the line counter turns them into line and column.
      const issues = doc.errors.map((e) => {
        const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
        return fileIssue(file.path, 'invalid_yaml', `invalid YAML: ${e.message.split('\n')[0]}`, { line: at?.line, column: at?.col });
      });
      return { path: file.path, kind, issues };
    }
    return { path: file.path, kind, json: doc.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (e) {
    return { path: file.path, kind, issues: issue('invalid_yaml', yamlFailure(e)) };
  }
}

/** Checks a file's plain data against the schema of its kind. */
export function checkFile(path: string, kind: Kind, json: unknown): ParsedFile {
  try {
    const parsed = KINDS[kind].safeParse(json);
    if (parsed.success) return { path, kind, value: parsed.data };
    return { path, kind, issues: parsed.error.issues.map((i) => fileIssue(path, i.code, describeZodIssue(i), { path: i.path.map(pathKey) })) };
  } catch (e) {
    // A self-referencing alias (&a [*a]) makes a cyclic value the schema recurses into without end.
    const why = e instanceof RangeError ? 'its structure is nested too deeply or refers to itself' : String(e);
    return { path, kind, issues: [fileIssue(path, 'invalid_yaml', `the file could not be read: ${why}`)] };
  }
}

function yamlFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/alias/i.test(message)) return `invalid YAML: too many alias references (at most ${MAX_ALIASES} per file): ${message}`;
  if (e instanceof RangeError) return 'invalid YAML: nested too deeply to read';
  return `invalid YAML: ${message}`;
}

/**
 * Parses, validates and cross-checks every file; throws one DataError listing every problem. The
 * cases it returns carry their candidate's shared drivers (candidates/<CODE>.yaml) before their own.
 */
export function parseDataset(files: DataFile[]): Dataset {
  return buildDataset(files.filter((f) => isDataFile(f.path)).map(parseFile));
}

/**
 * Assembles files read by parseFile into a dataset and cross-checks it; throws one DataError listing
 * every problem. Files are read independently, so a caller that changes one file (the data fuzz test)
 * may reuse the others' ParsedFile.
 */
export function buildDataset(parsedFiles: ParsedFile[]): Dataset {
  const issues: DataIssue[] = [];
  const data: Dataset = { states: [], organizations: [], recognitions: [], candidates: [], cases: [], sources: [], backtests: [] };
  const origin = new Map<object, string>();

  for (const file of [...parsedFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    if (file.issues) {
      issues.push(...file.issues);
      continue;
    }
    const value = file.value;
    switch (file.kind) {
      case 'states':
      case 'sources':
      case 'backtests':
        for (const item of value as object[]) origin.set(item, file.path);
        (data[file.kind] as object[]).push(...(value as object[]));
        break;
      default:
        origin.set(value as object, file.path);
        (data[file.kind] as object[]).push(value as object);
    }
  }
  if (data.states.length === 0 && !issues.some((i) => i.file.startsWith('states'))) {
    issues.push({ file: 'states.yaml', code: 'missing', path: [], message: 'missing: the list of states is required' });
  }
  if (issues.length === 0) issues.push(...crossCheck(data, (o) => origin.get(o) ?? '?'));
  if (issues.length > 0) throw new DataError(issues);
  // Checked apart, used together: every case carries its candidate's shared drivers from here on.
  return mergeSharedDrivers(data);
}

/** zod paths may hold symbols in theory; data files have only names and positions. */
const pathKey = (k: PropertyKey): string | number => (typeof k === 'number' ? k : String(k));

function describeZodIssue(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_type') {
    const received = /received (\w+)/.exec(i.message)?.[1];
    if (received === 'undefined') return `missing: expected ${i.expected}`;
    return `expected ${i.expected}${received ? `, got ${received}` : ''}`;
  }
  if (i.code === 'unrecognized_keys') return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  if (i.code === 'invalid_value') return `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'invalid_union') return i.message === 'Invalid input' ? 'does not match any allowed form' : i.message;
  return i.message;
}
