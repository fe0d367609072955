// Which category each state falls in on the map at a stage: pure, separate from the drawing.
import type { Dist } from '../../src/engine/index.ts';
import type { StageVoters, StanceView, VoterView } from '../../src/case/views.ts';

export type Category = 'candidate' | 'yes' | 'lean-yes' | 'split' | 'lean-no' | 'no' | 'abstain' | 'no-data' | 'not-voting' | 'outside';

/** Color-blind-safe (blue–orange diverging, ColorBrewer PuOr/RdBu family); "no data" and "outside" are patterns. */
export const CATEGORIES: ReadonlyArray<{ id: Category; label: string; help: string }> = [
  { id: 'yes', label: 'Yes', help: 'yes with probability 80% or more in the most likely scenario' },
  { id: 'lean-yes', label: 'Leans yes', help: 'yes is the most likely position (50–80%) in the most likely scenario' },
  { id: 'split', label: 'Undecided', help: 'no position reaches 50% in the most likely scenario' },
  { id: 'lean-no', label: 'Leans no', help: 'no is the most likely position (50–80%) in the most likely scenario' },
  { id: 'no', label: 'No', help: 'no with probability 80% or more in the most likely scenario' },
  { id: 'abstain', label: 'Abstains / absent', help: 'abstaining or not voting is the most likely in the most likely scenario' },
  { id: 'no-data', label: 'No data', help: 'a voter at this stage with no recorded stance and no default' },
  { id: 'not-voting', label: 'Member, not voting here', help: 'a member that does not sit in this body on the day' },
  { id: 'outside', label: 'Not a member', help: 'not a member of the organization on the day' },
  { id: 'candidate', label: 'Candidate', help: 'the state applying' },
];

/**
 * A voter's colour: its position in the most likely scenario — the scenario whose tally and blockers
 * the page states — so the map and the sentence "blocked by …" tell one story.
 */
export function categoryOf(scenario: Dist, origin: StanceView['origin']): Category {
  if (origin === 'none') return 'no-data';
  const { yes, no, abstain, absent } = scenario;
  const away = abstain + absent;
  if (yes >= 0.8) return 'yes';
  if (no >= 0.8) return 'no';
  if (away >= 0.5 && away > yes && away > no) return 'abstain';
  if (yes >= 0.5) return 'lean-yes';
  if (no >= 0.5) return 'lean-no';
  return 'split';
}

export interface MapEntry {
  category: Category;
  voter?: VoterView;
  /** The voter's stance (from the case's stances table). */
  stance?: StanceView;
}

/** Every state's entry at a stage; states not listed are outside the organization. */
export function mapEntries(candidate: string, members: string[], stage: StageVoters | undefined, stances: Record<string, StanceView>): Map<string, MapEntry> {
  const out = new Map<string, MapEntry>();
  // A body whose members the dataset cannot name: every member is "no data" at that stage.
  const unnamed = !!stage && stage.applies && !stage.voters;
  for (const m of members) out.set(m, { category: unnamed ? 'no-data' : 'not-voting' });
  for (const v of stage?.voters ?? []) {
    const stance = stances[v.stance];
    out.set(v.state, { category: categoryOf(v.scenario, stance?.origin ?? 'none'), voter: v, stance });
  }
  out.set(candidate, { category: 'candidate' });
  return out;
}
