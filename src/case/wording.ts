// The two scenarios every figure belongs to, named once so the page, the CLI and the CSV say the same.
// A tally, an outcome and a list of blockers belong to the most likely scenario; a probability is
// taken over all scenarios. Mixing them unlabelled told two stories on one page (issue 11, part 5).
import type { Assignment } from '../model/drivers.ts';
import type { Method } from '../engine/index.ts';

/** The scenario a tally, an outcome, a blocker and a map colour belong to. */
export const SCENARIO = 'the most likely scenario';
export const SCENARIO_DEFINITION =
  'every driver not set by you at its most likely value, and each member at its most likely position under those drivers';

/** What a probability is taken over. */
export const OVERALL = 'over all scenarios';
export const OVERALL_DEFINITION =
  "every setting of the drivers not set by you and every member's position, weighted by their probabilities";

/** "csm-condition-applied = true (assumed), spain-recognizes-kosovo = false (set)" */
export function scenarioDrivers(drivers: Assignment, fixed: Assignment): string {
  const parts = Object.entries(drivers).map(([id, v]) => `${id} = ${v}${id in fixed ? ' (set)' : ''}`);
  return parts.length ? parts.join(', ') : 'no drivers';
}

/**
 * Which method gave a case's probabilities, in one line for the page and the CSV: exact, or a labelled
 * Monte Carlo estimate with its standard error (beyond the drivers exact enumeration covers).
 */
export function methodText(m: Method): string {
  if (m.kind === 'exact') return `exact: summed over every setting of the ${m.drivers} driver${m.drivers === 1 ? '' : 's'} that bear on the case`;
  return (
    `Monte Carlo estimate, not exact: ${m.drivers} drivers bear on the case, more than exact enumeration covers; ` +
    `${m.samples} driver settings sampled (seed ${m.seed}), each computed exactly; standard error ±${(100 * m.standardError).toFixed(2)} pp`
  );
}
