// One story per page: the map colours each member by its position in the most likely scenario, the
// scenario whose blockers the page names — so no blocker is coloured "yes" or "leans yes".
import { describe, expect, it } from 'vitest';
import { stageVoters, stanceTable } from '../../src/case/views.ts';
import { createSession, evaluateSetup, setupCase } from '../../src/engine/index.ts';
import { index } from '../../src/model/dataset.ts';
import { loadDataset } from '../../src/model/load.ts';
import { categoryOf } from './stance.ts';

const ix = index(loadDataset());

describe('map colours and blockers', () => {
  it('agree for every bundled case on two days, under the most likely scenario', () => {
    let blockersSeen = 0;
    for (const c of ix.data.cases) {
      for (const day of ['2024-06-01', '2026-06-01']) {
        const setup = setupCase(ix, c, day);
        const ev = evaluateSetup(setup);
        const voters = stageVoters(createSession(setup), {});
        const stances = stanceTable(setup);
        ev.stages.forEach((s, i) => {
          const byState = new Map((voters[i].voters ?? []).map((v) => [v.state, v]));
          for (const b of s.blockers) {
            const v = byState.get(b);
            if (!v) continue;
            blockersSeen++;
            expect(['yes', 'lean-yes'], `${c.candidate}/${c.organization} ${day} ${s.id}: ${b}`).not.toContain(categoryOf(v.scenario, stances[v.stance].origin));
          }
        });
      }
    }
    expect(blockersSeen).toBeGreaterThan(10);
  });
});
