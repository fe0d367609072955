// Where the costly answers are computed: the runners of case jobs (src/case/jobs.ts) and of text imports,
// in this thread (tests, `createApp` alone) or — with the same interfaces — in a worker pool (pool.ts).
import { type CaseJob, computeJob, type Prepared } from '../case/jobs.ts';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import { prepareCase } from '../case/views.ts';
import type { Gazetteer } from '../evidence/gazetteer.ts';
import type { Indexed } from '../model/dataset.ts';
import type { PreparedText } from '../store/index.ts';

/** Runs case jobs: in this thread (tests, `createApp` alone) or in a worker pool (`startServer`). */
export interface CaseComputer {
  /** The answer as text, or as its UTF-8 bytes (the pool encodes on the worker). */
  run(job: CaseJob): Promise<string | Uint8Array<ArrayBuffer>>;
  close(): Promise<void>;
}

/** Computes on the calling thread: simple, and blocks it meanwhile. */
export function inlineComputer(ix: Indexed, day: (asOf: string) => Day = (asOf) => daySnapshot(ix, asOf)): CaseComputer {
  const prep: Prepared = { day, case: prepareCase };
  return {
    run: async (job) => computeJob(ix, prep, job),
    close: async () => {},
  };
}

/** Reads a pasted text and extracts its items (no database): in this thread, or in a worker pool. */
export interface TextPreparer {
  prepare(text: string, origin: string): Promise<PreparedText>;
  close(): Promise<void>;
}

/** Prepares on the calling thread, blocking it meanwhile (tests, `createApp` alone). */
export function inlinePreparer(gazetteer: () => Gazetteer | Promise<Gazetteer>): TextPreparer {
  return {
    // The reader and extractor (linkedom, Readability) load with the first import, not with the server.
    prepare: async (text, origin) => (await import('../store/prepare.ts')).prepareText(text, { gazetteer: await gazetteer(), origin }),
    close: async () => {},
  };
}
