// What it would take: the fewest stance changes that make a stage (or the whole procedure) pass
// under the most likely positions, ties broken by the changes least likely to be refused (the
// largest product of the probabilities of the new positions). Exact: a min-cost dynamic program
// over the same states as the probability computation, delegations voting as blocs.
import type { Position } from '../model/schema.ts';
import type { Evaluation } from './evaluate.ts';
import { EngineError } from './constraints.ts';
import { cachedPlan, orderUnits, type Plan, type PlanCache } from './plan.ts';
import { cheapest } from './walk.ts';
import { buildProblem, type Problem } from './problem.ts';
import { type CaseSetup, distUnder, mostLikely, POSITIONS, type StageSetup } from './setup.ts';

export interface StanceChange {
  state: string;
  from: Position;
  to: Position;
  /** Probability of the new position under the evaluated drivers. */
  p: number;
  /** The stages where this state's position changes (one draw serves all of them). */
  stages: string[];
}

export interface ChangePlan {
  /** A stage id, or "procedure" for every stage together. */
  stage: string;
  name: string;
  /** Passes under the most likely positions (the evaluation). */
  passes: boolean;
  /** Some set of stance changes makes it pass. */
  feasible: boolean;
  changes: StanceChange[];
  /** Product of the changes' probabilities (1 when nothing needs to change). */
  likelihood: number;
  note?: string;
  /** The exact search was too large (several stages with wide rules sharing every voter): no answer. */
  tooLarge?: boolean;
}

/** One change always outweighs any difference in likelihood. */
const CHANGE = 1e6;
/** Positions the model calls impossible can still be asked of a state, at the highest price. */
const FLOOR = 1e-12;

/** The bloc problems and plans behind the stance changes: they depend on the case and day, not on drivers. */
type Model = { problem: Problem; plan: Plan } | { tooLarge: string };

export interface ChangeModels {
  stages: Map<string, Model>;
  procedure: Model;
}

export function changeModels(setup: CaseSetup, plans?: PlanCache): ChangeModels {
  const model = (stages: StageSetup[]): Model => {
    const problem = buildProblem(setup, stages, 'bloc');
    try {
      return { problem, plan: cachedPlan(plans, problem, orderUnits(problem)) };
    } catch (e) {
      if (e instanceof EngineError) return { tooLarge: e.message };
      throw e;
    }
  };
  const modeled = setup.stages.filter((s) => s.applies && s.seats);
  return { stages: new Map(modeled.map((s) => [s.stage.id, model([s])])), procedure: model(modeled) };
}

export function stanceChanges(
  setup: CaseSetup,
  evaluation: Evaluation,
  models: ChangeModels = changeModels(setup),
): { stages: ChangePlan[]; procedure: ChangePlan } {
  const outcome = new Map(evaluation.stages.map((s) => [s.id, s.outcome === 'pass']));
  const stages = setup.stages.map((s): ChangePlan => {
    const base = { stage: s.stage.id, name: s.stage.name, passes: outcome.get(s.stage.id) ?? false };
    if (!s.applies) return { ...base, feasible: true, changes: [], likelihood: 1, note: 'not required for this candidate' };
    if (!s.seats) {
      return {
        ...base,
        feasible: base.passes,
        changes: [],
        likelihood: 1,
        note: 'the members of this body are not in the dataset: its outcome is an estimate that no stance change can move',
      };
    }
    return solve(setup, evaluation, models.stages.get(s.stage.id)!, base);
  });
  const blockedEstimates = setup.stages.filter((s) => s.applies && !s.seats && !outcome.get(s.stage.id));
  const base = { stage: 'procedure', name: 'the whole procedure', passes: evaluation.admitted };
  let procedure = solve(setup, evaluation, models.procedure, base);
  if (blockedEstimates.length && !procedure.tooLarge) {
    procedure = {
      ...procedure,
      feasible: false,
      note: `also needs ${blockedEstimates.map((s) => s.stage.name).join(', ')}, estimated to fail, which no stance change can move`,
    };
  }
  return { stages, procedure };
}

function solve(setup: CaseSetup, evaluation: Evaluation, model: Model, base: Pick<ChangePlan, 'stage' | 'name' | 'passes'>): ChangePlan {
  if ('tooLarge' in model) {
    return { ...base, feasible: false, changes: [], likelihood: 0, tooLarge: true, note: `not searched: ${model.tooLarge}` };
  }
  const { problem, plan } = model;
  const current = problem.units.map((u) => {
    const d = distUnder(setup.units[u.source].spec, evaluation.drivers);
    return { d, pos: POSITIONS.indexOf(mostLikely(d)) };
  });
  const cost = current.map(({ d, pos }) => Float64Array.from(POSITIONS, (p, k) => (k === pos ? 0 : CHANGE - Math.log(Math.max(d[p], FLOOR)))));
  const best = cheapest(plan, cost);
  if (!best) return { ...base, feasible: false, changes: [], likelihood: 0, note: 'no stance changes can make it pass' };
  const changes: StanceChange[] = [];
  let likelihood = 1;
  for (const [u, pos] of [...best.positions].sort((a, b) => a[0] - b[0])) {
    const cur = current[u];
    if (pos === cur.pos) continue;
    const to = POSITIONS[pos];
    const p = cur.d[to];
    likelihood *= p;
    changes.push({
      state: problem.units[u].state,
      from: POSITIONS[cur.pos],
      to,
      p,
      stages: problem.units[u].stages.map((s) => problem.stages[s].stage.id),
    });
  }
  changes.sort((a, b) => b.p - a.p || a.state.localeCompare(b.state));
  return { ...base, feasible: true, changes, likelihood };
}
