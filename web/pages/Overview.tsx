// Candidates × organizations: for each case, its status, P(admission) and a recognition counter.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import { formatPermalink, parsePermalink } from '../../src/case/permalink.ts';
import { daySnapshot } from '../../src/case/snapshot.ts';
import { casesOnDay, caseSummary } from '../../src/case/views.ts';
import { AsOfControl } from '../components/AsOfControl.tsx';
import { LinkProblems } from '../components/LinkProblems.tsx';
import { compute, prepare } from '../compute.ts';
import { longDate, pct, STATUS_LABEL, todayUtc } from '../format.ts';
import { href, replaceSearch } from '../router.ts';

export function Overview({ ix, search }: { ix: Indexed; search: string }) {
  const parsed = useMemo(() => parsePermalink(search), [search]);
  const asOf = parsed.state.asOf ?? todayUtc();
  const candidates = [...new Set(ix.data.cases.map((c) => c.candidate))].sort();
  const orgs = [...new Set(ix.data.cases.map((c) => c.organization))].sort((a, b) => orgOrder(a) - orgOrder(b) || a.localeCompare(b));
  // The verdicts and counters are cheap; the exact probabilities take a moment per case, so they fill in
  // one case at a time after the table is on screen.
  // A case whose organization or candidate did not exist yet on the day has no answer: its cell says why.
  const { cells, notApplicable, applicable } = useMemo(
    () => {
      const day = daySnapshot(ix, asOf);
      const on = casesOnDay(day);
      return {
        cells: new Map(on.cases.map((c) => [`${c.candidate}/${c.organization}`, { summary: caseSummary(day, c) }])),
        notApplicable: new Map(on.notApplicable.map((n) => [`${n.candidate}/${n.organization}`, n.reason])),
        applicable: on.cases,
      };
    },
    [ix, asOf],
  );
  const [probabilities, setProbabilities] = useState<Record<string, number>>({});
  useEffect(() => {
    let cancelled = false;
    setProbabilities({});
    const queue = [...applicable];
    const next = () => {
      const c = queue.shift();
      if (!c || cancelled) return;
      const p = compute(ix, prepare(ix, c, asOf), {}, 'headline').probability;
      setProbabilities((prev) => ({ ...prev, [`${c.candidate}/${c.organization}`]: p }));
      setTimeout(next, 0);
    };
    const t = setTimeout(next, 0);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [ix, asOf, applicable]);
  const setAsOf = (d: string | undefined) => {
    replaceSearch(formatPermalink({ asOf: d, fixed: {}, view: 'europe' }));
  };
  return (
    <section class="page" data-page="overview">
      <h1>What does it take to join?</h1>
      <p class="lead">
        For each candidate and organization: where the application stands, how likely admission is, and how many members recognize the candidate —
        as of <strong>{longDate(asOf)}</strong>. Open a case for the procedure, the votes, the map and the evidence.
      </p>
      {!parsed.ok && <LinkProblems problems={parsed.problems} />}
      <div class="toolbar">
        <AsOfControl asOf={asOf} isDefault={!parsed.state.asOf} onChange={setAsOf} />
      </div>
      <div class="table-wrap">
        <table class="overview">
          <caption class="visually-hidden">Candidates (rows) and organizations (columns) as of {asOf}</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {orgs.map((o) => (
                <th scope="col" key={o}>
                  <abbr title={ix.organization(o)?.name}>{ix.organization(o)?.shortName ?? o}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {candidates.map((cand) => (
              <tr key={cand}>
                <th scope="row">
                  <a href={href(`state/${cand}`)}>{ix.state(cand)?.name ?? cand}</a>
                  <br />
                  <a class="candidate-link" href={href(`candidate/${cand}`) + (parsed.state.asOf ? `?v=1&as=${parsed.state.asOf}` : '')} data-testid={`candidate-link-${cand}`}>
                    every organization, levers
                  </a>
                </th>
                {orgs.map((o) => {
                  const cell = cells.get(`${cand}/${o}`);
                  const why = notApplicable.get(`${cand}/${o}`);
                  if (why) {
                    return (
                      <td key={o} class="empty not-applicable" data-testid={`not-applicable-${cand}-${o}`}>
                        {why}
                      </td>
                    );
                  }
                  if (!cell) {
                    return (
                      <td key={o} class="empty">
                        <span class="visually-hidden">no case</span>
                      </td>
                    );
                  }
                  const s = cell.summary;
                  const probability = probabilities[`${cand}/${o}`];
                  const q = parsed.state.asOf ? `?v=1&as=${parsed.state.asOf}` : '';
                  return (
                    <td key={o} class={`cell ${s.isMember ? 'is-member' : s.admitted ? 'passes' : 'fails'}`}>
                      <a class="cell-link" href={href(`case/${cand}/${o}`) + q} aria-label={`${s.title}: details`}>
                        <span class="cell-status">{s.isMember ? 'member' : STATUS_LABEL[s.status.deJure] ?? s.status.deJure}</span>
                        <span class="cell-p">
                          {s.isMember ? '✓' : probability !== undefined ? pct(probability) : '…'}
                        </span>
                        {!s.isMember && <span class="cell-p-label">P(admission)</span>}
                        <span class="cell-counter">{s.counter.text.replace(` recognize ${s.candidateName}`, ' recognize')}</span>
                        {!s.isMember && s.failing.length > 0 && (
                          <span class="cell-fail">
                            blocked at “{s.failing[0].name}”
                            {s.failing[0].blockers.length ? ` by ${s.failing[0].blockers.length === 1 ? ix.state(s.failing[0].blockers[0])?.name ?? s.failing[0].blockers[0] : `${s.failing[0].blockers.length} members`}` : ''}
                          </span>
                        )}
                      </a>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="note">
        P(admission) is the exact probability that every stage passes, over the drivers and each member's stance. “Recognize” counts members whose
        recognition stands on the day, including states that denied a claimed withdrawal; members whose withdrawal is claimed by a third party are shown
        apart. “Blocked at” is the verdict with every member at its most likely position.
      </p>
    </section>
  );
}

const ORDER = ['un', 'eu', 'nato', 'coe', 'osce', 'unesco', 'interpol', 'asean'];
function orgOrder(id: string): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}
