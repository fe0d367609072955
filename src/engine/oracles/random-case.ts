// Random small datasets for property tests: a handful of states, one organization whose stages use
// every kind of rule (nested, with seats, a body of terms, a body of unknown members), drivers with
// conditional probabilities, stances with driver-dependent overrides, defaults and estimates.
import type { Dataset } from '../../model/dataset.ts';
import type { CaseData, DistributionData, OrganizationData, RuleInput, StateData } from '../../model/schema.ts';
import { rng } from '../random.ts';

export interface RandomCaseOptions {
  states?: [number, number];
  maxSeats?: number;
  maxDrivers?: number;
  maxStages?: number;
  /** Allow weighted rules (never in seat bodies, whose per-seat weight has no ballot form). */
  weighted?: boolean;
}

const SRC = ['https://example.org/source'];

export function randomDataset(seed: number, o: RandomCaseOptions = {}): { data: Dataset; case: CaseData } {
  const r = rng(seed);
  const int = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const [lo, hi] = o.states ?? [1, 5];
  const n = int(lo, hi);
  const codes = Array.from({ length: n + 2 }, (_, i) => `A${String.fromCharCode(65 + i)}`);
  const members = codes.slice(0, n);
  const candidate = 'ZZ';
  const unMember = r() < 0.2;
  const states: StateData[] = [...codes, candidate].map((code) => ({
    code,
    iso3: `${code}X`,
    name: code,
    wikidata: 'Q1',
    kind: 'un-member',
    ...(code === candidate && unMember ? { unMemberSince: '1990-01-01' } : {}),
    sources: SRC,
  }));

  const dist = (): DistributionData => {
    const kind = r();
    if (kind < 0.15) return { [pick(['yes', 'no', 'abstain', 'absent'] as const)]: 1 };
    const w = [r(), r(), r(), r()].map((x) => (r() < 0.25 ? 0 : x));
    const s = w.reduce((a, b) => a + b, 0) || 1;
    return { yes: w[0] / s, no: w[1] / s, abstain: w[2] / s };
  };

  const seatBody = r() < 0.4;
  const seats: Record<string, number> = {};
  if (seatBody) for (const m of members) seats[m] = int(1, o.maxSeats ?? 2);
  const termStates = members.filter(() => r() < 0.7);
  const bodies: OrganizationData['bodies'] = [
    { id: 'council', name: 'Council', composition: 'members', sources: SRC },
    { id: 'assembly', name: 'Assembly', composition: 'members', ...(seatBody ? { seats } : {}), sources: SRC },
    {
      id: 'board',
      name: 'Board',
      composition: 'terms',
      terms: (termStates.length ? termStates : members.slice(0, 1)).map((state) => ({ state, from: 2000, permanent: true, sources: SRC })),
      sources: SRC,
    },
    { id: 'secret', name: 'Secret', composition: 'unknown', size: 9, sources: SRC },
  ];

  const baseRule = (bodyId: string, size: number): RuleInput => {
    const kinds = ['unanimity', 'consensus', 'each', 'share', 'share', 'share', 'count', 'noVeto', 'weighted'] as const;
    let k = pick(kinds);
    if (k === 'weighted' && (!o.weighted || (bodyId === 'assembly' && seatBody))) k = 'share';
    switch (k) {
      case 'unanimity':
      case 'consensus':
      case 'each':
        return { type: k };
      case 'share':
        return { type: 'share', p: pick(['1/2', '2/3', '3/5', '1/3', 0.5, 1] as const), of: pick(['cast', 'present', 'entitled'] as const), ...(r() < 0.4 ? { strict: true } : {}) };
      case 'count':
        return { type: 'count', n: int(1, Math.max(1, size)) };
      case 'noVeto':
        return { type: 'noVeto', players: codes.filter(() => r() < 0.4).concat(pick(codes)).filter((x, i, a) => a.indexOf(x) === i) };
      case 'weighted':
        return {
          type: 'weighted',
          weights: Object.fromEntries(codes.filter(() => r() < 0.8).map((c) => [c, int(0, 5)])),
          p: pick(['1/2', '2/3', 0.65] as const),
          ...(r() < 0.3 ? { strict: true } : {}),
        };
    }
  };
  const rule = (bodyId: string, size: number, depth = 0): RuleInput => {
    const x = r();
    if (depth < 2 && x < 0.2) return { type: 'all', rules: [rule(bodyId, size, depth + 1), rule(bodyId, size, depth + 1)] };
    if (depth < 2 && x < 0.35) return { type: 'any', rules: [rule(bodyId, size, depth + 1), rule(bodyId, size, depth + 1)] };
    return baseRule(bodyId, size);
  };

  const nStages = int(1, o.maxStages ?? 3);
  const stages: OrganizationData['procedure']['stages'] = Array.from({ length: nStages }, (_, i) => {
    const body = pick(['council', 'assembly', 'assembly', 'board', 'secret']);
    const size = body === 'assembly' && seatBody ? members.reduce((s, m) => s + seats[m], 0) : members.length;
    return {
      id: `s${i}`,
      name: `Stage ${i}`,
      body,
      kind: pick(['formal', 'informal', 'ratification'] as const),
      rule: rule(body, size),
      ...(r() < 0.1 ? { appliesTo: 'non-un-members' as const } : {}),
      legal: 'Art. 1',
      sources: SRC,
    };
  });
  const org: OrganizationData = {
    id: 'org',
    name: 'Organization',
    shortName: 'ORG',
    sources: SRC,
    members: members.map((state) => ({ state, sources: SRC })),
    bodies,
    procedure: { stages },
  };

  const m = int(0, o.maxDrivers ?? 3);
  const drivers: CaseData['drivers'] = Array.from({ length: m }, (_, j) => ({
    id: `d${j}`,
    name: `Driver ${j}`,
    p: pick([0.1, 0.3, 0.5, 0.8, r()]),
    ...(j > 0 && r() < 0.5 ? { given: [{ when: { [`d${int(0, j - 1)}`]: r() < 0.5 }, p: r() }] } : {}),
    sources: SRC,
  }));
  const condition = () => {
    const c: Record<string, boolean> = {};
    for (const d of drivers) if (r() < 0.4) c[d.id] = r() < 0.5;
    return c;
  };
  const when = () =>
    drivers.length && r() < 0.6 ? { when: Array.from({ length: int(1, 2) }, () => ({ if: condition(), p: dist() })) } : {};
  const stances: CaseData['stances'] = [];
  for (const s of codes) {
    if (r() < 0.7) stances.push({ state: s, p: dist(), ...when(), sources: SRC });
    if (r() < 0.3) stances.push({ state: s, stages: [pick(stages).id], p: dist(), ...when(), sources: SRC });
  }
  const c: CaseData = {
    candidate,
    organization: 'org',
    status: { deJure: 'applicant', sources: SRC },
    drivers,
    stances,
    defaults: [{ recognition: 'any', p: dist(), ...when(), basis: 'test', sources: SRC }],
    estimates: r() < 0.8 ? [{ stage: stages.find((s) => s.body === 'secret')?.id ?? 's0', p: r(), basis: 'test', sources: SRC }] : [],
    ties: [],
  };
  const data: Dataset = { states, organizations: [org], recognitions: [], cases: [c], sources: [], backtests: [] };
  return { data, case: c };
}
