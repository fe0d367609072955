// accede audit: how much of the dataset is checked — facts by kind and verification status, and
// every unverified fact with the reason it could not be confirmed. --strict holds the dataset to the
// project's tolerance: every unverified fact explained, and no more of them than the budget.
import type { Command } from 'commander';
import { type Audit, UNVERIFIED_BUDGET, audit, strictFailures } from '../../model/audit.ts';
import { parseCount } from '../options.ts';
import type { CliContext } from '../context.ts';

interface Options {
  json?: boolean;
  strict?: boolean;
  maxUnverified: number;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('audit')
    .description('count facts by kind and verification status; list every unverified fact with why')
    .option('--json', 'print JSON')
    .option('--strict', `exit 1 when an unverified fact gives no reason, or more than --max-unverified are unverified`)
    .option('--max-unverified <n>', 'how many unverified facts --strict tolerates (0: none)', parseCount, UNVERIFIED_BUDGET)
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (o: Options) => {
      const result = audit((await ctx.load(o.data)).data);
      const failures = o.strict ? strictFailures(result, o.maxUnverified) : [];
      ctx.out(o.json ? JSON.stringify(o.strict ? { ...result, strict: { budget: o.maxUnverified, failures } } : result, null, 2) : toText(result));
      if (!o.json && o.strict) ctx.out(failures.length ? failures.map((f) => `strict: ${f}`).join('\n') : `strict: ok — ${result.byStatus.unverified} unverified (at most ${o.maxUnverified}), each with its reason`);
      if (failures.length) ctx.exitCode = 1;
    });
}

function toText(a: Audit): string {
  const kinds = Object.entries(a.byKind).filter(([, c]) => c.verified + c.unverified + c.judgment > 0);
  const width = Math.max(...kinds.map(([k]) => k.length));
  const lines = [
    `${a.total} facts: ${a.byStatus.verified} verified, ${a.byStatus.unverified} unverified, ${a.byStatus.judgment} modelling judgments`,
    '',
    `${'kind'.padEnd(width)}  verified  unverified  judgment`,
    ...kinds.map(([k, c]) => `${k.padEnd(width)}  ${String(c.verified).padStart(8)}  ${String(c.unverified).padStart(10)}  ${String(c.judgment).padStart(8)}`),
  ];
  if (a.unverified.length) {
    lines.push('', `Unverified (${a.unverified.length}):`);
    for (const f of a.unverified) lines.push(`  ${f.what} — ${f.file} at ${pathText(f.path)}: ${f.reason}`);
  }
  return lines.join('\n');
}

const pathText = (path: Array<string | number>) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
