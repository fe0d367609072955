// A worker of the server's pools (pool.ts): loads the dataset it is given once and answers case jobs
// (the default export) or prepares pasted texts for the workspace (`prepareImport`, the import pool).
// For case jobs it keeps, in bounded LRU caches, each day's snapshot and each case prepared on a day (the engine's
// session with its tables, and the part of the answer that does not depend on the drivers), so a new
// driver setting costs a re-weighing of tables already built, not a fresh analysis.
import { workerData } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import { move } from 'piscina';
import { buildGazetteer, type Gazetteer } from '../evidence/gazetteer.ts';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import { type PreparedCase, prepareCase } from '../case/views.ts';
import { NotApplicableError } from '../model/asof.ts';
import { type Dataset, index } from '../model/dataset.ts';
import type { CaseData } from '../model/schema.ts';
import { type PreparedText, WorkspaceError, type WorkspaceErrorCode } from '../store/index.ts';
import { prepareText } from '../store/prepare.ts';
import { type CaseJob, computeAnswer, type Prepared } from '../case/jobs.ts';
import { jsonBytes } from './json-bytes.ts';

export interface CaseWorkerData {
  dataset: Dataset;
}

/**
 * Days and prepared cases kept. A prepared case holds its tables (a few hundred KB for the largest
 * bundled cases): 256 of them is a year of daily questions on one case, or ~36 days on each of 7 cases.
 */
const DAYS_KEPT = 128;
const CASES_KEPT = 256;

const dataset = (workerData as CaseWorkerData).dataset;
const ix = index(dataset);
const days = new LRUCache<string, Day>({ max: DAYS_KEPT });
// Keyed by case and day; the worker serves one dataset version (a new version is a new pool).
const cases = new LRUCache<string, PreparedCase>({ max: CASES_KEPT });

// (An exact-size array of its own: a small Buffer would be a view into a shared 8 KB pool, all of it sent.)
const utf8 = new TextEncoder();

const prep: Prepared = {
  day(asOf) {
    let d = days.get(asOf);
    if (!d) days.set(asOf, (d = daySnapshot(ix, asOf)));
    return d;
  },
  case(day: Day, c: CaseData) {
    const key = `${c.candidate}/${c.organization}|${day.asOf}`;
    let p = cases.get(key);
    if (!p) cases.set(key, (p = prepareCase(day, c)));
    return p;
  },
};

/**
 * A job's answer (its bytes, handed over to the server's thread rather than copied), or a refusal the
 * server turns into its 4xx (an error's class does not survive the trip between threads, so a day before
 * the candidate or the organization existed comes back tagged).
 */
export type WorkerAnswer = Uint8Array<ArrayBuffer> | { notApplicable: string };

export default function run(job: CaseJob): WorkerAnswer {
  try {
    // Encoded here: the event loop gets bytes to keep and write, not a string to encode on every answer.
    const a = computeAnswer(ix, prep, job);
    // Each answer has a buffer of its own, so it can be moved (transferred) instead of cloned.
    return move('text' in a ? utf8.encode(a.text) : jsonBytes(a.json)) as Uint8Array<ArrayBuffer>;
  } catch (e) {
    if (e instanceof NotApplicableError) return { notApplicable: e.reason };
    throw e;
  }
}

/** A prepared text, or the store's refusal by its code (the error's class does not cross threads). */
export type ImportAnswer = { prepared: PreparedText } | { refused: { code: WorkspaceErrorCode; message: string } };

let gazetteer: Gazetteer | undefined;

export function prepareImport(job: { text: string; origin: string }): ImportAnswer {
  try {
    return { prepared: prepareText(job.text, { gazetteer: (gazetteer ??= buildGazetteer(dataset)), origin: job.origin }) };
  } catch (e) {
    if (e instanceof WorkspaceError) return { refused: { code: e.code, message: e.message } };
    throw e;
  }
}
