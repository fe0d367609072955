// A worker of the server's pool (pool.ts): loads the dataset it is given once, keeps the engine's
// prepared tables per case and day (src/engine/analyze.ts), and answers case jobs.
import { workerData } from 'node:worker_threads';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import { NotApplicableError } from '../model/asof.ts';
import { type Dataset, index } from '../model/dataset.ts';
import { type CaseJob, computeJob } from './compute.ts';

const ix = index((workerData as { dataset: Dataset }).dataset);
const days = new Map<string, Day>();

function day(asOf: string): Day {
  let d = days.get(asOf);
  if (!d) {
    if (days.size >= 64) days.delete(days.keys().next().value!);
    days.set(asOf, (d = daySnapshot(ix, asOf)));
  }
  return d;
}

/**
 * A job's answer, or a refusal the server turns into its 4xx: an error's class does not survive the
 * trip between threads, so a day before the candidate or the organization existed comes back tagged.
 */
export default function run(job: CaseJob): string | { notApplicable: string } {
  try {
    return computeJob(ix, day, job);
  } catch (e) {
    if (e instanceof NotApplicableError) return { notApplicable: e.reason };
    throw e;
  }
}
