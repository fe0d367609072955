// The permalink codec: defaults omitted, every value checked, old versions migrated, never a throw.
import { describe, expect, it } from 'vitest';
import { formatPermalink, type PageState, parsePermalink, PERMALINK_VERSION } from '../../src/case/permalink.ts';
import { csvField } from '../../src/case/exports.ts';
import { fixtureDataset } from './helpers.ts';

const nato = fixtureDataset().cases.find((c) => c.organization === 'nato')!;
const stages = ['invitation', 'ratification'];

describe('formatPermalink', () => {
  it('writes nothing for the default state', () => {
    expect(formatPermalink({ fixed: {}, view: 'europe' })).toBe('');
    expect(formatPermalink({ fixed: {}, view: 'europe', stage: 'invitation' }, { stage: 'invitation' })).toBe('');
  });
  it('writes the version and only what differs, in a fixed order', () => {
    expect(formatPermalink({ asOf: '2024-05-01', fixed: { b: false, a: true, c: true }, view: 'world', stage: 'ratification' }, { stage: 'invitation' })).toBe(
      `?v=${PERMALINK_VERSION}&as=2024-05-01&on=a~c&off=b&stage=ratification&view=world`,
    );
  });
});

describe('parsePermalink', () => {
  it('round-trips every state it writes', () => {
    const states: PageState[] = [
      { fixed: {}, view: 'europe' },
      { asOf: '2010-01-01', fixed: { 'csm-established': true }, view: 'europe' },
      { fixed: { 'spain-recognizes-kosovo': false, 'csm-established': true }, view: 'world', stage: 'ratification' },
    ];
    for (const s of states) {
      const r = parsePermalink(formatPermalink(s), nato, stages);
      expect(r).toEqual({ ok: true, state: s });
    }
  });

  it('keeps what it can read and lists every problem', () => {
    const r = parsePermalink('?v=1&as=2024-02-30&on=csm-established~nope&view=moon&stage=zzz', nato, stages);
    expect(r.ok).toBe(false);
    expect(r.state).toEqual({ fixed: { 'csm-established': true }, view: 'europe' });
    if (!r.ok) expect(r.problems.map((p) => p.path[0]).sort()).toEqual(['as', 'on', 'stage', 'view']);
  });

  it('reads v0 links, which used the CLI spelling', () => {
    const r = parsePermalink('?asOf=2020-01-01&set=csm-established=true&set=spain-recognizes-kosovo=false', nato, stages);
    expect(r).toEqual({ ok: true, state: { asOf: '2020-01-01', fixed: { 'csm-established': true, 'spain-recognizes-kosovo': false }, view: 'europe' } });
  });

  it('refuses versions from the future, repeated keys and contradictions', () => {
    for (const q of ['?v=2', '?v=abc', '?as=2024-01-01&as=2024-01-02', '?on=csm-established&off=csm-established']) {
      expect(parsePermalink(q, nato, stages).ok, q).toBe(false);
    }
  });

  it('never throws, whatever the input', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const r = parsePermalink(q, nato, stages);
        expect(r.state.view === 'europe' || r.state.view === 'world').toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('csvField', () => {
  it('quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });
});
