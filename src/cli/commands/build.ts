// accede build --static DIR: a site that works from any static file server (the engine runs in the browser).
import type { Command } from 'commander';
import { CliError, type CliContext } from '../context.ts';
import { parseDateOption, today } from '../options.ts';

interface Options {
  static?: string;
  data?: string;
  asOf?: string;
  force?: boolean;
  base?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('build')
    .description('build the web app; --static DIR writes a site any static file server can serve')
    .option('--static <dir>', 'write a static site to this folder')
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .option('--as-of <date>', 'the day of the CSV/JSON files shipped with the site (default: today)', parseDateOption)
    .option('--base <path>', 'the URL path the site is served from, for its 404 page (default: /)')
    .option('--force', 'replace a non-empty folder that is not a previous export')
    .action(async (o: Options) => {
      if (!o.static) throw new CliError('nothing to build: give --static DIR');
      if (o.base !== undefined && !/^\/([^?#]*\/)?$/.test(o.base)) throw new CliError(`--base: expected a path that starts and ends with "/", got "${o.base}"`);
      // Loaded here, not at startup: other commands need neither the bundler nor the export.
      const { bundleApp } = await import('../../site/bundle.ts');
      const { StaticExportError, writeStaticSite } = await import('../../site/static.ts');
      const ix = await ctx.load(o.data);
      const started = Date.now();
      const assets = await bundleApp();
      try {
        const r = writeStaticSite({ dir: o.static, dataset: ix.data, assets, asOf: o.asOf ?? today(), force: o.force, base: o.base });
        ctx.out(`wrote ${r.files} files to ${r.dir} in ${Date.now() - started} ms`);
        ctx.out(`serve it with any static file server, e.g.: python3 -m http.server -d ${o.static}`);
      } catch (e) {
        if (e instanceof StaticExportError) throw new CliError(e.message, 2);
        throw e;
      }
    });
}
