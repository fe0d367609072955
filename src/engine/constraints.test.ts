// The compiled constraints must decide every concrete ballot exactly as evaluateRule does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position, RuleInput } from '../model/schema.ts';
import { type Ballot, evaluateRule } from '../rules/evaluate.ts';
import { compileRule, decimals, type Item, passesBallot } from './constraints.ts';

const POS: Position[] = ['yes', 'no', 'abstain', 'absent'];
const STATES = ['AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG'];

const base: fc.Arbitrary<RuleInput> = fc.oneof(
  fc.constantFrom<RuleInput>({ type: 'unanimity' }, { type: 'consensus' }, { type: 'each' }),
  fc.record({
    type: fc.constant('share' as const),
    p: fc.constantFrom<string | number>('1/2', '2/3', '3/5', '1/3', '3/4', 0.5, 0.65, 1, '1/1'),
    of: fc.constantFrom('cast' as const, 'present' as const, 'entitled' as const),
    strict: fc.boolean(),
  }),
  fc.record({ type: fc.constant('count' as const), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ type: fc.constant('noVeto' as const), players: fc.uniqueArray(fc.constantFrom(...STATES), { minLength: 1, maxLength: 4 }) }),
  fc.record({
    type: fc.constant('weighted' as const),
    weights: fc.dictionary(fc.constantFrom(...STATES), fc.integer({ min: 0, max: 9 })),
    p: fc.constantFrom<string | number>('1/2', '2/3', 0.65, 0.55),
    strict: fc.boolean(),
  }),
);
const rule: fc.Arbitrary<RuleInput> = fc.letrec<{ r: RuleInput }>((tie) => ({
  r: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    base,
    fc.record({ type: fc.constant('all' as const), rules: fc.array(tie('r'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ type: fc.constant('any' as const), rules: fc.array(tie('r'), { minLength: 1, maxLength: 3 }) }),
  ),
})).r;

const ballot = fc
  .uniqueArray(fc.constantFrom(...STATES), { minLength: 0, maxLength: 6 })
  .chain((voters) =>
    fc.tuple(
      fc.constant(voters),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: voters.length, maxLength: voters.length }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: voters.length, maxLength: voters.length }),
    ),
  );

describe('compiled rules', () => {
  it('agree with evaluateRule on random ballots (delegations as blocs)', () => {
    fc.assert(
      fc.property(rule, ballot, (r, [voters, seats, positions]) => {
        const items: Item[] = voters.map((state, i) => ({ state, seats: seats[i], delegation: seats[i] }));
        const ballots = voters.map((voter, i) => ({ voter, position: POS[positions[i]], seats: seats[i] }));
        const tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
        for (const b of ballots) tally[b.position] += b.seats;
        const expected = evaluateRule(r, { tally, ballots }).outcome === 'pass';
        expect(passesBallot(compileRule(r, items), positions)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('agree with evaluateRule when each seat is its own ballot', () => {
    const noWeights = rule.filter((r) => !JSON.stringify(r).includes('weighted'));
    fc.assert(
      fc.property(noWeights, ballot, (r, [voters, seats, positions]) => {
        const items: Item[] = [];
        const ballots: Ballot[] = [];
        const pos: number[] = [];
        voters.forEach((state, i) => {
          for (let k = 0; k < seats[i]; k++) {
            const p = (positions[i] + k * (i + 1)) % 4;
            items.push({ state, seats: 1, delegation: seats[i] });
            ballots.push({ voter: state, position: POS[p], seats: 1 });
            pos.push(p);
          }
        });
        const tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
        for (const b of ballots) tally[b.position] += b.seats;
        const expected = evaluateRule(r, { tally, ballots }).outcome === 'pass';
        expect(passesBallot(compileRule(r, items), pos)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('keep yes at least as good as any other position (monotone)', () => {
    fc.assert(
      fc.property(rule, ballot, (r, [voters, seats]) => {
        const c = compileRule(r, voters.map((state, i) => ({ state, seats: seats[i], delegation: seats[i] })));
        for (const con of c.constraints) for (const k of con.coefs) expect(k[0]).toBe(Math.max(...k));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts decimals as written', () => {
    expect(decimals(0.65)).toBe(2);
    expect(decimals(18.6)).toBe(1);
    expect(decimals(1e-7)).toBe(7);
    expect(decimals(3)).toBe(0);
  });
});
