// The workspace over HTTP: documents, items and their curation (versioned: a stale edit is a 409),
// scenarios and the audit log. Reads are open. Writes pass a gate: (1) a workspace is attached,
// (2) the server may write (not bound off loopback without a token), (3) the token when one is set,
// (4) a JSON body from this origin (a cross-site form cannot post JSON without a CORS preflight).
import type { Context, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { Day, Id, OrgId, PartialDay, StateCode } from '../model/schema.ts';
import { URL_PATTERN } from '../model/grammar.ts';
import type { Gazetteer } from '../evidence/gazetteer.ts';
import { ConflictError, WorkspaceError, type Workspace, type WorkspaceErrorCode } from '../store/index.ts';
import { ApiError, badRequest, notFound, type ErrorCode } from './errors.ts';
import { hostName } from './host-guard.ts';

/** What the server needs of a workspace: the store's Workspace (src/store), or a stand-in in tests. */
export type WorkspaceLike = Pick<
  Workspace,
  | 'listDocuments'
  | 'getDocument'
  | 'listItems'
  | 'getItem'
  | 'curate'
  | 'importText'
  | 'listScenarios'
  | 'getScenario'
  | 'saveScenario'
  | 'deleteScenario'
  | 'listAudit'
> &
  Partial<Pick<Workspace, 'writableState'>>;

export interface WriteGate {
  workspace?: WorkspaceLike;
  gazetteer?: () => Gazetteer;
  token?: string;
  /** Host names the server answers to: a page may write only from one of them, same-origin. */
  hosts: readonly string[];
  writable: boolean;
  readOnlyReason?: string;
  knownCase(candidate: string, org: string): boolean;
  knownDrivers(candidate: string, org: string): string[];
}

const Who = z.string().trim().min(1, 'your name, for the audit log').max(200);
const DriverId = Id;

/** A scenario as the web app saves it: a case, a day and fixed drivers (the payload of a store scenario). */
export const ScenarioBody = z.strictObject({
  id: Id.max(64).optional(),
  name: z.string().trim().min(1, 'a name').max(200, 'at most 200 characters'),
  candidate: StateCode,
  organization: OrgId,
  asOf: Day.optional(),
  fixed: z.record(DriverId, z.boolean()).default({}),
  expectedVersion: z.number().int().positive().optional(),
  who: Who.default('web'),
});

const ImportBody = z.strictObject({
  text: z.string().min(1, 'the text of the document').max(1_000_000, 'at most 1,000,000 characters'),
  who: Who,
  meta: z
    .strictObject({
      title: z.string().max(500).optional(),
      outlet: z.string().max(300).optional(),
      author: z.string().max(300).optional(),
      date: PartialDay.optional(),
      url: z
        .string()
        .regex(URL_PATTERN, 'an http(s) URL')
        .max(2000)
        .optional(),
      language: z.string().max(20).optional(),
    })
    .optional(),
});

const ItemQuery = z.strictObject({
  document: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,80}$/)
    .optional(),
  status: z.enum(['pending', 'accepted', 'rejected']).optional(),
  kind: z.enum(['quote', 'mention', 'claim']).optional(),
});

const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,127}$/;

function problemsOf(e: z.ZodError): Array<{ param: string; message: string }> {
  return e.issues.map((i) => ({ param: i.path.join('.') || '(body)', message: i.message }));
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = problemsOf(r.error);
  throw badRequest(`the ${what} could not be read: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`, problems);
}

/** The store's error codes as HTTP answers (the store knows no HTTP). */
const STATUS_OF: Record<WorkspaceErrorCode, [ContentfulStatusCode, ErrorCode]> = {
  conflict: [409, 'conflict'],
  not_found: [404, 'not_found'],
  invalid_input: [400, 'bad_request'],
  refused: [422, 'unprocessable'],
  busy: [503, 'busy'],
  disk_full: [507, 'insufficient_storage'],
  read_only: [503, 'read_only'],
  schema: [500, 'internal'],
};

/** The store's typed errors as HTTP answers: 400, 404, 409 (with the current version), 422, 503, 507. */
export function workspaceErrorResponse(e: WorkspaceError): ApiError {
  if (e instanceof ConflictError) {
    return new ApiError(409, {
      error: 'conflict',
      detail: e.message,
      current: { version: e.currentVersion, updatedBy: e.updatedBy, updatedAt: e.updatedAt },
    });
  }
  const [status, error] = STATUS_OF[e.code];
  return new ApiError(status, { error, detail: e.message });
}

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof WorkspaceError) throw workspaceErrorResponse(e);
    throw e;
  }
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function sameToken(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i % x.length] ?? 0) ^ (y[i % y.length] ?? 0);
  return diff === 0;
}

