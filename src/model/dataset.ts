// The dataset as plain, JSON-serializable data (the browser receives exactly this) plus indexes.
import type {
  BacktestData,
  CandidateFileData,
  CaseData,
  OrganizationData,
  RecognitionsFileData,
  SourceData,
  StateData,
} from './schema.ts';

export interface Dataset {
  states: StateData[];
  organizations: OrganizationData[];
  recognitions: RecognitionsFileData[];
  /** Drivers shared by all the cases of a candidate (already merged into those cases). */
  candidates?: CandidateFileData[];
  cases: CaseData[];
  sources: SourceData[];
  backtests: BacktestData[];
}

export interface Indexed {
  data: Dataset;
  state(code: string): StateData | undefined;
  organization(id: string): OrganizationData | undefined;
  recognitions(candidate: string): RecognitionsFileData | undefined;
  /** The candidate's shared drivers file, if it has one. */
  candidate(code: string): CandidateFileData | undefined;
  /** The candidate's cases, in the order of the data. */
  casesOf(code: string): CaseData[];
  case(candidate: string, organization: string): CaseData | undefined;
  source(id: string): SourceData | undefined;
}

export function index(data: Dataset): Indexed {
  const states = new Map(data.states.map((s) => [s.code, s]));
  const orgs = new Map(data.organizations.map((o) => [o.id, o]));
  const recs = new Map(data.recognitions.map((r) => [r.candidate, r]));
  const candidates = new Map((data.candidates ?? []).map((c) => [c.candidate, c]));
  const cases = new Map(data.cases.map((c) => [`${c.candidate}/${c.organization}`, c]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return {
    data,
    state: (code) => states.get(code),
    organization: (id) => orgs.get(id),
    recognitions: (c) => recs.get(c),
    candidate: (code) => candidates.get(code),
    casesOf: (code) => data.cases.filter((c) => c.candidate === code),
    case: (c, o) => cases.get(`${c}/${o}`),
    source: (id) => sources.get(id),
  };
}
