// The computations behind the answers that cost time (a case's JSON and downloads, the overview, the
// case list, a state across cases, the track record) and the costly half of a text import (reading and
// extracting it): one function each that both the server's own thread and the pools' workers run, so
// an answer is the same bytes either way.
import { caseCsv, caseJsonText } from '../case/exports.ts';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import { trackRecord } from '../case/track-record.ts';
import { caseDetails, overview, type PreparedCase, prepareCase, stateAcrossCases, summaryWithProbability } from '../case/views.ts';
import type { Gazetteer } from '../evidence/gazetteer.ts';
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData } from '../model/schema.ts';
import type { PreparedText } from '../store/index.ts';

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
  /** The answer as text, or as its UTF-8 bytes (the pool encodes on the worker). */
  run(job: CaseJob): Promise<string | Uint8Array<ArrayBuffer>>;
  close(): Promise<void>;
}

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
  if (job.kind === 'cases') return { json: { asOf: job.asOf, cases: ix.data.cases.map((c) => summaryWithProbability(day(job.asOf), c)) } };
  if (job.kind === 'state') return { json: { asOf: job.asOf, state: ix.state(job.code), cases: stateAcrossCases(day(job.asOf), job.code) } };
  return caseAnswer(ix, prep, job as OneCaseJob);
}

/** A job's answer as text (JSON.stringify: the pool's workers write the same bytes with jsonBytes). */
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
export function inlinePreparer(gazetteer: () => Gazetteer): TextPreparer {
  return {
    // The reader and extractor (linkedom, Readability) load with the first import, not with the server.
    prepare: async (text, origin) => (await import('../store/prepare.ts')).prepareText(text, { gazetteer: gazetteer(), origin }),
    close: async () => {},
  };
}
