// A candidate's shared drivers (data/candidates/<CODE>.yaml): checked against its cases, then merged
// into each of them, so that a driver set once moves every case of the candidate at once.
import type { Dataset } from './dataset.ts';
import type { CaseData, DriverData } from './schema.ts';

/** Every case with its candidate's shared drivers first, then its own (ids are disjoint: crosscheck refuses a redefinition). */
export function mergeSharedDrivers(data: Dataset): Dataset {
  const shared = new Map((data.candidates ?? []).map((c) => [c.candidate, c.drivers]));
  if (shared.size === 0) return data;
  const cases = data.cases.map((c): CaseData => {
    const drivers = shared.get(c.candidate);
    return drivers?.length ? { ...c, drivers: [...drivers, ...c.drivers] } : c;
  });
  return { ...data, cases };
}

/** The ids of a candidate's shared drivers. */
export function sharedDriverIds(data: Dataset, candidate: string): Set<string> {
  return new Set(((data.candidates ?? []).find((c) => c.candidate === candidate)?.drivers ?? []).map((d) => d.id));
}

/** The levers among a list of drivers: the candidate's own efforts. */
export function leversOf(drivers: DriverData[]): DriverData[] {
  return drivers.filter((d) => d.lever);
}
