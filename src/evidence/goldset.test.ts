// The evaluation of issue 5 as a test: the gold set is read from ../shared at test time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './dataset.ts';
import { extract } from './extract.ts';
import { readGoldSet, rightlyAttributed, score } from './goldset.ts';
import type { Quote } from './types.ts';

const GOLD = fileURLToPath(new URL('../../../shared/data/evidence-gold', import.meta.url));

describe('the evidence gold set', () => {
  const docs = readGoldSet(GOLD);
  const gazetteer = loadGazetteer();
  const predictions = docs.map((d) => extract(d.text, gazetteer).quotes);
  const { direct, indirect } = score(docs, predictions);

  it('has the 29 documents the README describes', () => {
    expect(docs).toHaveLength(29);
    expect(direct.gold).toBe(162);
    expect(indirect.gold).toBe(92);
  });

  it('meets the targets on direct quotes: precision ≥ 0.90, recall ≥ 0.75', () => {
    expect(direct.detection.precision).toBeGreaterThanOrEqual(0.9);
    expect(direct.detection.recall).toBeGreaterThanOrEqual(0.75);
  });

  // floors a little under today's numbers, so a regression shows
  it('attributes quotes to speakers', () => {
    expect(direct.attribution.precision).toBeGreaterThanOrEqual(0.93);
    expect(direct.attribution.recall).toBeGreaterThanOrEqual(0.9);
    expect(indirect.detection.precision).toBeGreaterThanOrEqual(0.88);
    expect(indirect.detection.recall).toBeGreaterThanOrEqual(0.82);
    expect(indirect.attribution.precision).toBeGreaterThanOrEqual(0.88);
    expect(indirect.attribution.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('offsets of every prediction index the gold text', () => {
    docs.forEach((d, i) => {
      for (const q of predictions[i]) {
        expect(d.text.slice(q.start, q.end)).toBe(q.text);
        if (q.speaker?.mention) expect(d.text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(q.speaker.mention.text);
      }
    });
  });

  it('scores by overlap of content and of speaker mention, or by equal names', () => {
    const g = { kind: 'direct' as const, start: 10, end: 20, text: 'x', speaker: 'Recep Tayyip Erdoğan', speakerMention: { start: 0, end: 7, text: 'Erdogan' }, cue: null };
    const p = (start: number, end: number, name: string | null, mention: [number, number] | null): Quote => ({
      id: 'q1', kind: 'direct', text: 'x', start, end, cue: null, confidence: 1, rule: 't',
      speaker: { name, role: null, affiliation: null, kind: 'person', mention: mention ? { start: mention[0], end: mention[1], text: '' } : null },
    });
    expect(rightlyAttributed(p(15, 25, 'Someone', [3, 5]), g)).toBe(true);
    expect(rightlyAttributed(p(15, 25, 'Recep Tayyip Erdogan', [30, 35]), g)).toBe(true);
    expect(rightlyAttributed(p(15, 25, 'Someone', [30, 35]), g)).toBe(false);
    expect(rightlyAttributed(p(20, 25, 'Recep Tayyip Erdoğan', null), g)).toBe(false);
  });
});
