// From file texts to a validated dataset: pure (no file system), so it runs anywhere.
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { crossCheck } from './crosscheck.ts';
import type { Dataset } from './dataset.ts';
import { DataError, type DataIssue } from './issues.ts';
import { mergeSharedDrivers } from './candidates.ts';
import { BacktestsFile, CandidateFile, Case, Organization, RecognitionsFile, SourcesFile, StatesFile } from './schema.ts';

export interface DataFile {
  /** Path relative to the data folder, with forward slashes: "cases/XK-nato.yaml". */
  path: string;
  text: string;
}

type Kind = 'states' | 'organizations' | 'recognitions' | 'candidates' | 'cases' | 'sources' | 'backtests';

const KINDS: Record<Kind, z.ZodType> = {
  states: StatesFile,
  organizations: Organization,
  recognitions: RecognitionsFile,
  candidates: CandidateFile,
  cases: Case,
  sources: SourcesFile,
  backtests: BacktestsFile,
};

function kindOf(path: string): Kind | undefined {
  if (path === 'states.yaml' || path === 'states.yml') return 'states';
  const folder = path.split('/')[0];
  return folder in KINDS && path.includes('/') ? (folder as Kind) : undefined;
}

export function isDataFile(path: string): boolean {
  return /\.ya?ml$/.test(path);
}

/**
 * Parses, validates and cross-checks every file; throws one DataError listing every problem. The
 * cases it returns carry their candidate's shared drivers (candidates/<CODE>.yaml) before their own.
 */
export function parseDataset(files: DataFile[]): Dataset {
  const issues: DataIssue[] = [];
  const data: Dataset = { states: [], organizations: [], recognitions: [], candidates: [], cases: [], sources: [], backtests: [] };
  const origin = new Map<object, string>();

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!isDataFile(file.path)) continue;
    const kind = kindOf(file.path);
    if (!kind) {
      issues.push({
        file: file.path,
        code: 'unexpected_file',
        path: [],
        message:
          'unexpected file: data files are states.yaml or live in organizations/, recognitions/, candidates/, cases/, sources/ or backtests/',
      });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(file.text, { prettyErrors: false, lineCounter: lines });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        // Without prettyErrors the error carries only offsets: the line counter turns them into line and column.
        const line = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
        issues.push({ file: file.path, code: 'invalid_yaml', path: [], line: line?.line, column: line?.col, message: `invalid YAML: ${e.message.split('\n')[0]}` });
      }
      continue;
    }
    const parsed = KINDS[kind].safeParse(doc.toJS());
    if (!parsed.success) {
      for (const i of parsed.error.issues) issues.push({ file: file.path, code: i.code, path: i.path.map(pathKey), message: describeZodIssue(i) });
      continue;
    }
    const value: unknown = parsed.data;
    switch (kind) {
      case 'states':
      case 'sources':
      case 'backtests':
        for (const item of value as object[]) origin.set(item, file.path);
        (data[kind] as object[]).push(...(value as object[]));
        break;
      default:
        origin.set(value as object, file.path);
        (data[kind] as object[]).push(value as object);
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
