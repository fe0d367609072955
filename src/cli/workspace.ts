// The workspace as the CLI's evidence commands (import, curate, export) open it: where it lives by
// default, who the edits are by, and how the store's errors become exit codes.
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { ConflictError, InvalidInputError, NotFoundError, WorkspaceError, isUnwritable, openWorkspace, type Workspace } from '../store/index.ts';
import { CliError } from './context.ts';
import { makeDirs } from '../model/make-dirs.ts';

/** The same default as `accede serve`: a workspace in the current directory. */
export const DEFAULT_WORKSPACE = '.accede/workspace.sqlite';

export interface WorkspaceOptions {
  workspace?: string;
  who?: string;
}

export function whoFrom(o: WorkspaceOptions): string {
  if (o.who) return o.who;
  if (process.env.ACCEDE_USER) return process.env.ACCEDE_USER;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * ACCEDE_WORKSPACE_MAX_MB caps how large the workspace file may grow; a write past it fails as
 * on a full disk (exit 3). Unset: no cap beyond the disk.
 */
function maxPages(): number | undefined {
  const mb = Number(process.env.ACCEDE_WORKSPACE_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.ceil((mb * 1024 * 1024) / 4096) : undefined;
}

export function openFor(o: WorkspaceOptions): Workspace {
  try {
    return openWorkspace(o.workspace ?? DEFAULT_WORKSPACE, { maxPages: maxPages() });
  } catch (e) {
    if (isUnwritable(e)) throw new CliError(e.message, 3);
    throw new CliError(opening(o.workspace ?? DEFAULT_WORKSPACE, e), 1);
  }
}

/** The workspace `accede serve` keeps open: created on first run (with its folder), its full path shown. */
export function openCreating(path: string): { path: string; workspace: Workspace } {
  const full = resolve(path);
  try {
    makeDirs(dirname(full));
    return { path: full, workspace: openWorkspace(full) };
  } catch (e) {
    if (isUnwritable(e)) throw new CliError(e.message, 3);
    throw new CliError(opening(path, e), 1);
  }
}

/** Why a workspace did not open: the store's own errors already name it. */
function opening(path: string, e: unknown): string {
  return e instanceof WorkspaceError ? e.message : `cannot open the workspace ${path}: ${(e as Error).message}`;
}

/** Runs fn on the workspace, closes it, and turns the store's errors into CLI errors. */
export function withWorkspace<T>(o: WorkspaceOptions, fn: (ws: Workspace) => T): T {
  const ws = openFor(o);
  try {
    return fn(ws);
  } catch (e) {
    throw toCliError(e);
  } finally {
    ws.close();
  }
}

export function toCliError(e: unknown): unknown {
  if (isUnwritable(e)) return new CliError(e.message, 3);
  if (e instanceof ConflictError) return new CliError(e.message, 1);
  if (e instanceof NotFoundError || e instanceof InvalidInputError) return new CliError(e.message, 2);
  if (e instanceof WorkspaceError) return new CliError(e.message, 1);
  return e;
}
