// Problems found in data files: each names the file, the path inside it and what was expected.

export interface DataIssue {
  file: string;
  path: string;
  message: string;
}

export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataError';
    this.issues = issues;
  }
}

export function formatIssue(i: DataIssue): string {
  return `${i.file}${i.path ? ` at ${i.path}` : ''}: ${i.message}`;
}

/** zod paths ["members", 3, "joined"] → "members[3].joined". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}
