// What every command receives: where to print, and how to read the dataset.
import type { Dataset, Indexed } from '../model/dataset.ts';
import type { Assets } from '../site/bundle.ts';
import type { Workspace } from '../store/index.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext extends Io {
  /**
   * Loads and validates the dataset (the bundled one unless a folder is given). The compiled CLI may
   * answer from its cache of validated datasets; `{ cached: false }` always parses and checks anew.
   * Asynchronous because the reader (and, on a cache miss, the parser) is imported on demand.
   */
  load(dir?: string, options?: { cached?: boolean }): Promise<Indexed>;
  /** Set by a command to choose the process exit code. */
  exitCode: number;
  /** The HTTP face, loaded on demand; given by the composition root (src/main.ts), absent in a CLI without a server. */
  http?: () => Promise<HttpFace>;
}

/**
 * What `accede serve` needs of the HTTP face (src/server/node.ts has this shape). The CLI names the
 * shape instead of importing the server, so the two faces stay side by side, not one inside the other.
 */
export interface HttpFace {
  startServer(
    deps: { dataset: Dataset; workspace: Workspace; token?: string; writable: boolean; readOnlyReason?: string; assets: Assets },
    opts: { host: string; port: number; allowHosts?: readonly string[] },
  ): Promise<{ url: string; close(): Promise<void> }>;
  writePolicy(o: { host: string; token?: string; readOnly?: boolean }): { writable: boolean; reason?: string };
}

/** An expected failure: a message for the user and an exit code (1 failure, 2 bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    /** 1 failure, 2 bad input, 3 the workspace cannot be written (disk full, read-only) */
    readonly exitCode: 1 | 2 | 3 = 2,
  ) {
    super(message);
  }
}

export function createContext(io: Io, faces: Pick<CliContext, 'http'> = {}): CliContext {
  return {
    ...io,
    ...faces,
    exitCode: 0,
    // Imported on demand: a command that never reads the dataset (accede power --game) starts without
    // the reader, and one that hits the compiled CLI's cache without the parser.
    load: async (dir, options) => (await import('./dataset-loader.ts')).loadIndexed(dir, options),
  };
}
