// Before an organization or a candidate existed, a case has no answer: it is said so, not computed.
import { describe, expect, it } from 'vitest';
import { notApplicable } from '../../src/model/asof.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { createApp } from '../../src/server/app.ts';
import { FAKE_ASSETS } from '../api/helpers.ts';
import { cli } from '../cli.ts';

const data = loadDataset();
const ix = index(data);
const org = (id: string) => ix.organization(id)!;

describe('founding days', () => {
  it('every bundled organization has a sourced founding day', () => {
    for (const o of data.organizations) {
      if (!['nato', 'un', 'coe', 'eu', 'osce', 'unesco', 'interpol'].includes(o.id)) continue;
      expect(o.founded?.date, o.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(o.founded?.sources.length, o.id).toBeGreaterThan(0);
    }
    expect(org('nato').founded?.date).toBe('1949-08-24');
    expect(org('un').founded?.date).toBe('1945-10-24');
  });

  it('says who did not exist on the day', () => {
    expect(notApplicable(org('nato'), ix.state('XK'), '1800-01-01')).toBe('NATO did not exist on 1800-01-01 (founded 1949-08-24)');
    expect(notApplicable(org('nato'), ix.state('XK'), '1949-08-23')).toMatch(/NATO did not exist/);
    expect(notApplicable(org('nato'), ix.state('XK'), '2000-01-01')).toBe('Kosovo did not exist as a state on 2000-01-01 (since 2008-02-17)');
    expect(notApplicable(org('nato'), ix.state('XK'), '2008-02-17')).toBeUndefined();
    expect(notApplicable(org('eu'), ix.state('XK'), '1990-01-01')).toMatch(/^EU did not exist on 1990-01-01/);
  });

  it('knows when the younger candidates became states (declarations of independence), each sourced', () => {
    const day = { UA: '1991-08-24', BA: '1992-03-03', ME: '2006-06-03', MK: '1991-09-18', PS: '1988-11-15', SS: '2011-07-09', XK: '2008-02-17', TL: '2002-05-20' };
    for (const [code, date] of Object.entries(day)) {
      const s = ix.state(code)!;
      expect(s.statehood?.date, code).toBe(date);
      expect(s.statehood?.sources.length, code).toBeGreaterThan(0);
      expect(s.statehood?.note, code).toBeTruthy();
    }
    expect(notApplicable(org('nato'), ix.state('UA'), '1991-08-23')).toBe('Ukraine did not exist as a state on 1991-08-23 (since 1991-08-24)');
    expect(notApplicable(org('nato'), ix.state('UA'), '1991-08-24')).toBeUndefined();
    expect(notApplicable(org('nato'), ix.state('ME'), '2006-06-02')).toMatch(/^Montenegro did not exist as a state/);
    expect(notApplicable(org('un'), ix.state('PS'), '1988-11-14')).toMatch(/^Palestine did not exist as a state on 1988-11-14/);
    // Palestine's statehood is contested: the data says the date is a convention.
    expect(ix.state('PS')!.statehood!.note).toMatch(/contested/);
  });
});

describe('faces', () => {
  it('the CLI answers with exit 2 and the reason, JSON or not', async () => {
    for (const extra of [[], ['--json'], ['--csv']]) {
      const r = await cli('evaluate', 'XK', 'nato', '--as-of', '1800-01-01', ...extra);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe('error: NATO did not exist on 1800-01-01 (founded 1949-08-24)\n');
    }
  });

  it('the API answers 422 with the reason', async () => {
    const app = createApp({ dataset: data, writable: false, assets: FAKE_ASSETS, today: () => '2025-03-01' });
    const res = await app.request('http://localhost/api/cases/XK/nato?as=2000-01-01');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'not_applicable', message: 'Kosovo did not exist as a state on 2000-01-01 (since 2008-02-17)' });
    expect((await app.request('http://localhost/api/cases/XK/nato?as=2010-01-01')).status).toBe(200);
  });
});
