// Typed failures of the workspace, each with the HTTP status the server should answer with.

export class WorkspaceError extends Error {
  readonly status: number = 500;
}

/** The item (or scenario) changed since the version the caller read: reload and retry. */
export class ConflictError extends WorkspaceError {
  override readonly status = 409;
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
  override readonly status = 404;
  constructor(readonly entity: string, readonly id: string) {
    super(`no ${entity} with id ${id}`);
    this.name = 'NotFoundError';
  }
}

/** A request the workspace refuses as malformed: the message says which field and why. */
export class InvalidInputError extends WorkspaceError {
  override readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** Another process held the write lock for too long. */
export class BusyError extends WorkspaceError {
  override readonly status = 503;
  constructor(path: string) {
    super(`the workspace ${path} is busy (another process is writing); try again`);
    this.name = 'BusyError';
  }
}

/** The file is not a workspace this version of accede can use. */
export class SchemaError extends WorkspaceError {
  override readonly status = 500;
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}
