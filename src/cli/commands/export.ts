// accede export: accepted evidence from the workspace as data-file changes (YAML) for review —
// one sources/workspace-<document>.yaml per document with accepted quotes or claims.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportAccepted } from '../../store/index.ts';
import type { CliContext } from '../context.ts';
import { DEFAULT_WORKSPACE, withWorkspace, type WorkspaceOptions } from '../workspace.ts';
import { makeDirs } from '../../model/make-dirs.ts';

interface Options extends WorkspaceOptions {
  out?: string;
  json?: boolean;
  dryRun?: boolean;
}

export const DEFAULT_EXPORT_DIR = '.accede/export';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('write accepted evidence as data files (sources/*.yaml) for review')
    .option('--workspace <path>', `SQLite workspace (default: ${DEFAULT_WORKSPACE})`)
    .option('--out <dir>', `where to write the files, as a data folder (default: ${DEFAULT_EXPORT_DIR}); give data/ to write into the dataset`)
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--json', 'print JSON')
    .action((o: Options) => {
      const result = withWorkspace(o, exportAccepted);
      const out = o.out ?? DEFAULT_EXPORT_DIR;
      if (!o.dryRun) {
        for (const f of result.files) {
          const target = path.join(out, f.path);
          makeDirs(path.dirname(target));
          writeFileSync(target, f.content);
        }
      }
      if (o.json) {
        ctx.out(JSON.stringify({
          out,
          written: !o.dryRun,
          files: result.files.map((f) => ({ path: path.join(out, f.path), source: f.source })),
          notes: result.notes,
        }, null, 2));
        return;
      }
      for (const n of result.notes) ctx.err(`note: ${n}`);
      if (result.files.length === 0) {
        ctx.out('nothing to export: no accepted quotes or claims (accede curate accept <item> --version N)');
        return;
      }
      for (const f of result.files) {
        ctx.out(`${o.dryRun ? 'would write' : 'wrote'} ${path.join(out, f.path)} (${f.source.passages.length} passages)`);
        if (o.dryRun) ctx.out(f.content);
      }
      if (!o.dryRun) ctx.out(`review the files, then copy them into data/sources/ and run: accede validate`);
    });
}
