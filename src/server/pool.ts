// Case computations off the event loop: a pool of worker threads (piscina) with a queue bounded in jobs.
// A job past the bound is refused at once with 503 and Retry-After; below it, it waits its turn. The
// bound is sized from the measured pace of the pool (the time between answers while jobs wait, which
// counts whatever slows them: other work on the machine included): a job is refused when the jobs ahead
// of it would take longer than the queue's budget (default 1 s). A case answer costs about 1–3 ms of a
// thread once its case and stretch are prepared, so 200 clients asking at once are queued and answered,
// not turned away; on a starved machine the excess is refused at once instead of waiting into timeouts.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Dataset } from '../model/dataset.ts';
import type { CaseJob } from '../case/jobs.ts';
import type { CaseComputer, TextPreparer } from './compute.ts';
import type { WorkerAnswer } from './case-worker.ts';
import type { ImportAnswer } from './import-worker.ts';
import { apiError, fromStoreCode } from './errors.ts';

export interface PoolOptions {
  /** Worker threads (default: the machine's cores, at least 1). */
  threads?: number;
  /** Jobs waiting beyond those running, at most; past it, 503 (default: 256 per thread). */
  maxQueue?: number;
  /** The longest a job may expect to wait at the pool's measured pace before it is refused with 503 (default 1000 ms). */
  queueBudgetMs?: number;
}

/** Jobs each worker holds at once: one running, one in its inbox. */
const PER_WORKER = 2;

/** A worker module: compiled next to this file in dist/, else the sources through tsx. */
function workerFile(name: 'case-worker' | 'import-worker'): string {
  const compiled = import.meta.url.endsWith('.js');
  return new URL(`./${name}.${compiled ? 'js' : 'mjs'}`, import.meta.url).href;
}

const busy = () => apiError(503, 'busy', 'the server is busy computing other answers; try again in a moment', {}, { 'Retry-After': '1' });

/**
 * The case pool. Its threads start on the first job or on warm(), not when it is made: each loads the
 * engine and a copy of the dataset, and on a small machine that would slow the server's first answers
 * (startServer warms it once the first request is answered).
 */
export function poolComputer(dataset: Dataset, o: PoolOptions = {}): CaseComputer & { readonly queued: number; warm(): void } {
  const threads = Math.max(1, o.threads ?? availableParallelism());
  let started: Piscina | undefined;
  const pool = () =>
    (started ??= new Piscina({
      filename: workerFile('case-worker'),
      workerData: { dataset },
      minThreads: threads,
      maxThreads: threads,
      maxQueue: o.maxQueue ?? 256 * threads,
      // A second job waits in each worker's own inbox, so a worker goes on to it as soon as it is done
      // instead of waiting for this thread (busy answering) to hand it one.
      concurrentTasksPerWorker: PER_WORKER,
      idleTimeout: 60_000,
      // Per-job run and wait histograms: unused here, and two clock readings and a record per job.
      recordTiming: false,
    }));
  const budget = o.queueBudgetMs ?? 1000;
  let closing = false;
  // Jobs submitted and not yet answered; the time between answers while others waited (moving average).
  let inFlight = 0;
  let lastDone = 0;
  let backlogAtLastDone = false;
  let paceMs = 5;
  const done = () => {
    const now = performance.now();
    // Only an interval during which every thread had work measures the pool's pace (not an idle gap).
    if (backlogAtLastDone) paceMs += (now - lastDone - paceMs) / 32;
    lastDone = now;
    inFlight--;
    backlogAtLastDone = inFlight >= threads;
  };
  return {
    get queued() {
      return started?.queueSize ?? 0;
    },
    warm() {
      if (!closing) pool();
    },
    async run(job: CaseJob): Promise<Uint8Array<ArrayBuffer>> {
      // The jobs that must be answered before this one starts.
      const waiting = inFlight - threads + 1;
      if (closing || (waiting > 0 && waiting * paceMs > budget)) throw busy();
      inFlight++;
      let answer: WorkerAnswer;
      try {
        answer = (await pool().run(job)) as WorkerAnswer;
      } catch (e) {
        // Piscina's own bound, or jobs cut off by close(): refusals like any other, not internal errors.
        if (e instanceof Error && /queue is at limit|terminating worker thread/i.test(e.message)) throw busy();
        throw e;
      } finally {
        done();
      }
      if (!(answer instanceof Uint8Array)) throw apiError(422, 'not_applicable', answer.notApplicable);
      return answer;
    },
    close: async () => {
      closing = true;
      await started?.destroy();
    },
  };
}

export interface ImportPoolOptions {
  /** Worker threads (default 1: imports are rare, and one at a time keeps a core for everything else). */
  threads?: number;
  /** Imports waiting beyond those running; past it, 503 (default 8). */
  maxQueue?: number;
}

/**
 * Reading and extracting pasted texts off the event loop: a small pool of its own, so that a large import
 * neither stalls health checks and pages nor queues behind (or ahead of) case answers. Its thread starts
 * with warm() (startServer calls it once listening) or with the first import.
 */
export function importPool(dataset: Dataset, o: ImportPoolOptions = {}): TextPreparer & { warm(): void } {
  const threads = Math.max(1, o.threads ?? 1);
  let started: Piscina | undefined;
  let closed = false;
  const pool = () =>
    (started ??= new Piscina({
      filename: workerFile('import-worker'),
      workerData: { dataset },
      minThreads: threads,
      maxThreads: threads,
      maxQueue: o.maxQueue ?? 8,
      idleTimeout: 60_000,
    }));
  return {
    warm() {
      if (closed || started) return;
      // Loads the reader, the extractor and the gazetteer, and runs them once: the first import then costs
      // what any other does. A failure here is left for that import to meet and report.
      pool()
        .run(null, { name: 'prime' })
        .catch(() => {});
    },
    async prepare(text, origin) {
      let answer: ImportAnswer;
      try {
        if (closed) throw new Error('terminating worker thread');
        answer = (await pool().run({ text, origin })) as ImportAnswer;
      } catch (e) {
        if (e instanceof Error && /queue is at limit|terminating worker thread/i.test(e.message)) {
          throw apiError(503, 'busy', 'the server is busy importing other documents; try again in a moment', {}, { 'Retry-After': '1' });
        }
        throw e;
      }
      if ('refused' in answer) throw fromStoreCode(answer.refused.code, answer.refused.message);
      return answer.prepared;
    },
    close: async () => {
      closed = true;
      await started?.destroy();
    },
  };
}
