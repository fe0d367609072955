import { describe, expect, it } from 'vitest';
import { loadGazetteer } from './dataset.ts';
import { extract } from './extract.ts';
import { buildGazetteer } from './gazetteer.ts';

// a small model of our own, so these tests do not depend on data/
const small = buildGazetteer({
  states: [
    { code: 'XK', name: 'Kosovo', aliases: ['Pristina'] },
    { code: 'RS', name: 'Serbia' },
    { code: 'US', name: 'United States', aliases: ['US', 'the United States'] },
    { code: 'ES', name: 'Spain' },
  ],
  organizations: [
    { id: 'nato', name: 'North Atlantic Treaty Organization', shortName: 'NATO' },
    { id: 'coe', name: 'Council of Europe', shortName: 'CoE' },
  ],
});
const codes = (text: string, g = small) => extract(text, g).mentions.map((m) => `${m.code}:${m.text}`);

describe('the gazetteer', () => {
  it('resolves names, aliases, capitals, demonyms and our own aliases to model codes', () => {
    expect(codes('Pristina and Belgrade met in the Council of Europe. The Alliance said the Spanish envoy agreed.')).toEqual([
      'XK:Pristina', 'RS:Belgrade', 'coe:the Council of Europe', 'nato:The Alliance', 'ES:Spanish',
    ]);
    expect(codes("KFOR troops stayed; the US and Serbs watched NATO's moves.")).toEqual([
      'kfor:KFOR', 'US:the US', 'RS:Serbs', 'nato:NATO',
    ]);
  });

  it('prefers the longest name and leaves names inside other names alone', () => {
    expect(codes('the United States said')).toEqual(['US:the United States']);
    expect(codes('Kosovo Online reported it. Latin America and George Washington were mentioned.')).toEqual([]);
    expect(codes('The Washington Post wrote about Madrid.')).toEqual(['ES:Madrid']);
  });

  it('is case-sensitive where it matters: "us" is not the US', () => {
    expect(codes('Let us go.')).toEqual([]);
  });

  it('ignores our table entries whose code the model lacks', () => {
    expect(codes('Athens and Greek officials')).toEqual([]);
  });

  it('works on the bundled dataset', () => {
    const g = loadGazetteer();
    expect(codes('Pristina asked the Alliance; Madrid and Belgrade disagreed; the Council of Europe and the EU waited.', g)).toEqual([
      'XK:Pristina', 'nato:the Alliance', 'ES:Madrid', 'RS:Belgrade', 'coe:the Council of Europe', 'eu:the EU',
    ]);
  });

  it('validates its input at the boundary', () => {
    expect(() => buildGazetteer({ states: [{ code: 'XK' }], organizations: [] } as never)).toThrow();
  });
});
