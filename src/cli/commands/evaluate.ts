// accede evaluate <candidate> <org>: the stages, tallies, blockers and ties of a case.
import type { Command } from 'commander';
import { evaluateCase, type Evaluation } from '../../engine/evaluate.ts';
import type { CliContext } from '../context.ts';
import { collectSet, parseDateOption, today } from '../options.ts';
import { checkDrivers, resolveCase } from '../resolve.ts';
import { caseCsv } from '../../server/exports.ts';

interface Options {
  asOf?: string;
  set?: Record<string, boolean>;
  json?: boolean;
  csv?: boolean;
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
    .option('--csv', 'print CSV: one row per voter per stage (the same bytes as the web page\'s .csv download)')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action((candidate: string, org: string, o: Options) => {
      const ix = ctx.load(o.data);
      const c = resolveCase(ix, candidate, org);
      checkDrivers(c, o.set ?? {});
      if (o.csv) return ctx.out(caseCsv(ix, c, o.asOf ?? today(), o.set ?? {}));
      const ev = evaluateCase(ix, c, o.asOf ?? today(), o.set ?? {});
      ctx.out(o.json ? JSON.stringify(toJson(ev), null, 2) : toText(ev, ix.state(c.candidate)?.name ?? c.candidate, ix.organization(c.organization)?.shortName ?? c.organization));
    });
}

export function toJson(ev: Evaluation) {
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
      tally: s.tally,
      required: s.required,
      outcome: s.outcome,
      margin: s.margin,
      blockers: s.blockers,
      ...(s.estimated ? { estimated: s.estimated } : {}),
      votes: Object.fromEntries(s.voters.map((v) => [v.state, v.position])),
    })),
    ties: ev.ties,
    sources: ev.sources,
  };
}

export function toText(ev: Evaluation, candidateName: string, orgName: string): string {
  const lines: string[] = [];
  lines.push(`${candidateName} (${ev.candidate}) × ${orgName} — as of ${ev.asOf}`);
  lines.push(`de jure status: ${ev.status.deJure}${ev.status.since ? ` since ${ev.status.since}` : ''}`);
  const drivers = Object.entries(ev.drivers);
  if (drivers.length) lines.push(`drivers: ${drivers.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  lines.push('');
  ev.stages.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.name} — ${s.body} [${s.kind}]`);
    lines.push(`   rule: ${s.rule} (${s.legal})`);
    if (!s.applies) {
      lines.push('   not required for this candidate');
      return;
    }
    if (s.estimated) {
      lines.push(`   members not in the dataset; estimated P(pass) = ${s.estimated.p} (${s.estimated.basis})`);
    } else {
      lines.push(`   tally: ${s.tally.yes} yes, ${s.tally.no} no, ${s.tally.abstain} abstain, ${s.tally.absent} absent`);
      lines.push(`   required: ${s.required}`);
    }
    lines.push(`   outcome: ${s.outcome.toUpperCase()} (margin ${s.margin >= 0 ? '+' : ''}${s.margin})${s.blockers.length ? `; blockers: ${s.blockers.join(', ')}` : ''}`);
  });
  lines.push('');
  lines.push(`overall: ${ev.admitted ? 'admitted' : 'not admitted'} under the most likely stances`);
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
