// Historical votes replayed through the organization's rule for that stage.
import { bodySeatsAsOf, caseNotApplicable } from '../model/asof.ts';
import type { Indexed } from '../model/dataset.ts';
import type { BacktestData } from '../model/schema.ts';
import { type Ballot, evaluateRule, RuleError, type Tally, tallyOf } from '../rules/evaluate.ts';

export interface BacktestResult {
  id: string;
  computed: 'pass' | 'fail' | 'undetermined';
  recorded: 'pass' | 'fail';
  agrees: boolean;
  required: string;
  margin: number | null;
  tally: Tally;
  error?: string;
}

export function runBacktest(ix: Indexed, b: BacktestData): BacktestResult {
  const org = ix.organization(b.organization);
  const stage = org?.procedure.stages.find((s) => s.id === b.stage);
  const body = stage && org?.bodies.find((x) => x.id === stage.body);
  if (!org || !stage || !body) throw new Error(`backtest ${b.id}: unknown organization or stage ${b.organization}/${b.stage}`);
  // A day the dataset cannot answer for (the organization not yet founded, the candidate not yet a state,
  // the body's seats not recorded that year) is said so: replaying it would seat an empty or partial body
  // under today's rule (NATO in 1930 "passed" with 0 of 0; the Security Council of 1955 "failed").
  const why = caseNotApplicable(org, ix.state(b.candidate), b.date);
  const seats = bodySeatsAsOf(org, body, b.date);
  // A candidate admitted that day is listed as a member from that day, but it did not vote on itself.
  seats?.delete(b.candidate);
  const size = b.bodySize ?? (seats ? [...seats.values()].reduce((s, x) => s + x, 0) : undefined);

  let ballots: Ballot[] | undefined;
  let tally: Tally;
  if (b.votes) {
    const named = new Map(Object.entries(b.votes));
    const members = seats ? [...seats.keys()] : [...named.keys()];
    ballots = members.map((m) => ({ voter: m, position: named.get(m) ?? 'absent', seats: seats?.get(m) ?? 1 }));
    // A named voter outside the body as we know it still voted: keep the vote.
    for (const [m, position] of named) if (!seats?.has(m)) ballots.push({ voter: m, position, seats: 1 });
    tally = tallyOf(ballots);
  } else if (b.acclamation) {
    // Adopted without a vote: every member consented, nobody objected.
    ballots = seats ? [...seats].map(([voter, n]) => ({ voter, position: 'yes' as const, seats: n })) : undefined;
    tally = ballots ? tallyOf(ballots) : { yes: size ?? 1, no: 0, abstain: 0, absent: 0 };
  } else {
    const t = b.tally!;
    const voted = t.yes + t.no + t.abstain;
    tally = { yes: t.yes, no: t.no, abstain: t.abstain, absent: t.absent ?? Math.max(0, (size ?? voted) - voted) };
  }
  if (why) return { id: b.id, computed: 'undetermined', recorded: b.outcome, agrees: false, required: '', margin: null, tally, error: `not computable: ${why}` };
  // A tally larger than the body on the day is a mistake in the file, not a vote to replay.
  const cast = tally.yes + tally.no + tally.abstain;
  if (b.tally && size !== undefined && cast > size) {
    return { id: b.id, computed: 'undetermined', recorded: b.outcome, agrees: false, required: '', margin: null, tally, error: `the tally counts ${cast} votes, but ${body.name} had ${size} seats on ${b.date}` };
  }
  try {
    const r = evaluateRule(stage.rule, { tally, ballots });
    return { id: b.id, computed: r.outcome, recorded: b.outcome, agrees: r.outcome === b.outcome, required: r.required, margin: r.margin, tally };
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return { id: b.id, computed: 'undetermined', recorded: b.outcome, agrees: false, required: '', margin: null, tally, error: e.message };
  }
}
