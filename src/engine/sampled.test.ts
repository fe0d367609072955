// The Monte Carlo approximation beyond exact enumeration agrees with the exact engine where both run.
import { describe, expect, it } from 'vitest';
import { wideUnCase } from '../../bench/un-case.ts';
import { index } from '../model/dataset.ts';
import type { Assignment } from '../model/drivers.ts';
import { sampled } from './sampled.ts';
import { createSession } from './session.ts';
import { setupCase } from './setup.ts';

describe('Monte Carlo over driver assignments (the labelled approximation)', () => {
  const { data, case: c } = wideUnCase(10, 3);
  const setup = setupCase(index(data), c, '2025-06-01');
  const exact = createSession(setup);
  const mc = sampled(setup, c.drivers, new Map());

  it('agrees with the exact answer within 4.5 standard errors, with and without set drivers', () => {
    const settings: Assignment[] = [{}, { d3: true }, { d0: false, d7: true }];
    for (const set of settings) {
      const m = mc.method(set);
      expect(m.kind).toBe('monte-carlo');
      expect(m.standardError).toBeGreaterThan(0);
      expect(Math.abs(mc.probability(set) - exact.probability(set))).toBeLessThan(4.5 * m.standardError);
      const stages = exact.stageProbabilities(set);
      const est = mc.stageProbabilities(set);
      for (const [id, se] of Object.entries(m.stageStandardErrors)) expect(Math.abs(est[id] - stages[id])).toBeLessThan(4.5 * se + 1e-12);
    }
  });

  it('estimates sensitivity and the voters near their exact values', () => {
    const a = new Map(exact.sensitivity({}).map((r) => [r.driver, r]));
    for (const r of mc.sensitivity({})) expect(Math.abs(r.whenTrue - a.get(r.driver)!.whenTrue)).toBeLessThan(0.03);
    const exactVoters = exact.voters({ d2: true });
    exactVoters.forEach((st, i) => {
      st.voters?.forEach((v) => {
        const d = mc.unitDist({ d2: true }, v.unit);
        expect(Math.abs(d.yes - v.dist.yes)).toBeLessThan(0.03);
      });
      expect(i).toBeGreaterThanOrEqual(0);
    });
  });

  it('answers a likely setting from the unset draws that agree with it, an unlikely one from draws of its own', () => {
    expect(mc.method({}).samples).toBe(4000);
    const likely = mc.method({ d3: true });
    expect(likely.samples).toBeGreaterThanOrEqual(400);
    expect(likely.samples).toBeLessThan(4000);
    // Six drivers set: about 4000 / 2^6 draws would agree, too few; a likelihood-weighted pool instead.
    const unlikely = { d0: true, d1: false, d2: true, d4: false, d5: true, d6: false };
    expect(mc.method(unlikely).samples).toBe(4000);
    expect(Math.abs(mc.probability(unlikely) - exact.probability(unlikely))).toBeLessThan(4.5 * mc.method(unlikely).standardError);
  });

  it('answers at once from the samples evaluated so far, then refines to exactly the complete answers', () => {
    const unlikely = { d0: true, d1: false, d2: true, d4: false, d5: true, d6: false };
    const page = sampled(setup, c.drivers, new Map());
    const cli = sampled(setup, c.drivers, new Map());
    expect(page.partial(unlikely).method.samples).toBe(0);
    expect(page.partial(unlikely).probability).toBeNaN();
    page.refine(unlikely, 100);
    const first = page.partial(unlikely);
    expect(first.method.samples).toBe(100);
    expect(first.remaining).toBeGreaterThan(0);
    expect(first.probability).toBeGreaterThan(0);
    expect(first.method.standardError).toBeGreaterThan(cli.method(unlikely).standardError);
    // Its own pool first (what a toggle paints): P and the stages are then complete, the sensitivity not yet.
    expect(page.refine(unlikely, 10_000, 'setting')).toBe(0);
    const own = page.partial(unlikely);
    expect(own.probability).toBe(cli.probability(unlikely));
    expect(own.method).toEqual(cli.method(unlikely));
    expect(own.remaining).toBeGreaterThan(0);
    expect(own.sensitivity.some((r) => Number.isNaN(r.whenTrue) || Number.isNaN(r.whenFalse))).toBe(true);
    let steps = 0;
    while (page.refine(unlikely, 1500) > 0) steps++;
    expect(steps).toBeGreaterThan(0);
    const done = page.partial(unlikely);
    expect(done.remaining).toBe(0);
    expect(done.probability).toBe(cli.probability(unlikely));
    expect(done.stageProbabilities).toEqual(cli.stageProbabilities(unlikely));
    expect(done.sensitivity).toEqual(cli.sensitivity(unlikely));
    expect(done.driverPlan).toEqual(cli.driverPlan(unlikely));
    expect(done.method).toEqual(cli.method(unlikely));
  });

  it('is reproducible: the same question gets the same numbers', () => {
    const again = sampled(setup, c.drivers, new Map());
    expect(again.probability({ d3: true })).toBe(mc.probability({ d3: true }));
  });

  it('is what a session uses past the exact limit, and says so', () => {
    const wide = wideUnCase(24);
    const s = createSession(setupCase(index(wide.data), wide.case, '2025-06-01'));
    const a = s.analyze({});
    expect(a.method.kind).toBe('monte-carlo');
    expect(a.probability).toBeGreaterThan(0);
    expect(a.probability).toBeLessThan(1);
    expect(a.whatItTakes.driverPlan.exhaustive).toBe(false);
    expect(s.voters({}).find((x) => x.voters)?.voters?.length).toBeGreaterThan(0);
  });

  it('conditions on a set driver that is a descendant of the sampled ones (and on its own descendants)', () => {
    // x depends on the driver that moves P(admission) most, y on x; no stance names either, so neither
    // is among the drivers the session samples — but setting them conditions that driver, which the
    // exact engine does.
    const top = exact.sensitivity({})[0].driver;
    const extra = [
      { id: 'x', name: `Child of ${top}`, p: 0.03, given: [{ when: { [top]: true }, p: 0.97 }], sources: ['https://example.org/bench'] },
      { id: 'y', name: 'Child of x', p: 0.1, given: [{ when: { x: true }, p: 0.9 }], sources: ['https://example.org/bench'] },
    ];
    const cx = { ...c, drivers: [...c.drivers, ...extra] };
    const sx = setupCase(index({ ...data, cases: [cx] }), cx, '2025-06-01');
    const exactX = createSession(sx);
    // What the session hands the sampler past the exact limit: the drivers the stances name.
    const mcX = sampled(sx, c.drivers, new Map());
    const settings: Assignment[] = [{ x: true }, { x: false }, { y: true }, { x: true, [top === 'd0' ? 'd1' : 'd0']: false }];
    for (const set of settings) {
      const m = mcX.method(set);
      expect(Math.abs(mcX.probability(set) - exactX.probability(set))).toBeLessThan(4.5 * m.standardError);
      const stages = exactX.stageProbabilities(set);
      const est = mcX.stageProbabilities(set);
      for (const [id, se] of Object.entries(m.stageStandardErrors)) expect(Math.abs(est[id] - stages[id])).toBeLessThan(4.5 * se + 1e-12);
    }
    // Setting x moves the answer nearly as much as setting its parent does, so the check above can fail.
    expect(Math.abs(exactX.probability({ x: true }) - exactX.probability({}))).toBeGreaterThan(10 * mcX.method({ x: true }).standardError);
    const sens = new Map(exactX.sensitivity({}).map((r) => [r.driver, r]));
    for (const r of mcX.sensitivity({}).filter((r) => r.driver === 'x' || r.driver === 'y')) {
      expect(Math.abs(r.whenTrue - sens.get(r.driver)!.whenTrue)).toBeLessThan(0.03);
      expect(Math.abs(r.delta - sens.get(r.driver)!.delta)).toBeLessThan(0.04);
    }
  });

  it('treats a set driver it does not sample (bearing on nothing) as changing nothing, without drawing again', () => {
    const wide = wideUnCase(24);
    const unrelated = { id: 'u', name: 'Unrelated', p: 0.4, sources: ['https://example.org/bench'] };
    const c = { ...wide.case, drivers: [...wide.case.drivers, unrelated] };
    const s = createSession(setupCase(index({ ...wide.data, cases: [c] }), c, '2025-06-01'));
    // One pool serves all of these (a second draw would take seconds).
    const p = s.probability({});
    expect(s.probability({ u: true })).toBe(p);
    expect(s.sensitivity({}).find((r) => r.driver === 'u')?.delta).toBe(0);
    expect(s.method({ u: false })).toEqual(s.method({}));
  });
});
