// How much each driver moves the probability of admission: P(· | driver true) − P(· | driver false),
// with the other drivers as they are (set ones stay set, the rest uncertain).
import type { Assignment } from '../model/drivers.ts';
import type { DriverData } from '../model/schema.ts';
import { expectation } from './conditioning.ts';

export interface SensitivityRow {
  driver: string;
  name: string;
  delta: number;
  whenTrue: number;
  whenFalse: number;
}

/**
 * From a table over the assignments of `drivers`: `values[d]` is P(admission | d) up to the constant
 * `factor` (the independent estimated stages).
 */
export function sensitivity(drivers: DriverData[], prior: Float64Array, values: Float64Array, fixed: Assignment, factor = 1): SensitivityRow[] {
  return sensitivityBy(drivers, (set) => factor * expectation(drivers, prior, values, set), fixed);
}

/** `given(set)` is P(admission | the drivers in `set`). */
export function sensitivityBy(drivers: DriverData[], given: (set: Assignment) => number, fixed: Assignment): SensitivityRow[] {
  const rows = drivers.map((d) => {
    const others: Assignment = { ...fixed };
    delete others[d.id];
    const whenTrue = given({ ...others, [d.id]: true });
    const whenFalse = given({ ...others, [d.id]: false });
    // A driver nothing depends on gives equal sums up to rounding: report no effect rather than 1e-17.
    const delta = Math.abs(whenTrue - whenFalse) <= 1e-12 * Math.max(whenTrue, whenFalse) ? 0 : whenTrue - whenFalse;
    return { driver: d.id, name: d.name, delta, whenTrue, whenFalse };
  });
  return rows.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || drivers.findIndex((d) => d.id === a.driver) - drivers.findIndex((d) => d.id === b.driver));
}