export function workspaceRoutes(app: Hono, gate: WriteGate): void {
  const ws = (): WorkspaceLike => {
    if (!gate.workspace) throw notFound('no workspace is attached to this server (start it with --workspace PATH)');
    return gate.workspace;
  };

  const requireWrite = async (c: Context, next: Next) => {
    ws();
    if (!gate.writable) throw new ApiError(403, { error: 'forbidden', detail: `this server is read-only: ${gate.readOnlyReason ?? 'writes are disabled'}` });
    if (gate.token) {
      const m = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
      if (!m || !sameToken(m[1], gate.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="accede"');
        throw new ApiError(401, { error: 'unauthorized', detail: 'writes need the header "Authorization: Bearer <token>" with the server\'s token' });
      }
    }
    // A browser names the page that sends the request; it must be this server's own page, under a
    // name the server answers to (the Host check ran first; this one is defence in depth).
    const origin = c.req.header('origin');
    if (origin && (origin !== new URL(c.req.url).origin || !gate.hosts.includes(hostName(new URL(origin).host)))) {
      throw new ApiError(403, { error: 'forbidden', detail: `cross-origin writes are refused (origin ${origin})` });
    }
    if (c.req.header('sec-fetch-site') === 'cross-site') {
      throw new ApiError(403, { error: 'forbidden', detail: 'cross-site writes are refused' });
    }
    if (c.req.method !== 'DELETE' && !(c.req.header('content-type') ?? '').startsWith('application/json')) {
      throw new ApiError(415, { error: 'unsupported_media_type', detail: 'send the body as JSON with "Content-Type: application/json"' });
    }
    await next();
  };
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, { error: 'payload_too_large', detail: `the body is larger than ${Math.round(maxSize / 1024)} KiB` });
      },
    });

  async function jsonBody(c: Context): Promise<unknown> {
    try {
      return await c.req.json();
    } catch {
      throw badRequest('the body is not valid JSON');
    }
  }
  const idParam = (c: Context, name: string): string => {
    const id = c.req.param(name) ?? '';
    if (!ID.test(id)) throw badRequest(`"${id.slice(0, 40)}" is not an id: letters, digits and hyphens`);
    return id;
  };

  // ---------------------------------------------------------------- scenarios

  app.get('/api/scenarios', (c) => {
    const all = guard(() => ws().listScenarios());
    const cand = c.req.query('candidate');
    const org = c.req.query('organization');
    return c.json({ scenarios: all.filter((s) => (!cand || s.candidate === cand) && (!org || s.organization === org)) });
  });

  app.get('/api/scenarios/:id', (c) => {
    const id = idParam(c, 'id');
    const s = guard(() => ws().getScenario(id));
    if (!s) throw notFound(`no scenario ${id}`);
    return c.json(s);
  });

  app.post('/api/scenarios', requireWrite, limit(64 * 1024), async (c) => {
    const s = parse(ScenarioBody, await jsonBody(c), 'scenario');
    if (!gate.knownCase(s.candidate, s.organization)) throw notFound(`no case for ${s.candidate} × ${s.organization}`);
    const known = new Set(gate.knownDrivers(s.candidate, s.organization));
    const unknown = Object.keys(s.fixed).filter((d) => !known.has(d));
    if (unknown.length) throw badRequest(`unknown driver${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for this case`, unknown.map((d) => ({ param: `fixed.${d}`, message: 'unknown driver' })));
    const saved = guard(() =>
      ws().saveScenario({
        ...(s.id ? { id: s.id } : {}),
        name: s.name,
        candidate: s.candidate,
        organization: s.organization,
        payload: { ...(s.asOf ? { asOf: s.asOf } : {}), fixed: s.fixed },
        ...(s.expectedVersion ? { expectedVersion: s.expectedVersion } : {}),
        who: s.who,
      }),
    );
    return c.json(saved, saved.version === 1 ? 201 : 200);
  });

  app.delete('/api/scenarios/:id', requireWrite, (c) => {
    const id = idParam(c, 'id');
    const q = parse(
      z.strictObject({ who: Who.default('web'), expectedVersion: z.coerce.number().int().positive().optional() }),
      c.req.query(),
      'query',
    );
    if (!guard(() => ws().deleteScenario(id, q.who, q.expectedVersion))) throw notFound(`no scenario ${id}`);
    return c.body(null, 204);
  });

  // ---------------------------------------------------------------- documents and items

  app.get('/api/workspace/documents', (c) => c.json({ documents: guard(() => ws().listDocuments()) }));

  app.post('/api/workspace/documents', requireWrite, limit(4 * 1024 * 1024), async (c) => {
    const body = parse(ImportBody, await jsonBody(c), 'document');
    const r = guard(() => ws().importText(body.text, { who: body.who, origin: 'web import', gazetteer: gate.gazetteer?.(), meta: body.meta }));
    return c.json(r, r.created ? 201 : 200);
  });

  app.get('/api/workspace/documents/:id', (c) => {
    const id = idParam(c, 'id');
    const d = guard(() => ws().getDocument(id));
    if (!d) throw notFound(`no document ${id}`);
    return c.json(d);
  });

  app.get('/api/workspace/items', (c) => {
    const q = parse(ItemQuery, c.req.query(), 'query');
    return c.json({ items: guard(() => ws().listItems({ documentId: q.document, status: q.status, kind: q.kind })) });
  });

  app.get('/api/workspace/items/:id', (c) => {
    const id = idParam(c, 'id');
    const item = guard(() => ws().getItem(id));
    if (!item) throw notFound(`no item ${id}`);
    return c.json(item);
  });

  app.post('/api/workspace/items/:id/curate', requireWrite, limit(64 * 1024), async (c) => {
    const id = idParam(c, 'id');
    const body = await jsonBody(c);
    // The store validates the request itself (CurateRequest) and answers a stale version with a conflict.
    return c.json(guard(() => ws().curate(id, body)));
  });

  app.get('/api/workspace/audit', (c) => {
    const q = parse(
      z.strictObject({
        entity: z
          .string()
          .regex(ID)
          .optional(),
        after: z.coerce.number().int().nonnegative().optional(),
        limit: z.coerce.number().int().min(1).max(10_000).optional(),
      }),
      c.req.query(),
      'query',
    );
    return c.json({ entries: guard(() => ws().listAudit({ entityId: q.entity, afterSeq: q.after, limit: q.limit ?? 200 })) });
  });
}
