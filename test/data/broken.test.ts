// Bad data and bad input are refused with exit code 2 and a message naming the file, the path
// inside it and what was expected — never with a stack trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(here, '..', '..');
const broken = (name: string) => join(here, 'broken', name);
const MINIMAL = join(here, 'fixtures', 'minimal');

/** Each broken folder differs from fixtures/minimal by one defect; the expected message names file and path. */
const CASES: Array<{ name: string; file: string; path: string; message: RegExp }> = [
  { name: 'malformed-yaml', file: 'organizations/club.yaml', path: 'line 5, column 1', message: /invalid YAML/ },
  { name: 'missing-field', file: 'organizations/club.yaml', path: 'procedure.stages[0].legal', message: /missing: expected string/ },
  { name: 'unknown-state', file: 'organizations/club.yaml', path: 'members[1].state', message: /unknown state "ZZ"/ },
  { name: 'unknown-driver-in-when', file: 'cases/XK-club.yaml', path: 'stances[0].when[0].if.dael', message: /unknown driver "dael": expected one of deal, pressure/ },
  { name: 'unknown-source-id', file: 'cases/XK-club.yaml', path: 'stances[0].sources[0]', message: /unknown source "no-such-document"/ },
  { name: 'driver-cycle', file: 'cases/XK-club.yaml', path: 'drivers', message: /drivers form a cycle: deal → pressure → deal/ },
  { name: 'impossible-share', file: 'organizations/club.yaml', path: 'procedure.stages[0].rule.p', message: /impossible share 3\/2/ },
  { name: 'impossible-count', file: 'organizations/club.yaml', path: 'procedure.stages[0].rule.n', message: /impossible quota: 3 votes in favour, but the body has 2 members/ },
  { name: 'duplicate-stage-id', file: 'organizations/club.yaml', path: 'procedure.stages[1].id', message: /duplicate stage id vote/ },
  { name: 'duplicate-source-id', file: 'sources/docs.yaml', path: '[1].id', message: /duplicate source id doc/ },
  { name: 'member-without-joined', file: 'organizations/club.yaml', path: 'members[1].joined', message: /missing: a join date .* or `joined: unknown` with a `reason`/ },
  { name: 'joined-unknown-without-reason', file: 'organizations/club.yaml', path: 'members[1].reason', message: /`joined: unknown` needs a `reason`/ },
  { name: 'stance-unknown-stage', file: 'cases/XK-club.yaml', path: 'stances[0].stages[0]', message: /unknown stage "ratification": expected one of vote/ },
  { name: 'stance-empty-period', file: 'cases/XK-club.yaml', path: 'stances[0].until', message: /until 2024-04-01 is before since 2024-05-01: the period is empty/ },
  { name: 'recognition-before-statehood', file: 'recognitions/XK.yaml', path: 'recognitions[0].date', message: /recognized on 2007-12-31, before XK was a state \(2008-02-17\)/ },
];

describe('accede validate --json', () => {
  it('prints the counts when the folder is valid, the problems (file, path, message) and exit 2 when not', async () => {
    const ok = await cli('validate', '--data', MINIMAL, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, counts: { states: 3, organizations: 1, cases: 1, sources: 1, backtests: 1 } });
    const bad = await cli('validate', '--data', broken('unknown-state'), '--json');
    expect(bad.code).toBe(2);
    const j = JSON.parse(bad.out);
    expect(j.ok).toBe(false);
    expect(j.problems[0]).toMatchObject({ file: 'organizations/club.yaml', path: ['members', 1, 'state'] });
    expect(j.problems[0].message).toMatch(/unknown state "ZZ"/);
  });
});

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('accede validate --data <broken folder>', () => {
  it('accepts the minimal fixture every broken folder is derived from', async () => {
    const r = await cli('validate', '--data', MINIMAL);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: 3 states, 1 organizations, 1 cases, 1 sources, 1 backtests/);
  });

  for (const c of CASES) {
    it(`refuses ${c.name}`, async () => {
      const r = await cli('validate', '--data', broken(c.name));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const first = r.err.split('\n')[0];
      expect(first).toBe(first.replace(/\s+$/, ''));
      expect(first.startsWith(`error: ${c.file} at ${c.path}: `)).toBe(true);
      expect(first).toMatch(c.message);
      expect(r.err).toMatch(/^1 problem found$/m);
      noStackTrace(r.err);
    });
  }

  it('refuses a folder that does not exist', async () => {
    const r = await cli('validate', '--data', join(here, 'no-such-folder'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a data folder/);
    noStackTrace(r.err);
  });
});

