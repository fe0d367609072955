// The numbers of a case page, computed in the browser with the engine (the same code the CLI and API run).
// Split in two so a driver toggle redoes only what depends on the drivers.
import type { Indexed } from '../src/model/dataset.ts';
import type { Assignment } from '../src/model/drivers.ts';
import type { CaseData } from '../src/model/schema.ts';
import { evaluateSetup, type Evaluation } from '../src/engine/evaluate.ts';
import { setupCase, type CaseSetup } from '../src/engine/setup.ts';
import { caseStatic, type CaseStatic, stageVoters, type StageVoters } from '../src/server/views.ts';

export interface Sensitivity {
  driver: string;
  name: string;
  /** P(admission | driver true) − P(admission | driver false). */
  delta: number;
  whenTrue: number;
  whenFalse: number;
}

export interface Dynamic {
  evaluation: Evaluation;
  voters: StageVoters[];
  /** P(admission) over the uncertain drivers and the actors' positions (undefined until the engine gives it). */
  probability?: number;
  stageProbabilities?: number[];
  sensitivity?: Sensitivity[];
  whatItTakes?: unknown;
}

export interface Prepared {
  setup: CaseSetup;
  static: CaseStatic;
}

export function prepare(ix: Indexed, c: CaseData, asOf: string): Prepared {
  const setup = setupCase(ix, c, asOf);
  return { setup, static: caseStatic(ix, c, setup) };
}

export function compute(_ix: Indexed, p: Prepared, fixed: Assignment): Dynamic {
  return { evaluation: evaluateSetup(p.setup, fixed), voters: stageVoters(p.setup, fixed) };
}
