// One country's stances across every case, with sources.
import { useEffect, useMemo } from 'preact/hooks';
import { recognitionAsOf } from '../../src/model/asof.ts';
import { reasonOf } from '../../src/model/audit.ts';
import { Unverified } from '../components/Unverified.tsx';
import type { Indexed } from '../../src/model/dataset.ts';
import { formatPermalink, parsePermalink } from '../../src/case/permalink.ts';
import { daySnapshot } from '../../src/case/snapshot.ts';
import { resolveAll, stateAcrossCases } from '../../src/case/views.ts';
import { AsOfControl } from '../components/AsOfControl.tsx';
import { EvidenceList } from '../components/Evidence.tsx';
import { LinkProblems } from '../components/LinkProblems.tsx';
import { longDate, pct, RECOGNITION_LABEL, todayUtc } from '../format.ts';
import { CATEGORIES, categoryOf } from '../map/stance.ts';
import { href, replaceSearch } from '../router.ts';

const LABEL = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label]));

export function StatePage({ ix, code, search }: { ix: Indexed; code: string; search: string }) {
  const state = ix.state(code)!;
  const parsed = useMemo(() => parsePermalink(search), [search]);
  const asOf = parsed.state.asOf ?? todayUtc();
  const { cases, sources } = useMemo(() => stateAcrossCases(daySnapshot(ix, asOf), code), [ix, code, asOf]);
  useEffect(() => {
    document.title = `${state.name} — accede`;
  }, [state.name]);
  const candidates = [...new Set(ix.data.cases.map((c) => c.candidate))].filter((c) => c !== code);
  const ownCases = ix.data.cases.filter((c) => c.candidate === code);
  const q = parsed.state.asOf ? `?v=1&as=${parsed.state.asOf}` : '';
  const driverName = (cand: string, org: string, id: string) => ix.case(cand, org)?.drivers.find((d) => d.id === id)?.name.toLowerCase() ?? id;
  return (
    <section class="page" data-page="state" data-state={code}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › {state.name}
      </nav>
      <h1>{state.name}</h1>
      <p class="subtitle">
        {code} · {state.iso3} · {state.kind === 'un-member' && state.unMemberSince ? `UN member since ${longDate(state.unMemberSince)}` : state.kind === 'observer' ? 'UN observer state' : 'not a UN member'}
      </p>
      {!parsed.ok && <LinkProblems problems={parsed.problems} />}
      <div class="toolbar">
        <AsOfControl asOf={asOf} isDefault={!parsed.state.asOf} onChange={(d) => replaceSearch(formatPermalink({ asOf: d, fixed: {}, view: 'europe' }))} />
      </div>

      {candidates.length > 0 && (
        <>
          <h2>Recognition</h2>
          <ul class="plain">
            {candidates.map((cand) => {
              const rec = ix.recognitions(cand)?.recognitions.find((r) => r.state === code);
              const status = recognitionAsOf(rec, asOf);
              return (
                <li key={cand} data-testid={`recognition-${cand}`}>
                  {state.name} <strong>{RECOGNITION_LABEL[status]}</strong> {ix.state(cand)?.name ?? cand}
                  {rec?.date && status !== 'does-not-recognize' ? ` (since ${longDate(rec.date)})` : ''}
                  {rec?.withdrawalClaimed ? `; withdrawal claimed ${longDate(rec.withdrawalClaimed)}` : ''}
                  {rec?.note ? <span class="muted"> — {rec.note}</span> : null}
                  {rec?.verified === false && <> <Unverified reasons={[`recognition unverified: ${reasonOf(rec)}`]} /></>}
                </li>
              );
            })}
          </ul>
        </>
      )}

      {ownCases.length > 0 && (
        <>
          <h2>{state.name} as a candidate</h2>
          <ul class="plain">
            {ownCases.map((c) => (
              <li key={c.organization}>
                <a href={href(`case/${c.candidate}/${c.organization}`) + q}>{c.title ?? `${state.name} × ${ix.organization(c.organization)?.shortName}`}</a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>Stances in every case</h2>
      <div class="table-wrap">
        <table class="state-cases">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Member on {longDate(asOf)}</th>
              <th scope="col">Stage</th>
              <th scope="col">Position</th>
              <th scope="col">Basis</th>
            </tr>
          </thead>
          <tbody>
            {cases
              .filter((x) => x.candidate !== code)
              .flatMap((x) =>
                x.stages.map((s, i) => (
                  <tr key={`${x.candidate}/${x.organization}/${s.stage}`} class={i === 0 ? 'first' : ''}>
                    {i === 0 && (
                      <th scope="row" rowSpan={x.stages.length}>
                        <a href={href(`case/${x.candidate}/${x.organization}`) + q}>{x.title}</a>
                      </th>
                    )}
                    {i === 0 && (
                      <td rowSpan={x.stages.length}>
                        {x.member ? 'yes' : 'no'} <Unverified reasons={x.unverified.filter((r) => r.startsWith('membership'))} />
                      </td>
                    )}
                    <td>{s.name}</td>
                    <td>
                      {s.sits && s.dist ? (
                        <>
                          <span class={`chip c-${categoryOf(s.scenario ?? s.dist, s.origin ?? 'none')}`} aria-hidden="true" />{' '}
                          {LABEL[categoryOf(s.scenario ?? s.dist, s.origin ?? 'none')]} <span class="muted">(in the most likely scenario; yes {pct(s.dist.yes)} over all scenarios)</span>
                        </>
                      ) : (
                        <span class="muted">does not vote</span>
                      )}
                    </td>
                    <td>
                      {s.sits
                        ? s.origin === 'stance'
                          ? `recorded stance${s.drivers?.length ? `; depends on: ${s.drivers.map((d) => driverName(x.candidate, x.organization, d)).join('; ')}` : ''}`
                          : s.origin === 'default'
                            ? `default: ${s.basis ?? ''}`
                            : 'no data'
                        : ''}
                    </td>
                  </tr>
                )),
              )}
          </tbody>
        </table>
      </div>

      <h2>Sources</h2>
      {cases
        .filter((x) => x.evidence.length > 0)
        .map((x) => (
          <div key={`${x.candidate}/${x.organization}`} class="ev-group">
            <h3>{x.title}</h3>
            <EvidenceList items={resolveAll(x.evidence, sources)} />
          </div>
        ))}
      {cases.every((x) => x.evidence.length === 0) && <p class="muted">No source in the dataset names {state.name}'s stance.</p>}
      {state.note && <p class="note">Data note: {state.note}</p>}
    </section>
  );
}
