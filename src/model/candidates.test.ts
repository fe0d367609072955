// Shared drivers (candidates/<CODE>.yaml) and timelines: loading, merging, refusals, as-of rules.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../engine/analyze.ts';
import { passedAsOf, timelineAsOf } from './asof.ts';
import { index } from './dataset.ts';
import { DataError, formatIssue } from './issues.ts';
import { readDataFiles } from './load.ts';
import { type DataFile, parseDataset } from './parse.ts';

const MINIMAL = fileURLToPath(new URL('../../test/data/fixtures/minimal', import.meta.url));

/** The minimal fixture, with files replaced or added by path. */
function dataset(changes: Record<string, string>): DataFile[] {
  const files = readDataFiles(MINIMAL).filter((f) => !(f.path in changes));
  return [...files, ...Object.entries(changes).map(([path, text]) => ({ path, text }))];
}

const SHARED = `candidate: XK
drivers:
  - id: deal
    name: A deal is reached
    p: 0.3
    lever: true
    sources: [{ source: doc, passage: quote }]
`;
// The minimal case without its own 'deal' (now shared), keeping 'pressure' (which depends on it).
const CASE = `candidate: XK
organization: club
status: { deJure: applicant, since: 2020-01-01, sources: [https://example.org/case] }
drivers:
  - id: pressure
    name: Pressure grows
    p: 0.2
    given: [{ when: { deal: true }, p: 0.5 }]
    sources: [https://example.org/case]
stances:
  - state: RS
    p: { no: 0.9, abstain: 0.1 }
    when: [{ if: { deal: true }, p: { yes: 0.6, no: 0.4 } }]
    sources: [doc]
defaults:
  - { recognition: any, p: { yes: 0.9, no: 0.1 }, basis: a test default, sources: [https://example.org/case] }
`;
// A second organization and case for the same candidate, using the shared driver too.
const ORG2 = `id: union
name: The Union
shortName: Union
sources: [https://example.org/union]
members:
  - { state: RS, joined: 2000-01-01, sources: [https://example.org/union] }
bodies:
  - { id: council, name: Council, composition: members, sources: [https://example.org/union] }
  - { id: candidate, name: The candidate, composition: candidate, sources: [https://example.org/union] }
procedure:
  stages:
    - { id: application, name: Application, body: candidate, kind: informal, rule: { type: unanimity }, legal: its own decision, sources: [https://example.org/union] }
    - { id: partnership, name: Partnership, body: council, kind: informal, required: false, rule: { type: unanimity }, legal: a prior step, sources: [https://example.org/union] }
    - { id: vote, name: Vote, body: council, kind: formal, rule: { type: unanimity }, legal: Union treaty Art. 1, sources: [https://example.org/union] }
`;
const CASE2 = `candidate: XK
organization: union
status: { deJure: applicant, since: 2021-03-01, sources: [https://example.org/case] }
timeline:
  - { date: 2021-03-01, stage: application, outcome: pass, sources: [https://example.org/case] }
  - { date: 2022-06, stage: vote, outcome: fail, sources: [https://example.org/case], note: blocked }
stances:
  - state: XK
    stages: [application]
    p: { no: 1 }
    when: [{ if: { deal: true }, p: { yes: 1 } }]
    sources: [https://example.org/case]
  - state: RS
    p: { no: 0.8, yes: 0.2 }
    when: [{ if: { deal: true }, p: { yes: 0.9, no: 0.1 } }]
    sources: [https://example.org/case]
`;

const full = () =>
  parseDataset(dataset({ 'candidates/XK.yaml': SHARED, 'cases/XK-club.yaml': CASE, 'organizations/union.yaml': ORG2, 'cases/XK-union.yaml': CASE2 }));

