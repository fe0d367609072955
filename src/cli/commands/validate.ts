// accede validate: load, validate and cross-check a data folder.
import type { Command } from 'commander';
import { audit } from '../../model/audit.ts';
import { hindsightWarnings } from '../../model/crosscheck.ts';
import { formatIssue } from '../../model/issues.ts';
import type { CaseData } from '../../model/schema.ts';
import type { CliContext } from '../context.ts';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('validate a data folder (schemas and cross-references)')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action((o: { data?: string }) => {
      // Always checked anew, never answered from the compiled CLI's cache.
      const ix = ctx.load(o.data, { cached: false });
      const d = ix.data;
      ctx.out(
        `ok: ${d.states.length} states, ${d.organizations.length} organizations, ${d.cases.length} cases, ` +
          `${d.sources.length} sources, ${d.backtests.length} backtests`,
      );
      // Stances resting on sources published after their since: warnings (exit 0), see docs/data-format.md.
      const caseFile = (c: object) => `cases/${(c as CaseData).candidate}-${(c as CaseData).organization}.yaml`;
      for (const w of hindsightWarnings(d, caseFile)) ctx.out(`warning: ${formatIssue(w)}`);
      // Valid is not the same as checked: say how many facts are still leads (accede audit lists them).
      const unverified = audit(d).byStatus.unverified;
      if (unverified) ctx.out(`note: ${unverified} fact${unverified === 1 ? ' is' : 's are'} unverified (accede audit lists them with why)`);
    });
}
