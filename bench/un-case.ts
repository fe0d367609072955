// A synthetic UN admission (15 Security Council members, all 193 in the General Assembly, shared
// voters) with 12 drivers, for the benchmarks: the real UN case has no drivers yet. Seeded, so the
// same case every run.
import type { Dataset } from '../src/model/dataset.ts';
import type { CaseData, DistributionData, OrganizationData, StateData } from '../src/model/schema.ts';
import { rng } from '../src/engine/random.ts';
import { wideCaseParts } from '../test/wide-case.ts';

const SRC = ['https://example.org/bench'];

export function unCase(): { data: Dataset; case: CaseData } {
  const r = rng(2024);
  const codes: string[] = ['CN', 'FR', 'GB', 'RU', 'US', 'RS', 'ES', 'CY', 'GR', 'RO', 'SK', 'IN', 'BR', 'ZA', 'ID'];
  for (let a = 0; codes.length < 193; a++) {
    const code = `${String.fromCharCode(65 + Math.floor(a / 26))}${String.fromCharCode(65 + (a % 26))}`;
    if (!codes.includes(code) && code !== 'XK') codes.push(code);
  }
  const states: StateData[] = [...codes, 'XK'].map((code) => ({ code, iso3: `${code}X`, name: code, wikidata: 'Q1', kind: 'un-member', sources: SRC }));
  const elected = ['BR', 'ZA', 'ID', 'IN', ...codes.slice(15, 21)];
  const org: OrganizationData = {
    id: 'un',
    name: 'United Nations',
    shortName: 'UN',
    sources: SRC,
    members: codes.map((state) => ({ state, sources: SRC })),
    bodies: [
      {
        id: 'sc',
        name: 'Security Council',
        composition: 'terms',
        terms: [
          ...['CN', 'FR', 'GB', 'RU', 'US'].map((state) => ({ state, from: 1945, permanent: true, sources: SRC })),
          ...elected.map((state) => ({ state, from: 2025, to: 2026, sources: SRC })),
        ],
        sources: SRC,
      },
      { id: 'ga', name: 'General Assembly', composition: 'members', sources: SRC },
    ],
    procedure: {
      stages: [
        {
          id: 'security-council',
          name: 'Recommendation of the Security Council',
          body: 'sc',
          kind: 'formal',
          rule: { type: 'all', rules: [{ type: 'count', n: 9 }, { type: 'noVeto', players: ['CN', 'FR', 'GB', 'RU', 'US'] }] },
          legal: 'UN Charter Art. 4(2), 27(3)',
          sources: SRC,
        },
        { id: 'general-assembly', name: 'Decision of the General Assembly', body: 'ga', kind: 'formal', rule: { type: 'share', p: '2/3', of: 'cast' }, legal: 'UN Charter Art. 18(2)', sources: SRC },
      ],
    },
  };
  const d = (id: string, p: number, given?: Record<string, boolean>, pg?: number): CaseData['drivers'][number] => ({
    id,
    name: id.replace(/-/g, ' '),
    p,
    ...(given ? { given: [{ when: given, p: pg! }] } : {}),
    sources: SRC,
  });
  const drivers = [
    d('serbia-normalization', 0.2),
    d('russia-deal', 0.1, { 'serbia-normalization': true }, 0.45),
    d('china-abstains', 0.15, { 'russia-deal': true }, 0.6),
    d('eu-unity', 0.35, { 'serbia-normalization': true }, 0.7),
    d('spain-recognizes', 0.05, { 'eu-unity': true }, 0.2),
    d('au-position', 0.3),
    d('oic-push', 0.5),
    d('us-priority', 0.3),
    d('latin-america-shift', 0.2, { 'us-priority': true }, 0.35),
    d('asean-shift', 0.2),
    d('india-shift', 0.1, { 'serbia-normalization': true }, 0.3),
    d('brazil-shift', 0.15, { 'latin-america-shift': true }, 0.5),
  ];
  const random = (): DistributionData => {
    const yes = 0.25 + 0.7 * r();
    const no = (1 - yes) * r();
    const abstain = (1 - yes - no) * r();
    return { yes, no, abstain };
  };
  const stances: CaseData['stances'] = [];
  const stance = (state: string, p: DistributionData, when?: Array<{ if: Record<string, boolean>; p: DistributionData }>) =>
    stances.push({ state, p, ...(when ? { when } : {}), sources: SRC });
  stance('RU', { no: 0.95, abstain: 0.05 }, [{ if: { 'russia-deal': true }, p: { abstain: 0.6, no: 0.3, yes: 0.1 } }]);
  stance('CN', { no: 0.85, abstain: 0.15 }, [{ if: { 'china-abstains': true }, p: { abstain: 0.85, yes: 0.05, no: 0.1 } }]);
  for (const s of ['US', 'GB', 'FR']) stance(s, { yes: 0.97, abstain: 0.03 });
  stance('RS', { no: 0.95, absent: 0.05 }, [{ if: { 'serbia-normalization': true }, p: { abstain: 0.5, no: 0.4, absent: 0.1 } }]);
  stance('ES', { no: 0.6, abstain: 0.4 }, [{ if: { 'spain-recognizes': true }, p: { yes: 0.9, abstain: 0.1 } }]);
  for (const s of ['CY', 'GR', 'RO', 'SK']) stance(s, { no: 0.3, abstain: 0.6, yes: 0.1 }, [{ if: { 'eu-unity': true }, p: { yes: 0.6, abstain: 0.35, no: 0.05 } }]);
  stance('IN', { no: 0.5, abstain: 0.4, yes: 0.1 }, [{ if: { 'india-shift': true }, p: { yes: 0.5, abstain: 0.4, no: 0.1 } }]);
  stance('BR', { abstain: 0.6, no: 0.3, yes: 0.1 }, [{ if: { 'brazil-shift': true }, p: { yes: 0.7, abstain: 0.3 } }]);
  stance('ZA', { abstain: 0.5, no: 0.3, yes: 0.2 }, [{ if: { 'au-position': true }, p: { yes: 0.6, abstain: 0.3, no: 0.1 } }]);
  stance('ID', { no: 0.5, abstain: 0.4, yes: 0.1 }, [{ if: { 'asean-shift': true }, p: { yes: 0.5, abstain: 0.4, no: 0.1 } }]);
  const groups: Array<[string, number]> = [['au-position', 10], ['oic-push', 8], ['latin-america-shift', 6], ['asean-shift', 4], ['us-priority', 5]];
  let next = 15;
  for (const [driver, n] of groups) {
    for (let k = 0; k < n; k++) {
      const base = random();
      stance(codes[next++], { yes: (base.yes ?? 0) * 0.6, no: 0.3, abstain: 0.1 }, [{ if: { [driver]: true }, p: base }]);
    }
  }
  for (; next < codes.length; next++) stance(codes[next], random());
  const c: CaseData = {
    candidate: 'XK',
    organization: 'un',
    status: { deJure: 'not-applied', sources: SRC },
    drivers,
    stances,
    defaults: [],
    estimates: [],
    ties: [],
  };
  return { data: { states, organizations: [org], recognitions: [], cases: [c], sources: [], backtests: [] }, case: c };
}

/**
 * The benchmark's UN procedure with the wide case's `n` drivers and 60 stances on two drivers each
 * (wideCaseParts, the shape of ../shared/tools/gen-wide-case.py). Seeded.
 */
export function wideUnCase(n: number, seed = 7): { data: Dataset; case: CaseData } {
  const { data, case: base } = unCase();
  const codes = data.organizations[0].members.map((m) => m.state).filter((s) => s !== 'RS');
  const c: CaseData = { ...base, ...wideCaseParts(n, codes, seed, SRC[0]) };
  return { data: { ...data, cases: [c] }, case: c };
}
