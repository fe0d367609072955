// Decision rules evaluated on a vote: pure, exact, and explained in numbers a reader can check.
import type { Position, RuleInput } from '../model/schema.ts';
import { formatFraction, meets, minimumCount, parseFraction } from './fraction.ts';

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  absent: number;
}

/** One voter's position; `seats` > 1 for delegations in assemblies that vote by seat. */
export interface Ballot {
  voter: string;
  position: Position;
  seats: number;
}

/**
 * A vote as the rules see it: a tally always, the ballots by name when known
 * (named votes are needed for vetoes, weights and blockers).
 */
export interface Vote {
  tally: Tally;
  ballots?: Ballot[];
}

export interface RuleResult {
  outcome: 'pass' | 'fail';
  /** What was required, in words and numbers: "95 of 142 votes cast". */
  required: string;
  /** Positive or zero when passing: how many votes to spare; negative: how many are missing. */
  margin: number;
  /** Voters whose position makes the rule fail (empty when it passes or when names are unknown). */
  blockers: string[];
  parts?: RuleResult[];
}

export class RuleError extends Error {}

export function tallyOf(ballots: Ballot[]): Tally {
  const t: Tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
  for (const b of ballots) t[b.position] += b.seats;
  return t;
}

const entitledOf = (t: Tally): number => t.yes + t.no + t.abstain + t.absent;
const namesWhere = (vote: Vote, pred: (p: Position) => boolean): string[] =>
  (vote.ballots ?? []).filter((b) => pred(b.position)).map((b) => b.voter);

export function evaluateRule(rule: RuleInput, vote: Vote): RuleResult {
  const t = vote.tally;
  const entitled = entitledOf(t);
  const result = (ok: boolean, required: string, margin: number, blockers: () => string[]): RuleResult => ({
    outcome: ok ? 'pass' : 'fail',
    required,
    margin,
    blockers: ok ? [] : blockers(),
  });

  switch (rule.type) {
    case 'unanimity':
    case 'each': {
      const missing = entitled - t.yes;
      const what = rule.type === 'each' ? `ratification by all ${entitled} members` : `all ${entitled} members in favour`;
      return result(missing === 0, what, -missing, () => namesWhere(vote, (p) => p !== 'yes'));
    }
    case 'consensus':
      return result(t.no === 0, `no objection among ${entitled} members`, -t.no, () => namesWhere(vote, (p) => p === 'no'));
    case 'share': {
      const f = parseFraction(rule.p);
      const base = rule.of === 'cast' ? t.yes + t.no : rule.of === 'present' ? t.yes + t.no + t.abstain : entitled;
      const baseName = rule.of === 'cast' ? 'votes cast' : rule.of === 'present' ? 'members present' : 'members entitled';
      const need = minimumCount(f, base, rule.strict);
      // With nobody voting there is no majority to speak of.
      const ok = base > 0 && t.yes >= need;
      const share = formatFraction(f, rule.strict);
      return result(ok, `${share} of ${baseName}: ${need} of ${base}`, t.yes - need, () =>
        namesWhere(vote, (p) => p === 'no' || (rule.of !== 'cast' && p === 'abstain') || (rule.of === 'entitled' && p === 'absent')),
      );
    }
    case 'count': {
      return result(t.yes >= rule.n, `${rule.n} votes in favour`, t.yes - rule.n, () => namesWhere(vote, (p) => p !== 'yes'));
    }
    case 'noVeto': {
      const players = new Set(rule.players);
      let vetoes: string[];
      if (vote.ballots) vetoes = vote.ballots.filter((b) => players.has(b.voter) && b.position === 'no').map((b) => b.voter);
      else if (t.no === 0) vetoes = [];
      else throw new RuleError(`a veto rule needs named votes: ${t.no} votes against, but not whose`);
      return result(vetoes.length === 0, `no veto from ${rule.players.join(', ')}`, -vetoes.length, () => vetoes);
    }
    case 'weighted': {
      if (!vote.ballots) throw new RuleError('a weighted rule needs named votes');
      const f = parseFraction(rule.p);
      const weight = (code: string): number => rule.weights[code] ?? 0;
      const total = vote.ballots.reduce((s, b) => s + weight(b.voter), 0);
      const yes = vote.ballots.filter((b) => b.position === 'yes').reduce((s, b) => s + weight(b.voter), 0);
      const need = (f.num * total) / f.den;
      return result(
        total > 0 && meets(f, yes, total, rule.strict),
        `${formatFraction(f, rule.strict)} of the weight: ${round(need)} of ${round(total)}`,
        round(yes - need),
        () => namesWhere(vote, (p) => p !== 'yes').filter((c) => weight(c) > 0),
      );
    }
    case 'all': {
      const parts = rule.rules.map((r) => evaluateRule(r, vote));
      const ok = parts.every((p) => p.outcome === 'pass');
      return {
        outcome: ok ? 'pass' : 'fail',
        required: parts.map((p) => p.required).join(' and '),
        margin: Math.min(...parts.map((p) => p.margin)),
        blockers: ok ? [] : unique(parts.flatMap((p) => p.blockers)),
        parts,
      };
    }
    case 'any': {
      const parts = rule.rules.map((r) => evaluateRule(r, vote));
      const ok = parts.some((p) => p.outcome === 'pass');
      return {
        outcome: ok ? 'pass' : 'fail',
        required: parts.map((p) => p.required).join(' or '),
        margin: Math.max(...parts.map((p) => p.margin)),
        // Failing an "any" needs every branch to fail: a blocker of every branch blocks it.
        blockers: ok ? [] : intersect(parts.map((p) => p.blockers)),
        parts,
      };
    }
  }
}

/** A short, readable description of a rule, e.g. "2/3 of votes cast". */
export function describeRule(rule: RuleInput): string {
  switch (rule.type) {
    case 'unanimity':
      return 'unanimity';
    case 'each':
      return 'ratification by every member';
    case 'consensus':
      return 'consensus (no objection)';
    case 'share': {
      const f = parseFraction(rule.p);
      const of = rule.of === 'cast' ? 'votes cast' : rule.of === 'present' ? 'members present' : 'all members entitled';
      return `${formatFraction(f, rule.strict)} of ${of}`;
    }
    case 'count':
      return `${rule.n} votes in favour`;
    case 'noVeto':
      return `no veto (${rule.players.join(', ')})`;
    case 'weighted':
      return `${formatFraction(parseFraction(rule.p), rule.strict)} of the weight`;
    case 'all':
      return rule.rules.map(describeRule).join(' and ');
    case 'any':
      return rule.rules.map(describeRule).join(' or ');
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
function intersect(lists: string[][]): string[] {
  if (lists.length === 0) return [];
  return lists[0].filter((x) => lists.every((l) => l.includes(x)));
}
