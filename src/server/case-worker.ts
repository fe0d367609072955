// A worker of the server's case pool (pool.ts): loads the dataset it is given once and answers case jobs.
// For case jobs it keeps, in bounded LRU caches, each day's snapshot and each case prepared on a day (the engine's
// session with its tables, and the part of the answer that does not depend on the drivers), so a new
// driver setting costs a re-weighing of tables already built, not a fresh analysis.
import { workerData } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';
import { move } from 'piscina';
import { type EffectiveQuery, effectiveQueryOf, preparedOn } from '../case/change-points.ts';
import { type Day, daySnapshot } from '../case/snapshot.ts';
import { type PreparedCase, prepareCase } from '../case/views.ts';
import { NotApplicableError } from '../model/asof.ts';
import { type Dataset, index } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData } from '../model/schema.ts';
import { type CaseJob, computeAnswer, type Prepared } from '../case/jobs.ts';
import { constantJson, jsonBytes } from './json-bytes.ts';

export interface CaseWorkerData {
  dataset: Dataset;
}

/**
 * Days and prepared cases kept. A prepared case holds its tables (a few hundred KB for the largest
 * bundled cases): 256 of them is 256 stretches between change points (XK × NATO has about 80 since 1949).
 * A day inside a stretch is the case prepared on the stretch's first day, named for that day: light (it
 * shares the tables), so many more of them are kept.
 */
const DAYS_KEPT = 128;
const CASES_KEPT = 256;
const NAMED_KEPT = 4096;

// The case threads run at the event loop's priority (imports alone run below it). Niced, they starved
// under load: with small answers the event loop and the load generator took both cores serving cached
// answers, and an uncached setting waited behind them (p99 704 ms at a p50 of 7 ms); at the same
// priority p99 is 166 ms and health p99 29 ms (bench/README.md, session 7).

const dataset = (workerData as CaseWorkerData).dataset;
const ix = index(dataset);
const days = new LRUCache<string, Day>({ max: DAYS_KEPT });
// Keyed by case and effective day; the worker serves one dataset version (a new version is a new pool).
const cases = new LRUCache<string, PreparedCase>({ max: CASES_KEPT });
// Keyed by case and the day asked, when it is not its own effective day.
const named = new LRUCache<string, PreparedCase>({ max: NAMED_KEPT });
const effective = new Map<CaseData, (asOf: string, fixed: Assignment) => EffectiveQuery>();

// (An exact-size array of its own: a small Buffer would be a view into a shared 8 KB pool, all of it sent.)
const utf8 = new TextEncoder();

/**
 * Declares the parts of a prepared case's answers that depend only on the case and the day (never modified
 * once made) constant, so that each is encoded once, not in every answer (about half of an answer's bytes).
 */
function constantParts(p: PreparedCase): PreparedCase {
  const st = p.static;
  for (const part of [st.counter, st.ties, st.stances, st.stanceEvidence, st.statusEvidence, st.sources, st.unverified, ...Object.values(st.driverEvidence)]) constantJson(part);
  return p;
}

/** The case prepared on a day, kept: its tables are the expensive part of an answer. */
function prepared(c: CaseData, asOf: string): PreparedCase {
  const key = `${c.candidate}/${c.organization}|${asOf}`;
  let p = cases.get(key);
  if (!p) cases.set(key, (p = constantParts(prepareCase(prep.day(asOf), c))));
  return p;
}

const prep: Prepared = {
  day(asOf) {
    let d = days.get(asOf);
    if (!d) days.set(asOf, (d = daySnapshot(ix, asOf)));
    return d;
  },
  // A day's answer reads nothing that differs from its effective day's (src/case/change-points.ts), so a
  // random day costs a re-labelling of tables prepared once for its stretch, not a preparation of its own.
  case(day: Day, c: CaseData) {
    let queryOf = effective.get(c);
    if (!queryOf) effective.set(c, (queryOf = effectiveQueryOf(ix, c)));
    const on = queryOf(day.asOf, {}).asOf;
    if (on === day.asOf) return prepared(c, on);
    const key = `${c.candidate}/${c.organization}|${day.asOf}`;
    let p = named.get(key);
    if (!p) {
      let shared: PreparedCase | undefined;
      try {
        shared = prepared(c, on);
      } catch (e) {
        // A day before the candidate or the organization: refused below with the reason naming the day asked.
        if (!(e instanceof NotApplicableError)) throw e;
      }
      p = (shared && preparedOn(shared, day.asOf)) ?? constantParts(prepareCase(day, c));
      named.set(key, p);
    }
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
