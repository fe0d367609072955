// The answers that cost time, as jobs: a case's details (the API) and its CSV/JSON downloads, the
// overview, the case list, a state across cases, the track record. Pure: the server runs them on its
// own thread or in a worker pool (src/server/compute.ts, pool.ts) and caches them by jobKey, so an
// answer is the same bytes either way.
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData } from '../model/schema.ts';
import { caseCsv, caseJsonText } from './exports.ts';
import type { Day } from './snapshot.ts';
import { trackRecord } from './track-record.ts';
import { caseDetails, caseList, casesOnDay, overview, type PreparedCase, stateAcrossCases } from './views.ts';

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

/**
 * Where a computation finds a day's snapshot and a case prepared on a day: built on each call, or kept
 * (the pool's workers keep them, so a new driver setting is a re-weighing of tables already prepared).
 */
export interface Prepared {
  day(asOf: string): Day;
  case(day: Day, c: CaseData): PreparedCase;
}

/** A job's answer before it is written: a value sent as its JSON, or a text (the CSV and JSON downloads). */
export type JobAnswer = { json: object } | { text: string };

/** A job's answer; the case must exist (the server checked it before queueing the job). */
export function computeAnswer(ix: Indexed, prep: Prepared, job: CaseJob): JobAnswer {
  const day = (asOf: string) => prep.day(asOf);
  if (job.kind === 'track-record') return { json: trackRecord(ix) };
  if (job.kind === 'overview') return { json: overview(day(job.asOf)) };
  if (job.kind === 'cases') return { json: caseList(day(job.asOf)) };
  if (job.kind === 'state') {
    const d = day(job.asOf);
    return { json: { asOf: job.asOf, state: ix.state(job.code), ...stateAcrossCases(d, job.code), notApplicable: casesOnDay(d).notApplicable } };
  }
  return caseAnswer(ix, prep, job as OneCaseJob);
}

/** A job's answer as text (JSON.stringify; the pool's workers write the same bytes with src/server/json-bytes.ts). */
export function computeJob(ix: Indexed, prep: Prepared, job: CaseJob): string {
  const a = computeAnswer(ix, prep, job);
  return 'text' in a ? a.text : JSON.stringify(a.json);
}

function caseAnswer(ix: Indexed, prep: Prepared, job: OneCaseJob): JobAnswer {
  const cas = ix.case(job.candidate, job.organization);
  if (!cas) throw new Error(`no case ${job.candidate} × ${job.organization}`);
  if (job.kind === 'csv') return { text: caseCsv(ix, cas, job.asOf, job.fixed) };
  if (job.kind === 'json') return { text: `${caseJsonText(ix, cas, job.asOf, job.fixed)}\n` };
  const day = prep.day(job.asOf);
  return { json: caseDetails(day, cas, job.fixed, prep.case(day, cas)) };
}

/**
 * The version of the answers' shape for a given dataset and query, part of every answer's ETag (with the
 * dataset's digest and the query): a client holding an answer of an earlier shape revalidates to the new
 * one instead of getting 304. Change it whenever the same dataset and query give a different answer.
 * 2: stances, cited documents and positions written once (issue 13, session 7).
 */
export const ANSWERS_VERSION = 2;

/** A cache key for a job: every field that changes the answer, drivers in a fixed order. */
export function jobKey(job: CaseJob): string {
  if (job.kind === 'track-record') return 'track-record';
  if (job.kind === 'overview' || job.kind === 'cases') return `${job.kind}|${job.asOf}`;
  if (job.kind === 'state') return `state|${job.code}|${job.asOf}`;
  return caseKey(job as OneCaseJob);
}

function caseKey(job: OneCaseJob): string {
  const fixed = Object.keys(job.fixed)
    .sort()
    .map((k) => `${k}=${job.fixed[k]}`)
    .join(',');
  return `${job.kind}|${job.candidate}/${job.organization}|${job.asOf}|${fixed}`;
}
