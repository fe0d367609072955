// The data format, as zod schemas: one schema per file kind under data/.
// Every file is validated here at load time; cross-file checks live in crosscheck.ts.
import { z } from 'zod';
import {
  DAY_MESSAGE,
  ID,
  ID_MESSAGE,
  isDay,
  isPartialDay,
  LINK,
  LINK_MESSAGE,
  ORG_ID,
  ORG_ID_MESSAGE,
  PARTIAL_DAY_MESSAGE,
  STATE_CODE,
  STATE_CODE_MESSAGE,
} from './grammar.ts';

/** YYYY, YYYY-MM or YYYY-MM-DD: sources often give only a year or a month. Each must exist in the calendar. */
/** Who made a change, for the audit log (the workspace's writes and saved scenarios). */
export const Who = z.string().trim().min(1, 'your name, for the audit log').max(200);

export const PartialDay = z.preprocess(
  // YAML reads an unquoted year (since: 2023) as a number.
  (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1000 && v <= 9999 ? String(v) : v),
  z.string().refine(isPartialDay, PARTIAL_DAY_MESSAGE),
);
/** A full calendar day that exists. */
export const Day = z.string().refine(isDay, DAY_MESSAGE);

export const Id = z.string().regex(ID, ID_MESSAGE);
export const OrgId = z.string().regex(ORG_ID, ORG_ID_MESSAGE);
export const StateCode = z.string().regex(STATE_CODE, STATE_CODE_MESSAGE);
/** CANDIDATE/org/(stance|driver|tie):id — what a passage or a workspace item supports. */
export const LinkTarget = z.string().regex(LINK, LINK_MESSAGE);

/** A reference to evidence: a URL, or a source id from data/sources (optionally with a passage id). */
export const SourceRef = z.union([
  z.string().min(1, 'a URL or a source id'),
  z.strictObject({
    source: z.string().min(1, 'a source id or URL'),
    passage: z.string().optional(),
    accessed: Day.optional(),
    note: z.string().optional(),
  }),
]);
const Sources = z.array(SourceRef).min(1, 'at least one source');

/**
 * When an organization or a state came into being. Before that day a case has no answer ("NATO did not
 * exist on 1800-01-01"), so the engine is not asked.
 */
export const Founding = z.strictObject({
  date: Day,
  sources: Sources,
  verified: z.boolean().optional(),
  note: z.string().optional(),
});

export const State = z
  .strictObject({
    code: StateCode,
    iso3: z.string().regex(/^[A-Z]{3}$/, 'a three-letter code'),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    /** Required for UN members and observers; optional for kind `other` (non-state members such as Aruba). */
    wikidata: z.string().regex(/^Q\d+$/, 'a Wikidata id like Q1246').optional(),
    unMemberSince: Day.optional(),
    /** For states younger than the organizations they may join (Kosovo: declared 2008-02-17). */
    statehood: Founding.optional(),
    kind: z.enum(['un-member', 'observer', 'other']),
    population: z.number().int().positive().optional(),
    sources: Sources,
    note: z.string().optional(),
  })
  .refine((s) => s.kind === 'other' || s.wikidata !== undefined, {
    message: 'missing: a Wikidata id is required for UN members and observers',
    path: ['wikidata'],
  });
export const StatesFile = z.array(State);

/** A fraction written as "2/3", or a decimal in (0, 1]. Kept exact as a pair of integers. */
export const Fraction = z.union([
  z.string().regex(/^\d+\/\d+$/, 'a fraction like "2/3"'),
  z.number().gt(0).lte(1),
]);

export type RuleInput =
  | { type: 'unanimity' }
  | { type: 'consensus' }
  | { type: 'each' }
  | { type: 'share'; p: string | number; of: 'cast' | 'present' | 'entitled'; strict?: boolean }
  | { type: 'count'; n: number; of?: 'yes' }
  | { type: 'noVeto'; players: string[] }
  | { type: 'weighted'; weights: Record<string, number>; p: string | number; of?: 'entitled'; strict?: boolean }
  | { type: 'all'; rules: RuleInput[] }
  | { type: 'any'; rules: RuleInput[] };

