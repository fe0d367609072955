// The Host allowlist: the first check on every request, so that a page on a domain rebound to this
// machine's address (DNS rebinding) reaches nothing — its requests carry its own name in `Host`.
import { networkInterfaces, hostname } from 'node:os';
import type { MiddlewareHandler } from 'hono';

/** The names every local server answers to, whatever address it listens on. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** The host part of a `Host` header value or URL authority, lowercased, without port or brackets. */
export function hostName(authority: string): string {
  const a = authority.trim().toLowerCase();
  if (a.startsWith('[')) return a.slice(1, a.indexOf(']') > 0 ? a.indexOf(']') : undefined);
  const colon = a.indexOf(':');
  // More than one colon without brackets is a bare IPv6 address, not host:port.
  if (colon >= 0 && a.indexOf(':', colon + 1) < 0) return a.slice(0, colon);
  return a.replace(/\.$/, '');
}

/**
 * The names a server bound to `listen` may be reached by: loopback names always; the address itself;
 * every local interface and the machine's name when bound to all interfaces; plus names the user allows
 * (a reverse proxy's or a LAN name), given with `--allow-host`.
 */
export function allowedHosts(listen: string, extra: readonly string[] = []): string[] {
  const names = new Set([...LOOPBACK_NAMES, hostName(listen), ...extra.map(hostName)]);
  if (names.has('0.0.0.0') || names.has('::')) {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) names.add(i.address.toLowerCase());
    names.add(hostname().toLowerCase());
  }
  names.delete('');
  return [...names];
}

/**
 * Refuses a request whose `Host` is not an allowed name with 421 (Misdirected Request), before any
 * route runs. Requests without a `Host` header (HTTP/1.0, in-process tests) are judged by their URL.
 */
export function hostGuard(allowed: readonly string[]): MiddlewareHandler {
  const ok = new Set(allowed.map(hostName));
  return async (c, next) => {
    const host = hostName(c.req.header('host') ?? new URL(c.req.url).host);
    if (!ok.has(host)) {
      return c.json(
        { code: 'misdirected', path: [], message: `this server does not answer to the host name "${host}" (allowed: ${[...ok].join(', ')}); start it with --allow-host ${host} if that name is yours` },
        421,
      );
    }
    await next();
  };
}
