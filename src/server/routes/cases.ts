// Route group: what the dataset says, read-only — the overview, the cases, one case (and its CSV/JSON
// downloads), the track record, a state across cases, an organization's members. The costly answers come from the answer
// cache, computed by the case computer (the worker pool under `serve`).
import { type Context, Hono } from 'hono';
import type { AnswerCache } from '../answers.ts';
import { type CaseJob, jobKey } from '../../case/jobs.ts';
import type { CaseComputer } from '../compute.ts';
import { CODE, ORG, type ServerContext } from '../context.ts';
import { candidateView, unknownDrivers } from '../../case/candidate.ts';
import { type EffectiveQuery, effectiveQueryOf } from '../../case/change-points.ts';
import type { Assignment } from '../../model/drivers.ts';
import type { CaseData } from '../../model/schema.ts';
import { notApplicable } from '../../model/asof.ts';
import { apiError, badRequest, notFound } from '../errors.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface CaseAnswers {
  answers: AnswerCache;
  computer: CaseComputer;
}

/** A case's CSV or JSON download, at the page URL or the API URL plus an extension. */
export function download(ctx: ServerContext, a: CaseAnswers, c: Context, candidate: string, org: string, format: 'csv' | 'json') {
  const cas = ctx.findCase(candidate, org);
  const s = ctx.scenarioOf(c, cas);
  const job: CaseJob = { kind: format, candidate: cas.candidate, organization: cas.organization, asOf: s.asOf, fixed: s.fixed };
  const name = `${cas.candidate}-${cas.organization}-${s.asOf}`;
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : JSON_TYPE;
  return a.answers.send(c, jobKey(job), type, () => a.computer.run(job), { 'Content-Disposition': `inline; filename="${name}.${format}"` });
}

export function caseRoutes(ctx: ServerContext, a: CaseAnswers): Hono {
  const { ix } = ctx;
  const app = new Hono();
  const answer = (c: Context, job: CaseJob) => a.answers.send(c, jobKey(job), JSON_TYPE, () => a.computer.run(job));
  const effective = new Map<CaseData, (asOf: string, fixed: Assignment) => EffectiveQuery>();
  // Every day written anywhere in the dataset: a day found in an answer is then either one of these or the day asked.
  let daysInData: Set<string> | undefined;
  const inData = (day: string) => (daysInData ??= new Set(ctx.datasetJson.match(/\d{4}-\d{2}-\d{2}/g))).has(day);

  app.get('/api/overview', (c) => answer(c, { kind: 'overview', asOf: ctx.asOfOnly(c) }));
  app.get('/api/cases', (c) => answer(c, { kind: 'cases', asOf: ctx.asOfOnly(c) }));

  app.get('/api/cases/:candidate/:org', (c) => {
    const { candidate, org } = c.req.param();
    const ext = /\.(csv|json)$/.exec(org);
    if (ext) return download(ctx, a, c, candidate, org.slice(0, -ext[0].length), ext[1] as 'csv' | 'json');
    const cas = ctx.findCase(candidate, org);
    const s = ctx.scenarioOf(c, cas);
    // Only the drivers in force on the day decide the answer (it names no other): one key for settings that
    // differ only in drivers not yet asked (src/case/change-points.ts checks the answers are the same).
    let queryOf = effective.get(cas);
    if (!queryOf) effective.set(cas, (queryOf = effectiveQueryOf(ix, cas)));
    const q = queryOf(s.asOf, s.fixed);
    const job = (asOf: string): CaseJob => ({ kind: 'details', candidate: cas.candidate, organization: cas.organization, asOf, fixed: q.fixed });
    // A stretch's first day, or a day the data writes anywhere (in a URL, say), has an answer of its own; any
    // other day's is the answer kept for its stretch with the day written in (answers.ts).
    if (s.asOf === q.asOf || inData(s.asOf)) return answer(c, job(s.asOf));
    return a.answers.sendOnDay(c, jobKey(job(s.asOf)), s.asOf, `stretch|${jobKey(job(q.asOf))}`, JSON_TYPE, (asOf) => a.computer.run(job(asOf)));
  });

  // A candidate across its cases; ?on=/?off= (the permalink's driver settings) move every case at once.
  app.get('/api/candidates/:code', (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw badRequest(`"${code.slice(0, 40)}" is not a state code: expected two letters, e.g. XK`);
    const candidate = code.toUpperCase();
    if (ix.casesOf(candidate).length === 0) {
      const known = [...new Set(ix.data.cases.map((x) => x.candidate))].sort().join(', ');
      throw notFound(`no case for ${candidate} in the dataset; candidates with cases: ${known || 'none'}`);
    }
    const s = ctx.scenarioOf(c);
    const unknown = unknownDrivers(ix, candidate, s.fixed);
    if (unknown.length) {
      const problems = unknown.map((id) => ({ code: 'unknown_reference', path: ['on'], message: `unknown driver "${id}" for ${candidate}` }));
      throw badRequest(`the query could not be read: ${problems.map((p) => p.message).join('; ')}`, problems);
    }
    return c.json(candidateView(ix, candidate, s.asOf, s.fixed));
  });

  // Every dated decision beside the model's P(pass) on its eve: the same for every request.
  app.get('/api/track-record', (c) => answer(c, { kind: 'track-record' }));

  app.get('/api/states/:code', (c) => {
    const code = c.req.param('code');
    if (!CODE.test(code)) throw badRequest(`"${code.slice(0, 40)}" is not a state code: expected two letters, e.g. ES`);
    const state = ix.state(code.toUpperCase());
    if (!state) throw notFound(`no state with code ${code.toUpperCase()} in the dataset`);
    return answer(c, { kind: 'state', code: state.code, asOf: ctx.asOfOnly(c) });
  });

  app.get('/api/organizations/:id', (c) => {
    const id = c.req.param('id');
    if (!ORG.test(id)) throw badRequest(`"${id.slice(0, 70)}" is not an organization id`);
    const org = ix.organization(id.toLowerCase());
    if (!org) throw notFound(`no organization "${id}"; known: ${ix.data.organizations.map((o) => o.id).join(', ')}`);
    const asOf = ctx.asOfOnly(c);
    // Before its founding an organization has no members to list: said, as for a case on that day.
    const why = notApplicable(org, undefined, asOf);
    if (why) throw apiError(422, 'not_applicable', why);
    const members = [...ctx.day(asOf).members(org.id)].sort();
    return c.json({ asOf, organization: { id: org.id, name: org.name, shortName: org.shortName }, members });
  });

  return app;
}
