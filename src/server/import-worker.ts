// A worker of the server's import pool (pool.ts): reads and extracts pasted texts for the workspace with the
// gazetteer of the dataset it is given, built once when the worker starts. Apart from the case workers, so
// that neither loads the other's code: the HTML readers here, the engine there. `prime` warms it up.
import { workerData } from 'node:worker_threads';
import { buildGazetteer } from '../evidence/gazetteer.ts';
import type { Dataset } from '../model/dataset.ts';
import { WorkspaceError, type WorkspaceErrorCode } from '../store/errors.ts';
import { prepareText } from '../store/prepare.ts';
import type { PreparedText } from '../store/workspace.ts';
import { lowerThisThread } from './thread-priority.ts';

// Below the event loop, as the case workers: an import must not slow health checks, pages or the server's
// first answers while its worker starts and primes.
lowerThisThread(5);

const gazetteer = buildGazetteer((workerData as { dataset: Dataset }).dataset);

/** A prepared text, or the store's refusal by its code (the error's class does not cross threads). */
export type ImportAnswer = { prepared: PreparedText } | { refused: { code: WorkspaceErrorCode; message: string } };

export default function prepareImport(job: { text: string; origin: string }): ImportAnswer {
  try {
    return { prepared: prepareText(job.text, { gazetteer, origin: job.origin }) };
  } catch (e) {
    if (e instanceof WorkspaceError) return { refused: { code: e.code, message: e.message } };
    throw e;
  }
}

/**
 * A few KB of text with what the extraction looks for (a dated header, names, places, quotes, conditions, a
 * run-on clause): enough of each for the engine's compiler to optimize the code paths a real import takes.
 */
const WARM_UP = [
  'Title: Warm-up\nDate: 2024-05-01\n',
  ...Array.from({ length: 12 }, (_, i) =>
    [
      `"We will not recognize Kosovo until Serbia agrees," said Ana Ruiz, the foreign minister of Spain, in Brussels on day ${i}.`,
      'Officials in Pristina said the vote could pass only if Greece and Slovakia abstain, according to a person familiar with the talks.',
      `If the Council agrees and if the Assembly votes, unless Russia objects, the application ${'if '.repeat(20)}would pass.`,
    ].join(' '),
  ),
].join('\n\n');

/**
 * Runs the extraction on a short text, so that the first real import finds the code loaded and compiled
 * (the server primes its import worker in the background once it is listening).
 */
export function prime(): boolean {
  return 'prepared' in prepareImport({ text: WARM_UP, origin: 'warm-up' });
}
