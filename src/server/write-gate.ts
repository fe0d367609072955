// The gate every workspace write passes: (1) a workspace is attached, (2) the server may write (not
// bound off loopback without a token), (3) the token when one is set, (4) a JSON body from this server's
// own page under an allowed host name (a cross-site form cannot post JSON without a CORS preflight).
// Also the readers every write route uses: body size limits, JSON, zod-checked bodies and queries.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { ENTITY_ID } from '../model/grammar.ts';
import type { Issue } from '../model/issues.ts';
import type { Workspace } from '../store/index.ts';
import type { TextPreparer } from './compute.ts';
import { apiError, badRequest, notFound } from './errors.ts';
import { hostName } from './host-guard.ts';

/** What the server needs of a workspace: the store's Workspace (src/store), or a stand-in in tests. */
export type WorkspaceLike = Pick<
  Workspace,
  | 'listDocuments'
  | 'getDocument'
  | 'listItems'
  | 'getItem'
  | 'curate'
  | 'importPrepared'
  | 'listScenarios'
  | 'getScenario'
  | 'saveScenario'
  | 'deleteScenario'
  | 'listAudit'
> &
  Partial<Pick<Workspace, 'writableState'>>;

export interface WriteGate {
  workspace?: WorkspaceLike;
  /** Reads and extracts a pasted text before the workspace stores it (off the event loop under `serve`). */
  importer: TextPreparer;
  token?: string;
  /** Host names the server answers to: a page may write only from one of them, same-origin. */
  hosts: readonly string[];
  writable: boolean;
  readOnlyReason?: string;
  knownCase(candidate: string, org: string): boolean;
  knownDrivers(candidate: string, org: string): string[];
}

/** The attached workspace, or 404 saying how to attach one. */
export function workspaceOf(gate: WriteGate): WorkspaceLike {
  if (!gate.workspace) throw notFound('no workspace is attached to this server (start it with --workspace PATH)');
  return gate.workspace;
}

/** Constant-time comparison (of digests, equal in length), so the token cannot be guessed from response times. */
const digest = (s: string) => createHash('sha256').update(s).digest();
const sameToken = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

export function requireWrite(gate: WriteGate): MiddlewareHandler {
  return async (c, next) => {
    workspaceOf(gate);
    if (!gate.writable) throw apiError(403, 'forbidden', `this server is read-only: ${gate.readOnlyReason ?? 'writes are disabled'}`);
    if (gate.token) {
      // The scheme is case-insensitive (RFC 9110 §11.1): "bearer X" is "Bearer X".
      const m = /^Bearer +(.+)$/i.exec(c.req.header('authorization') ?? '');
      if (!m || !sameToken(m[1], gate.token)) {
        throw apiError(401, 'unauthorized', 'writes need the header "Authorization: Bearer <token>" with the server\'s token', {}, { 'WWW-Authenticate': 'Bearer realm="accede"' });
      }
    }
    // A browser names the page that sends the request; it must be this server's own page, under a
    // name the server answers to (the Host check ran first; this one is defence in depth).
    const origin = c.req.header('origin');
    if (origin && (origin !== new URL(c.req.url).origin || !gate.hosts.includes(hostName(new URL(origin).host)))) {
      throw apiError(403, 'forbidden', `cross-origin writes are refused (origin ${origin.slice(0, 200)})`);
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') throw apiError(403, 'forbidden', 'cross-site writes are refused');
    if (c.req.method !== 'DELETE' && !(c.req.header('content-type') ?? '').startsWith('application/json')) {
      throw apiError(415, 'unsupported_media_type', 'send the body as JSON with "Content-Type: application/json"');
    }
    await next();
  };
}

export function limit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw apiError(413, 'payload_too_large', `the body is larger than ${Math.round(maxSize / 1024)} KiB`);
    },
  });
}

export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw badRequest('the body is not valid JSON');
  }
}

/** Checks a body or query with its schema; a 400 naming each field otherwise. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: 'body' | 'query'): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems: Issue[] = r.error.issues.map((i) => ({ code: i.code, path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));
  throw badRequest(`the ${what} could not be read: ${problems.map((p) => `${p.path.join('.') || `(${what})`}: ${p.message}`).join('; ')}`, problems);
}

export function idParam(c: Context, name: string): string {
  const id = c.req.param(name) ?? '';
  if (!ENTITY_ID.test(id)) throw badRequest(`"${id.slice(0, 40)}" is not an id: letters, digits and hyphens`);
  return id;
}
