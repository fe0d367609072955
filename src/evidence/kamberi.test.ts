// The required result on the Kosovo Online interview with Belgzim Kamberi (issue 5), read from
// ../shared at test time through the real importer and the bundled dataset's gazetteer.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from './dataset.ts';
import { extract } from './extract.ts';
import { importFile } from './importer.ts';
import type { Extraction, ImportedDocument } from './types.ts';

const FILE = fileURLToPath(new URL('../../../shared/data/sources/kosovo-online-kamberi-nato.txt', import.meta.url));
const KAMBERI = { name: 'Belgzim Kamberi', affiliation: 'Musine Kokalari Institute for Social Policy' };

let doc: ImportedDocument;
let r: Extraction;
beforeAll(async () => {
  doc = await importFile(FILE);
  r = extract(doc.text, loadGazetteer());
});

describe('the Kamberi interview', () => {
  it('reads the metadata header; offsets index the text after it', () => {
    expect(doc.meta).toMatchObject({
      outlet: 'Kosovo Online',
      date: '2024-06-24',
      dateNote: 'inferred from the URL; unverified',
      language: 'en',
      title: 'Kamberi: Kosovo de facto already in NATO; de jure membership depends on the security context',
    });
    expect(doc.meta.url).toMatch(/^https:\/\/www\.kosovo-online\.com\//);
    expect(doc.text.startsWith('Kamberi: Kosovo de facto')).toBe(true);
    for (const q of r.quotes) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  });

  it('attributes the four direct quotes to Belgzim Kamberi of the institute', () => {
    const direct = r.quotes.filter((q) => q.kind === 'direct');
    const openings = ['As for NATO, it would have some priority', 'Would they have the same practice for NATO',
      'We have seen in the case of Spain', 'In a certain context, Kosovo is de facto in NATO'];
    for (const opening of openings) {
      const q = direct.find((x) => x.text.startsWith(opening));
      expect(q, opening).toBeDefined();
      expect(q!.speaker).toMatchObject(KAMBERI);
    }
    // the fragment in "adding that this would be "just another step forward…"" is his too
    expect(direct.every((q) => q.speaker?.name === KAMBERI.name)).toBe(true);
    const mentions = direct.map((q) => q.speaker?.mention?.text);
    expect(mentions).toContain('our interlocutor');
    expect(mentions).toContain('he');
  });

  it('attributes the five reported statements to him, and not "some analysts believe…"', () => {
    const indirect = r.quotes.filter((q) => q.kind === 'indirect');
    const expected: Array<[string, string]> = [
      ["The decision on Kosovo's NATO membership depends primarily on the security context", 'told'],
      ['everything depends on the approach of Western countries', 'emphasizes'],
      ['in this sense, it might be easier for Kosovo to join NATO', 'adds'],
      ["their stance towards Kosovo's entry into the Alliance would also depend on NATO's security policy", 'assesses'],
      ['Kosovo is de facto already in NATO, given the presence of the KFOR mission there', 'states'],
    ];
    for (const [opening, cue] of expected) {
      const q = indirect.find((x) => x.text.startsWith(opening));
      expect(q, opening).toBeDefined();
      expect(q!.speaker).toMatchObject(KAMBERI);
      expect(q!.cue?.text).toBe(cue);
    }
    const analysts = r.quotes.filter((q) => q.text.includes('Pristina will redirect'));
    expect(analysts.every((q) => q.speaker?.name !== KAMBERI.name)).toBe(true);
  });

  it('resolves mentions to the model codes, through capitals and aliases', () => {
    const codes = new Set(r.mentions.map((m) => m.code));
    for (const code of ['XK', 'nato', 'coe', 'eu', 'US', 'ES', 'RS', 'UA', 'kfor']) expect(codes, code).toContain(code);
    const via = (text: string) => r.mentions.find((m) => m.text === text)?.code;
    expect(via('Pristina')).toBe('XK');
    expect(via('the Alliance')).toBe('nato');
    expect(via('KFOR')).toBe('kfor');
    // "Kosovo Online" names the outlet, not the state
    const outletLine = doc.text.indexOf('Source: Kosovo Online');
    expect(r.mentions.some((m) => m.start === outletLine + 'Source: '.length)).toBe(false);
  });

  it('finds at least five conditional claims, with their conditions and speaker', () => {
    expect(r.claims.length).toBeGreaterThanOrEqual(5);
    const conditions = r.claims.map((c) => c.condition.text);
    expect(conditions).toContain('the security context and the assessment of Western countries');
    expect(conditions).toContain("NATO's security policy and priorities in the Balkans");
    const primarily = r.claims.find((c) => c.trigger.text === 'depends primarily on')!;
    expect(primarily.text).toContain('depends primarily on the security context and the assessment of Western countries');
    expect(primarily.speaker?.name).toBe(KAMBERI.name);
    const would = r.claims.find((c) => c.condition.text.startsWith("NATO's security policy"))!;
    expect(would.trigger.text).toBe('depend on');
    expect(would.text).toContain('would also depend on');
    expect(would.speaker?.name).toBe(KAMBERI.name);
    expect(r.claims.some((c) => c.rule === 'if')).toBe(true);
  });
});