export const Rule: z.ZodType<RuleInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('unanimity') }),
    z.strictObject({ type: z.literal('consensus') }),
    z.strictObject({ type: z.literal('each') }),
    z.strictObject({
      type: z.literal('share'),
      p: Fraction,
      of: z.enum(['cast', 'present', 'entitled']),
      strict: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal('count'), n: z.number().int().positive(), of: z.literal('yes').optional() }),
    z.strictObject({ type: z.literal('noVeto'), players: z.array(StateCode).min(1) }),
    z.strictObject({
      type: z.literal('weighted'),
      weights: z.record(StateCode, z.number().nonnegative()),
      p: Fraction,
      of: z.literal('entitled').optional(),
      strict: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal('all'), rules: z.array(Rule).min(1) }),
    z.strictObject({ type: z.literal('any'), rules: z.array(Rule).min(1) }),
  ]),
);

/**
 * A membership period. `joined` is required: a day, or `unknown` when no source read confirms one —
 * then `reason` says why, and the row counts as a member at every date (see asof.ts, joinedDay).
 */
const Membership = z
  .strictObject({
    state: StateCode,
    joined: z.union([PartialDay, z.literal('unknown')]).optional(),
    /** Why the join date is unknown; only with `joined: unknown`. */
    reason: z.string().min(1).optional(),
    left: PartialDay.optional(),
    verified: z.boolean().optional(),
    sources: Sources,
    note: z.string().optional(),
  })
  .refine((m) => m.joined !== undefined, {
    message: 'missing: a join date (YYYY, YYYY-MM or YYYY-MM-DD), or `joined: unknown` with a `reason`',
    path: ['joined'],
  })
  .refine((m) => m.joined !== 'unknown' || m.reason !== undefined, {
    message: 'missing: `joined: unknown` needs a `reason` saying why the date could not be confirmed',
    path: ['reason'],
  })
  .refine((m) => m.reason === undefined || m.joined === 'unknown', {
    message: '`reason` explains an unknown join date: only with `joined: unknown`',
    path: ['reason'],
  })
  .refine((m) => m.joined !== 'unknown' || m.verified === false, {
    message: '`joined: unknown` is unverified by definition: add `verified: false`',
    path: ['verified'],
  });

const Term = z.strictObject({
  state: StateCode,
  from: z.number().int(),
  to: z.number().int().optional(),
  permanent: z.boolean().optional(),
  sources: Sources,
  note: z.string().optional(),
});

export const Body = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /**
   * members: every member of the organization on the date;
   * terms: yearly terms (the UN Security Council);
   * unknown: the dataset cannot name the members (then `size` says how many there are);
   * candidate: the candidate itself, for the steps it decides (applying, requesting a partnership).
   */
  composition: z.enum(['members', 'terms', 'unknown', 'candidate']),
  terms: z.array(Term).optional(),
  /**
   * For `terms`: the years whose terms name every seat (the dataset holds the UN Security Council's
   * elected members for some years only). Outside them the seats are unknown, not the permanent five.
   */
  termsKnown: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
  size: z.number().int().positive().optional(),
  /** Seats per member, for assemblies that vote by seat (PACE, the European Parliament). */
  seats: z.record(StateCode, z.number().int().positive()).optional(),
  sources: Sources,
  note: z.string().optional(),
});

export const Stage = z.strictObject({
  id: Id,
  name: z.string().min(1),
  body: Id,
  kind: z.enum(['formal', 'informal', 'ratification']),
  rule: Rule,
  /** For candidates that take another path (UNESCO admits UN members by right). */
  appliesTo: z.enum(['all', 'non-un-members']).optional(),
  /**
   * false: a step before the vote that admission does not legally require (NATO's Partnership for
   * Peace, its Membership Action Plan). It is shown with its probability and whether it was reached;
   * it is not a condition of P(admission) and bears on the other stages only through drivers.
   */
  required: z.boolean().optional(),
  legal: z.string().min(1, 'the legal basis as text, e.g. "North Atlantic Treaty Art. 10"'),
  sources: Sources,
  note: z.string().optional(),
});

export const Organization = z.strictObject({
  id: OrgId,
  name: z.string().min(1),
  shortName: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  wikidata: z.string().regex(/^Q\d+$/).optional(),
  sources: Sources,
  founded: Founding.optional(),
  members: z.array(Membership).min(1),
  bodies: z.array(Body).min(1),
  procedure: z.strictObject({
    stages: z.array(Stage).min(1),
    note: z.string().optional(),
  }),
  note: z.string().optional(),
});

