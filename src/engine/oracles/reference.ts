// Reference answers that share nothing with the exact engine but the setup: every driver assignment
// (from the model's own enumerateAssignments) times every combination of positions, each stage
// decided by evaluateRule on named ballots; and Monte Carlo on the same semantics. For tests and
// benchmarks only: brute force is exponential in the number of draws.
import { type Assignment, enumerateAssignments } from '../../model/drivers.ts';
import type { Position } from '../../model/schema.ts';
import { type Ballot, evaluateRule } from '../../rules/evaluate.ts';
import { type CaseSetup, distUnder, POSITIONS, type StageSetup } from '../setup.ts';
import { rng } from '../random.ts';

export { rng };

/** One independent draw: a stance unit's position at its non-seat stages, or one seat of a delegation. */
interface Draw {
  unit: number;
  /** Stage ids where this draw's position is used. */
  stages: string[];
  /** For seat draws: the body. */
  body?: string;
}

function drawsOf(setup: CaseSetup, stages: StageSetup[]): { draws: Draw[]; ballots: (positions: Position[]) => Map<string, Ballot[]> } {
  const ids = new Set(stages.map((s) => s.stage.id));
  const draws: Draw[] = [];
  // (stage, state) → draws voting there
  const at = new Map<string, number[]>();
  const push = (key: string, i: number) => at.set(key, [...(at.get(key) ?? []), i]);
  setup.units.forEach((u, ui) => {
    const mine = u.stages.filter((s) => ids.has(s));
    const plain = mine.filter((s) => setup.stages.find((x) => x.stage.id === s)!.body.seats === undefined);
    if (plain.length) {
      draws.push({ unit: ui, stages: plain });
      for (const s of plain) push(`${s}:${u.state}`, draws.length - 1);
    }
    const bySeatBody = new Map<string, string[]>();
    for (const s of mine) {
      const st = setup.stages.find((x) => x.stage.id === s)!;
      if (st.body.seats === undefined) continue;
      bySeatBody.set(st.body.id, [...(bySeatBody.get(st.body.id) ?? []), s]);
    }
    for (const [body, ss] of bySeatBody) {
      const st = setup.stages.find((x) => x.stage.id === ss[0])!;
      const n = st.seats!.get(u.state) ?? 1;
      for (let k = 0; k < n; k++) {
        draws.push({ unit: ui, stages: ss, body });
        for (const s of ss) push(`${s}:${u.state}`, draws.length - 1);
      }
    }
  });
  const ballots = (positions: Position[]) => {
    const out = new Map<string, Ballot[]>();
    for (const s of stages) {
      const list: Ballot[] = [];
      for (const [state, n] of s.seats!) {
        const ds = at.get(`${s.stage.id}:${state}`) ?? [];
        if (s.body.seats === undefined) list.push({ voter: state, position: positions[ds[0]], seats: n });
        else for (const d of ds) list.push({ voter: state, position: positions[d], seats: 1 });
      }
      out.set(s.stage.id, list);
    }
    return out;
  };
  return { draws, ballots };
}

/** How many independent draws brute force enumerates (4^draws ballots per driver assignment). */
export function drawCount(setup: CaseSetup): number {
  return drawsOf(setup, setup.stages.filter((s) => s.applies && s.seats)).draws.length;
}

const passes = (s: StageSetup, b: Ballot[]): boolean => {
  const tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
  for (const x of b) tally[x.position] += x.seats;
  return evaluateRule(s.stage.rule, { tally, ballots: b }).outcome === 'pass';
};

/** Exact P(admission) and P(each stage) by enumerating every assignment and every position. */
export function bruteForce(setup: CaseSetup, fixed: Assignment = {}): { admission: number; stages: Record<string, number> } {
  const modeled = setup.stages.filter((s) => s.applies && s.seats);
  const { draws, ballots } = drawsOf(setup, modeled);
  const stages: Record<string, number> = {};
  let admission = 0;
  for (const s of modeled) stages[s.stage.id] = 0;
  for (const { assignment, p } of enumerateAssignments(setup.case.drivers, fixed)) {
    const dists = draws.map((d) => distUnder(setup.units[d.unit].spec, assignment));
    const positions: Position[] = new Array(draws.length);
    const rec = (i: number, q: number) => {
      if (q === 0) return;
      if (i === draws.length) {
        const b = ballots(positions);
        let all = true;
        for (const s of modeled) {
          if (passes(s, b.get(s.stage.id)!)) stages[s.stage.id] += p * q;
          else all = false;
        }
        if (all) admission += p * q;
        return;
      }
      for (const pos of POSITIONS) {
        positions[i] = pos;
        rec(i + 1, q * dists[i][pos]);
      }
    };
    rec(0, 1);
  }
  let estimated = 1;
  for (const s of setup.stages) {
    if (!s.applies) stages[s.stage.id] = 1;
    else if (!s.seats) {
      stages[s.stage.id] = s.estimate?.p ?? 0;
      estimated *= s.estimate?.p ?? 0;
    }
  }
  return { admission: admission * estimated, stages };
}

/** Monte Carlo estimate of P(admission) with its standard error, deciding each stage with evaluateRule. */
export function monteCarloRules(setup: CaseSetup, fixed: Assignment, samples: number, seed = 1): { p: number; se: number } {
  const modeled = setup.stages.filter((s) => s.applies && s.seats);
  const { draws, ballots } = drawsOf(setup, modeled);
  const assignments = enumerateAssignments(setup.case.drivers, fixed);
  const random = rng(seed);
  let hits = 0;
  const positions: Position[] = new Array(draws.length);
  for (let n = 0; n < samples; n++) {
    let r = random();
    let a = assignments[assignments.length - 1].assignment;
    for (const x of assignments) {
      if (r < x.p) {
        a = x.assignment;
        break;
      }
      r -= x.p;
    }
    draws.forEach((d, i) => {
      const dist = distUnder(setup.units[d.unit].spec, a);
      let u = random();
      positions[i] = 'absent';
      for (const pos of POSITIONS) {
        if (u < dist[pos]) {
          positions[i] = pos;
          break;
        }
        u -= dist[pos];
      }
    });
    const b = ballots(positions);
    if (modeled.every((s) => passes(s, b.get(s.stage.id)!))) hits++;
  }
  let estimated = 1;
  for (const s of setup.stages) if (s.applies && !s.seats) estimated *= s.estimate?.p ?? 0;
  const p = hits / samples;
  return { p: p * estimated, se: (estimated * Math.sqrt(p * (1 - p))) / Math.sqrt(samples) };
}
