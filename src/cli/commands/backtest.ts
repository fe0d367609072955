// accede backtest: replay historical votes and compare with what was recorded.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { runBacktest } from '../../engine/backtest.ts';
import { DEFAULT_DATA_DIR, readDataFiles } from '../../model/data-files.ts';
import { index, type Indexed } from '../../model/dataset.ts';
import { DataError } from '../../model/issues.ts';
import { CliError, type CliContext } from '../context.ts';

interface Options {
  file?: string[];
  json?: boolean;
  data?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('backtest')
    .description('replay historical votes with each stage rule; exit 1 when any disagrees')
    .option('--file <file>', 'a backtests YAML file (repeatable; default: every backtest in the data folder)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .action(async (o: Options) => {
      let ix: Indexed;
      if (!o.file?.length) ix = await ctx.load(o.data);
      else {
        // Extra files are validated and cross-checked together with the data folder.
        const base = readDataFiles(o.data ?? DEFAULT_DATA_DIR).filter((f) => !f.path.startsWith('backtests/'));
        const extra = o.file.map((f, i) => {
          try {
            // Read as YAML whatever its name ends with: the data reader skips a file not named .yaml, so
            // "accede backtest --file votes.csv" ran nothing and said "0 of 0 agree".
            return { path: `backtests/${i}-${f.split(/[\\/]/).pop()}.yaml`, text: readFileSync(f, 'utf8') };
          } catch {
            throw new CliError(`cannot read backtest file ${f}`);
          }
        });
        const { parseDataset } = await import('../../model/parse.ts');
        try {
          ix = index(parseDataset([...base, ...extra]));
        } catch (e) {
          // Name the user's own file in each problem, not the slot it was read into.
          if (!(e instanceof DataError)) throw e;
          const shown = new Map(extra.map((x, i) => [x.path, o.file![i]]));
          throw new DataError(e.issues.map((i) => ({ ...i, file: shown.get(i.file) ?? i.file })));
        }
      }
      const results = ix.data.backtests.map((b) => runBacktest(ix, b));
      if (o.json) ctx.out(JSON.stringify(results, null, 2));
      else {
        for (const r of results) {
          const t = r.tally;
          ctx.out(
            `${r.agrees ? 'agree   ' : 'DISAGREE'} ${r.id}: computed ${r.computed}, recorded ${r.recorded}; ` +
              `${t.yes}–${t.no}–${t.abstain} (${t.absent} absent); ${r.required ? `required ${r.required}` : r.error}`,
          );
        }
        ctx.out(`${results.filter((r) => r.agrees).length} of ${results.length} agree`);
      }
      ctx.exitCode = results.every((r) => r.agrees) ? 0 : 1;
    });
}