export const Recognition = z.strictObject({
  state: StateCode,
  status: z.enum(['recognizes', 'withdrawal-claimed', 'withdrawal-disputed', 'does-not-recognize']),
  date: PartialDay.optional(),
  withdrawalClaimed: PartialDay.optional(),
  /** A disputed withdrawal: one side claims it, the other denies it. */
  contested: z.boolean().optional(),
  verified: z.boolean().optional(),
  sources: Sources,
  note: z.string().optional(),
});
export const RecognitionsFile = z.strictObject({
  candidate: StateCode,
  asOf: Day,
  recognitions: z.array(Recognition),
});

const Probability = z.number().min(0).max(1);
/** A distribution over positions; what is missing up to 1 is `absent`. */
export const Distribution = z
  .strictObject({
    yes: Probability.optional(),
    no: Probability.optional(),
    abstain: Probability.optional(),
    absent: Probability.optional(),
  })
  .refine((d) => (d.yes ?? 0) + (d.no ?? 0) + (d.abstain ?? 0) + (d.absent ?? 0) <= 1 + 1e-9, {
    message: 'probabilities that sum to at most 1 (the rest is absent)',
  });

/** A conjunction of driver values: {csm-established: true, spain-recognizes-kosovo: false}. */
export const Condition = z.record(z.string(), z.boolean());

export const Driver = z.strictObject({
  id: Id,
  name: z.string().min(1),
  p: Probability,
  /** Conditional probabilities: the first entry whose condition holds gives p. */
  given: z.array(z.strictObject({ when: Condition, p: Probability })).optional(),
  /** The candidate controls it: its own effort (apply, request a partnership, establish the CSM). */
  lever: z.boolean().optional(),
  /**
   * When the question arose (and, once settled, stopped being open): before `since` the driver is
   * absent from an evaluation — no toggle, and conditions naming it do not hold.
   */
  since: PartialDay.optional(),
  until: PartialDay.optional(),
  sources: Sources,
  note: z.string().optional(),
});

/**
 * data/candidates/<CODE>.yaml: drivers defined once for a candidate and usable in all its cases
 * (stance conditions, `given`, `--set`). A case must not define a driver with the same id.
 */
export const CandidateFile = z.strictObject({
  candidate: StateCode,
  name: z.string().min(1).optional(),
  drivers: z.array(Driver).default([]),
  note: z.string().optional(),
});

/** One dated step of a case: a stage of the procedure decided on a day, passed or failed. */
export const TimelineStep = z.strictObject({
  date: PartialDay,
  stage: Id,
  outcome: z.enum(['pass', 'fail']),
  sources: Sources,
  note: z.string().optional(),
});

export const Stance = z.strictObject({
  state: StateCode,
  /** The period this stance describes (for as-of evaluation); open-ended when omitted. */
  since: PartialDay.optional(),
  until: PartialDay.optional(),
  /** The stages this stance applies to; all stages of the procedure where the state sits when omitted. */
  stages: z.array(Id).optional(),
  p: Distribution,
  /** Overrides: the first entry whose condition holds replaces p. */
  when: z.array(z.strictObject({ if: Condition, p: Distribution, sources: Sources.optional(), note: z.string().optional() })).optional(),
  /** What the stance rests on: published by its `since` (validate refuses a source dated after it). */
  sources: Sources,
  /**
   * Reports published after `since` that confirm the stance (a vote reported the next day, a later
   * interview). Never its basis before their own date: a page as of an earlier day does not show them.
   */
  confirmedBy: Sources.optional(),
  note: z.string().optional(),
});

/** A stance for every member that has no explicit one, chosen by the member's recognition status. */
export const DefaultStance = z.strictObject({
  recognition: z.enum(['recognizes', 'withdrawal-claimed', 'withdrawal-disputed', 'does-not-recognize', 'any']),
  stages: z.array(Id).optional(),
  p: Distribution,
  when: z.array(z.strictObject({ if: Condition, p: Distribution, sources: Sources.optional(), note: z.string().optional() })).optional(),
  basis: z.string().min(1, 'why this default is reasonable'),
  sources: Sources,
});

