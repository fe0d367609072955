// A case prepared on a day: P(pass | drivers) for every assignment of the drivers that bear on it,
// for the whole procedure and for each stage, and the prior over those assignments. This is the
// expensive part of every answer, computed once per case and day; a session (session.ts) re-weighs
// it for any driver settings. The whole procedure's table comes first; each stage's is computed when
// first asked for (stageIn), since P(admission), the sensitivity and the driver plan need none of them
// (on a wide UN case the General Assembly's table costs as much as the procedure's).
import { parentsOf } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import { MAX_DRIVERS, priorTable } from './conditioning.ts';
import { EngineError } from './constraints.ts';
import { expand, type PassTable, passTable } from './mixture.ts';
import { buildProblem, modeledStages } from './problem.ts';
import type { PlanCache } from './plan.ts';
import { type CaseSetup, estimatedFactor } from './setup.ts';
import type { ChangeModels } from './what-it-takes.ts';

/** What a session keeps for one case and day. */
export interface Prepared {
  setup: CaseSetup;
  /**
   * The drivers the tables below range over (bit j of a row is drivers[j]): all the case's drivers
   * when there are at most 20, else those the stances name and their ancestors.
   */
  drivers: DriverData[];
  /** P(d) for every assignment d of `drivers`. */
  prior: Float64Array;
  /** P(all modeled stages pass | d), up to the factor `estimated`. */
  admission: Float64Array;
  /** P(stage passes | d) for modeled stages, those expanded so far (stageIn gives any). */
  stages: Map<string, Float64Array>;
  /** The same as functions of only the drivers the stances name. */
  admissionTable: PassTable;
  /** By modeled stage id, those computed so far (stageTable computes the others on first use). */
  stageTables: Map<string, PassTable>;
  /** The modeled stages (those with a table), in procedure order. */
  modeled: string[];
  /** Product of the estimates of stages whose members are unknown (independent of everything else). */
  estimated: number;
  /** Tables over sets of drivers, by key; built on first use. */
  spaces: Map<string, Space>;
  /** Built on first use: the plans behind "what it takes". */
  changes?: ChangeModels;
  /** Plans shared by the probability and "what it takes" (equal problems where no body has seats). */
  plans: PlanCache;
}

/**
 * The joint distribution of some drivers and the pass probabilities over their assignments. A set of
 * drivers closed under "parent of" has its own joint distribution, and drivers outside it that no
 * stance names and nobody set sum out exactly, so computations run over the smallest such set.
 */
export interface Space {
  /** Indices of `drivers` among the case's (the rows' bits). */
  members: number[];
  drivers: DriverData[];
  prior: Float64Array;
  admission: Float64Array;
  /** By stage id, those expanded so far (stageIn expands the others on first use). */
  stages: Map<string, Float64Array>;
}

/**
 * The tables of a case on a day. `given` holds tables computed elsewhere from the same setup (the web
 * page's worker computes them off the main thread): they are taken as they are.
 */
export function prepare(setup: CaseSetup, given: Tables = {}): Prepared {
  const modeled = modeledStages(setup);
  const plans: PlanCache = new Map();
  const admissionTable = given.procedure ?? procedureTable(setup, plans);
  // With one stage, its table is the admission table.
  const stageTables = new Map<string, PassTable>(modeled.length === 1 ? [[modeled[0].stage.id, admissionTable]] : Object.entries(given.stages ?? {}));
  const estimated = estimatedFactor(setup);
  const p: Prepared = {
    setup,
    drivers: [],
    prior: new Float64Array(1),
    admission: new Float64Array(1),
    stages: new Map(),
    admissionTable,
    stageTables,
    modeled: modeled.map((s) => s.stage.id),
    estimated,
    spaces: new Map(),
    plans,
  };
  const main = spaceFor(p, []);
  return { ...p, drivers: main.drivers, prior: main.prior, admission: main.admission, stages: main.stages };
}

/** Pass tables of a case on a day, as `prepare` computes them: the whole procedure's, and stages' by id. */
export interface Tables {
  procedure?: PassTable;
  stages?: Record<string, PassTable>;
}

/** P(every modeled stage passes | drivers): the table P(admission) re-weighs. */
export function procedureTable(setup: CaseSetup, plans: PlanCache = new Map()): PassTable {
  return passTable(setup, buildProblem(setup, modeledStages(setup), 'seat'), setup.case.drivers.map((d) => d.id), plans);
}

