// Binds the app to a port with @hono/node-server. Used by `accede serve` and by the browser tests (port 0).
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type AppDeps, createApp } from './app.ts';
import { allowedHosts } from './host-guard.ts';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Loopback addresses: the only ones where writes are allowed without a token. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export async function startServer(deps: AppDeps, opts: { host?: string; port?: number; allowHosts?: readonly string[] } = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const app = createApp({ ...deps, allowedHosts: deps.allowedHosts ?? allowedHosts(host, opts.allowHosts) });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    port: addr.port,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Whether a server may accept writes. Off loopback, anyone who can reach the port could write, so
 * without a token the server starts read-only and says why (it does not refuse to start: reads are open).
 */
export function writePolicy(o: { host: string; token?: string; readOnly?: boolean }): { writable: boolean; reason?: string } {
  if (o.readOnly) return { writable: false, reason: 'started with --read-only' };
  if (!isLoopback(o.host) && !o.token) {
    return { writable: false, reason: `listening on ${o.host} (not loopback) without a token; restart with --token or ACCEDE_TOKEN to allow writes` };
  }
  return { writable: true };
}
