// A case laid out for evaluation on a day: who sits at each stage, and what drives each position.
import { bodySeatsAsOf, caseAsOf, covers, publishedIn, NotApplicableError, caseNotApplicable, passedAsOf, recognitionsAsOf, type RecognitionStatus, stageBody } from '../model/asof.ts';
import type { Indexed } from '../model/dataset.ts';
import { type Assignment, holds } from '../model/drivers.ts';
import type {
  BodyData,
  CaseData,
  ConditionData,
  DistributionData,
  OrganizationData,
  Position,
  SourceRefData,
  StageData,
  StageEstimateData,
  TimelineStepData,
} from '../model/schema.ts';

export interface Dist {
  yes: number;
  no: number;
  abstain: number;
  absent: number;
}

export const POSITIONS: readonly Position[] = ['yes', 'no', 'abstain', 'absent'];

export function toDist(d: DistributionData): Dist {
  const yes = d.yes ?? 0;
  const no = d.no ?? 0;
  const abstain = d.abstain ?? 0;
  // Absent is what the listed positions leave. A remainder within rounding error of 0 is none: the data
  // writes probabilities to a few decimals, and 1 - 0.85 - 0.05 - 0.1 leaves 1.4e-17, not a chance of absence.
  const rest = 1 - yes - no - abstain;
  return { yes, no, abstain, absent: d.absent ?? (rest > 1e-12 ? rest : 0) };
}

/** Where a position comes from: an explicit, sourced stance, a default by recognition, or nothing. */
export interface StanceSpec {
  /**
   * The stance's name within the case on the day, the same for every state that holds it (answers list each
   * stance once, voters refer to it): the state's code for its own stance (`ES`, `ES@invitation` for one
   * limited to stages), `default:<recognition>` (`@stages` when limited) for a default, `not-taken` for the
   * candidate's own step not taken, `none` for no data.
   */
  id: string;
  origin: 'stance' | 'default' | 'none';
  p: DistributionData;
  when: Array<{ if: ConditionData; p: DistributionData }>;
  sources: SourceRefData[];
  /** Later reports confirming an explicit stance: a basis only from their own dates. */
  confirmedBy?: SourceRefData[];
  note?: string;
  /** For defaults: the recognition status that chose it and why the default is reasonable. */
  recognition?: RecognitionStatus;
  basis?: string;
}

/** Every source behind a stance: its own, then the later reports confirming it. */
export function stanceSources(spec: StanceSpec): SourceRefData[] {
  return [...spec.sources, ...(spec.confirmedBy ?? [])];
}

/** One independent position: a state's stance, used at every stage where that stance applies. */
export interface Unit {
  state: string;
  stages: string[];
  spec: StanceSpec;
}

export interface StageSetup {
  stage: StageData;
  body: BodyData;
  /** Seats per member on the day; undefined when the dataset cannot name the members. */
  seats?: Map<string, number>;
  estimate?: StageEstimateData;
  /**
   * False when the stage is not to be decided: it does not apply to this candidate (UNESCO admits UN
   * members by right), or the case's timeline says it was passed by the day (then `reached` is set).
   */
  applies: boolean;
  /** The timeline step by which this stage was passed, as of the day. */
  reached?: TimelineStepData;
}

export interface CaseSetup {
  case: CaseData;
  organization: OrganizationData;
  asOf: string;
  stages: StageSetup[];
  units: Unit[];
  recognition: Map<string, RecognitionStatus>;
}

const NO_DATA: StanceSpec = { id: 'none', origin: 'none', p: { absent: 1 }, when: [], sources: [] };
const NOT_TAKEN: StanceSpec = {
  id: 'not-taken',
  origin: 'default',
  p: { no: 1 },
  when: [],
  sources: [],
  basis:
    'Modelling assumption: the candidate has not taken this step by the day (the case timeline does not show it) and the case gives no stance for it, so it counts as not taken.',
};

/**
 * The admission procedure (stages required for admission), or its prior steps (`required: false`,
 * such as NATO's Partnership for Peace): the latter are set up apart, so that they never enter
 * P(admission), and answer "how likely is this step" with the same engine.
 */
export type StagePart = 'admission' | 'prior';

