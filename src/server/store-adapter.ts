// Opens the SQLite workspace (src/store) for the server, creating it on first run.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../store/index.ts';

export interface OpenedWorkspace {
  path: string;
  workspace: Workspace;
  close(): void;
}

export function openWorkspaceFor(path: string): OpenedWorkspace {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  const workspace = openWorkspace(full);
  return { path: full, workspace, close: () => workspace.close() };
}
