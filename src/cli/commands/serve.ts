// accede serve: the web app and the HTTP API at http://127.0.0.1:PORT, from the dataset and a local workspace.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { DEFAULT_WORKSPACE, openCreating } from '../workspace.ts';
import { CliError, type CliContext } from '../context.ts';

interface Options {
  host: string;
  port: number;
  data?: string;
  workspace?: string;
  token?: string;
  readOnly?: boolean;
  allowHost: string[];
}

export const DEFAULT_PORT = 4321;

function parsePort(v: string): number {
  if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) throw new InvalidArgumentError(`expected a port number from 0 to 65535, got "${v}"`);
  return Number(v);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API (reads are open; writes need a token off loopback)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', `port (0: any free port)`, parsePort, DEFAULT_PORT)
    .option('--data <dir>', 'data folder (default: the bundled dataset)')
    .option('--workspace <path>', `SQLite workspace, created on first run (default: ${DEFAULT_WORKSPACE})`)
    .option('--token <token>', 'token required for writes (default: $ACCEDE_TOKEN)')
    .option('--read-only', 'refuse every write')
    .option('--allow-host <name>', 'also answer to this host name (e.g. behind a proxy); repeatable', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .action(async (o: Options) => {
      if (!ctx.http) throw new CliError('this build of accede has no HTTP server', 1);
      // Loaded here, not at startup: other commands need neither the server nor the bundler.
      // Loaded side by side: the files are read while the modules already read compile.
      const [{ startServer, writePolicy }, { bundleApp }, ix] = await Promise.all([ctx.http(), import('../../site/bundle.ts'), ctx.load(o.data)]);
      const token = o.token ?? (process.env.ACCEDE_TOKEN || undefined);
      if (token !== undefined && token.length < 16) throw new CliError('the token must be at least 16 characters long');
      const { writable, reason: readOnlyReason } = writePolicy({ host: o.host, token, readOnly: o.readOnly });
      const opened = openCreating(o.workspace ?? DEFAULT_WORKSPACE);
      const ws = { ...opened, close: () => opened.workspace.close() };
      const started = Date.now();
      const assets = await bundleApp();
      let server;
      try {
        server = await startServer(
          { dataset: ix.data, workspace: ws.workspace, token, writable, readOnlyReason, assets },
          { host: o.host, port: o.port, allowHosts: o.allowHost },
        );
      } catch (e) {
        ws.close();
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'EADDRINUSE') throw new CliError(`port ${o.port} on ${o.host} is in use: choose another with --port (0 picks a free one)`, 1);
        if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new CliError(`cannot listen on ${o.host}: no such local address`, 2);
        if (err.code === 'EACCES') throw new CliError(`not allowed to listen on port ${o.port}: choose a port above 1023`, 1);
        throw e;
      }
      ctx.out(`accede is serving ${ix.data.cases.length} cases at ${server.url}/  (built in ${Date.now() - started} ms)`);
      ctx.out(`  try ${server.url}/case/XK/nato · API: ${server.url}/api/openapi.json`);
      ctx.out(`  workspace: ${ws.path}${writable ? (token ? ' (writes need the token)' : ' (writable from this machine)') : ` (read-only: ${readOnlyReason})`}`);
      ctx.out('  press Ctrl+C to stop');
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(() => {
            ws.close();
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
