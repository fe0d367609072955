// Everything the engine says about a case on a day under some drivers set, in one call: the most
// likely evaluation, probabilities, sensitivity, what it would take and (optionally) power. A thin
// front over the session (session.ts), which keeps the expensive tables per case and day.
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData } from '../model/schema.ts';
import { type Prepared, prepare } from './prepare.ts';
import { type Analysis, openSession, sessionOf } from './session.ts';

export type { Analysis, Method, PowerEntry, WhatItTakes } from './session.ts';
export { stagePower } from './session.ts';
export { prepare, type Prepared };

/** The prepared tables for a case and day (the session's, computed on first use). */
export function prepared(ix: Indexed, c: CaseData, asOf: string): Prepared {
  return openSession(ix, c, asOf).prepared;
}

export function analyzeCase(ix: Indexed, c: CaseData, asOf: string, fixed: Assignment = {}, options: { power?: boolean } = {}): Analysis {
  return openSession(ix, c, asOf).analyze(fixed, options);
}

export function analyzePrepared(p: Prepared, fixed: Assignment = {}, options: { power?: boolean } = {}): Analysis {
  return sessionOf(p).analyze(fixed, options);
}
