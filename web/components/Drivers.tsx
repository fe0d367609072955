// Driver toggles: true / uncertain / false. Each change recomputes the page in the browser.
import type { Assignment } from '../../src/model/drivers.ts';
import type { DriverData } from '../../src/model/schema.ts';
import type { Sensitivity } from '../compute.ts';
import { pct, pp } from '../format.ts';

export interface DriversProps {
  drivers: DriverData[];
  fixed: Assignment;
  /** The value each driver takes in the "most likely" evaluation. */
  assumed: Assignment;
  sensitivity?: Sensitivity[];
  probability?: number;
  evidenceCount: Record<string, number>;
  onChange: (id: string, value: boolean | undefined) => void;
  onReset: () => void;
}

export function Drivers({ drivers, fixed, assumed, sensitivity, probability, evidenceCount, onChange, onReset }: DriversProps) {
  if (drivers.length === 0) return <p class="muted">This case has no drivers: its stances do not depend on events.</p>;
  const anyFixed = Object.keys(fixed).length > 0;
  return (
    <div class="drivers">
      <p class="help">
        Fix a driver to see what changes. <em>Uncertain</em> weighs both outcomes by their probability.
      </p>
      {drivers.map((d) => {
        const value = d.id in fixed ? fixed[d.id] : undefined;
        const sens = sensitivity?.find((s) => s.driver === d.id);
        const name = `driver-${d.id}`;
        return (
          <fieldset key={d.id} class={`driver ${value === undefined ? '' : value ? 'is-true' : 'is-false'}`} data-driver={d.id}>
            <legend>{d.name}</legend>
            <div class="seg-control three" role="radiogroup" aria-label={d.name}>
              {(
                [
                  ['true', 'Yes', true],
                  ['unset', 'Uncertain', undefined],
                  ['false', 'No', false],
                ] as const
              ).map(([key, label, v]) => (
                <label key={key} class={value === v ? 'on' : ''}>
                  <input type="radio" name={name} value={key} checked={value === v} onChange={() => onChange(d.id, v)} data-testid={`driver-${d.id}-${key}`} />
                  {label}
                  {key === 'unset' && <span class="p"> {pct(d.p)}</span>}
                </label>
              ))}
            </div>
            {sens && probability !== undefined && (
              <p class="effect" data-testid={`effect-${d.id}`}>
                {!Number.isFinite(sens.whenTrue) || !Number.isFinite(sens.whenFalse) ? (
                  <span class="muted">effect: estimating…</span>
                ) : value === undefined ? (
                  <>
                    <span class={tone(sens.whenTrue - probability)}>{pp(sens.whenTrue - probability)}</span> if yes,{' '}
                    <span class={tone(sens.whenFalse - probability)}>{pp(sens.whenFalse - probability)}</span> if no
                  </>
                ) : (
                  <>
                    P(admission) {pct(value ? sens.whenTrue : sens.whenFalse)}; {pct(value ? sens.whenFalse : sens.whenTrue)} if {value ? 'no' : 'yes'}
                  </>
                )}
              </p>
            )}
            <p class="driver-meta">
              {d.given?.length ? <span>p depends on other drivers · </span> : null}
              {value === undefined && <span>assumed {assumed[d.id] ? 'yes' : 'no'} in the most likely outcome · </span>}
              <a href={`#ev-driver-${d.id}`}>
                {evidenceCount[d.id] ?? 0} source{(evidenceCount[d.id] ?? 0) === 1 ? '' : 's'}
              </a>
            </p>
          </fieldset>
        );
      })}
      <button type="button" class="button subtle" disabled={!anyFixed} onClick={onReset}>
        Reset all to uncertain
      </button>
    </div>
  );
}

function tone(delta: number): string {
  return Math.abs(delta) < 0.000005 ? 'flat' : delta > 0 ? 'up' : 'down';
}
