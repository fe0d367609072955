// Write endpoints: the workspace behind a gate. Writes need (1) a workspace, (2) a server allowed to
// write (not bound to a public address without a token), (3) the token when one is set, and
// (4) a JSON body from this origin (a cross-site form cannot post JSON without a CORS preflight).
import type { Context, Hono, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ApiError, badRequest, notFound } from './errors.ts';

/** A saved scenario: drivers fixed for a case, an as-of day, a name. */
export interface ScenarioRecord {
  id: string;
  name: string;
  candidate: string;
  organization: string;
  asOf?: string;
  fixed: Record<string, boolean>;
  createdAt: string;
}

/** What the server needs from a workspace; the SQLite store (src/store) is adapted to it in serve.ts. */
export interface WorkspaceLike {
  listScenarios(): ScenarioRecord[];
  saveScenario(s: Omit<ScenarioRecord, 'id' | 'createdAt'>): ScenarioRecord;
  deleteScenario?(id: string): boolean;
}

export interface WriteGate {
  workspace?: WorkspaceLike;
  token?: string;
  writable: boolean;
  readOnlyReason?: string;
  knownCase(candidate: string, org: string): boolean;
}

export const ScenarioInput = z.strictObject({
  name: z.string().trim().min(1, 'a name').max(200, 'at most 200 characters'),
  candidate: z.string().regex(/^[A-Z]{2}$/, 'a state code such as XK'),
  organization: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an organization id such as nato'),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
    .optional(),
  fixed: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a driver id'), z.boolean()).default({}),
});

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
function sameToken(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i % x.length] ?? 0) ^ (y[i % y.length] ?? 0);
  return diff === 0;
}

export function workspaceRoutes(app: Hono, gate: WriteGate): void {
  const requireWrite = async (c: Context, next: Next) => {
    if (!gate.workspace) throw new ApiError(404, { error: 'not_found', detail: 'no workspace is attached to this server (start it with --workspace PATH)' });
    if (!gate.writable) throw new ApiError(403, { error: 'forbidden', detail: `this server is read-only: ${gate.readOnlyReason ?? 'writes are disabled'}` });
    if (gate.token) {
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer (.+)$/.exec(auth);
      if (!m || !sameToken(m[1], gate.token)) {
        c.header('WWW-Authenticate', 'Bearer realm="accede"');
        throw new ApiError(401, { error: 'unauthorized', detail: 'writes need the header "Authorization: Bearer <token>" with the server\'s token' });
      }
    }
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) {
      throw new ApiError(403, { error: 'forbidden', detail: `cross-origin writes are refused (origin ${origin})` });
    }
    if (c.req.method !== 'DELETE' && !(c.req.header('content-type') ?? '').startsWith('application/json')) {
      throw new ApiError(415, { error: 'unsupported_media_type', detail: 'send the body as JSON with "Content-Type: application/json"' });
    }
    await next();
  };
  const limit = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new ApiError(413, { error: 'payload_too_large', detail: 'the body is larger than 64 KiB' });
    },
  });

  async function jsonBody(c: Context): Promise<unknown> {
    try {
      return await c.req.json();
    } catch {
      throw badRequest('the body is not valid JSON');
    }
  }

  app.get('/api/scenarios', (c) => {
    if (!gate.workspace) throw notFound('no workspace is attached to this server (start it with --workspace PATH)');
    return c.json({ scenarios: gate.workspace.listScenarios() });
  });

  app.post('/api/scenarios', requireWrite, limit, async (c) => {
    const parsed = ScenarioInput.safeParse(await jsonBody(c));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ param: i.path.join('.') || '(body)', message: i.message }));
      throw badRequest(`the scenario could not be read: ${problems.map((p) => `${p.param}: ${p.message}`).join('; ')}`, problems);
    }
    const s = parsed.data;
    if (!gate.knownCase(s.candidate, s.organization)) throw notFound(`no case for ${s.candidate} × ${s.organization}`);
    const saved = gate.workspace!.saveScenario(s);
    return c.json(saved, 201);
  });

  app.delete('/api/scenarios/:id', requireWrite, (c) => {
    const id = c.req.param('id') ?? '';
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) throw badRequest('a scenario id of letters, digits and hyphens');
    if (!gate.workspace!.deleteScenario?.(id)) throw notFound(`no scenario ${id}`);
    return c.body(null, 204);
  });
}
