// What it would take: the stance changes that make each failing stage pass, and the drivers that help most.
import { Fragment } from 'preact';
import type { Indexed } from '../../src/model/dataset.ts';
import type { Evaluation } from '../../src/engine/evaluate.ts';
import type { StageVoters, VoterView } from '../../src/server/views.ts';
import type { Sensitivity } from '../compute.ts';
import { pct, pp } from '../format.ts';
import { href } from '../router.ts';

export interface WhatItTakesProps {
  ix: Indexed;
  evaluation: Evaluation;
  voters: StageVoters[];
  sensitivity?: Sensitivity[];
  probability?: number;
  driverNames: Record<string, string>;
}

interface StageNeed {
  stage: string;
  name: string;
  /** Who would have to change to yes, most persuadable first. */
  flips: VoterView[];
  all: boolean;
  short: number;
}

/** The fewest stance changes per failing stage, preferring the voters most likely to say yes already. */
export function stageNeeds(evaluation: Evaluation, voters: StageVoters[]): StageNeed[] {
  const out: StageNeed[] = [];
  evaluation.stages.forEach((s, i) => {
    if (!s.applies || s.outcome === 'pass' || s.estimated) return;
    const vs = voters[i].voters ?? [];
    const pos = new Map(s.voters.map((v) => [v.state, v.position]));
    if (s.blockers.length > 0 && /unanimity|every member|no objection|no veto/.test(s.rule + s.required)) {
      const flips = vs.filter((v) => s.blockers.includes(v.state)).sort((a, b) => b.dist.yes - a.dist.yes);
      out.push({ stage: s.id, name: s.name, flips, all: true, short: flips.length });
      return;
    }
    const short = -s.margin;
    const pool = vs.filter((v) => pos.get(v.state) !== 'yes').sort((a, b) => b.dist.yes - a.dist.yes);
    const flips: VoterView[] = [];
    let got = 0;
    for (const v of pool) {
      if (got >= short) break;
      flips.push(v);
      got += v.seats;
    }
    out.push({ stage: s.id, name: s.name, flips, all: false, short });
  });
  return out;
}

export function WhatItTakes({ ix, evaluation, voters, sensitivity, probability, driverNames }: WhatItTakesProps) {
  const needs = stageNeeds(evaluation, voters);
  const helpful =
    sensitivity && probability !== undefined
      ? [...sensitivity]
          .map((s) => ({ ...s, gain: Math.max(s.whenTrue, s.whenFalse) - probability, best: s.whenTrue >= s.whenFalse }))
          .filter((s) => s.gain > 0.0005)
          .sort((a, b) => b.gain - a.gain)
      : [];
  return (
    <div class="what-it-takes">
      {needs.length === 0 ? (
        <p>
          <strong>Every stage passes</strong> with each member at its most likely position{evaluation.admitted ? '' : ''}. What could still stop it is in the
          probability: members whose “yes” is not certain.
        </p>
      ) : (
        <ol class="needs">
          {needs.map((n) => (
            <li key={n.stage}>
              <strong>{n.name}</strong>:{' '}
              {n.all ? (
                <>
                  all {n.flips.length} of these must move to yes:{' '}
                </>
              ) : (
                <>
                  {n.short} more yes {n.short === 1 ? 'vote' : 'votes'}; the most persuadable are{' '}
                </>
              )}
              {n.flips.map((v, j) => (
                <Fragment key={v.state}>
                  {j > 0 && ', '}
                  <a href={href(`state/${v.state}`)}>{ix.state(v.state)?.name ?? v.state}</a> <span class="muted">(yes {pct(v.dist.yes)}
                  {v.drivers.length ? `; depends on ${v.drivers.map((d) => driverNames[d] ?? d).join(', ').toLowerCase()}` : ''})</span>
                </Fragment>
              ))}
              .
            </li>
          ))}
        </ol>
      )}
      {helpful.length > 0 && (
        <>
          <h3>Drivers that would help most</h3>
          <ul class="helpful">
            {helpful.map((s) => (
              <li key={s.driver}>
                {s.best ? '' : 'Not: '}
                {s.name} — <span class="up">{pp(s.gain)}</span> (P(admission) {pct(s.best ? s.whenTrue : s.whenFalse)})
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
