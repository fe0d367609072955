// Typed failures of the workspace. Each has a `code`; the server maps codes to HTTP statuses
// (src/server/workspace.ts) and the CLI to exit codes (src/cli/workspace.ts), so the store knows
// nothing of either.

export type WorkspaceErrorCode =
  | 'conflict' // a stale version: reload and retry
  | 'not_found'
  | 'invalid_input' // a malformed request, naming the field
  | 'refused' // a document the importer will not take (empty, binary, too large)
  | 'busy' // another process held the write lock too long
  | 'disk_full' // the disk (or the database's page quota) is full
  | 'read_only' // the workspace file or its folder cannot be written
  | 'schema'; // not a workspace this accede can use

export class WorkspaceError extends Error {
  readonly code: WorkspaceErrorCode = 'schema';
}

/** The item (or scenario) changed since the version the caller read: reload and retry. */
export class ConflictError extends WorkspaceError {
  override readonly code = 'conflict';
  constructor(
    readonly entity: 'item' | 'scenario',
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
    readonly updatedBy: string | null,
    readonly updatedAt: string | null,
  ) {
    super(
      `${entity} ${id} changed since version ${expectedVersion}: it is now version ${currentVersion}` +
        (updatedBy ? ` (by ${updatedBy}${updatedAt ? ` at ${updatedAt}` : ''})` : '') +
        '; reload it and apply your change again',
    );
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends WorkspaceError {
  override readonly code = 'not_found';
  constructor(readonly entity: string, readonly id: string) {
    super(`no ${entity} with id ${id}`);
    this.name = 'NotFoundError';
  }
}

/** A request the workspace refuses as malformed: the message says which field and why. */
export class InvalidInputError extends WorkspaceError {
  override readonly code = 'invalid_input';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A document the importer refuses (empty, binary, over the size limit): the message says why. */
export class RefusedError extends WorkspaceError {
  override readonly code = 'refused';
  constructor(message: string, readonly reason: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** Another process held the write lock for too long. */
export class BusyError extends WorkspaceError {
  override readonly code = 'busy';
  constructor(path: string) {
    super(`the workspace ${path} is busy (another process is writing); try again`);
    this.name = 'BusyError';
  }
}

/** The write did not fit: the disk (or the workspace's page quota) is full. Nothing was written. */
export class DiskFullError extends WorkspaceError {
  override readonly code = 'disk_full';
  constructor(readonly path: string) {
    super(`the workspace ${path} cannot grow: the disk is full; nothing was written (free some space and try again)`);
    this.name = 'DiskFullError';
  }
}

/** The workspace cannot be written (a read-only file, folder or file system). Nothing was written. */
export class ReadOnlyError extends WorkspaceError {
  override readonly code = 'read_only';
  constructor(readonly path: string, why = 'it is read-only') {
    super(`the workspace ${path} cannot be written: ${why}; nothing was written`);
    this.name = 'ReadOnlyError';
  }
}

/** The file is not a workspace this version of accede can use. */
export class SchemaError extends WorkspaceError {
  override readonly code = 'schema';
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

/** The workspace cannot take writes now: disk full or read-only (the CLI's exit code 3). */
export function isUnwritable(e: unknown): e is DiskFullError | ReadOnlyError {
  return e instanceof DiskFullError || e instanceof ReadOnlyError;
}
