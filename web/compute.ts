// The numbers of a case page, computed in the browser with the engine (the same code the CLI and API run).
// Split in two so a driver toggle redoes only what depends on the drivers: the engine's tables of
// P(pass | driver assignment) are built once per case and day (prepare), and a toggle re-weighs them.
import type { Indexed } from '../src/model/dataset.ts';
import type { Assignment } from '../src/model/drivers.ts';
import type { CaseData } from '../src/model/schema.ts';
import { analyzePrepared, type Analysis, prepared, type Prepared as EnginePrepared } from '../src/engine/analyze.ts';
import type { Evaluation } from '../src/engine/evaluate.ts';
import type { SensitivityRow } from '../src/engine/sensitivity.ts';
import type { CaseSetup } from '../src/engine/setup.ts';
import { caseStatic, type CaseStatic, stageVoters, type StageVoters } from '../src/server/views.ts';

export type Sensitivity = SensitivityRow;

export interface Dynamic {
  evaluation: Evaluation;
  voters: StageVoters[];
  /** P(admission) over the uncertain drivers and the actors' positions. */
  probability: number;
  /** P(pass) of each stage, in procedure order. */
  stageProbabilities: number[];
  sensitivity: Sensitivity[];
  whatItTakes: Analysis['whatItTakes'];
}

export interface Prepared {
  setup: CaseSetup;
  engine: EnginePrepared;
  static: CaseStatic;
}

export function prepare(ix: Indexed, c: CaseData, asOf: string): Prepared {
  const engine = prepared(ix, c, asOf);
  return { setup: engine.setup, engine, static: caseStatic(ix, c, engine.setup) };
}

export function compute(_ix: Indexed, p: Prepared, fixed: Assignment): Dynamic {
  const a = analyzePrepared(p.engine, fixed);
  return {
    evaluation: a.evaluation,
    voters: stageVoters(p.setup, fixed),
    probability: a.probability,
    stageProbabilities: p.setup.stages.map((s) => a.stageProbabilities[s.stage.id]),
    sensitivity: a.sensitivity,
    whatItTakes: a.whatItTakes,
  };
}
