// Binds the app to a port with @hono/node-server, with the case computations in a worker pool and the
// reading of pasted texts in a small pool of its own (when a workspace is attached). Used by
// `accede serve` and by the browser tests (port 0).
import { createServer, type RequestListener, type ServerOptions as HttpOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type AppDeps, createApp } from './app.ts';
import { allowedHosts } from './host-guard.ts';
import { importPool, type PoolOptions, poolComputer } from './pool.ts';
import { inTurns } from './turns.ts';

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

/** CONNECT is for proxies; Node closes its socket unanswered unless told otherwise. This server is not one. */
const CONNECT_REFUSED = 'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST, DELETE, OPTIONS\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

/**
 * What Node's parser refused, answered in the one error shape instead of an empty 400: headers beyond
 * Node's limit (16 KB) are a 431, anything else a 400 naming the parser's reason.
 */
export function clientErrorAnswer(code: string | undefined): string {
  const big = code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(
    big
      ? { code: 'headers_too_large', path: [], message: 'the request headers are too large (at most 16 KB in all)' }
      : { code: 'bad_request', path: [], message: `the request could not be read as HTTP/1.1${code ? ` (${code})` : ''}` },
  );
  const status = big ? '431 Request Header Fields Too Large' : '400 Bad Request';
  return `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export interface ServerOptions {
  host?: string;
  port?: number;
  allowHosts?: readonly string[];
  /** The worker pool for case computations (false: compute and import on the event loop, as createApp alone does). */
  pool?: PoolOptions | false;
}

export async function startServer(deps: AppDeps, opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const casePool = deps.computer || opts.pool === false ? undefined : poolComputer(deps.dataset, opts.pool);
  const computer = deps.computer ?? casePool;
  // The import pool only when there is a workspace to import into.
  const ownImporter = deps.importer || opts.pool === false || !deps.workspace ? undefined : importPool(deps.dataset);
  const importer = deps.importer ?? ownImporter;
  const ownPools = async () => {
    await Promise.all([computer && !deps.computer ? computer.close() : undefined, importer && !deps.importer ? importer.close() : undefined]);
  };
  const app = createApp({ ...deps, computer, importer, allowedHosts: deps.allowedHosts ?? allowedHosts(host, opts.allowHosts) });
  // Requests handled in short turns between reads of the sockets (turns.ts), health checks at once.
  const server = createAdaptorServer({
    fetch: app.fetch,
    createServer: ((options: HttpOptions, listener: RequestListener) => createServer(options, inTurns(listener))) as typeof createServer,
  });
  server.on('connect', (_req, socket) => socket.end(CONNECT_REFUSED));
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable) socket.end(clientErrorAnswer(err.code));
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => {
      void ownPools();
      reject(e);
    };
    server.once('error', onError);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  // The worker threads (the case pool's, and the import thread, which loads the reader and the extractor:
  // longer than an import) start once the first request is answered (a page: the browser asks for answers
  // after it has loaded), or a second after listening, so that they do not compete with it for the cores:
  // made and started before it, they cost the first answer ~0.1 s on a machine of two cores.
  if (casePool || ownImporter) {
    const warm = () => {
      clearTimeout(timer);
      casePool?.warm();
      ownImporter?.warm();
    };
    const timer = setTimeout(warm, 1000).unref();
    server.once('request', (_req, res) => res.once('finish', warm));
  }
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shownHost}:${addr.port}`,
    port: addr.port,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        // The pools this server made; those passed in belong to the caller.
        server.close(() => void ownPools().then(resolve, resolve));
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