function issuesOf(files: DataFile[]): string[] {
  try {
    parseDataset(files);
  } catch (e) {
    if (e instanceof DataError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

describe('shared drivers', () => {
  it('merges the candidate file into every case of the candidate, shared drivers first', () => {
    const data = full();
    const ix = index(data);
    expect(ix.case('XK', 'club')!.drivers.map((d) => d.id)).toEqual(['deal', 'pressure']);
    expect(ix.case('XK', 'union')!.drivers.map((d) => d.id)).toEqual(['deal']);
    expect(ix.candidate('XK')!.drivers[0].lever).toBe(true);
    expect(ix.casesOf('XK').map((c) => c.organization).sort()).toEqual(['club', 'union']);
  });

  it('lets one setting of a shared driver move every case of the candidate', () => {
    const ix = index(full());
    for (const org of ['club', 'union']) {
      const c = ix.case('XK', org)!;
      const on = analyzeCase(ix, c, '2026-01-01', { deal: true }).probability;
      const off = analyzeCase(ix, c, '2026-01-01', { deal: false }).probability;
      expect(on).toBeGreaterThan(off);
    }
  });

  it('refuses a case that redefines a shared driver, naming both files', () => {
    const issues = issuesOf(dataset({ 'candidates/XK.yaml': SHARED }));
    expect(issues).toContainEqual(expect.stringMatching(/^cases\/XK-club\.yaml at drivers\[0\]\.id: driver deal is shared: it is defined in candidates\/XK\.yaml/));
  });

  it('refuses a shared driver that depends on a case-specific one, and a misnamed file', () => {
    const bad = `${SHARED}    given: [{ when: { pressure: true }, p: 0.9 }]\n`;
    const issues = issuesOf(dataset({ 'candidates/XK.yaml': bad, 'cases/XK-club.yaml': CASE }));
    expect(issues).toContainEqual(expect.stringMatching(/candidates\/XK\.yaml at drivers\[0\]\.given\[0\]\.when\.pressure: unknown driver "pressure": a shared driver may depend only on shared drivers/));
    const misnamed = issuesOf(dataset({ 'candidates/RS.yaml': SHARED, 'cases/XK-club.yaml': CASE }));
    expect(misnamed).toContainEqual(expect.stringMatching(/candidates\/RS\.yaml at candidate: candidate XK in a file named RS/));
  });

  it('refuses a timeline step at a stage the procedure does not have', () => {
    const bad = CASE2.replace('stage: vote, outcome: fail', 'stage: summit, outcome: fail');
    const issues = issuesOf(dataset({ 'candidates/XK.yaml': SHARED, 'cases/XK-club.yaml': CASE, 'organizations/union.yaml': ORG2, 'cases/XK-union.yaml': bad }));
    expect(issues).toContainEqual(expect.stringMatching(/cases\/XK-union\.yaml at timeline\[1\]\.stage: unknown stage "summit"/));
  });
});

describe('timeline', () => {
  const steps = [
    { date: '2022-06', stage: 'vote', outcome: 'fail' as const, sources: ['x'] },
    { date: '2021-03-01', stage: 'application', outcome: 'pass' as const, sources: ['x'] },
    { date: '2024-01-10', stage: 'vote', outcome: 'pass' as const, sources: ['x'] },
  ];

  it('counts a step from its day, a month-dated step only from the end of the month', () => {
    expect(timelineAsOf(steps, '2021-02-28')).toEqual([]);
    expect(timelineAsOf(steps, '2022-06-15').map((t) => t.stage)).toEqual(['application']);
    expect(timelineAsOf(steps, '2022-06-30').map((t) => t.stage)).toEqual(['application', 'vote']);
  });

  it('passes a stage whose latest step by the day passed; a failed attempt does not', () => {
    expect([...passedAsOf(steps, '2023-01-01').keys()]).toEqual(['application']);
    expect([...passedAsOf(steps, '2024-01-10').keys()].sort()).toEqual(['application', 'vote']);
  });

  it('makes a passed stage certain, reports the step reached and the failed attempts', () => {
    const ix = index(full());
    const c = ix.case('XK', 'union')!;
    const before = analyzeCase(ix, c, '2021-02-01');
    const after = analyzeCase(ix, c, '2023-01-01');
    // Before the application, the candidate's own stage depends on the lever (P(deal) = 0.3).
    expect(before.stageProbabilities.application).toBeCloseTo(0.3, 12);
    expect(before.evaluation.reached).toBeUndefined();
    expect(after.stageProbabilities.application).toBe(1);
    expect(after.evaluation.reached).toEqual({ stage: 'application', name: 'Application', date: '2021-03-01' });
    const app = after.evaluation.stages.find((s) => s.id === 'application')!;
    expect(app.applies).toBe(false);
    expect(app.reached?.date).toBe('2021-03-01');
    expect(after.evaluation.timeline.filter((t) => t.outcome === 'fail').map((t) => t.stage)).toEqual(['vote']);
    // The prior step (required: false) is not part of the admission procedure.
    expect(after.evaluation.stages.map((s) => s.id)).toEqual(['application', 'vote']);
    expect(after.probability).toBeCloseTo(0.3 * 0.9 + 0.7 * 0.2, 12);
  });
});
