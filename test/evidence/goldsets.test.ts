// The held-out and dev evidence sets in data/ parse as gold sets, their offsets index their
// texts, and they hold what their READMEs say. No extractor output is scored here: the held-out
// set must not become a tuning target through a test.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readGoldSet } from '../../src/evidence/goldset.ts';
import { checkGoldDir, checkGoldFile } from './goldcheck.ts';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
// the tuning set lives outside the repository; compared with when present
const TUNING = fileURLToPath(new URL('../../../shared/data/evidence-gold', import.meta.url));
// the held-out set is the second one (2026-12-05); the first, measured ten times, is documents 67–98 of the dev set
const SETS = [
  { name: 'evidence-heldout', documents: 41, direct: 106, indirect: 116 },
  { name: 'evidence-dev', documents: 98, direct: 385, indirect: 312 },
] as const;

describe.each(SETS)('data/$name', ({ name, documents, direct, indirect }) => {
  const dir = path.join(DATA, name);

  it('parses as a gold set with the counts its README states', () => {
    const docs = readGoldSet(dir);
    expect(docs).toHaveLength(documents);
    const all = docs.flatMap((d) => d.gold.quotes);
    expect(all.filter((q) => q.kind === 'direct')).toHaveLength(direct);
    expect(all.filter((q) => q.kind === 'indirect')).toHaveLength(indirect);
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`| documents | ${documents} |`);
    expect(readme).toContain(`| direct quotations (\`kind: "direct"\`) | ${direct} |`);
  });

  it('has offsets that index its texts and accounts for every quotation mark', () => {
    expect(checkGoldDir(dir)).toEqual([]);
  });

  it('shares no article with the other sets', () => {
    const urls = (d: string) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => (JSON.parse(readFileSync(path.join(d, f), 'utf8')) as { url: string }).url);
    const mine = new Set(urls(dir));
    const others = [...SETS.filter((s) => s.name !== name).map((s) => path.join(DATA, s.name)), ...(existsSync(TUNING) ? [TUNING] : [])];
    for (const other of others) for (const u of urls(other)) expect(mine.has(u), `${u} is also in ${other}`).toBe(false);
  });
});

describe('the gold-file check', () => {
  const text = 'He said "we will go" and left, a "scare" word.\n';
  const doc = () => ({
    id: 'x', title: 't', url: 'u', licence: 'CC BY 2.5', licenceSource: 's', attribution: 'a',
    quotes: [{ kind: 'direct', start: 9, end: 19, text: 'we will go', speaker: 'He', speakerMention: { start: 0, end: 2, text: 'He' }, cue: { start: 3, end: 7, text: 'said' } }],
    nonQuotes: [{ start: 34, end: 39, text: 'scare', reason: 'scare quotes' }],
  });

  it('passes a sound document', () => {
    expect(checkGoldFile(doc(), text)).toEqual([]);
  });

  it('reports a shifted offset, an unaccounted quotation mark and a cue inside the content', () => {
    const shifted = doc();
    shifted.quotes[0].start = 10;
    expect(checkGoldFile(shifted, text).join('\n')).toMatch(/text\.slice\(10, 19\)/);
    const missing = doc();
    missing.nonQuotes = [];
    expect(checkGoldFile(missing, text).join('\n')).toMatch(/quotation mark at 33/);
    const inside = doc();
    inside.quotes[0].cue = { start: 12, end: 16, text: 'will' };
    expect(checkGoldFile(inside, text).join('\n')).toMatch(/cue inside the content/);
  });
});
