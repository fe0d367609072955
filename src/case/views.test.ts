// The case answer's shape: each stance listed once and named by its voters, the table hiding no
// difference between the voters that share an id, and the answer for XK × NATO kept lean.
import { describe, expect, it } from 'vitest';
import { driversOf, evaluateSetup, openSession, stanceSources } from '../engine/index.ts';
import { index } from '../model/dataset.ts';
import { loadDataset } from '../model/load.ts';
import type { SourceRefData } from '../model/schema.ts';
import { daySnapshot } from './snapshot.ts';
import { caseDetails, caseStatic, evidenceFor, evidenceOf, resolveAll, stageVoters, stanceTable, votersAt } from './views.ts';

const ix = index(loadDataset());

/** Every bundled case on each of `days` that has an answer on it, with its session. */
function* answered(days: string[]) {
  for (const c of ix.data.cases) {
    for (const day of days) {
      let session;
      try {
        session = openSession(ix, c, day);
      } catch {
        continue; // no answer on the day (the organization or the candidate did not exist)
      }
      yield { c, day, session };
    }
  }
}

describe('the stances table', () => {
  it("describes every voter's own stance, for every bundled case on several days", () => {
    let voters = 0;
    for (const { c, day, session } of answered(['2009-06-01', '2019-03-04', '2024-06-01', '2026-06-01'])) {
      const table = stanceTable(session.setup);
      for (const s of stageVoters(session, {})) {
        for (const v of s.voters ?? []) {
          const own = session.setup.units.find((u) => u.state === v.state && u.stages.includes(s.stage))!.spec;
          expect(v.stance, `${c.candidate}/${c.organization} ${day} ${v.state}`).toBe(own.id);
          expect(table[v.stance], `${c.candidate}/${c.organization} ${day} ${v.state} ${v.stance}`).toEqual({
            origin: own.origin,
            ...(own.basis ? { basis: own.basis } : {}),
            ...(own.note ? { note: own.note } : {}),
            sources: stanceSources(own),
            drivers: [...driversOf(own)],
          });
          voters++;
        }
      }
    }
    expect(voters).toBeGreaterThan(1000);
  });

  it('lists only the stances some voter holds', () => {
    const c = ix.case('XK', 'nato')!;
    const d = caseDetails(daySnapshot(ix, '2026-06-01'), c);
    const held = new Set(d.positions.map((p) => p.stance));
    expect(new Set(Object.keys(d.stances))).toEqual(held);
    // A default held by many Allies is written once.
    expect(d.voters.flatMap((s) => Object.keys(s.voters ?? {})).length).toBeGreaterThan(3 * Object.keys(d.stances).length);
  });
});

describe("the answer's positions", () => {
  it('give each voter at each stage exactly one position, its own, and list each once', () => {
    let voters = 0;
    let limited = 0;
    for (const { c, day, session } of answered(['2019-03-04', '2026-06-01'])) {
      const fixed = c.drivers.length ? { [c.drivers[0].id]: false } : {};
      const d = caseDetails(daySnapshot(ix, day), c, fixed);
      const dists = session.voters(fixed);
      d.voters.forEach((s, i) => {
        for (const [state, seats] of Object.entries(s.voters ?? {})) {
          const where = `${c.candidate}/${c.organization} ${day} ${s.stage} ${state}`;
          const mine = d.positions.filter((p) => p.state === state && (!p.stages || p.stages.includes(s.stage)));
          expect(mine, where).toHaveLength(1);
          const unit = dists[i].voters!.find((x) => x.state === state)!;
          expect(seats, where).toBe(unit.seats);
          expect(mine[0].dist, where).toEqual(unit.dist);
          expect(mine[0].stance, where).toBe(unit.unit.spec.id);
          // Stages are named only for a state with several positions; without, its one position is at every stage it sits at.
          const several = session.setup.units.filter((u) => u.state === state).length > 1;
          expect(mine[0].stages, where).toEqual(several ? unit.unit.stages : undefined);
          if (several) limited++;
          voters++;
        }
      });
      // Resolved per stage, they are what the pages show (stageVoters).
      expect(d.voters.map((_, i) => votersAt(d, i))).toEqual(stageVoters(session, fixed));
      expect(new Set(d.positions.map((p) => `${p.state}|${p.stages}`)).size).toBe(d.positions.length);
    }
    expect(voters).toBeGreaterThan(1000);
    expect(limited).toBeGreaterThan(0);
  });
});

