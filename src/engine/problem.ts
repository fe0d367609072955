// A case's stages compiled into one problem: linear constraints, a formula per stage, and the
// independent draws (units) that feed them. Two ways to lay out delegations in seat bodies:
//   'seat': each seat is its own draw from the state's stance (delegations can split; DESIGN §1),
//           independent of the state's draw at its other stages;
//   'bloc': the delegation votes with the state's one draw (the most-likely evaluation and power).
import type { Assignment } from '../model/drivers.ts';
import { type CaseSetup, distUnder, type StageSetup, type StanceSpec } from './setup.ts';
import { type Coef, compileRule, type Formula, type Item, renumberLeaves } from './constraints.ts';

export type Layout = 'seat' | 'bloc';

export interface ProblemUnit {
  /** Index into setup.units: the stance this draw comes from. */
  source: number;
  state: string;
  /** For a seat draw: which seat of the delegation (0-based) in which body. */
  seat?: { body: string; index: number };
  /** Problem stages (indices into problem.stages) this draw votes in. */
  stages: number[];
  touches: Array<{ c: number; coef: Coef }>;
}

export interface Problem {
  /** The stages, in procedure order. */
  stages: StageSetup[];
  constraints: Array<{ b: number; stage: number }>;
  /** One formula per stage over problem constraint indices; the problem passes when all do. */
  stageFormulas: Formula[];
  units: ProblemUnit[];
  layout: Layout;
  /** Equal keys (for one setup) mean equal problems: the stages, and the layout that actually applies. */
  key: string;
}

/** Stages whose voters the dataset names and that apply to the candidate. */
export function modeledStages(setup: CaseSetup): StageSetup[] {
  return setup.stages.filter((s) => s.applies && s.seats !== undefined);
}

export function buildProblem(setup: CaseSetup, stages: StageSetup[], layout: Layout): Problem {
  const unitOf = new Map<string, number>();
  setup.units.forEach((u, i) => u.stages.forEach((st) => unitOf.set(`${st}:${u.state}`, i)));

  const constraints: Problem['constraints'] = [];
  const stageFormulas: Formula[] = [];
  const units: ProblemUnit[] = [];
  const unitIndex = new Map<string, number>();
  const unitFor = (key: string, make: () => ProblemUnit): ProblemUnit => {
    let i = unitIndex.get(key);
    if (i === undefined) {
      i = units.length;
      units.push(make());
      unitIndex.set(key, i);
    }
    return units[i];
  };

  stages.forEach((s, si) => {
    const seats = s.seats!;
    const items: Item[] = [];
    const owners: ProblemUnit[] = [];
    for (const [state, n] of seats) {
      const source = unitOf.get(`${s.stage.id}:${state}`);
      if (source === undefined) throw new Error(`no stance unit for ${state} at ${s.stage.id}`);
      const split = layout === 'seat' && s.body.seats !== undefined;
      if (split) {
        for (let k = 0; k < n; k++) {
          items.push({ state, seats: 1, delegation: n });
          owners.push(unitFor(`${source}@${s.body.id}#${k}`, () => ({ source, state, seat: { body: s.body.id, index: k }, stages: [], touches: [] })));
        }
      } else {
        items.push({ state, seats: n, delegation: n });
        owners.push(unitFor(`${source}`, () => ({ source, state, stages: [], touches: [] })));
      }
    }
    const rule = compileRule(s.stage.rule, items);
    const offset = constraints.length;
    rule.constraints.forEach((c, ci) => {
      constraints.push({ b: c.b, stage: si });
      c.coefs.forEach((coef, ii) => {
        if (coef[0] === 0 && coef[1] === 0 && coef[2] === 0 && coef[3] === 0) return;
        owners[ii].touches.push({ c: offset + ci, coef });
      });
    });
    for (const o of new Set(owners)) if (!o.stages.includes(si)) o.stages.push(si);
    stageFormulas.push(renumberLeaves(rule.formula, (c) => c + offset));
  });
  const effective = layout === 'seat' && stages.some((s) => s.body.seats !== undefined) ? 'seat' : 'bloc';
  return { stages, constraints, stageFormulas, units, layout, key: `${stages.map((s) => s.stage.id).join('+')}|${effective}` };
}

/** A unit's distribution under some drivers, as the walks read it: (yes, no, abstain, absent). */
export function unitDist(problem: Problem, setup: CaseSetup, u: number, a: Assignment): Float64Array {
  const x = distUnder(setup.units[problem.units[u].source].spec, a);
  return Float64Array.of(x.yes, x.no, x.abstain, x.absent);
}

/** Every unit's distribution under some drivers (units drawing from one stance share an array). */
export function unitDists(problem: Problem, setup: CaseSetup, a: Assignment): Float64Array[] {
  const cache = new Map<StanceSpec, Float64Array>();
  return problem.units.map((u, i) => {
    const spec = setup.units[u.source].spec;
    let d = cache.get(spec);
    if (!d) {
      d = unitDist(problem, setup, i, a);
      cache.set(spec, d);
    }
    return d;
  });
}
