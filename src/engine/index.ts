// The engine's public face: what the case layer, the server, the CLI and the web app may use.
// Everything else in src/engine is internal (plans, tables, walks, mixtures) and may change shape.
// The centre is the session: a case prepared as of a day once, then re-weighed for any driver
// settings (docs/engine.md, "Sessions").

// Sessions: every probability a face shows comes from one.
export {
  type Analysis,
  createSession,
  hasSession,
  type Method,
  openSession,
  type PowerEntry,
  type Progress,
  type Session,
  sessionOf,
  type StageDists,
  stagePower,
  type StanceChanges,
  type VoterDist,
  type WhatItTakes,
} from './session.ts';
export { analyzeCase } from './analyze.ts';
// A session's tables computed apart (the web page's worker), then given to the session (Session.seed).
export { type PassTable } from './mixture.ts';
export { procedureTable, stageTableOf, tableStages, type Tables } from './prepare.ts';

// A case laid out on a day, and the deterministic (most likely) evaluation.
export { type CaseSetup, type Dist, distUnder, driversOf, mostLikely, POSITIONS, setupCase, stanceSources, type StanceSpec, type StageSetup, type Unit } from './setup.ts';
export { evaluateCase, evaluateSetup, type Evaluation, mostLikelyAssignment, type StageOutcome, type VoterPosition } from './evaluate.ts';

// The shapes of the answers.
export type { ChangePlan, StanceChange } from './what-it-takes.ts';
export type { SensitivityRow } from './sensitivity.ts';
export type { DriverPlan, DriverSetting } from './driver-plan.ts';

// Voting power of simple games (`accede power`).
export { type Game, parseGame, seatsGame, stageGame } from './game.ts';
export { gamePassProbability, powerIndices, type PowerResult, type PowerRow, swingProbabilities } from './power.ts';

// Backtests and the engine's one error type (a case beyond what the engine computes).
export { type BacktestResult, runBacktest } from './backtest.ts';
export { EngineError } from './constraints.ts';
