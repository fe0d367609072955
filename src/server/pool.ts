// Case computations off the event loop: a pool of worker threads (piscina) with a bounded queue. When
// the queue is full a request is refused at once with 503 and Retry-After instead of waiting, so health
// checks, pages and cached answers stay fast while the pool is busy.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Dataset } from '../model/dataset.ts';
import type { CaseComputer, CaseJob } from './compute.ts';
import { apiError } from './errors.ts';

export interface PoolOptions {
  /** Worker threads (default: the machine's cores, at least 1). */
  threads?: number;
  /** Jobs waiting beyond those running; past it, 503 (default: 64 per thread). */
  maxQueue?: number;
}

/** The worker module: compiled next to this file in dist/, else the sources through tsx. */
function workerFile(): string {
  const compiled = import.meta.url.endsWith('.js');
  return new URL(compiled ? './case-worker.js' : './case-worker.mjs', import.meta.url).href;
}

export function poolComputer(dataset: Dataset, o: PoolOptions = {}): CaseComputer & { readonly queued: number } {
  const threads = Math.max(1, o.threads ?? availableParallelism());
  const pool = new Piscina({
    filename: workerFile(),
    workerData: { dataset },
    minThreads: threads,
    maxThreads: threads,
    maxQueue: o.maxQueue ?? 64 * threads,
    idleTimeout: 60_000,
  });
  return {
    get queued() {
      return pool.queueSize;
    },
    async run(job: CaseJob): Promise<string> {
      let answer: string | { notApplicable: string };
      try {
        answer = (await pool.run(job)) as string | { notApplicable: string };
      } catch (e) {
        if (e instanceof Error && /queue is at limit/i.test(e.message)) {
          throw apiError(503, 'busy', 'the server is busy computing other answers; try again in a moment', {}, { 'Retry-After': '1' });
        }
        throw e;
      }
      if (typeof answer !== 'string') throw apiError(422, 'not_applicable', answer.notApplicable);
      return answer;
    },
    close: () => pool.destroy(),
  };
}
