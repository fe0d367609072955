// Drivers form a small Bayesian network: each driver's probability may depend on others.
import type { ConditionData, DriverData } from './schema.ts';

export type Assignment = Record<string, boolean>;

export function holds(condition: ConditionData, assignment: Assignment): boolean {
  return Object.entries(condition).every(([id, value]) => assignment[id] === value);
}

/** The drivers each driver depends on. */
export function parentsOf(driver: DriverData): string[] {
  return [...new Set((driver.given ?? []).flatMap((g) => Object.keys(g.when)))];
}

/** Drivers in an order where parents come first; returns the ids on a cycle when there is one. */
export function topologicalOrder(drivers: DriverData[]): { order: DriverData[] } | { cycle: string[] } {
  const byId = new Map(drivers.map((d) => [d.id, d]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: DriverData[] = [];
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const s = state.get(id);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    const d = byId.get(id);
    for (const p of d ? parentsOf(d) : []) {
      if (!byId.has(p)) continue;
      const cycle = visit(p);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    if (d) order.push(d);
    return undefined;
  };
  for (const d of drivers) {
    const cycle = visit(d.id);
    if (cycle) return { cycle };
  }
  return { order };
}

/** P(driver = true | the values of its parents in the assignment). */
export function conditionalP(driver: DriverData, assignment: Assignment): number {
  for (const g of driver.given ?? []) if (holds(g.when, assignment)) return g.p;
  return driver.p;
}

/**
 * Every full assignment of the drivers with its probability (2^k of them), honoring fixed values.
 * Fixed drivers are conditioned on: the probabilities are renormalized to sum to 1.
 */
export function enumerateAssignments(
  drivers: DriverData[],
  fixed: Assignment = {},
): Array<{ assignment: Assignment; p: number }> {
  const sorted = topologicalOrder(drivers);
  if ('cycle' in sorted) throw new Error(`drivers form a cycle: ${sorted.cycle.join(' → ')}`);
  let out: Array<{ assignment: Assignment; p: number }> = [{ assignment: {}, p: 1 }];
  for (const d of sorted.order) {
    const next: typeof out = [];
    for (const { assignment, p } of out) {
      const pt = conditionalP(d, assignment);
      for (const value of [true, false]) {
        if (d.id in fixed && fixed[d.id] !== value) continue;
        const pv = value ? pt : 1 - pt;
        if (pv === 0 && !(d.id in fixed)) continue;
        next.push({ assignment: { ...assignment, [d.id]: value }, p: p * pv });
      }
    }
    out = next;
  }
  const total = out.reduce((s, x) => s + x.p, 0);
  return total > 0 ? out.map((x) => ({ assignment: x.assignment, p: x.p / total })) : out;
}
