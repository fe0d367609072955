// Route group: the pages — the shell the browser app renders into, with a readable title and the right
// status (404 for an unknown case or state), canonical URLs by redirect, and downloads at a page URL
// plus .csv or .json.
import { Hono } from 'hono';
import { CODE, ORG, type ServerContext } from '../context.ts';
import { type CaseAnswers, download } from './cases.ts';

export function pageRoutes(ctx: ServerContext, a: CaseAnswers): Hono {
  const { ix } = ctx;
  const app = new Hono();
  const knownCases = () => ix.data.cases.map((x) => `${x.candidate}/${x.organization}`).join(', ');
  const noWorkspace = ctx.deps.workspace ? undefined : 'This server has no workspace.';

  app.get('/', (c) => ctx.page(c, 'accede — what does it take to join?'));

  app.get('/case/:candidate/:org', (c) => {
    const { candidate, org } = c.req.param();
    const ext = /\.(csv|json)$/.exec(org);
    if (ext) return download(ctx, a, c, candidate, org.slice(0, -ext[0].length), ext[1] as 'csv' | 'json');
    const cas = CODE.test(candidate) && ORG.test(org) ? ix.case(candidate.toUpperCase(), org.toLowerCase()) : undefined;
    if (cas && (cas.candidate !== candidate || cas.organization !== org)) {
      return c.redirect(`/case/${cas.candidate}/${cas.organization}${new URL(c.req.url).search}`, 301);
    }
    if (!cas) return ctx.page(c, 'Case not found — accede', 404, `There is no case for ${candidate} × ${org}. Known cases: ${knownCases()}.`);
    return ctx.page(c, `${ctx.day(ctx.today()).title(cas)} — accede`);
  });

  app.get('/state/:code', (c) => {
    const code = c.req.param('code');
    const st = CODE.test(code) ? ix.state(code.toUpperCase()) : undefined;
    if (st && st.code !== code) return c.redirect(`/state/${st.code}${new URL(c.req.url).search}`, 301);
    if (!st) return ctx.page(c, 'State not found — accede', 404, `There is no state with the code ${code} in the dataset.`);
    return ctx.page(c, `${st.name} — accede`);
  });

  app.get('/candidate/:code', (c) => {
    const code = c.req.param('code');
    const candidate = CODE.test(code) ? code.toUpperCase() : undefined;
    if (candidate && candidate !== code && ix.casesOf(candidate).length) return c.redirect(`/candidate/${candidate}${new URL(c.req.url).search}`, 301);
    if (!candidate || ix.casesOf(candidate).length === 0) {
      const known = [...new Set(ix.data.cases.map((x) => x.candidate))].sort().join(', ');
      return ctx.page(c, 'Candidate not found — accede', 404, `There is no case for ${code}. Candidates with cases: ${known}.`);
    }
    return ctx.page(c, `${ix.state(candidate)?.name ?? candidate} — every organization — accede`);
  });

  app.get('/track-record', (c) => ctx.page(c, 'Track record — accede'));
  app.get('/workspace', (c) => ctx.page(c, 'Workspace — accede', noWorkspace ? 404 : 200, noWorkspace));
  app.get('/workspace/:id', (c) => ctx.page(c, 'Document — workspace — accede', noWorkspace ? 404 : 200, noWorkspace));
  return app;
}
