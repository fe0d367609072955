// The one error shape (code, path as an array, message) and its data-file form, which adds the file.
// Modelled on zod's issues: each face renders it in its own way (CLI lines, API problems, page notes).

export type IssuePath = Array<string | number>;

/**
 * code: what kind of problem — zod's own codes for shapes ("invalid_type", "unrecognized_keys", …),
 * and for the rest: invalid_yaml, unexpected_file, not_a_folder, unknown_reference, duplicate, cycle,
 * impossible, missing, hindsight, not_applicable.
 */
export interface Issue {
  code: string;
  path: IssuePath;
  message: string;
}

/** A problem in a data file; `line`/`column` only when the file could not be read as YAML. */
export interface DataIssue extends Issue {
  file: string;
  line?: number;
  column?: number;
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
  const where = i.line !== undefined ? `line ${i.line}, column ${i.column ?? 1}` : formatPath(i.path);
  return `${i.file}${where ? ` at ${where}` : ''}: ${i.message}`;
}

/** zod paths ["members", 3, "joined"] → "members[3].joined". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}
