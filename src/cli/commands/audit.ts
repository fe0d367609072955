// accede audit: how much of the dataset is checked — facts by kind and verification status, and
// every unverified fact with the reason it could not be confirmed. --strict fails on any.
import type { Command } from 'commander';
import { type Audit, audit } from '../../model/audit.ts';
import type { CliContext } from '../context.ts';

interface Options {
  json?: boolean;
  strict?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('audit')
    .description('count facts by kind and verification status; list every unverified fact with why')
    .option('--json', 'print JSON')
    .option('--strict', 'exit 1 when any fact is unverified')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action((o: Options) => {
      const result = audit(ctx.load(o.data).data);
      ctx.out(o.json ? JSON.stringify(result, null, 2) : toText(result));
      if (o.strict && result.byStatus.unverified > 0) ctx.exitCode = 1;
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
