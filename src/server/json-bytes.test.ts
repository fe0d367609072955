// jsonBytes must give exactly the bytes of JSON.stringify encoded as UTF-8, for any value it is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantJson, jsonBytes } from './json-bytes.ts';

const utf8 = (s: string) => Buffer.from(new TextEncoder().encode(s));

describe('jsonBytes', () => {
  it('is utf8(JSON.stringify(value)) for any JSON-like value, nested deeper than it walks', () => {
    const deep = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(fc.oneof(fc.array(deep, { maxLength: 5 }), fc.dictionary(fc.string({ unit: 'binary' }), deep, { maxKeys: 6 })), (v) => {
        expect(Buffer.from(jsonBytes(v)).equals(utf8(JSON.stringify(v)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON.stringify leaves out, and writes null where it does', () => {
    const odd = {
      a: undefined,
      f: () => 1,
      s: Symbol('x'),
      list: [undefined, () => 1, Symbol('y'), NaN, -0, Infinity],
      date: new Date(0),
      map: new Map([[1, 2]]),
      boxed: [new String('ab'), new Number(3), new Boolean(false)],
      withToJson: { toJSON: () => ({ x: 1 }) },
      nested: { deeper: { still: { more: { most: [1, { k: undefined }] } } } },
      '2': 'integer-like key first',
      text: 'quotes " and \\ and \u2028 and é and 😀 and \ud800 alone',
    };
    expect(Buffer.from(jsonBytes(odd)).equals(utf8(JSON.stringify(odd)))).toBe(true);
  });

  it('gives each answer bytes of its own (the scratch buffer is reused)', () => {
    const a = jsonBytes({ a: 'x'.repeat(300_000) });
    const b = jsonBytes({ b: 1 });
    expect(new TextDecoder().decode(a)).toBe(JSON.stringify({ a: 'x'.repeat(300_000) }));
    expect(new TextDecoder().decode(b)).toBe('{"b":1}');
  });

  it('writes an object declared constant from its bytes made once, the same bytes as without', () => {
    const evidence = [{ source: 'a', title: 'Née — “quoted”', passage: undefined }, 'https://example.org/x'];
    const counter = { members: 3, text: '3 of 3 allies' };
    const answer = (p: number) => ({ p, counter, list: [evidence, { deep: { deeper: { deepest: evidence } } }], again: evidence });
    const before = Buffer.from(jsonBytes(answer(0.5)));
    constantJson(evidence);
    constantJson(counter);
    for (const p of [0.5, 0.25]) expect(Buffer.from(jsonBytes(answer(p))).equals(utf8(JSON.stringify(answer(p))))).toBe(true);
    expect(Buffer.from(jsonBytes(answer(0.5))).equals(before)).toBe(true);
  });
});
