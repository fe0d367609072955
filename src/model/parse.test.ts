// The loader never throws anything but a DataError, and each of its issues names file and path.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataError, type DataIssue } from './issues.ts';
import { readDataFiles } from './load.ts';
import { type DataFile, MAX_ALIASES, parseDataset } from './parse.ts';

const MINIMAL = fileURLToPath(new URL('../../test/data/fixtures/minimal', import.meta.url));
const base = readDataFiles(MINIMAL);

/** The minimal fixture with one file's text changed. */
function withFile(path: string, edit: (text: string) => string): DataFile[] {
  return base.map((f) => (f.path === path ? { ...f, text: edit(f.text) } : f));
}

function issuesOf(files: DataFile[]): DataIssue[] {
  try {
    parseDataset(files);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as DataError).issues;
  }
}

const CASE = 'cases/XK-club.yaml';
const ORG = 'organizations/club.yaml';

describe('parseDataset', () => {
  it('accepts the minimal fixture', () => {
    expect(issuesOf(base)).toEqual([]);
  });

  it.each([
    ['2024-02-30'],
    ['2023-02-29'],
    ['2024-13-45'],
    ['0000-00-00'],
    ['2024-99-99'],
  ])('refuses the impossible day %s, naming file and path', (day) => {
    const issues = issuesOf(withFile(CASE, (t) => t.replace('since: 2020-01-01', `since: ${day}`)));
    expect(issues).toEqual([expect.objectContaining({ file: CASE, path: ['status', 'since'], code: 'custom' })]);
    expect(issues[0].message).toMatch(/exists in the calendar/);
  });

  it('accepts a leap day', () => {
    expect(issuesOf(withFile(CASE, (t) => t.replace('since: 2020-01-01', 'since: 2024-02-29')))).toEqual([]);
  });

  it('refuses two stances for one state over overlapping periods and stages', () => {
    const twice = (t: string) => t.replace('stances:\n', 'stances:\n  - { state: RS, since: 2019, p: { no: 1 }, sources: [doc] }\n');
    const issues = issuesOf(withFile(CASE, twice));
    expect(issues).toEqual([expect.objectContaining({ file: CASE, path: ['stances', 1, 'state'], code: 'duplicate' })]);
    expect(issues[0].message).toMatch(/a second stance for RS .* stances\[0\]/);
  });

  it('accepts successive stances, and a stage-specific one beside a general one', () => {
    const successive = (t: string) =>
      t
        .replace('  - state: RS\n', '  - state: RS\n    since: 2015\n')
        .replace('stances:\n', 'stances:\n  - { state: RS, until: 2015, p: { no: 1 }, sources: [doc] }\n  - { state: RS, stages: [vote], since: 2015, p: { no: 1 }, sources: [doc] }\n');
    expect(issuesOf(withFile(CASE, successive))).toEqual([]);
  });

  it('refuses a duplicated member row', () => {
    const twice = (t: string) => t.replace('members:\n', 'members:\n  - { state: RS, joined: 2005, sources: [https://example.org/club] }\n');
    const issues = issuesOf(withFile(ORG, twice));
    expect(issues).toEqual([expect.objectContaining({ file: ORG, path: ['members', 2, 'state'], code: 'duplicate' })]);
  });

  it('accepts a member that left and joined again', () => {
    const rejoined = (t: string) =>
      t.replace(
        '  - { state: RS, joined: 2000-01-01, sources: [https://example.org/club] }',
        '  - { state: RS, joined: 2000-01-01, left: 2005-01-01, sources: [https://example.org/club] }\n  - { state: RS, joined: 2005-01-01, sources: [https://example.org/club] }',
      );
    expect(issuesOf(withFile(ORG, rejoined))).toEqual([]);
  });

  it(`reports more than ${MAX_ALIASES} alias references as a data error naming the file`, () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const issues = issuesOf(withFile(CASE, () => bomb));
    expect(issues).toEqual([expect.objectContaining({ file: CASE, code: 'invalid_yaml' })]);
    expect(issues[0].message).toMatch(/too many alias references/);
  });

  it('reports a self-referencing alias and deep nesting as data errors naming the file', () => {
    for (const text of ['candidate: &a [*a]\n', `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`]) {
      const issues = issuesOf(withFile(CASE, () => text));
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) expect(i.file).toBe(CASE);
    }
  });

  it('refuses huge numbers and wrong types as issues', () => {
    const issues = issuesOf(withFile(ORG, (t) => t.replace('rule: { type: unanimity }', 'rule: { type: count, n: 1e400 }')));
    expect(issues).toEqual([expect.objectContaining({ file: ORG, path: ['procedure', 'stages', 0, 'rule', 'n'] })]);
    const typed = issuesOf(withFile(ORG, (t) => t.replace('shortName: Club', 'shortName: [1, 2]')));
    expect(typed).toEqual([expect.objectContaining({ file: ORG, path: ['shortName'], code: 'invalid_type' })]);
  });

  it('refuses a dated stance that rests on a source published after its since, and accepts it as confirmedBy', () => {
    const dated = (files: DataFile[]) =>
      files.map((f) =>
        f.path === 'sources/docs.yaml' ? { ...f, text: f.text.replace('  title: A document', '  title: A document\n  date: 2021-03-01') } : f,
      );
    const since = (day: string) => dated(withFile(CASE, (t) => t.replace('  - state: RS\n', `  - state: RS\n    since: ${day}\n`)));
    expect(issuesOf(since('2020'))).toEqual([expect.objectContaining({ file: CASE, code: 'hindsight', path: ['stances', 0, 'sources', 0] })]);
    expect(issuesOf(since('2021-03'))).toEqual([]);
    // The same report as a later confirmation, beside a basis that carries no date: accepted.
    const later = (files: DataFile[]) =>
      files.map((f) => (f.path === CASE ? { ...f, text: f.text.replace(/(  - state: RS\n(?:    .*\n)*?)    sources: \[doc\]/, '$1    sources: [https://example.org/basis]\n    confirmedBy: [doc]') } : f));
    const withLater = later(since('2020'));
    expect(withLater.find((f) => f.path === CASE)!.text).toContain('confirmedBy: [doc]');
    expect(issuesOf(withLater)).toEqual([]);
  });
});