/** The stages with a table of their own: the modeled ones, when there are several (one is the procedure). */
export function tableStages(setup: CaseSetup): string[] {
  const modeled = modeledStages(setup);
  return modeled.length > 1 ? modeled.map((s) => s.stage.id) : [];
}

/** P(the stage passes | drivers) for a modeled stage (of several; with one, it is procedureTable's). */
export function stageTableOf(setup: CaseSetup, id: string, plans: PlanCache = new Map()): PassTable | undefined {
  const s = modeledStages(setup).find((st) => st.stage.id === id);
  return s && passTable(setup, buildProblem(setup, [s], 'seat'), setup.case.drivers.map((d) => d.id), plans);
}

/** P(the stage passes | drivers), computed on first use and kept; undefined for a stage not modeled. */
export function stageTable(p: Prepared, id: string): PassTable | undefined {
  let t = p.stageTables.get(id);
  if (!t && p.modeled.includes(id)) {
    t = stageTableOf(p.setup, id, p.plans)!;
    p.stageTables.set(id, t);
  }
  return t;
}

/** A stage's table over a space's drivers (see stageTable); undefined for a stage not modeled. */
export function stageIn(p: Prepared, space: Space, id: string): Float64Array | undefined {
  let rows = space.stages.get(id);
  if (!rows) {
    const t = stageTable(p, id);
    if (!t) return undefined;
    space.stages.set(id, (rows = expand(t, space.members)));
  }
  return rows;
}

/** The space of the drivers that bear on the answer once `extra` are set (all of them when few). */
export function spaceFor(p: Prepared, extra: Iterable<string>): Space {
  const all = p.setup.case.drivers;
  // Every unit of a stage is a unit of the whole procedure, so each stage's table depends on no driver
  // the admission table does not (expand throws if one did): the space is known before them.
  const members = relevantDrivers(all, p.admissionTable.drivers, extra);
  const key = members.join(',');
  let space = p.spaces.get(key);
  if (!space) {
    const drivers = members.map((j) => all[j]);
    space = { members, drivers, prior: priorTable(drivers), admission: expand(p.admissionTable, members), stages: new Map() };
    p.spaces.set(key, space);
  }
  return space;
}


/**
 * Indices (ascending) of the drivers a computation ranges over: all of the case's when there are at
 * most MAX_DRIVERS; else `named` (indices) and their ancestors, with each driver in `extra` (ids, the
 * set ones) whose ancestors meet those — the others sum out exactly. A set driver whose ancestors
 * share none with them is independent of them (two ancestrally closed sets that are disjoint
 * factorize the joint distribution), so setting it changes nothing and it is left out: otherwise a
 * case with 20 bearing drivers could not answer "what if this unrelated shared driver were set" (the
 * sensitivity asks it for every driver). Throws when even those are too many.
 */
export function relevantDrivers(all: DriverData[], named: Iterable<number>, extra: Iterable<string>): number[] {
  const m = all.length;
  if (m <= MAX_DRIVERS) return all.map((_, j) => j);
  const byId = new Map(all.map((d, j) => [d.id, j]));
  const closure = (start: Iterable<number>): Set<number> => {
    const out = new Set<number>(start);
    const stack = [...out];
    while (stack.length) {
      for (const parent of parentsOf(all[stack.pop()!])) {
        const j = byId.get(parent);
        if (j !== undefined && !out.has(j)) {
          out.add(j);
          stack.push(j);
        }
      }
    }
    return out;
  };
  const want = closure(named);
  let pending = [...new Set(extra)].filter((id) => byId.has(id)).map((id) => closure([byId.get(id)!]));
  // A set driver joins once its ancestors meet those already in; repeat, since one that joins can
  // bring in ancestors another shares.
  for (let grew = true; grew; ) {
    grew = false;
    pending = pending.filter((c) => {
      if (![...c].some((j) => want.has(j))) return true;
      for (const j of c) want.add(j);
      grew = true;
      return false;
    });
  }
  const members = [...want].sort((a, b) => a - b);
  if (members.length > MAX_DRIVERS) {
    throw new EngineError(`${members.length} drivers bear on this case (of ${m}); the exact engine enumerates at most 2^${MAX_DRIVERS} driver assignments`);
  }
  return members;
}
