// Adapts the SQLite workspace (src/store) to what the server needs (WorkspaceLike).
import type { Dataset } from '../model/dataset.ts';
import type { WorkspaceLike } from './workspace.ts';

export interface OpenedWorkspace {
  path: string;
  workspace: WorkspaceLike;
  close(): void;
}

/** Opens (creating on first run) the workspace at `path`; null when the store is not part of this build. */
export async function openWorkspaceFor(path: string, _data: Dataset): Promise<OpenedWorkspace | null> {
  void path;
  return null;
}
