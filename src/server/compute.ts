// The computations behind the answers that cost time (a case's JSON and downloads, the overview, the
// case list, a state across cases, the track record): one function
// both the server's own thread and the pool's workers run, so an answer is the same bytes either way.
import { caseCsv, caseJsonText } from '../case/exports.ts';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import { trackRecord } from '../case/track-record.ts';
import { caseDetails, overview, stateAcrossCases, summaryWithProbability } from '../case/views.ts';
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';

/** A case's answer: its details (the API) or a download. */
export interface OneCaseJob {
  kind: 'details' | 'csv' | 'json';
  candidate: string;
  organization: string;
  asOf: string;
  fixed: Assignment;
}

/** One answer to compute: a case's, or one across cases (overview, the case list, a state). */
export type CaseJob =
  | OneCaseJob
  | { kind: 'overview' | 'cases'; asOf: string }
  | { kind: 'state'; code: string; asOf: string }
  | { kind: 'track-record' };

/** Runs case jobs: in this thread (tests, `createApp` alone) or in a worker pool (`startServer`). */
export interface CaseComputer {
  run(job: CaseJob): Promise<string>;
  close(): Promise<void>;
}

/** A job's answer as text; the case must exist (the server checked it before queueing the job). */
export function computeJob(ix: Indexed, day: (asOf: string) => Day, job: CaseJob): string {
  if (job.kind === 'track-record') return JSON.stringify(trackRecord(ix));
  if (job.kind === 'overview') return JSON.stringify(overview(day(job.asOf)));
  if (job.kind === 'cases') return JSON.stringify({ asOf: job.asOf, cases: ix.data.cases.map((c) => summaryWithProbability(day(job.asOf), c)) });
  if (job.kind === 'state') return JSON.stringify({ asOf: job.asOf, state: ix.state(job.code), cases: stateAcrossCases(day(job.asOf), job.code) });
  return caseAnswer(ix, day, job as OneCaseJob);
}

function caseAnswer(ix: Indexed, day: (asOf: string) => Day, job: OneCaseJob): string {
  const cas = ix.case(job.candidate, job.organization);
  if (!cas) throw new Error(`no case ${job.candidate} × ${job.organization}`);
  if (job.kind === 'csv') return caseCsv(ix, cas, job.asOf, job.fixed);
  if (job.kind === 'json') return `${caseJsonText(ix, cas, job.asOf, job.fixed)}\n`;
  return JSON.stringify(caseDetails(day(job.asOf), cas, job.fixed));
}

/** Computes on the calling thread: simple, and blocks it meanwhile. */
export function inlineComputer(ix: Indexed, day: (asOf: string) => Day = (asOf) => daySnapshot(ix, asOf)): CaseComputer {
  return {
    run: async (job) => computeJob(ix, day, job),
    close: async () => {},
  };
}