describe('accede evaluate: bad input', () => {
  it('refuses an unknown candidate', async () => {
    const r = await cli('evaluate', 'ZZ', 'nato');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: unknown candidate "ZZ": expected a state code such as XK\n');
    expect(r.out).toBe('');
  });

  it('refuses an unknown organization and lists the known ones', async () => {
    const r = await cli('evaluate', 'XK', 'warsaw-pact');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: unknown organization "warsaw-pact": expected one of .*\bnato\b/);
    noStackTrace(r.err);
  });

  it('refuses a malformed --as-of date', async () => {
    const r = await cli('evaluate', 'XK', 'nato', '--as-of', '2026-13-01');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/expected a day as YYYY-MM-DD that exists in the calendar, e\.g\. 2024-02-29, got "2026-13-01"/);
    expect(r.out).toBe('');
    noStackTrace(r.err);
  });

  it('refuses a date that is not a date at all', async () => {
    const r = await cli('evaluate', 'XK', 'nato', '--as-of', 'yesterday');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/expected a day as YYYY-MM-DD that exists in the calendar, e\.g\. 2024-02-29, got "yesterday"/);
  });

  it('reads a backtest --file as YAML whatever its name: an empty votes.csv is refused, not "0 of 0 agree"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accede-backtest-'));
    const csv = join(dir, 'votes.csv');
    writeFileSync(csv, '');
    const r = await cli('backtest', '--file', csv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/votes\.csv: expected array, got null/);
    noStackTrace(r.err);
  });

  it('refuses a day the calendar does not have, and one driver set both ways', async () => {
    const r = await cli('evaluate', 'XK', 'nato', '--as-of', '2023-02-29');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/that exists in the calendar, e\.g\. 2024-02-29, got "2023-02-29"/);
    const both = await cli('evaluate', 'XK', 'nato', '--set', 'apply-to-nato=true', '--set', 'apply-to-nato=false');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/driver "apply-to-nato" is set both true and false/);
    // --csv and --json are two formats: asking for both is refused, not answered in one of them.
    const two = await cli('evaluate', 'XK', 'nato', '--csv', '--json');
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/'--csv' cannot be used with option '--json'/);
    expect(two.out).toBe('');
    // Set twice the same way is only said twice.
    expect((await cli('evaluate', 'XK', 'nato', '--set', 'apply-to-nato=true', '--set', 'apply-to-nato=true', '--json')).code).toBe(0);
  });

  it('refuses an unknown driver in --set', async () => {
    const r = await cli('evaluate', 'XK', 'nato', '--set', 'no-such-driver=true');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown driver "no-such-driver" for XK × nato: expected one of .*csm-established/);
  });
});

describe('the bin (a real subprocess)', () => {
  const bin = join(ROOT, 'bin', 'accede.js');

  it('validates the bundled dataset with exit 0', () => {
    const out = execFileSync(process.execPath, [bin, 'validate'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/^ok: \d+ states, \d+ organizations, \d+ cases/);
  });

  it('exits 2 with a message naming file and path on a broken folder', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', '--data', broken('unknown-state')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: organizations\/club\.yaml at members\[1\]\.state: unknown state "ZZ"/);
    noStackTrace(r.stderr);
  });

  it('exits 2 on a bad --as-of', () => {
    const r = spawnSync(process.execPath, [bin, 'evaluate', 'XK', 'nato', '--as-of', '2026-02-30'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/2026-02-30/);
    noStackTrace(r.stderr);
  });
});
