// accede evaluate <candidate> <org>: the stages, tallies, blockers and ties of a case, with the exact
// probability of admission, driver sensitivity, what it would take and (with --power) voting power.
import { type Command, Option } from 'commander';
import { counter, type Counter } from '../../case/views.ts';
import { daySnapshot } from '../../case/snapshot.ts';
import { type Analysis, analyzeCase, type ChangePlan, EngineError, type Evaluation } from '../../engine/index.ts';
import { OVERALL, OVERALL_DEFINITION, SCENARIO, SCENARIO_DEFINITION } from '../../case/wording.ts';
import { CliError, type CliContext } from '../context.ts';
import { collectSet, parseDateOption, today } from '../options.ts';
import { checkDrivers, resolveCase } from '../resolve.ts';
// One JSON/CSV shape for the CLI, the server's downloads and the static export.
import { caseCsv, evaluationJson } from '../../case/exports.ts';

interface Options {
  asOf?: string;
  set?: Record<string, boolean>;
  json?: boolean;
  csv?: boolean;
  power?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('evaluate')
    .description('evaluate a candidate × organization case: stages, tallies, blockers, ties')
    .argument('<candidate>', 'candidate state code, e.g. XK')
    .argument('<org>', 'organization id, e.g. nato')
    .option('--as-of <date>', 'evaluate as of this day (YYYY-MM-DD)', parseDateOption)
    .option('--set <driver=value>', 'fix a driver to true or false (repeatable)', collectSet)
    .option('--json', 'print JSON')
    .addOption(new Option('--csv', 'print CSV: one row per voter per stage (the same bytes as the web page\'s .csv download)').conflicts('json'))
    .option('--power', 'add voting power (Banzhaf, Shapley–Shubik) per stage')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (candidate: string, org: string, o: Options) => {
      const ix = await ctx.load(o.data);
      const c = resolveCase(ix, candidate, org);
      checkDrivers(c, o.set ?? {});
      if (o.csv) return ctx.out(caseCsv(ix, c, o.asOf ?? today(), o.set ?? {}));
      let a: Analysis;
      try {
        a = analyzeCase(ix, c, o.asOf ?? today(), o.set ?? {}, { power: o.power });
      } catch (e) {
        if (e instanceof EngineError) throw new CliError(e.message, 1);
        throw e;
      }
      const ev = a.evaluation;
      if (o.json) return ctx.out(JSON.stringify(evaluationJson(ev, a), null, 2));
      const facts = counter(daySnapshot(ix, ev.asOf), c.candidate, c.organization);
      ctx.out(toText(ev, ix.state(c.candidate)?.name ?? c.candidate, ix.organization(c.organization)?.shortName ?? c.organization, a, facts));
    });
}

/** 12.3% for everyday values; very small ones keep their magnitude (9.56e-8) rather than showing 0.0%. */
export function pct(x: number): string {
  if (x === 0) return '0%';
  if (x < 0.0005) return x.toExponential(2);
  if (x > 0.9995 && x < 1) return '>99.9%';
  return `${(x * 100).toFixed(1)}%`;
}

function pp(x: number): string {
  const v = x * 100;
  const a = Math.abs(v);
  return `${v >= 0 ? '+' : '−'}${a === 0 ? '0' : a < 0.005 ? a.toExponential(1) : a < 0.05 ? a.toFixed(2) : a.toFixed(1)} pp`;
}

function changesText(p: ChangePlan): string {
  if (!p.feasible) return `cannot pass by stance changes${p.note ? ` (${p.note})` : ''}`;
  if (p.changes.length === 0) return p.note ?? 'passes as it is';
  const shown = p.changes.slice(0, 12).map((c) => `${c.state} ${c.from}→${c.to} (${pct(c.p)})`);
  const more = p.changes.length > 12 ? `, and ${p.changes.length - 12} more` : '';
  return `${p.changes.length} change${p.changes.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}${p.note ? `; ${p.note}` : ''}`;
}

