// accede candidate <code>: a candidate across every organization — status and step reached,
// P(admission), blockers, what others would have to change, de facto ties — then the effect of each
// of its levers on P(admission) everywhere, and where its efforts pay most.
import type { Command } from 'commander';
import { type CandidateView, candidateView, unknownDrivers } from '../../case/candidate.ts';
import { EngineError } from '../../engine/constraints.ts';
import { CliError, type CliContext } from '../context.ts';
import { collectSet, parseDateOption, today } from '../options.ts';
import { pct } from './evaluate.ts';

interface Options {
  asOf?: string;
  set?: Record<string, boolean>;
  json?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('candidate')
    .description('a candidate in every organization: status, step reached, P(admission), blockers, levers and where efforts pay most')
    .argument('<code>', 'candidate state code, e.g. XK')
    .option('--as-of <date>', 'as of this day (YYYY-MM-DD)', parseDateOption)
    .option('--set <driver=value>', 'fix a driver to true or false in every case of the candidate (repeatable)', collectSet)
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (code: string, o: Options) => {
      const ix = await ctx.load(o.data);
      const candidate = code.toUpperCase();
      if (!ix.state(candidate)) throw new CliError(`unknown candidate "${code}": expected a state code such as XK`);
      const cases = ix.casesOf(candidate);
      if (cases.length === 0) {
        const known = [...new Set(ix.data.cases.map((c) => c.candidate))].sort().join(', ');
        throw new CliError(`no case for ${candidate} in the dataset: candidates with cases are ${known}`);
      }
      const set = o.set ?? {};
      const unknown = unknownDrivers(ix, candidate, set);
      if (unknown.length) {
        const known = [...new Set(cases.flatMap((c) => c.drivers.map((d) => d.id)))].join(', ');
        throw new CliError(`unknown driver "${unknown[0]}" for ${candidate}: expected one of ${known}`);
      }
      let view: CandidateView;
      try {
        view = candidateView(ix, candidate, o.asOf ?? today(), set);
      } catch (e) {
        if (e instanceof EngineError) throw new CliError(e.message, 1);
        throw e;
      }
      ctx.out(o.json ? JSON.stringify(view, null, 2) : toText(view));
    });
}

function pp(x: number): string {
  const v = x * 100;
  const a = Math.abs(v);
  return `${v >= 0 ? '+' : '−'}${a === 0 ? '0' : a < 0.005 ? a.toExponential(1) : a < 0.05 ? a.toFixed(2) : a.toFixed(1)} pp`;
}

export function toText(v: CandidateView): string {
  const lines: string[] = [];
  lines.push(`${v.name} (${v.candidate}) — as of ${v.asOf}${Object.keys(v.set).length ? `; set: ${Object.entries(v.set).map(([k, x]) => `${k}=${x}`).join(', ')}` : ''}`);
  lines.push('');
  for (const r of v.rows) {
    lines.push(`${r.name} (${r.organization}): ${r.deJure}${r.since ? ` since ${r.since}` : ''}${r.admitted ? ', admitted under the most likely stances' : ''}`);
    if (r.error) {
      lines.push(`  not computed: ${r.error}`);
      continue;
    }
    lines.push(`  P(admission) ${pct(r.probability)}`);
    lines.push(`  step reached: ${r.reached ? `${r.reached.name} (${r.reached.date})` : 'none in the timeline'}${r.next ? `; next: ${r.next.name} (P ${pct(r.next.probability)})` : ''}`);
    if (r.failed.length) lines.push(`  failed attempts: ${r.failed.map((t) => `${t.stage} (${t.date})`).join(', ')}`);
    for (const s of r.priorSteps) {
      lines.push(`  prior step: ${s.name} — ${s.reached ? `reached ${s.reached.date}` : s.probability === null ? 'not modelled' : `P ${pct(s.probability)}`}`);
    }
    if (r.blockers.length) lines.push(`  blockers: ${r.blockers.join(', ')}`);
    const w = r.whatItTakes;
    const changes = w.changes.map((c) => `${c.state} ${c.from}→${c.to}`).join(', ');
    const own = w.ownSteps.length ? `; and the candidate's own step${w.ownSteps.length > 1 ? 's' : ''}: ${w.ownSteps.join(', ')}` : '';
    lines.push(`  what it takes from others: ${!w.feasible ? `no set of stance changes${w.note ? ` (${w.note})` : ''}` : w.changes.length ? `${w.changes.length} change${w.changes.length > 1 ? 's' : ''}: ${changes}` : 'nothing'}${own}`);
    if (r.ties.length) lines.push(`  de facto ties: ${r.ties.map((t) => `${t.name}${t.since ? ` (since ${t.since})` : ''}`).join('; ')}`);
  }
  lines.push('');
  // A row without an answer on the day (its reason printed above) says nothing of whether a lever is in that case.
  const uncomputed = new Set(v.rows.filter((r) => r.error).map((r) => r.organization));
  lines.push('levers (drivers the candidate controls): effect on P(admission) = P if true − P if false; gain = P if true − P now');
  for (const l of v.levers) {
    lines.push(`  ${l.driver}${l.shared ? ' (shared)' : ''}: ${l.name}; P now ${pct(l.p)}${l.set !== undefined ? `, set to ${l.set}` : ''}`);
    for (const e of l.effects) {
      if (!e.inCase) continue;
      lines.push(`    ${e.organization.padEnd(10)} effect ${pp(e.delta).padStart(10)}  gain ${pp(e.gain).padStart(10)}  (${pct(e.whenFalse)} → ${pct(e.whenTrue)})`);
    }
    const none = l.effects.filter((e) => !e.inCase && !uncomputed.has(e.organization)).map((e) => e.organization);
    if (none.length) lines.push(`    not in the cases of: ${none.join(', ')}`);
    const unknown = l.effects.filter((e) => !e.inCase && uncomputed.has(e.organization)).map((e) => e.organization);
    if (unknown.length) lines.push(`    not computed on this day: ${unknown.join(', ')}`);
  }
  lines.push('');
  lines.push('where efforts pay most (gain in P(admission), largest first):');
  if (v.ranking.length === 0) lines.push('  no lever raises P(admission) anywhere');
  v.ranking.forEach((r, i) => lines.push(`  ${i + 1}. ${r.driver} in ${r.organization}: ${pp(r.gain)}`));
  lines.push('');
  lines.push(`method: ${v.method}`);
  return lines.join('\n');
}
