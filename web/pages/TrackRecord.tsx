// The track record page: every dated decision beside the model's P(pass) on its eve, the scores
// against the base rate and the calibration table — computed in the browser by src/case/track-record.
import { useEffect, useMemo } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import { type DecisionRow, trackRecord } from '../../src/case/track-record.ts';
import { longDate, pct } from '../format.ts';
import { href } from '../router.ts';

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export function TrackRecordPage({ ix }: { ix: Indexed }) {
  const r = useMemo(() => trackRecord(ix), [ix]);
  useEffect(() => {
    document.title = 'Track record — accede';
  }, []);
  const misses = r.decisions.filter((d) => d.miss).length;
  return (
    <section class="page" data-page="track-record">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › Track record
      </nav>
      <h1>Track record</h1>
      <p class="subtitle">
        How far to trust the numbers: {r.model.n} decisions forecast on their eve, {misses} missed.
      </p>
      <table class="scores" data-testid="scores">
        <caption>Scores (lower is better)</caption>
        <thead>
          <tr>
            <th scope="col">forecast</th>
            <th scope="col">decisions</th>
            <th scope="col">Brier</th>
            <th scope="col">log</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">the model</th>
            <td>{r.model.n}</td>
            <td data-testid="model-brier">{f3(r.model.brier)}</td>
            <td>{f3(r.model.log)}</td>
          </tr>
          <tr>
            <th scope="row">base rate ({pct(r.baseline.rate)} passed)</th>
            <td>{r.baseline.n}</td>
            <td data-testid="baseline-brier">{f3(r.baseline.brier)}</td>
            <td>{f3(r.baseline.log)}</td>
          </tr>
          <tr>
            <th scope="row">the model, on forecasts resting on no later source</th>
            <td>{r.untainted.model.n}</td>
            <td>{f3(r.untainted.model.brier)}</td>
            <td>{f3(r.untainted.model.log)}</td>
          </tr>
        </tbody>
      </table>
      <table class="calibration">
        <caption>Calibration: forecasts grouped by probability</caption>
        <thead>
          <tr>
            <th scope="col">forecast range</th>
            <th scope="col">decisions</th>
            <th scope="col">mean forecast</th>
            <th scope="col">passed</th>
          </tr>
        </thead>
        <tbody>
          {r.calibration.map((b) => (
            <tr key={b.from}>
              <th scope="row">
                {pct(b.from)}–{pct(b.to)}
              </th>
              <td>{b.n}</td>
              <td>{b.meanForecast === null ? '—' : pct(b.meanForecast)}</td>
              <td>{b.observed === null ? '—' : pct(b.observed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Decisions, misses first</h2>
      <table class="decisions" data-testid="decisions">
        <thead>
          <tr>
            <th scope="col">day</th>
            <th scope="col">case and stage</th>
            <th scope="col">P(pass) on the eve</th>
            <th scope="col">outcome</th>
            <th scope="col">note</th>
          </tr>
        </thead>
        <tbody>
          {r.decisions.map((d) => (
            <DecisionLine key={d.id + d.date} ix={ix} d={d} />
          ))}
        </tbody>
      </table>
      <p class="method">{r.method}</p>
    </section>
  );
}

function DecisionLine({ ix, d }: { ix: Indexed; d: DecisionRow }) {
  const name = `${ix.state(d.candidate)?.name ?? d.candidate} × ${ix.organization(d.organization)?.shortName ?? d.organization}`;
  const modelled = !!ix.case(d.candidate, d.organization);
  return (
    <tr class={d.miss ? 'miss' : undefined} data-miss={d.miss ? 'true' : undefined}>
      <td>{longDate(d.date)}</td>
      <td>
        {modelled ? <a href={href(`case/${d.candidate}/${d.organization}?v=1&as=${d.asOf}`)}>{name}</a> : name}, {d.stage}
      </td>
      <td>{d.p === null ? '—' : pct(d.p)}</td>
      <td>
        {d.outcome}
        {d.miss ? ' — missed' : ''}
      </td>
      <td>
        {d.reason ?? ''}
        {d.laterSources.length ? `rests on ${d.laterSources.length} source${d.laterSources.length > 1 ? 's' : ''} dated on or after the decision` : ''}
      </td>
    </tr>
  );
}
