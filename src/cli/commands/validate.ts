// accede validate: load, validate and cross-check a data folder.
import type { Command } from 'commander';
import { audit } from '../../model/audit.ts';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('validate a data folder (schemas and cross-references)')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (o: { data?: string }) => {
      // Always checked anew, never answered from the compiled CLI's cache.
      const ix = await ctx.load(o.data, { cached: false });
      const d = ix.data;
      ctx.out(
        `ok: ${d.states.length} states, ${d.organizations.length} organizations, ${d.cases.length} cases, ` +
          `${d.sources.length} sources, ${d.backtests.length} backtests`,
      );
      // Valid is not the same as checked: say how many facts are still leads (accede audit lists them).
      const unverified = audit(d).byStatus.unverified;
      if (unverified) ctx.out(`note: ${unverified} fact${unverified === 1 ? ' is' : 's are'} unverified (accede audit lists them with why)`);
    });
}