function analysisText(ev: Evaluation, a: Analysis): string[] {
  const lines: string[] = [];
  const uncertain = a.sensitivity.length;
  const m = a.method;
  if (m.kind === 'exact') lines.push(`P(admission) ${OVERALL} = ${pct(a.probability)} — exact`);
  else {
    lines.push(`P(admission) ${OVERALL} ≈ ${pct(a.probability)} ± ${pct(m.standardError)} (standard error) — Monte Carlo estimate, not exact:`);
    lines.push(`  ${m.drivers} drivers bear on this case, more than exact enumeration covers; ${m.samples} driver assignments were sampled (seed ${m.seed}), each computed exactly; stage probabilities, sensitivity and the driver plan are estimates too`);
  }
  lines.push(`  by stage: ${ev.stages.map((s) => `${s.id} ${pct(a.stageProbabilities[s.id])}`).join(', ')}`);
  if (uncertain) {
    lines.push('');
    lines.push('driver sensitivity (P(admission) if true − if false):');
    for (const s of a.sensitivity) lines.push(`  ${pp(s.delta).padStart(10)}  ${s.driver}: ${pct(s.whenTrue)} if true, ${pct(s.whenFalse)} if false`);
  }
  lines.push('');
  lines.push('what it would take (fewest stance changes under the most likely positions; % = chance of the new position):');
  for (const p of a.whatItTakes.stages) lines.push(`  ${p.stage}: ${changesText(p)}`);
  lines.push(`  whole procedure: ${changesText(a.whatItTakes.procedure)}`);
  const d = a.whatItTakes.driverPlan;
  const settings = d.settings.map((x) => `${x.driver}=${x.value}`).join(', ');
  if (d.reached) {
    lines.push(`  drivers: ${d.settings.length ? `set ${settings} → P(admission) = ${pct(d.probability)}` : `P(admission) is already ${pct(d.probability)}`}`);
  } else {
    lines.push(`  drivers: no setting reaches ${pct(d.target)}; the best reachable is ${pct(d.probability)}${d.settings.length ? ` with ${settings}` : ' (no driver helps)'}`);
  }
  if (a.power) {
    lines.push('');
    lines.push('voting power (Banzhaf normalized / Shapley–Shubik; members vote yes or no as blocs):');
    for (const [stage, rows] of Object.entries(a.power)) {
      const top = [...rows].sort((x, y) => y.shapleyShubik - x.shapleyShubik).slice(0, 8);
      lines.push(`  ${stage}: ${top.map((r) => `${r.id} ${r.banzhaf.toFixed(4)}/${r.shapleyShubik.toFixed(4)}`).join(', ')}${rows.length > 8 ? `, … (${rows.length} members)` : ''}`);
    }
  }
  return lines;
}

export function toText(ev: Evaluation, candidateName: string, orgName: string, a?: Analysis, facts?: Counter): string {
  const lines: string[] = [];
  lines.push(`${candidateName} (${ev.candidate}) × ${orgName} — as of ${ev.asOf}`);
  lines.push(`de jure status: ${ev.status.deJure}${ev.status.since ? ` since ${ev.status.since}` : ''}`);
  if (facts) {
    const doubt = facts.unverified ? `; ${facts.unverified} of these membership or recognition facts unverified (accede audit lists them with why)` : '';
    lines.push(`recognition: ${facts.text}${doubt}`);
  }
  lines.push(`step reached: ${ev.reached ? `${ev.reached.name} (${ev.reached.date})` : 'none in the timeline'}`);
  const failed = ev.timeline.filter((t) => t.outcome === 'fail');
  if (failed.length) lines.push(`failed attempts: ${failed.map((t) => `${t.stage} (${t.date})`).join(', ')}`);
  const drivers = Object.entries(ev.drivers);
  lines.push(`${SCENARIO} (tallies, outcomes, blockers): ${SCENARIO_DEFINITION}`);
  if (drivers.length) lines.push(`  drivers: ${drivers.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push(`probabilities: ${OVERALL} (${OVERALL_DEFINITION})`);
  lines.push('');
  ev.stages.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.name} — ${s.body} [${s.kind}]`);
    lines.push(`   rule: ${s.rule} (${s.legal})`);
    if (!s.applies) {
      lines.push(s.reached ? `   passed on ${s.reached.date} (timeline)` : '   not required for this candidate');
      return;
    }
    if (s.estimated) {
      lines.push(`   members not in the dataset; estimated P(pass) = ${s.estimated.p} (${s.estimated.basis})`);
    } else {
      lines.push(`   tally: ${s.tally.yes} yes, ${s.tally.no} no, ${s.tally.abstain} abstain, ${s.tally.absent} absent`);
      lines.push(`   required: ${s.required}`);
    }
    lines.push(`   outcome in ${SCENARIO}: ${s.outcome.toUpperCase()} (margin ${s.margin >= 0 ? '+' : ''}${s.margin})${s.blockers.length ? `; blocked by ${s.blockers.join(', ')}` : ''}`);
    if (a) lines.push(`   P(pass) ${OVERALL} = ${pct(a.stageProbabilities[s.id])}`);
  });
  lines.push('');
  lines.push(`in ${SCENARIO}: ${ev.admitted ? 'admitted' : 'not admitted'}`);
  if (a) {
    lines.push('');
    lines.push(...analysisText(ev, a));
  }
  if (ev.ties.length) {
    lines.push('');
    lines.push('de facto ties:');
    for (const t of ev.ties) lines.push(`  - ${t.name}${t.since ? ` (since ${t.since}${t.until ? `, until ${t.until}` : ''})` : ''}${t.active ? '' : ' [not yet / no longer]'}`);
  }
  lines.push('');
  lines.push(`sources (${ev.sources.length}):`);
  for (const s of ev.sources) lines.push(`  - ${s}`);
  return lines.join('\n');
}
