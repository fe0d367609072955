// Route group: the workspace over HTTP — saved scenarios, imported documents, their items and curation
// (versioned: a stale edit is a 409) and the audit log. Reads are open; writes pass the gate
// (write-gate.ts). The store's failures become statuses in errors.ts.
import { Hono } from 'hono';
import { ScenarioBody } from '../../case/scenario.ts';
import { AuditQuery, DeleteScenarioQuery, ImportBody, ItemQuery, ScenarioListQuery } from '../../store/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { idParam, jsonBody, limit, parse, requireWrite, type WriteGate, workspaceOf } from '../write-gate.ts';

export function workspaceRoutes(gate: WriteGate): Hono {
  const app = new Hono();
  const ws = () => workspaceOf(gate);
  const write = requireWrite(gate);

  app.get('/api/scenarios', (c) => {
    const q = parse(ScenarioListQuery, c.req.query(), 'query');
    const all = ws().listScenarios();
    return c.json({ scenarios: all.filter((s) => (!q.candidate || s.candidate === q.candidate) && (!q.organization || s.organization === q.organization)) });
  });

  app.get('/api/scenarios/:id', (c) => {
    const id = idParam(c, 'id');
    const s = ws().getScenario(id);
    if (!s) throw notFound(`no scenario ${id}`);
    return c.json(s);
  });

  app.post('/api/scenarios', write, limit(64 * 1024), async (c) => {
    const s = parse(ScenarioBody, await jsonBody(c), 'body');
    if (!gate.knownCase(s.candidate, s.organization)) throw notFound(`no case for ${s.candidate} × ${s.organization}`);
    const known = new Set(gate.knownDrivers(s.candidate, s.organization));
    const unknown = Object.keys(s.fixed).filter((d) => !known.has(d));
    if (unknown.length) {
      throw badRequest(
        `unknown driver${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for this case`,
        unknown.map((d) => ({ code: 'unknown_reference', path: ['fixed', d], message: 'unknown driver' })),
      );
    }
    const saved = ws().saveScenario({
      ...(s.id ? { id: s.id } : {}),
      name: s.name,
      candidate: s.candidate,
      organization: s.organization,
      payload: { ...(s.asOf ? { asOf: s.asOf } : {}), fixed: s.fixed },
      ...(s.expectedVersion ? { expectedVersion: s.expectedVersion } : {}),
      who: s.who,
    });
    return c.json(saved, saved.version === 1 ? 201 : 200);
  });

  app.delete('/api/scenarios/:id', write, (c) => {
    const id = idParam(c, 'id');
    const q = parse(DeleteScenarioQuery, c.req.query(), 'query');
    if (!ws().deleteScenario(id, q.who, q.expectedVersion)) throw notFound(`no scenario ${id}`);
    return c.body(null, 204);
  });

  app.get('/api/workspace/documents', (c) => c.json({ documents: ws().listDocuments() }));

  app.post('/api/workspace/documents', write, limit(4 * 1024 * 1024), async (c) => {
    const body = parse(ImportBody, await jsonBody(c), 'body');
    const store = ws();
    // Reading and extracting the text is the costly half: it runs in the import pool under `serve`, so a
    // large import does not stall other requests; the store's write (one transaction) stays here.
    const r = store.importPrepared(await gate.importer.prepare(body.text, 'web import'), { who: body.who, meta: body.meta });
    return c.json(r, r.created ? 201 : 200);
  });

  app.get('/api/workspace/documents/:id', (c) => {
    const id = idParam(c, 'id');
    const d = ws().getDocument(id);
    if (!d) throw notFound(`no document ${id}`);
    return c.json(d);
  });

  app.get('/api/workspace/items', (c) => {
    const q = parse(ItemQuery, c.req.query(), 'query');
    return c.json({ items: ws().listItems({ documentId: q.document, status: q.status, kind: q.kind }) });
  });

  app.get('/api/workspace/items/:id', (c) => {
    const id = idParam(c, 'id');
    const item = ws().getItem(id);
    if (!item) throw notFound(`no item ${id}`);
    return c.json(item);
  });

  app.post('/api/workspace/items/:id/curate', write, limit(64 * 1024), async (c) => {
    const id = idParam(c, 'id');
    // The store validates the request itself (CurateRequest) and answers a stale version with a conflict.
    return c.json(ws().curate(id, await jsonBody(c)));
  });

  app.get('/api/workspace/audit', (c) => {
    const q = parse(AuditQuery, c.req.query(), 'query');
    return c.json({ entries: ws().listAudit({ entityId: q.entity, afterSeq: q.after, limit: q.limit ?? 200 }) });
  });

  return app;
}
