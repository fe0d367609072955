// accede candidate <code>, shared drivers across evaluate, and /api/candidates/<code> on the bundled data.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/model/load.ts';
import { createApp } from '../../src/server/app.ts';
import { cli } from '../cli.ts';

const AS_OF = '2026-06-01';
const ORGS = ['coe', 'eu', 'interpol', 'nato', 'osce', 'un', 'unesco'];

describe('accede candidate', () => {
  it('lists all seven of Kosovo\'s organizations with P(admission) and every lever\'s effect per organization', async () => {
    const r = await cli('candidate', 'XK', '--as-of', AS_OF, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out);
    expect(v.rows.map((x: { organization: string }) => x.organization).sort()).toEqual(ORGS);
    for (const row of v.rows) {
      expect(row.probability, row.organization).toBeGreaterThanOrEqual(0);
      expect(row.probability, row.organization).toBeLessThanOrEqual(1);
    }
    expect(v.levers.map((l: { driver: string }) => l.driver).sort()).toEqual(['apply-to-nato', 'csm-established', 'request-pfp']);
    for (const l of v.levers) expect(l.effects.map((e: { organization: string }) => e.organization).sort()).toEqual(ORGS);
    const csm = v.levers.find((l: { driver: string }) => l.driver === 'csm-established');
    const coe = csm.effects.find((e: { organization: string }) => e.organization === 'coe');
    // The lever's effect is P if true − P if false, and it agrees with evaluate --set in that case.
    expect(coe.delta).toBeCloseTo(coe.whenTrue - coe.whenFalse, 12);
    const set = JSON.parse((await cli('evaluate', 'XK', 'coe', '--as-of', AS_OF, '--set', 'csm-established=true', '--json')).out);
    expect(set.probability).toBeCloseTo(coe.whenTrue, 12);
    // apply-to-nato lives in the NATO case only: no effect elsewhere.
    const apply = v.levers.find((l: { driver: string }) => l.driver === 'apply-to-nato');
    expect(apply.effects.filter((e: { inCase: boolean }) => e.inCase).map((e: { organization: string }) => e.organization)).toEqual(['nato']);
    expect(v.ranking[0].gain).toBeGreaterThan(0);
    expect(v.method).toMatch(/P\(admission \| lever true\) − P\(admission \| lever false\)/);
  });

  it('shows the step reached and the failed attempt in the Council of Europe', async () => {
    const v = JSON.parse((await cli('candidate', 'XK', '--as-of', AS_OF, '--json')).out);
    const coe = v.rows.find((x: { organization: string }) => x.organization === 'coe');
    expect(coe.reached.stage).toBe('pace-opinion');
    expect(coe.failed.map((t: { stage: string }) => t.stage)).toEqual(['agenda']);
    const before = JSON.parse((await cli('candidate', 'XK', '--as-of', '2024-04-15', '--json')).out);
    expect(before.rows.find((x: { organization: string }) => x.organization === 'coe').reached).toBeUndefined();
  });

  it('sets a shared driver in every case at once', async () => {
    const on = JSON.parse((await cli('candidate', 'XK', '--as-of', AS_OF, '--set', 'csm-established=true', '--json')).out);
    const off = JSON.parse((await cli('candidate', 'XK', '--as-of', AS_OF, '--set', 'csm-established=false', '--json')).out);
    const p = (v: { rows: Array<{ organization: string; probability: number }> }, o: string) => v.rows.find((x) => x.organization === o)!.probability;
    for (const o of ['coe', 'nato', 'eu']) expect(p(on, o), o).toBeGreaterThan(p(off, o));
  });

  it('refuses an unknown candidate or driver with exit code 2', async () => {
    expect((await cli('candidate', 'ZZ')).code).toBe(2);
    const r = await cli('candidate', 'XK', '--set', 'no-such-driver=true');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown driver "no-such-driver" for XK/);
  });
});

describe('one shared driver id in several cases', () => {
  it('works with --set in evaluate XK coe and evaluate XK nato', async () => {
    for (const org of ['coe', 'nato']) {
      const p = async (value: boolean) => {
        const r = await cli('evaluate', 'XK', org, '--as-of', AS_OF, '--set', `csm-established=${value}`, '--json');
        expect(r.code, `${org} ${r.err}`).toBe(0);
        return JSON.parse(r.out).probability as number;
      };
      expect(await p(true), org).toBeGreaterThan(await p(false));
    }
  });
});

describe('GET /api/candidates/<code>', () => {
  const app = createApp({ dataset: loadDataset(), writable: false, assets: { js: '', css: '', atlas: '{}', version: 'test' }, today: () => AS_OF });
  const get = (path: string) => app.request(`http://localhost${path}`);

  it('answers what the CLI prints, and moves every case with on=', async () => {
    const res = await get(`/api/candidates/XK?v=1&as=${AS_OF}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    const fromCli = JSON.parse((await cli('candidate', 'XK', '--as-of', AS_OF, '--json')).out);
    expect(body).toEqual(fromCli);
    const on = await (await get(`/api/candidates/XK?v=1&as=${AS_OF}&on=csm-established`)).json();
    const coe = (v: typeof body) => v.rows.find((r: { organization: string }) => r.organization === 'coe').probability;
    expect(coe(on)).toBeGreaterThan(coe(body));
  });

  it('answers 400 for an unknown driver or a bad code, 404 for a state without cases', async () => {
    expect((await get(`/api/candidates/XK?on=no-such-driver`)).status).toBe(400);
    expect((await get('/api/candidates/X1')).status).toBe(400);
    expect((await get('/api/candidates/ES')).status).toBe(404);
  });
});

describe('a candidate on a day some or all of its cases have no answer', () => {
  const app = createApp({ dataset: loadDataset(), writable: false, assets: { js: '', css: '', atlas: '{}', version: 'test' }, today: () => AS_OF });
  const get = (path: string) => app.request(`http://localhost${path}`);

  // The Security Council's seats are recorded up to a year; after it only the UN row has no answer.
  it('answers the others and gives the UN row the reason (CLI and API alike)', async () => {
    const r = await cli('candidate', 'XK', '--as-of', '2099-01-01', '--json');
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out);
    const un = v.rows.find((x: { organization: string }) => x.organization === 'un');
    expect(un.error).toMatch(/Security Council in 2099 are not in the dataset/);
    const nato = v.rows.find((x: { organization: string }) => x.organization === 'nato');
    expect(nato.error).toBeUndefined();
    expect(nato.probability).toBeGreaterThanOrEqual(0);
    const res = await get('/api/candidates/XK?as=2099-01-01');
    expect(res.status).toBe(200);
    expect((await res.json()).rows.find((x: { organization: string }) => x.organization === 'un').error).toBe(un.error);
  });

  it('refuses a day before the candidate was a state, saying so (exit 2, 422)', async () => {
    const r = await cli('candidate', 'XK', '--as-of', '1800-01-01');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Kosovo did not exist as a state on 1800-01-01/);
    const res = await get('/api/candidates/XK?as=2000-01-01');
    expect(res.status).toBe(422);
    expect((await res.json()).message).toMatch(/Kosovo did not exist as a state on 2000-01-01/);
  });
});
