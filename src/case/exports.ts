// The downloads of a case, as text: one function per format, used by `accede evaluate --csv/--json`,
// by the server at /case/<candidate>/<org>.csv|.json and by the browser in a static export,
// so every copy of the same scenario is byte-identical. Pure: no Node, no DOM.
import type { Indexed } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import type { CaseData } from '../model/schema.ts';
import { type Analysis, analyzeCase, type Evaluation, openSession } from '../engine/index.ts';
import { stageVoters, stanceTable } from './views.ts';

export const CSV_COLUMNS = [
  'candidate',
  'organization',
  'as_of',
  'drivers_most_likely_scenario',
  'stage',
  'stage_name',
  'body',
  'rule',
  'required',
  'stage_outcome_most_likely_scenario',
  'state',
  'state_name',
  'seats',
  'position_most_likely_scenario',
  'p_yes_all_scenarios',
  'p_no_all_scenarios',
  'p_abstain_all_scenarios',
  'p_absent_all_scenarios',
  'stance_origin',
  'recognition',
  // The same on every row of a stage: its P(pass) and P(admission), full precision, how they were
  // obtained ('exact' or 'monte-carlo') and, for an estimate, their standard errors (empty when exact).
  'p_stage_all_scenarios',
  'p_admission_all_scenarios',
  'probability_method',
  'p_stage_standard_error',
  'p_admission_standard_error',
] as const;

/** RFC 4180 quoting (a field with a comma, a quote or a line break is quoted); lines end with \n. */
export function csvField(v: string | number | boolean | undefined): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round = (x: number): string => String(Math.round(x * 1e6) / 1e6);

/**
 * One row per voter per stage: the position in the most likely scenario (the one the evaluation counts;
 * see wording.ts) and the probabilities of each position over all scenarios, as the column names say.
 * A stage whose members are not in the dataset, or that does not apply, has one row with no state.
 */
export function caseCsv(ix: Indexed, c: CaseData, asOf: string, fixed: Assignment = {}): string {
  const session = openSession(ix, c, asOf);
  const ev = session.evaluate(fixed);
  const voters = stageVoters(session, fixed);
  const stances = stanceTable(session.setup);
  const stageP = session.stageProbabilities(fixed);
  const admission = session.probability(fixed);
  const method = session.method(fixed);
  const odds = (id: string) =>
    method.kind === 'exact'
      ? [stageP[id], admission, 'exact', '', '']
      : [stageP[id], admission, 'monte-carlo', method.stageStandardErrors[id] ?? 0, method.standardError];
  const driversText = Object.entries(ev.drivers)
    .map(([k, v]) => `${k}=${v}${k in fixed ? '' : '?'}`)
    .join(' ');
  const lines = [CSV_COLUMNS.join(',')];
  ev.stages.forEach((s, i) => {
    const head = [c.candidate, c.organization, ev.asOf, driversText, s.id, s.name, s.body, s.rule, s.required, s.outcome];
    const vs = voters[i].voters;
    if (!vs || !s.applies) {
      lines.push([...head, '', '', '', s.applies ? '' : 'not required', '', '', '', '', '', '', ...odds(s.id)].map(csvField).join(','));
      return;
    }
    const pos = new Map(s.voters.map((v) => [v.state, v.position]));
    for (const v of [...vs].sort((a, b) => a.state.localeCompare(b.state))) {
      lines.push(
        [
          ...head,
          v.state,
          ix.state(v.state)?.name ?? v.state,
          v.seats,
          pos.get(v.state) ?? '',
          round(v.dist.yes),
          round(v.dist.no),
          round(v.dist.abstain),
          round(v.dist.absent),
          stances[v.stance].origin,
          v.recognition,
          ...odds(s.id),
        ]
          .map(csvField)
          .join(','),
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The JSON document `accede evaluate --json` prints (the CLI calls this very function, so the
 * download and the CLI agree by construction; test/api/app.test.ts checks the bytes).
 */
export function evaluationJson(ev: Evaluation, a?: Analysis) {
  return {
    candidate: ev.candidate,
    organization: ev.organization,
    asOf: ev.asOf,
    admitted: ev.admitted,
    status: ev.status,
    drivers: ev.drivers,
    stages: ev.stages.map((s) => ({
      id: s.id,
      name: s.name,
      body: s.body,
      kind: s.kind,
      rule: s.rule,
      legal: s.legal,
      applies: s.applies,
      ...(s.reached ? { reached: s.reached } : {}),
      tally: s.tally,
      required: s.required,
      outcome: s.outcome,
      margin: s.margin,
      blockers: s.blockers,
      ...(s.estimated ? { estimated: s.estimated } : {}),
      votes: Object.fromEntries(s.voters.map((v) => [v.state, v.position])),
    })),
    ties: ev.ties,
    timeline: ev.timeline,
    reached: ev.reached ?? null,
    sources: ev.sources,
    ...(a
      ? {
          probability: a.probability,
          stageProbabilities: a.stageProbabilities,
          method: a.method,
          sensitivity: a.sensitivity,
          whatItTakes: a.whatItTakes,
          ...(a.power ? { power: a.power } : {}),
        }
      : {}),
  };
}

export function caseJsonText(ix: Indexed, c: CaseData, asOf: string, fixed: Assignment = {}): string {
  const a = analyzeCase(ix, c, asOf, fixed);
  return JSON.stringify(evaluationJson(a.evaluation, a), null, 2);
}
