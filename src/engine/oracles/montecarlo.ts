// Monte Carlo estimate of P(admission), on the compiled constraints: the baseline the exact engine is
// measured against (never the answer). Drivers are drawn from their joint distribution given the set
// ones, then every draw independently, as in the model.
import { type Assignment, enumerateAssignments } from '../../model/drivers.ts';
import { eval3 } from '../constraints.ts';
import { buildProblem, modeledStages } from '../problem.ts';
import { rng } from '../random.ts';
import { type CaseSetup, distUnder, estimatedFactor } from '../setup.ts';

export function monteCarlo(setup: CaseSetup, fixed: Assignment, samples: number, seed = 1): { p: number; se: number } {
  const problem = buildProblem(setup, modeledStages(setup), 'seat');
  const assignments = enumerateAssignments(setup.case.drivers, fixed);
  const cumulative = new Float64Array(assignments.length);
  assignments.reduce((s, a, i) => (cumulative[i] = s + a.p), 0);
  // Per assignment: each unit's cumulative distribution (yes, yes+no, yes+no+abstain).
  const cdfs = new Map<number, Float64Array>();
  const cdfOf = (i: number): Float64Array => {
    let c = cdfs.get(i);
    if (!c) {
      c = new Float64Array(problem.units.length * 3);
      problem.units.forEach((u, k) => {
        const d = distUnder(setup.units[u.source].spec, assignments[i].assignment);
        c![3 * k] = d.yes;
        c![3 * k + 1] = d.yes + d.no;
        c![3 * k + 2] = d.yes + d.no + d.abstain;
      });
      cdfs.set(i, c);
    }
    return c;
  };
  const random = rng(seed);
  const sums = new Float64Array(problem.constraints.length);
  const value = (c: number) => (sums[c] >= problem.constraints[c].b ? 1 : 0);
  let hits = 0;
  for (let n = 0; n < samples; n++) {
    const r = random() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    const cdf = cdfOf(lo);
    sums.fill(0);
    for (let k = 0; k < problem.units.length; k++) {
      const u = random();
      const pos = u < cdf[3 * k] ? 0 : u < cdf[3 * k + 1] ? 1 : u < cdf[3 * k + 2] ? 2 : 3;
      for (const t of problem.units[k].touches) sums[t.c] += t.coef[pos];
    }
    if (problem.stageFormulas.every((f) => eval3(f, value) === 1)) hits++;
  }
  const estimated = estimatedFactor(setup);
  const p = hits / samples;
  return { p: p * estimated, se: (estimated * Math.sqrt(p * (1 - p))) / Math.sqrt(samples) };
}