describe("the answer's evaluation", () => {
  it("leaves out only what its voters and ties say: each voter's position, seats and origin as the engine counts them", () => {
    let voters = 0;
    for (const { c, day, session } of answered(['2019-03-04', '2026-06-01'])) {
      const fixed = c.drivers.length ? { [c.drivers[0].id]: true } : {};
      const engine = evaluateSetup(session.setup, fixed);
      const d = caseDetails(daySnapshot(ix, day), c, fixed);
      const answer = d.evaluation.stages.map((s, i) => ({ ...s, voters: engine.stages[i].voters }));
      expect({ ...d.evaluation, stages: answer, ties: engine.ties }).toEqual(engine);
      engine.stages.forEach((s, i) => {
        const view = (votersAt(d, i).voters ?? []).map((v) => ({ state: v.state, seats: v.seats, position: v.position, p: v.scenario[v.position], origin: d.stances[v.stance].origin }));
        expect(view, `${c.candidate}/${c.organization} ${day} ${s.id}`).toEqual(s.voters);
        voters += view.length;
      });
      expect(d.ties.map(({ evidence: _e, ...t }) => t)).toEqual(engine.ties.map(({ sources: _s, ...t }) => t));
    }
    expect(voters).toBeGreaterThan(500);
  });
});

describe('the evidence, citing each document once', () => {
  it('reads back every item exactly, for every bundled case on several days', () => {
    let items = 0;
    for (const { c, day, session } of answered(['2019-03-04', '2024-06-01', '2026-06-01'])) {
      const d = daySnapshot(ix, day);
      const st = caseStatic(d, c, session.setup);
      const same = (refs: Parameters<typeof resolveAll>[0], full: ReturnType<typeof evidenceOf>, what: string) => {
        expect(resolveAll(refs, st.sources), `${c.candidate}/${c.organization} ${day} ${what}`).toEqual(full);
        items += full.length;
      };
      // A state's evidence: the sources of every stance it holds (once each), with what the sources say of the state.
      const refs = new Map<string, Map<string, SourceRefData>>();
      for (const u of session.setup.units) for (const r of stanceSources(u.spec)) (refs.get(u.state) ?? refs.set(u.state, new Map()).get(u.state)!).set(JSON.stringify(r), r);
      for (const [state, rs] of refs) same(st.stanceEvidence[state], evidenceFor(ix, c, { kind: 'stance', id: state }, [...rs.values()], day), `stance ${state}`);
      for (const dr of session.setup.case.drivers) same(st.driverEvidence[dr.id], evidenceFor(ix, c, { kind: 'driver', id: dr.id }, dr.sources, day), `driver ${dr.id}`);
      d.ties(c).forEach((t, i) => same(st.ties[i].evidence, evidenceFor(ix, c, { kind: 'tie', id: t.id }, t.sources, day), `tie ${t.id}`));
      same(st.statusEvidence, evidenceOf(ix, c.status.sources, day), 'status');
      // Every document cited is in the table, and nothing else.
      const cited = new Set([...Object.values(st.stanceEvidence), ...Object.values(st.driverEvidence), ...st.ties.map((t) => t.evidence), st.statusEvidence].flat().map((r) => r.source));
      expect(new Set(Object.keys(st.sources))).toEqual(cited);
    }
    expect(items).toBeGreaterThan(500);
  });
});

describe("the answer's size", () => {
  // Measured on 2026-12-05: 119 KB when every voter carried its stance's basis, sources and drivers and every
  // citation its document's title, outlet and URL; 84 KB with each stance once; 69 KB with each document once;
  // 61 KB without the evaluation's copies of the voters and ties; 53 KB with each position once for all its
  // stages. A bound, not a time: a larger answer is a shape that repeats itself again.
  it('for XK × NATO stays below 58 KB', () => {
    const c = ix.case('XK', 'nato')!;
    for (const day of ['2019-03-04', '2026-06-01']) {
      const bytes = Buffer.byteLength(JSON.stringify(caseDetails(daySnapshot(ix, day), c)));
      expect(bytes, day).toBeLessThan(58_000);
    }
  });
});