export const Tie = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: z.enum(['presence', 'partnership', 'association', 'liaison', 'agreement', 'absence']),
  since: PartialDay.optional(),
  until: PartialDay.optional(),
  sources: Sources,
  note: z.string().optional(),
});

/** A stage whose body the dataset cannot name: its pass probability, stated and sourced. */
export const StageEstimate = z.strictObject({
  stage: Id,
  p: Probability,
  basis: z.string().min(1),
  sources: Sources,
});

export const Case = z.strictObject({
  candidate: StateCode,
  organization: OrgId,
  title: z.string().optional(),
  status: z.strictObject({
    deJure: z.enum(['member', 'applicant', 'not-applied', 'withdrawn', 'rejected', 'suspended']),
    since: PartialDay.optional(),
    note: z.string().optional(),
    sources: Sources,
  }),
  drivers: z.array(Driver).default([]),
  stances: z.array(Stance).default([]),
  defaults: z.array(DefaultStance).default([]),
  estimates: z.array(StageEstimate).default([]),
  ties: z.array(Tie).default([]),
  /** Dated steps: as of a day, a stage whose last step by then passed counts as passed (P = 1). */
  timeline: z.array(TimelineStep).optional(),
  note: z.string().optional(),
});

export const Passage = z.strictObject({
  id: Id,
  text: z.string().min(1).max(600, 'a short quoted passage (at most 600 characters), not a whole article'),
  speaker: z.string().optional(),
  supports: z.array(LinkTarget).optional(),
});

export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  outlet: z.string().optional(),
  author: z.string().optional(),
  date: PartialDay.optional(),
  dateVerified: z.boolean().optional(),
  url: z.string().url().optional(),
  document: z.string().optional(),
  passages: z.array(Passage).default([]),
  note: z.string().optional(),
});
export const SourcesFile = z.array(Source);

const Position = z.enum(['yes', 'no', 'abstain', 'absent']);
export const Backtest = z
  .strictObject({
    id: Id,
    candidate: StateCode,
    organization: OrgId,
    stage: Id,
    date: Day,
    tally: z
      .strictObject({
        yes: z.number().int().nonnegative(),
        no: z.number().int().nonnegative(),
        abstain: z.number().int().nonnegative(),
        absent: z.number().int().nonnegative().optional(),
      })
      .optional(),
    votes: z.record(StateCode, Position).optional(),
    /** Adopted without a vote: no member objected. */
    acclamation: z.boolean().optional(),
    /** For a body whose members the dataset cannot name (UNESCO's Executive Board), its size then. */
    bodySize: z.number().int().positive().optional(),
    outcome: z.enum(['pass', 'fail']),
    conditions: z.array(z.string()).optional(),
    sources: Sources,
    note: z.string().optional(),
  })
  .refine((b) => [b.tally, b.votes, b.acclamation].filter((x) => x !== undefined).length === 1, {
    message: 'exactly one of tally, votes or acclamation',
  });
export const BacktestsFile = z.array(Backtest);

export type FoundingData = z.infer<typeof Founding>;
export type StateData = z.infer<typeof State>;
export type OrganizationData = z.infer<typeof Organization>;
export type BodyData = z.infer<typeof Body>;
export type StageData = z.infer<typeof Stage>;
export type RecognitionData = z.infer<typeof Recognition>;
export type RecognitionsFileData = z.infer<typeof RecognitionsFile>;
export type CaseData = z.infer<typeof Case>;
export type DriverData = z.infer<typeof Driver>;
export type CandidateFileData = z.infer<typeof CandidateFile>;
export type TimelineStepData = z.infer<typeof TimelineStep>;
export type StanceData = z.infer<typeof Stance>;
export type DefaultStanceData = z.infer<typeof DefaultStance>;
export type TieData = z.infer<typeof Tie>;
export type SourceData = z.infer<typeof Source>;
export type SourceRefData = z.infer<typeof SourceRef>;
export type DistributionData = z.infer<typeof Distribution>;
export type ConditionData = z.infer<typeof Condition>;
export type BacktestData = z.infer<typeof Backtest>;
export type StageEstimateData = z.infer<typeof StageEstimate>;
export type Position = z.infer<typeof Position>;
