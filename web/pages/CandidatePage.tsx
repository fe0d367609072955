// A candidate in every organization: one row per organization (status, step reached, P(admission),
// blockers, what others would have to change, de facto ties), then its levers' effects everywhere and
// where its efforts pay most. Computed in the browser by the pure case layer (src/case/candidate.ts);
// a driver toggle (a shared driver or a lever) moves every case of the candidate at once.
import { Fragment } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { type CandidateView, candidateDrivers, candidateView } from '../../src/case/candidate.ts';
import { formatPermalink, parsePermalink } from '../../src/case/permalink.ts';
import { NotApplicableError } from '../../src/model/asof.ts';
import type { Indexed } from '../../src/model/dataset.ts';
import { AsOfControl } from '../components/AsOfControl.tsx';
import { LinkProblems } from '../components/LinkProblems.tsx';
import { longDate, pct, pp, todayUtc } from '../format.ts';
import { href, replaceSearch } from '../router.ts';

export function CandidatePage({ ix, code, search }: { ix: Indexed; code: string; search: string }) {
  const parsed = useMemo(() => parsePermalink(search), [search]);
  const asOf = parsed.state.asOf ?? todayUtc();
  const drivers = useMemo(() => candidateDrivers(ix, code), [ix, code]);
  const known = new Set(drivers.map((d) => d.id));
  // A link may name drivers this candidate does not have: they are left out (and reported).
  const fixed = Object.fromEntries(Object.entries(parsed.state.fixed).filter(([id]) => known.has(id)));
  const ignored = Object.keys(parsed.state.fixed).filter((id) => !known.has(id));
  // A day on which none of its cases has an answer (the candidate was not yet a state) is answered as such,
  // as the API and the CLI do, instead of leaving the page blank.
  const result = useMemo((): { view: CandidateView } | { why: string } => {
    try {
      return { view: candidateView(ix, code, asOf, fixed) };
    } catch (e) {
      if (e instanceof NotApplicableError) return { why: e.reason };
      throw e;
    }
  }, [ix, code, asOf, JSON.stringify(fixed)]);
  const name = 'view' in result ? result.view.name : (ix.state(code)?.name ?? code);
  useEffect(() => {
    document.title = `${name} — every organization — accede`;
  }, [name]);

  const update = (next: { asOf?: string | undefined; fixed?: Record<string, boolean> }) =>
    replaceSearch(formatPermalink({ asOf: 'asOf' in next ? next.asOf : parsed.state.asOf, fixed: next.fixed ?? fixed, view: 'europe' }));
  const setDriver = (id: string, value: boolean | undefined) => {
    const f = { ...fixed };
    if (value === undefined) delete f[id];
    else f[id] = value;
    update({ fixed: f });
  };
  if ('why' in result) {
    return (
      <article class="page candidate" data-page="candidate" data-candidate={code}>
        <nav class="crumbs" aria-label="Breadcrumb">
          <a href={href('')}>Overview</a> › <a href={href(`state/${code}`)}>{name}</a> › every organization
        </nav>
        <h1>{name} in every organization</h1>
        <div class="toolbar">
          <AsOfControl asOf={asOf} isDefault={!parsed.state.asOf} onChange={(d) => update({ asOf: d })} />
        </div>
        <p class="not-applicable" role="status" data-testid="candidate-not-applicable">
          No answer on this day: {result.why}.
        </p>
      </article>
    );
  }
  const view = result.view;
  const q = formatPermalink({ asOf: parsed.state.asOf, fixed, view: 'europe' });
  const toggled = drivers.filter((d) => d.lever || view.shared.some((s) => s.id === d.id));

  return (
    <article class="page candidate" data-page="candidate" data-candidate={code}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › <a href={href(`state/${code}`)}>{view.name}</a> › every organization
      </nav>
      <h1>{view.name} in every organization</h1>
      <p class="subtitle">
        Where {view.name} stands, who stands in the way, and where its own efforts pay most. As of <strong>{longDate(asOf)}</strong>.
      </p>
      {!parsed.ok && <LinkProblems problems={parsed.problems} />}
      {ignored.length > 0 && (
        <p class="notice" role="status">
          Not drivers of {view.name}'s cases, ignored: {ignored.join(', ')}.
        </p>
      )}
      <div class="toolbar">
        <AsOfControl asOf={asOf} isDefault={!parsed.state.asOf} onChange={(d) => update({ asOf: d })} />
      </div>

      <h2>Organizations</h2>
      <div class="table-wrap">
        <table class="candidate-rows" data-testid="candidate-rows">
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">De jure · step reached</th>
              <th scope="col">P(admission)</th>
              <th scope="col">Blockers</th>
              <th scope="col">What it takes from others</th>
              <th scope="col">De facto ties</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.organization} data-org={r.organization}>
                <th scope="row">
                  <a href={href(`case/${code}/${r.organization}`) + q}>{r.name}</a>
                </th>
                <td>
                  {r.deJure}
                  {r.since ? <span class="muted"> since {longDate(r.since)}</span> : null}
                  <br />
                  <span data-testid={`reached-${r.organization}`}>{r.reached ? `reached: ${r.reached.name} (${longDate(r.reached.date)})` : 'no step reached yet'}</span>
                  {r.next && (
                    <>
                      <br />
                      <span class="muted">
                        next: {r.next.name} (P {pct(r.next.probability)})
                      </span>
                    </>
                  )}
                  {r.failed.map((t) => (
                    <Fragment key={`${t.stage}-${t.date}`}>
                      <br />
                      <span class="muted">failed: {t.stage} ({longDate(t.date)})</span>
                    </Fragment>
                  ))}
                  {r.priorSteps.map((s) => (
                    <Fragment key={s.stage}>
                      <br />
                      <span class="muted">
                        before the vote: {s.name} — {s.reached ? `reached ${longDate(s.reached.date)}` : s.probability === null ? 'not modelled' : `P ${pct(s.probability)}`}
                      </span>
                    </Fragment>
                  ))}
                </td>
                <td class="num" data-testid={`p-${r.organization}`}>
                  {r.error ? <span title={r.error}>not computed</span> : <strong>{pct(r.probability)}</strong>}
                </td>
                <td>{r.blockers.length ? blockerList(ix, r.blockers) : <span class="muted">none under the most likely stances</span>}</td>
                <td>
                  {!r.whatItTakes.feasible
                    ? 'no set of stance changes'
                    : r.whatItTakes.changes.length
                      ? `${r.whatItTakes.changes.length} change${r.whatItTakes.changes.length > 1 ? 's' : ''}: ${r.whatItTakes.changes
                          .slice(0, 8)
                          .map((c) => `${c.state} ${c.from}→${c.to}`)
                          .join(', ')}${r.whatItTakes.changes.length > 8 ? ', …' : ''}`
                      : 'nothing'}
                  {r.whatItTakes.ownSteps.length > 0 && <span class="muted"> — and its own step: {r.whatItTakes.ownSteps.join(', ')}</span>}
                </td>
                <td>{r.ties.length ? r.ties.map((t) => t.name).join('; ') : <span class="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {toggled.length > 0 && (
        <>
          <h2>What if</h2>
          <p class="muted">A setting here applies to every case of {view.name} at once (shared drivers and levers).</p>
          <ul class="plain drivers">
            {toggled.map((d) => (
              <li key={d.id}>
                <span>
                  {d.name} {d.lever ? <span class="badge">lever</span> : null}
                </span>{' '}
                {(['unset', 'true', 'false'] as const).map((v) => (
                  <label key={v}>
                    <input
                      type="radio"
                      name={`cand-driver-${d.id}`}
                      data-testid={`cand-driver-${d.id}-${v}`}
                      checked={v === 'unset' ? !(d.id in fixed) : fixed[d.id] === (v === 'true')}
                      onChange={() => setDriver(d.id, v === 'unset' ? undefined : v === 'true')}
                    />{' '}
                    {v === 'unset' ? `uncertain (${pct(d.p)})` : v === 'true' ? 'yes' : 'no'}
                  </label>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Levers: what {view.name}'s own efforts change</h2>
      {view.levers.length === 0 ? (
        <p class="muted">No driver of {view.name}'s cases is marked as its own lever.</p>
      ) : (
        <div class="table-wrap">
          <table class="levers" data-testid="levers">
            <thead>
              <tr>
                <th scope="col">Lever</th>
                {view.rows.map((r) => (
                  <th scope="col" key={r.organization}>
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.levers.map((l) => (
                <tr key={l.driver} data-lever={l.driver}>
                  <th scope="row">
                    {l.name}
                    <br />
                    <span class="muted">
                      {l.driver}
                      {l.shared ? ' (shared)' : ''} · P {pct(l.p)}
                    </span>
                  </th>
                  {l.effects.map((e) => (
                    <td key={e.organization} class="num">
                      {e.inCase ? (
                        <>
                          {pp(e.delta)}
                          <br />
                          <span class="muted">gain {pp(e.gain)}</span>
                        </>
                      ) : (
                        <span class="muted">–</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Where efforts pay most</h2>
      {view.ranking.length === 0 ? (
        <p class="muted">No lever raises P(admission) anywhere under the model.</p>
      ) : (
        <ol data-testid="ranking">
          {view.ranking.map((r) => (
            <li key={`${r.driver}/${r.organization}`}>
              <strong>{view.levers.find((l) => l.driver === r.driver)?.name ?? r.driver}</strong> in {view.rows.find((x) => x.organization === r.organization)?.name}: {pp(r.gain)} in P(admission)
            </li>
          ))}
        </ol>
      )}
      <h3>Method</h3>
      <p class="method" data-testid="method">
        {view.method}
      </p>
    </article>
  );
}

function blockerList(ix: Indexed, codes: string[]) {
  const shown = codes.slice(0, 10);
  return (
    <>
      {shown.map((b, i) => (
        <Fragment key={b}>
          {i > 0 && ', '}
          <a href={href(`state/${b}`)}>{ix.state(b)?.name ?? b}</a>
        </Fragment>
      ))}
      {codes.length > shown.length && ` and ${codes.length - shown.length} more`}
    </>
  );
}
