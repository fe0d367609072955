import { describe, expect, it } from 'vitest';
import { enumerateAssignments, topologicalOrder } from './drivers.ts';
import type { DriverData } from './schema.ts';

const d = (id: string, p: number, given?: DriverData['given']): DriverData => ({ id, name: id, p, given, sources: ['https://example.org'] });

describe('driver network', () => {
  it('orders parents before children', () => {
    const r = topologicalOrder([d('child', 0.2, [{ when: { parent: true }, p: 0.9 }]), d('parent', 0.5)]);
    expect('order' in r && r.order.map((x) => x.id)).toEqual(['parent', 'child']);
  });
  it('finds cycles', () => {
    const r = topologicalOrder([d('a', 0.5, [{ when: { b: true }, p: 0.1 }]), d('b', 0.5, [{ when: { a: true }, p: 0.1 }])]);
    expect('cycle' in r && r.cycle).toEqual(['a', 'b', 'a']);
  });
  it('enumerates assignments with conditional probabilities that sum to 1', () => {
    const all = enumerateAssignments([d('parent', 0.3), d('child', 0.2, [{ when: { parent: true }, p: 0.9 }])]);
    expect(all).toHaveLength(4);
    expect(all.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 12);
    const both = all.find((x) => x.assignment.parent && x.assignment.child)!;
    expect(both.p).toBeCloseTo(0.27, 12);
    const childOnly = all.find((x) => !x.assignment.parent && x.assignment.child)!;
    expect(childOnly.p).toBeCloseTo(0.14, 12);
  });
  it('conditions on fixed drivers', () => {
    const all = enumerateAssignments([d('parent', 0.3), d('child', 0.2, [{ when: { parent: true }, p: 0.9 }])], { parent: true });
    expect(all).toHaveLength(2);
    expect(all.find((x) => x.assignment.child)!.p).toBeCloseTo(0.9, 12);
  });
});
