// What it takes, sensitivity and the driver plan against brute force on random small cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { index } from '../model/dataset.ts';
import { enumerateAssignments } from '../model/drivers.ts';
import type { Position } from '../model/schema.ts';
import { type Ballot, evaluateRule } from '../rules/evaluate.ts';
import { analyzeCase } from './analyze.ts';
import { randomDataset } from './oracles/random-case.ts';
import { bruteForce, drawCount } from './oracles/reference.ts';
import { distUnder, mostLikely, POSITIONS, setupCase, type CaseSetup, type StageSetup } from './setup.ts';

const ASOF = '2024-06-01';
const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Fewest changes, then the most likely, by trying every combination of positions (blocs). */
function bruteChanges(setup: CaseSetup, stages: StageSetup[], drivers: Record<string, boolean>): { count: number; likelihood: number } | undefined {
  const ids = new Set(stages.map((s) => s.stage.id));
  const units = setup.units.filter((u) => u.stages.some((s) => ids.has(s)));
  const dists = units.map((u) => distUnder(u.spec, drivers));
  const current = dists.map((d) => mostLikely(d));
  let best: { count: number; likelihood: number } | undefined;
  const pos: Position[] = [...current];
  const rec = (i: number, count: number, lik: number) => {
    if (best && count > best.count) return;
    if (i === units.length) {
      const ok = stages.every((s) => {
        const ballots: Ballot[] = [...s.seats!].map(([voter, seats]) => {
          const k = units.findIndex((u) => u.state === voter && u.stages.includes(s.stage.id));
          return { voter, position: pos[k], seats };
        });
        const tally = { yes: 0, no: 0, abstain: 0, absent: 0 };
        for (const b of ballots) tally[b.position] += b.seats;
        return evaluateRule(s.stage.rule, { tally, ballots }).outcome === 'pass';
      });
      if (ok && (!best || count < best.count || (count === best.count && lik > best.likelihood * (1 + 1e-12)))) best = { count, likelihood: lik };
      return;
    }
    for (const p of POSITIONS) {
      pos[i] = p;
      const changed = p !== current[i];
      rec(i + 1, count + (changed ? 1 : 0), changed ? lik * Math.max(dists[i][p], 1e-12) : lik);
    }
    pos[i] = current[i];
  };
  rec(0, 0, 1);
  return best;
}

function caseOf(seed: number, o = {}) {
  const { data, case: c } = randomDataset(seed, o);
  const ix = index(data);
  return { ix, c, setup: setupCase(ix, c, ASOF) };
}

describe('what it takes: stance changes', () => {
  it('finds the fewest changes, and among them the most likely, per stage and for the procedure', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { ix, c, setup } = caseOf(seed, { states: [1, 5], weighted: true });
        if (setup.units.length > 6) return;
        const a = analyzeCase(ix, c, ASOF);
        const modeled = setup.stages.filter((s) => s.applies && s.seats);
        const check = (plan: { feasible: boolean; changes: Array<{ p: number }>; likelihood: number; tooLarge?: boolean }, stages: StageSetup[]) => {
          if (plan.tooLarge) return;
          const b = bruteChanges(setup, stages, a.evaluation.drivers);
          expect(plan.feasible).toBe(!!b);
          if (!b) return;
          expect(plan.changes.length).toBe(b.count);
          // Both price a change to an impossible position at 1e-12.
          const lik = plan.changes.reduce((x, ch) => x * Math.max(ch.p, 1e-12), 1);
          expect(Math.abs(Math.log(lik) - Math.log(b.likelihood))).toBeLessThan(1e-9);
          expect(Math.abs(plan.likelihood - plan.changes.reduce((x, ch) => x * ch.p, 1))).toBeLessThan(1e-15);
        };
        for (const s of modeled) check(a.whatItTakes.stages.find((x) => x.stage === s.stage.id)!, [s]);
        if (!setup.stages.some((s) => s.applies && !s.seats)) check(a.whatItTakes.procedure, modeled);
        // A stage that passes needs nothing.
        for (const p of a.whatItTakes.stages) if (p.passes) expect(p.changes).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('sensitivity', () => {
  it('is P(admission | driver) − P(admission | not driver), by brute force', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { ix, c, setup } = caseOf(seed, { states: [1, 4], maxDrivers: 3 });
        if (c.drivers.length === 0 || drawCount(setup) > 6) return;
        const a = analyzeCase(ix, c, ASOF);
        expect(a.sensitivity.map((s) => s.driver).sort()).toEqual(c.drivers.map((d) => d.id).sort());
        for (const s of a.sensitivity) {
          const t = bruteForce(setup, { [s.driver]: true }).admission;
          const f = bruteForce(setup, { [s.driver]: false }).admission;
          const possible = (v: boolean) => enumerateAssignments(c.drivers, { [s.driver]: v }).some((x) => x.p > 0);
          if (possible(true)) expect(Math.abs(s.whenTrue - t)).toBeLessThan(1e-12);
          if (possible(false)) expect(Math.abs(s.whenFalse - f)).toBeLessThan(1e-12);
          expect(Math.abs(s.delta - (s.whenTrue - s.whenFalse))).toBeLessThan(1e-12);
        }
        for (let i = 1; i < a.sensitivity.length; i++) expect(Math.abs(a.sensitivity[i - 1].delta)).toBeGreaterThanOrEqual(Math.abs(a.sensitivity[i].delta));
      }),
      { numRuns: 300 },
    );
  });
});

describe('what it takes: driver settings', () => {
  it('is the smallest set of settings reaching one half, else the best reachable', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { ix, c, setup } = caseOf(seed, { states: [1, 4], maxDrivers: 3 });
        if (drawCount(setup) > 6) return;
        const a = analyzeCase(ix, c, ASOF);
        const plan = a.whatItTakes.driverPlan;
        // Every partial setting with positive probability, scored by brute force.
        const ids = c.drivers.map((d) => d.id);
        let bestK = Infinity;
        let bestReach = -1;
        let bestAny = -1;
        const rec = (i: number, set: Record<string, boolean>) => {
          if (i === ids.length) {
            if (!enumerateAssignments(c.drivers, set).some((x) => x.p > 0)) return;
            const p = bruteForce(setup, set).admission;
            const k = Object.keys(set).length;
            bestAny = Math.max(bestAny, p);
            if (p >= 0.5 && (k < bestK || (k === bestK && p > bestReach))) {
              bestK = k;
              bestReach = p;
            }
            return;
          }
          rec(i + 1, set);
          rec(i + 1, { ...set, [ids[i]]: true });
          rec(i + 1, { ...set, [ids[i]]: false });
        };
        rec(0, {});
        if (bestK < Infinity) {
          expect(plan.reached).toBe(true);
          expect(plan.settings.length).toBe(bestK);
          expect(Math.abs(plan.probability - bestReach)).toBeLessThan(1e-12);
        } else {
          expect(plan.reached).toBe(false);
          expect(Math.abs(plan.probability - bestAny)).toBeLessThan(1e-12);
        }
        expect(plan.settings).toEqual(a.whatItTakes.drivers);
      }),
      { numRuns: 300 },
    );
  });
});
