// What it would take: the fewest stance changes that make each stage and the whole procedure pass
// (ties broken by the changes least likely to be refused), and the fewest driver settings that make
// admission likely. Both come from the engine (src/engine/what-it-takes.ts, driver-plan.ts).
import { Fragment } from 'preact';
import type { Indexed } from '../../src/model/dataset.ts';
import type { ChangePlan } from '../../src/engine/what-it-takes.ts';
import type { Dynamic, StanceChanges } from '../compute.ts';
import { listText, pct, pp } from '../format.ts';
import { href } from '../router.ts';

export interface WhatItTakesProps {
  ix: Indexed;
  dyn: Dynamic;
  /** undefined while being worked out (just after a toggle). */
  changes: StanceChanges | undefined;
  fixedCount: number;
}

export function WhatItTakes({ ix, dyn, changes, fixedCount }: WhatItTakesProps) {
  const plan = dyn.driverPlan;
  const helpful = (dyn.sensitivity ?? [])
    .map((s) => ({ ...s, gain: Math.max(s.whenTrue, s.whenFalse) - dyn.probability, best: s.whenTrue >= s.whenFalse }))
    .filter((s) => s.gain > 0.0005)
    .sort((a, b) => b.gain - a.gain)
    .slice(0, 3);
  return (
    <div class="what-it-takes" data-testid="what-it-takes">
      <h3>Stances</h3>
      {!changes ? (
        <p class="muted" role="status">
          Working out the fewest changes…
        </p>
      ) : changes.procedure.passes ? (
        <p>
          <strong>Every stage passes</strong> with each member at its most likely position; what could still stop it is the chance that some “yes” turns
          out otherwise (P(admission) {pct(dyn.probability)}).
        </p>
      ) : (
        <>
          <Plan ix={ix} plan={changes.procedure} lead="For the whole procedure to pass" />
          {changes.stages.filter((s) => !s.passes).length > 1 && changes.stages.some((s) => !s.passes && !sameStates(s, changes.procedure)) && (
            <ul class="plain">
              {changes.stages
                .filter((s) => !s.passes)
                .map((s) => (
                  <li key={s.stage}>
                    <Plan ix={ix} plan={s} lead={`For “${s.name}” alone`} compact />
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
      <h3>Drivers</h3>
      {!plan ? (
        <p class="muted" role="status">
          Working out the fewest driver settings…
        </p>
      ) : plan.settings.length === 0 ? (
        <p>
          {dyn.probability >= plan.target
            ? `P(admission) is already ${pct(dyn.probability)}${fixedCount ? ' with the drivers as set' : ''}.`
            : 'No setting of the drivers changes P(admission).'}
        </p>
      ) : (
        <p data-testid="driver-plan">
          {plan.reached ? `The fewest driver settings that make admission more likely than not (${pct(plan.probability)}): ` : `No setting of the drivers makes admission more likely than not; the best reachable is ${pct(plan.probability)}, with: `}
          {plan.settings.map((s, i) => (
            <Fragment key={s.driver}>
              {i > 0 && (i === plan.settings.length - 1 ? ' and ' : ', ')}
              <strong>{s.name}</strong> — {s.value ? 'yes' : 'no'}
            </Fragment>
          ))}
          .{!plan.exhaustive && ' (found by a greedy search: there are more than 12 free drivers.)'}
        </p>
      )}
      {helpful.length > 0 && (
        <p class="muted">
          One driver at a time:{' '}
          {helpful.map((s, i) => (
            <Fragment key={s.driver}>
              {i > 0 && '; '}
              {s.best ? '' : 'not: '}
              {s.name.replace(/\.$/, '')} <span class="up">{pp(s.gain)}</span>
            </Fragment>
          ))}
          .
        </p>
      )}
    </div>
  );
}

function Plan({ ix, plan, lead, compact }: { ix: Indexed; plan: ChangePlan; lead: string; compact?: boolean }) {
  const name = (code: string) => ix.state(code)?.name ?? code;
  if (!plan.feasible) {
    return (
      <p>
        {lead}: no change of stance is enough{plan.note ? ` — ${plan.note}` : ''}.
      </p>
    );
  }
  if (plan.changes.length === 0) return <p>{lead}: nothing needs to change.</p>;
  const changes = [...plan.changes].sort((a, b) => b.p - a.p);
  if (compact) {
    return (
      <span>
        {lead}: {plan.changes.length} change{plan.changes.length === 1 ? '' : 's'} ({listText(changes.map((c) => name(c.state)), 8)}).
      </span>
    );
  }
  return (
    <>
      <p>
        {lead}, <strong>{plan.changes.length} member{plan.changes.length === 1 ? '' : 's'}</strong> would have to change position — the set least likely to be
        refused (together {pct(plan.likelihood)} under today's stances):
      </p>
      <div class="table-wrap">
        <table class="changes">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" class="num">
                P(to)
              </th>
              <th scope="col">Stages</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.state}>
                <th scope="row">
                  <a href={href(`state/${c.state}`)}>{name(c.state)}</a>
                </th>
                <td>{c.from}</td>
                <td>{c.to}</td>
                <td class="num">{pct(c.p)}</td>
                <td>{c.stages.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.note && <p class="note">{plan.note}</p>}
    </>
  );
}

function sameStates(a: ChangePlan, b: ChangePlan): boolean {
  const x = a.changes.map((c) => c.state).sort().join();
  return x === b.changes.map((c) => c.state).sort().join();
}