export function setupCase(ix: Indexed, whole: CaseData, asOf: string, part: StagePart = 'admission'): CaseSetup {
  // Only what was in force and known on the day (since/until, else the first report): no hindsight.
  const c = caseAsOf(whole, asOf, publishedIn(ix));
  const org = ix.organization(c.organization);
  if (!org) throw new Error(`unknown organization ${c.organization}`);
  const candidate = ix.state(c.candidate);
  const why = caseNotApplicable(org, candidate, asOf);
  if (why) throw new NotApplicableError(why);
  const isUnMember = !!candidate?.unMemberSince && candidate.unMemberSince <= asOf;
  const recognition = recognitionsAsOf(ix.recognitions(c.candidate), asOf);
  const passed = passedAsOf(c.timeline, asOf);

  const stages: StageSetup[] = org.procedure.stages
    .filter((stage) => (stage.required === false) === (part === 'prior'))
    .map((stage) => {
      const body = stageBody(org, stage);
      const reached = passed.get(stage.id);
      return {
        stage,
        body,
        seats: bodySeatsAsOf(org, body, asOf, c.candidate),
        estimate: c.estimates.find((e) => e.stage === stage.id),
        applies: !reached && (stage.appliesTo !== 'non-un-members' || !isUnMember),
        ...(reached ? { reached } : {}),
      };
    });

  // One unit per (state, stance): the same stance at several stages is one draw, so those stages correlate.
  const units = new Map<string, Unit>();
  const specIds = new Map<StanceSpec | object, number>();
  for (const s of stages) {
    if (!s.applies || !s.seats) continue;
    for (const state of s.seats.keys()) {
      const [spec, key] = stanceFor(c, state, s.stage.id, asOf, recognition.get(state) ?? 'does-not-recognize');
      if (!specIds.has(key)) specIds.set(key, specIds.size);
      const id = `${state}#${specIds.get(key)}`;
      const unit = units.get(id) ?? { state, stages: [], spec };
      unit.stages.push(s.stage.id);
      units.set(id, unit);
    }
  }
  return { case: c, organization: org, asOf, stages, units: [...units.values()], recognition };
}

function stanceFor(c: CaseData, state: string, stage: string, asOf: string, rec: RecognitionStatus): [StanceSpec, object] {
  const applies = (stages: string[] | undefined) => !stages || stages.includes(stage);
  const explicit = c.stances.filter((s) => s.state === state && applies(s.stages) && covers(asOf, s.since, s.until));
  const stance = explicit.find((s) => s.stages) ?? explicit[0];
  if (stance) {
    return [{ id: stanceId(state, stance.stages), origin: 'stance', p: stance.p, when: stance.when ?? [], sources: stance.sources, confirmedBy: stance.confirmedBy ?? [], note: stance.note }, stance];
  }
  // The candidate's own step (a body composed of the candidate): recognition defaults say nothing
  // about it; without a stance of its own, a step the timeline does not show is not taken.
  if (state === c.candidate) return [NOT_TAKEN, NOT_TAKEN];
  const defaults = c.defaults.filter((d) => (d.recognition === rec || d.recognition === 'any') && applies(d.stages));
  const ranked = [...defaults].sort((a, b) => score(b) - score(a));
  const d = ranked[0];
  if (d) {
    return [{ id: stanceId(`default:${d.recognition}`, d.stages), origin: 'default', p: d.p, when: d.when ?? [], sources: d.sources, recognition: rec, basis: d.basis }, d];
  }
  return [NO_DATA, NO_DATA];
  function score(x: (typeof defaults)[number]): number {
    return (x.stages ? 2 : 0) + (x.recognition === 'any' ? 0 : 1);
  }
}

/** A stance's id (StanceSpec.id): its holder, and the stages it is limited to, if any. */
function stanceId(holder: string, stages: string[] | undefined): string {
  return stages ? `${holder}@${stages.join('+')}` : holder;
}

/**
 * The product of the estimates of stages whose voters the dataset cannot name: such a stage passes
 * with its estimate, independently of everything else.
 */
export function estimatedFactor(setup: CaseSetup): number {
  let estimated = 1;
  for (const s of setup.stages) if (s.applies && !s.seats) estimated *= s.estimate?.p ?? 0;
  return estimated;
}

/** The distribution of a unit's position under a driver assignment. */
export function distUnder(spec: StanceSpec, assignment: Assignment): Dist {
  for (const w of spec.when) if (holds(w.if, assignment)) return toDist(w.p);
  return toDist(spec.p);
}

/**
 * The drivers a unit's position depends on. Remembered per spec (a page toggle asks for every voter's,
 * several times): the array is shared, so it is frozen.
 */
export function driversOf(spec: StanceSpec): readonly string[] {
  let ids = namedDrivers.get(spec);
  if (!ids) namedDrivers.set(spec, (ids = Object.freeze([...new Set(spec.when.flatMap((w) => Object.keys(w.if)))])));
  return ids;
}
const namedDrivers = new WeakMap<StanceSpec, readonly string[]>();

export function mostLikely(d: Dist): Position {
  let best: Position = 'absent';
  let bp = -1;
  for (const p of POSITIONS) {
    if (d[p] > bp + 1e-12) {
      best = p;
      bp = d[p];
    }
  }
  return best;
}
