// What every command receives: where to print, and how to read the dataset.
import { loadDataset } from '../model/load.ts';
import { index, type Indexed } from '../model/dataset.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CliContext extends Io {
  /** Loads and validates the dataset (the bundled one unless a folder is given). */
  load(dir?: string): Indexed;
  /** Set by a command to choose the process exit code. */
  exitCode: number;
}

/** An expected failure: a message for the user and an exit code (1 failure, 2 bad input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}

export function createContext(io: Io): CliContext {
  return {
    ...io,
    exitCode: 0,
    load: (dir) => index(loadDataset(dir)),
  };
}
