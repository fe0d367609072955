// accede validate: load, validate and cross-check a data folder.
import type { Command } from 'commander';
import { audit } from '../../model/audit.ts';
import type { Indexed } from '../../model/dataset.ts';
import { DataError } from '../../model/issues.ts';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('validate a data folder (schemas and cross-references)')
    .option('--json', 'print JSON: {ok, counts, unverified} or {ok: false, problems: [{file, path, code, message}]}')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (o: { data?: string; json?: boolean }) => {
      let ix: Indexed;
      try {
        // Always checked anew, never answered from the compiled CLI's cache.
        ix = await ctx.load(o.data, { cached: false });
      } catch (e) {
        // As JSON, the problems are the answer (on stdout, exit 2); as text, they are printed as errors.
        if (!(o.json && e instanceof DataError)) throw e;
        ctx.out(JSON.stringify({ ok: false, problems: e.issues }, null, 2));
        ctx.exitCode = 2;
        return;
      }
      const d = ix.data;
      // Valid is not the same as checked: say how many facts are still leads (accede audit lists them).
      const unverified = audit(d).byStatus.unverified;
      if (o.json) {
        const counts = { states: d.states.length, organizations: d.organizations.length, cases: d.cases.length, sources: d.sources.length, backtests: d.backtests.length };
        ctx.out(JSON.stringify({ ok: true, counts, unverified }, null, 2));
        return;
      }
      ctx.out(
        `ok: ${d.states.length} states, ${d.organizations.length} organizations, ${d.cases.length} cases, ` +
          `${d.sources.length} sources, ${d.backtests.length} backtests`,
      );
      if (unverified) ctx.out(`note: ${unverified} fact${unverified === 1 ? ' is' : 's are'} unverified (accede audit lists them with why)`);
    });
}
