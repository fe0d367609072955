// One case: headline, the procedure, the map, driver toggles, what it takes, the evidence, as-of, permalink, downloads.
// The page's state lives in its URL (the permalink); every change rewrites the URL and the page renders from it.
import { statusAsOf } from '../../src/engine/evaluate.ts';
import { caseNotApplicable } from '../../src/model/asof.ts';
import { methodText, OVERALL, OVERALL_DEFINITION, SCENARIO, SCENARIO_DEFINITION } from '../../src/case/wording.ts';
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import type { Assignment } from '../../src/model/drivers.ts';
import type { CaseData } from '../../src/model/schema.ts';
import type { ClientConfig } from '../../src/case/client-config.ts';
import { formatPermalink, type MapView, type PageState, parsePermalink } from '../../src/case/permalink.ts';
import { evidenceOf, resolveAll } from '../../src/case/views.ts';
import { AsOfControl } from '../components/AsOfControl.tsx';
import { Drivers } from '../components/Drivers.tsx';
import { History } from '../components/History.tsx';
import { EvidenceList } from '../components/Evidence.tsx';
import { LinkProblems } from '../components/LinkProblems.tsx';
import { Pipeline } from '../components/Pipeline.tsx';
import { Scenarios } from '../components/Scenarios.tsx';
import { Share } from '../components/Share.tsx';
import { StanceMap } from '../components/StanceMap.tsx';
import { VotersTable } from '../components/VotersTable.tsx';
import { WhatItTakes } from '../components/WhatItTakes.tsx';
import { compute, type Dynamic, hasStanceChanges, LEVELS, prepare, type Prepared, refine, type StanceChanges, stanceChangesFor } from '../compute.ts';
import { type IdleTask, whenIdle } from '../idle.ts';
import { listText, longDate, pct, RECOGNITION_LABEL, smallProbability, STATUS_LABEL, todayUtc, year } from '../format.ts';
import { geometryFor, loadAtlas } from '../map/atlas.ts';
import type { Atlas } from '../map/geometry.ts';
import { mapEntries } from '../map/stance.ts';
import { href, replaceSearch } from '../router.ts';
import { tablesInWorker } from '../tables-worker.ts';
import { openSession, type Session } from '../../src/engine/index.ts';

/**
 * How long a toggle may evaluate Monte Carlo samples of the setting's own pool before the page paints
 * (the rest, and the sensitivity's pools, come when idle).
 */
const FIRST_BURST_MS = 15;
/** While refining, the page repaints with the better estimate at most this often. */
const REFINE_REPAINT_MS = 400;

export interface CasePageProps {
  ix: Indexed;
  config: ClientConfig;
  c: CaseData;
  search: string;
}

/** Cases with this many drivers bearing on them (2^16 rows a table) and more have their tables computed in a worker. */
const WORKER_MIN_DRIVERS = 16;

/**
 * The case page. A wide case's tables are computed in a worker (web/tables-worker.ts) while the page
 * shows that it is computing and stays responsive; the case is drawn once P(admission) can be (the
 * procedure's table is in), and each stage's P when the worker has its table.
 */
export function CasePage(props: CasePageProps) {
  const { ix, c, search } = props;
  const asOf = useMemo(() => pageState(ix, c, search).parsed.state.asOf ?? todayUtc(), [ix, c, search]);
  // A day with no answer (the candidate or the organization did not exist, the body's seats are not
  // recorded) is answered as such, as the API and the CLI do, instead of computed.
  const why = caseNotApplicable(ix.organization(c.organization)!, ix.state(c.candidate), asOf);
  return why ? <CaseNotApplicable ix={ix} c={c} why={why} /> : <CaseOnDay {...props} asOf={asOf} />;
}

/** The page of a case on a day it has no answer: the reason, and the way back. */
function CaseNotApplicable({ ix, c, why }: { ix: Indexed; c: CaseData; why: string }) {
  return (
    <CaseShell ix={ix} c={c} level="not-applicable">
      <p class="not-applicable" role="status" data-testid="case-not-applicable">
        No answer on this day: {why}.
      </p>
    </CaseShell>
  );
}

/** A case page before (or instead of) its numbers: the breadcrumb and the title, then what it says. */
function CaseShell({ ix, c, level, children }: { ix: Indexed; c: CaseData; level: string; children: ComponentChildren }) {
  const org = ix.organization(c.organization)!;
  const name = ix.state(c.candidate)?.name ?? c.candidate;
  return (
    <article class="page case" data-page="case" data-case={`${c.candidate}/${c.organization}`} data-level={level}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › <a href={href(`state/${c.candidate}`)}>{name}</a> › {org.shortName}
      </nav>
      <header class="case-head">
        <div class="titles">
          <h1>
            {name} <span class="times">×</span> {org.shortName}
          </h1>
        </div>
      </header>
      {children}
    </article>
  );
}

/** A case on a day it has an answer (the day as CasePage read it from the URL). */
function CaseOnDay({ asOf, ...props }: CasePageProps & { asOf: string }) {
  const { ix, c } = props;
  const session = openSession(ix, c, asOf);
  const offload = useMemo(() => session.exact && !session.isPrepared && session.bearing >= WORKER_MIN_DRIVERS && typeof Worker === 'function', [session]);
  const [worker, setWorker] = useState<{ session: Session; procedure: boolean; done: boolean } | undefined>();
  useEffect(() => {
    if (!offload) return;
    const ask = { dataset: ix.data, candidate: c.candidate, organization: c.organization, asOf };
    return tablesInWorker(
      ask,
      (tables) => {
        session.seed(tables);
        if (tables.procedure) setWorker({ session, procedure: true, done: false });
      },
      // Done, or failed: the page then computes what is missing itself.
      () => setWorker({ session, procedure: true, done: true }),
    );
  }, [session, offload]);
  const got = worker?.session === session ? worker : undefined;
  if (offload && !got?.procedure) return <CaseComputing ix={ix} c={c} session={session} />;
  return <CaseView {...props} stagesPending={offload && !got?.done} />;
}

/** The case's title and what is being computed, while the worker computes the procedure's table. */
function CaseComputing({ ix, c, session }: { ix: Indexed; c: CaseData; session: Session }) {
  useEffect(() => void performance.mark('accede:case-computing'), []);
  return (
    <CaseShell ix={ix} c={c} level="computing">
      <p class="loading" role="status">
        Computing P(admission) over all 2<sup>{session.bearing}</sup> settings of the {session.bearing} drivers that bear on this case…
      </p>
    </CaseShell>
  );
}

/** The page's state from its URL, and the stages of admission in the evaluation's order. */
function pageState(ix: Indexed, c: CaseData, search: string) {
  const org = ix.organization(c.organization)!;
  // The stages of admission, in the evaluation's order: prior steps (`required: false`, NATO's PfP and
  // MAP) are evaluated apart, so indexing the evaluation by the whole procedure would pick the wrong stage.
  const stageIds = org.procedure.stages.filter((s) => s.required !== false).map((s) => s.id);
  return { org, stageIds, parsed: parsePermalink(search, c, stageIds) };
}

function CaseView({ ix, config, c, search, stagesPending }: CasePageProps & { stagesPending: boolean }) {
  const { org, stageIds, parsed } = useMemo(() => pageState(ix, c, search), [ix, c, search]);
  const state = parsed.state;
  const asOf = state.asOf ?? todayUtc();

  const prepared = useMemo(() => prepare(ix, c, asOf), [ix, c, asOf]);
  const fixedKey = JSON.stringify(state.fixed);
  // A case's first load computes its tables: the page paints the headline first, then works out the rest
  // a level at a time after each paint (LEVELS); the stages' P wait for the worker's tables when it
  // computes them. Once every table exists, a setting is worked out at once.
  const firstLevel = useMemo(() => (prepared.session.exact && !prepared.session.isComplete ? 0 : LEVELS.length - 1), [prepared]);
  const [reached, reach] = useState<{ for: Prepared; level: number } | undefined>();
  const level = reached?.for === prepared ? reached.level : firstLevel;
  // A Monte Carlo case paints from the samples a short burst evaluates, labelled with their number and
  // standard error, then refines when the browser is idle (below) until it shows the complete estimate.
  const [refined, repaint] = useState(0);
  const burst = useRef('');
  const dyn = useMemo(() => {
    const key = `${asOf} ${fixedKey}`;
    if (burst.current !== key) {
      burst.current = key;
      const t0 = performance.now();
      refine(prepared, state.fixed, () => performance.now() - t0 < FIRST_BURST_MS, 'setting');
    }
    return compute(ix, prepared, state.fixed, LEVELS[level]);
  }, [ix, prepared, fixedKey, refined, level]);
  const complete = dyn.remaining === 0;
  useEffect(() => {
    // Marks for the benchmark (bench/wide.bench.ts): P(admission) painted, every number painted.
    if (level === firstLevel) performance.mark('accede:case-headline');
    if (level === LEVELS.length - 1) {
      performance.mark('accede:case-complete');
      return;
    }
    if (stagesPending && LEVELS[level + 1] === 'stages') return;
    return whenIdle(() => reach({ for: prepared, level: level + 1 }));
  }, [prepared, level, stagesPending]);
  useEffect(() => {
    if (complete) return;
    let cancel: () => void;
    let shown = performance.now();
    const slice: IdleTask = (timeLeft) => {
      const left = refine(prepared, state.fixed, () => timeLeft() > 3);
      if (left === 0 || performance.now() - shown > REFINE_REPAINT_MS) {
        shown = performance.now();
        repaint((n) => n + 1);
      }
      if (left > 0) cancel = whenIdle(slice);
    };
    cancel = whenIdle(slice);
    return () => cancel();
  }, [prepared, fixedKey, complete]);
  const st = prepared.static;
  const ev = dyn.evaluation;

  // The map shows the first stage still to be decided by others (not the candidate's own step).
  // (From the evaluation, which names every stage's voters: the voters' distributions may come later.)
  const defaultStage =
    ev.stages.find((s) => s.applies && s.voters.some((v) => v.state !== c.candidate))?.id ??
    ev.stages.find((s) => s.applies && !s.estimated)?.id ??
    stageIds[0];
  const stage = state.stage ?? defaultStage;
  const stageIndex = Math.max(0, stageIds.indexOf(stage));
  const stageOutcome = ev.stages[stageIndex];

  const [atlas, setAtlas] = useState<Atlas | undefined>();
  const [atlasError, setAtlasError] = useState<string | undefined>();
  useEffect(() => {
    loadAtlas(config.root, config.version).then(setAtlas, (e: Error) => setAtlasError(e.message));
  }, []);
  const geometry = useMemo(() => (atlas ? geometryFor(atlas, state.view) : undefined), [atlas, state.view]);
  const entries = useMemo(() => mapEntries(c.candidate, st.members, dyn.voters?.[stageIndex], st.stances), [c.candidate, st.members, dyn.voters, stageIndex, st.stances]);

  useEffect(() => {
    document.title = `${st.title} — accede`;
  }, [st.title]);

  const update = (patch: Partial<PageState>) => {
    const next: PageState = { ...state, ...patch };
    replaceSearch(formatPermalink(next, { stage: defaultStage }));
  };
  const setDriver = (id: string, value: boolean | undefined) => {
    const fixed: Assignment = { ...state.fixed };
    if (value === undefined) delete fixed[id];
    else fixed[id] = value;
    update({ fixed });
  };

  // A candidate off the Europe map (Timor-Leste) opens on the world map, unless the link names a view.
  useEffect(() => {
    if (!atlas || state.view !== 'europe' || new URLSearchParams(search).has('view')) return;
    const europe = geometryFor(atlas, 'europe');
    const onMap = europe.shapes.some((s) => s.code === c.candidate) || europe.dots.some((d) => d.code === c.candidate);
    if (!onMap) update({ view: 'world' });
  }, [atlas, c.candidate]);

  const driverNames = Object.fromEntries(c.drivers.map((d) => [d.id, d.name]));
  const candidateName = st.candidateName;
  const activeTies = st.ties.filter((t) => t.active);
  const rules = org.procedure.stages.map((s) => s.rule);
  const failing = ev.stages.filter((s) => s.applies && s.outcome === 'fail');
  const estimated = dyn.method.kind !== 'exact';
  const positions = new Map(stageOutcome?.voters.map((v) => [v.state, v.position]) ?? []);

  return (
    <article class="page case" data-page="case" data-case={`${c.candidate}/${c.organization}`} data-level={LEVELS[level]}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › <a href={href(`state/${c.candidate}`)}>{candidateName}</a> › {org.shortName}
      </nav>
      <header class="case-head">
        <div class="titles">
          <h1>
            {candidateName} <span class="times">×</span> {org.shortName}
          </h1>
          <p class="subtitle">
            Can {candidateName} join the {org.name}? As of <strong>{longDate(asOf)}</strong>.
          </p>
        </div>
      </header>
      {!parsed.ok && <LinkProblems problems={parsed.problems} onReset={() => replaceSearch(formatPermalink(state, { stage: defaultStage }))} />}

      <section class="headline" aria-label="Summary">
        <div class="hl-block dejure">
          <span class="hl-label">De jure</span>
          <span class="hl-value" data-testid="status">
            {st.isMember ? 'member' : STATUS_LABEL[ev.status.deJure] ?? ev.status.deJure}
            {!st.isMember && ev.status.since ? <span class="since"> since {longDate(ev.status.since)}</span> : null}
          </span>
          <span class="hl-sub counter" data-testid="counter">
            {st.counter.text}
            {st.counter.unverified > 0 && (
              <span class="muted" data-testid="counter-unverified">
                {' '}
                ({st.counter.unverified} of these membership or recognition facts unverified; marked in the voters table)
              </span>
            )}
            {st.counter.recorded && (
              <span class="counter-bar" aria-hidden="true">
                <span style={{ width: `${(100 * st.counter.recognize) / Math.max(1, st.counter.members)}%` }} />
              </span>
            )}
          </span>
          <ol class="stage-summary" aria-label="Stages at a glance">
            {ev.stages.map((s, i) => (
              <li key={s.id} class={s.reached ? 'reached' : s.applies ? s.outcome : 'skipped'} data-stage={s.id} data-p={dyn.stageProbabilities ? String(dyn.stageProbabilities[i]) : undefined}>
                <span class="mark" aria-hidden="true">
                  {s.reached ? '✓' : !s.applies ? '–' : s.outcome === 'pass' ? '✓' : '✗'}
                </span>{' '}
                {s.name}
                <span class="muted">
                  {' '}
                  {s.reached
                    ? `reached on ${longDate(s.reached.date)}`
                    : !s.applies
                      ? 'not required'
                      : `${s.outcome === 'pass' ? 'passes' : 'fails'} · P ${dyn.stageProbabilities ? pct(dyn.stageProbabilities[i]) : '…'}`}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <div class="hl-block prob">
          <span class="hl-label">P(admission)</span>
          <span class={`hl-value big ${dyn.probability >= 0.5 ? 'likely' : ''}`} data-testid="probability" data-p={String(dyn.probability)}>
            {estimated ? '≈ ' : ''}
            {pct(dyn.probability)}
          </span>
          <span class={`hl-sub method ${dyn.method.kind}`} data-testid="method" data-method={dyn.method.kind} data-remaining={String(dyn.remaining)} data-samples={dyn.method.kind === 'exact' ? undefined : String(dyn.method.samples)}>
            {methodText(dyn.method)}
            {!complete && <span class="refining">; refining (more samples are being evaluated)…</span>}
          </span>
          {dyn.probability > 0 && dyn.probability < 0.001 && <span class="hl-sub small-p">{smallProbability(dyn.probability)}</span>}
          <span class="hl-sub" data-testid="verdict">
            {ev.admitted
              ? `In ${SCENARIO}, every stage passes.`
              : `In ${SCENARIO}: blocked at ${listText(failing.map((s) => `“${s.name}”`))}${
                  failing[0]?.blockers.length ? ` by ${listText(failing[0].blockers.map((b) => ix.state(b)?.name ?? b))}` : ''
                }.`}{' '}
            <span class="scenario-def" title={`${SCENARIO}: ${SCENARIO_DEFINITION}. P(admission) is taken ${OVERALL}: ${OVERALL_DEFINITION}.`}>
              (P(admission) {OVERALL}; the map shows {SCENARIO})
            </span>
          </span>
          <History ix={ix} c={c} asOf={asOf} fixed={state.fixed} onPick={(d) => update({ asOf: d === todayUtc() ? undefined : d })} />
        </div>
        <div class="hl-block defacto">
          <span class="hl-label">De facto</span>
          {activeTies.length === 0 ? (
            <span class="hl-sub">no recorded ties on this day</span>
          ) : (
            <ul class="ties-short">
              {activeTies.map((t) => (
                <li key={t.id} class={t.kind === 'absence' ? 'absence' : ''}>
                  <a href={`#ev-tie-${t.id}`}>{t.name}</a>
                  {t.since && <span class="since"> since {year(t.since)}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>

      <div class="toolbar">
        <AsOfControl asOf={asOf} isDefault={!state.asOf} onChange={(d) => update({ asOf: d })} />
        <Share ix={ix} config={config} c={c} asOf={asOf} asOfDefault={!state.asOf} fixed={state.fixed} />
      </div>

      <div class="case-grid">
        <aside class="case-side" aria-labelledby="h-drivers">
          <div class="sticky">
            <h2 id="h-drivers">What if…</h2>
            <Drivers
              drivers={prepared.setup.case.drivers}
              fixed={state.fixed}
              assumed={ev.drivers}
              sensitivity={dyn.sensitivity}
              probability={dyn.probability}
              evidenceCount={Object.fromEntries(Object.entries(st.driverEvidence).map(([k, v]) => [k, v.length]))}
              onChange={setDriver}
              onReset={() => update({ fixed: {} })}
            />
            {config.mode === 'server' && config.workspace && (
              <Scenarios config={config} candidate={c.candidate} organization={c.organization} asOf={state.asOf} fixed={state.fixed} />
            )}
          </div>
        </aside>
        <div class="case-main">
          <section aria-labelledby="h-procedure">
            <h2 id="h-procedure">The procedure</h2>
            {org.procedure.note && <p class="note">{org.procedure.note}</p>}
            <Pipeline ix={ix} stages={ev.stages} rules={rules} probabilities={dyn.stageProbabilities} selected={stage} onSelect={(s) => update({ stage: s })} />
          </section>

          <section aria-labelledby="h-map">
            <h2 id="h-map">
              Who stands where: <span class="stage-name">{stageOutcome?.name}</span>
            </h2>
            <div class="stage-tabs" role="radiogroup" aria-label="Stage shown on the map">
              {ev.stages.map((s, i) =>
                s.applies && !s.estimated ? (
                  <label key={s.id} class={s.id === stage ? 'on' : ''}>
                    <input type="radio" name="map-stage" value={s.id} checked={s.id === stage} onChange={() => update({ stage: s.id })} />
                    {i + 1}. {s.name}
                  </label>
                ) : null,
              )}
            </div>
            <StanceMap
              ix={ix}
              candidate={c.candidate}
              geometry={geometry}
              error={atlasError}
              entries={entries}
              stageName={stageOutcome?.name ?? ''}
              view={state.view}
              onView={(v: MapView) => update({ view: v })}
              evidence={st.stanceEvidence}
              sources={st.sources}
              driverNames={driverNames}
              unverified={st.unverified}
            />
            <VotersTable ix={ix} stage={dyn.voters?.[stageIndex]} stageName={stageOutcome?.name ?? ''} positions={positions} stances={st.stances} unverified={st.unverified} />
          </section>

          <section aria-labelledby="h-takes">
            <h2 id="h-takes">What it would take</h2>
            <WhatItTakesSoon ix={ix} prepared={prepared} dyn={dyn} fixedCount={Object.keys(state.fixed).length} />
          </section>

          <EvidenceSection ix={ix} c={c} prepared={prepared} />
        </div>

      </div>
    </article>
  );
}

/**
 * "What it would take": the stances part is a larger search, so it runs just after the repaint (and is
 * remembered per most-likely driver assignment) and a toggle reaches the screen first; when it is done,
 * only this section is drawn again.
 */
function WhatItTakesSoon({ ix, prepared, dyn, fixedCount }: { ix: Indexed; prepared: Prepared; dyn: Dynamic; fixedCount: number }) {
  const ev = dyn.evaluation;
  const changes: StanceChanges | undefined = hasStanceChanges(prepared, ev) ? stanceChangesFor(prepared, ev) : undefined;
  const [, changesReady] = useState(0);
  useEffect(() => {
    if (changes) return;
    return whenIdle(() => {
      stanceChangesFor(prepared, ev);
      changesReady((n) => n + 1);
    });
  }, [prepared, ev]);
  return <WhatItTakes ix={ix} dyn={dyn} changes={changes} fixedCount={fixedCount} />;
}

/**
 * The evidence depends on the case and the day only: it is memoized so a driver toggle does not
 * re-render its hundreds of quotes.
 */
class EvidenceSection extends Component<{ ix: Indexed; c: CaseData; prepared: Prepared }> {
  override shouldComponentUpdate(next: { ix: Indexed; c: CaseData; prepared: Prepared }): boolean {
    return next.ix !== this.props.ix || next.c !== this.props.c || next.prepared !== this.props.prepared;
  }
  override render() {
    const { ix, c, prepared } = this.props;
    const st = prepared.static;
    const ev = { status: statusAsOf(prepared.setup) };
    const candidateName = st.candidateName;
    const explicitStances = Object.entries(st.stanceEvidence).filter(([code]) => c.stances.some((s) => s.state === code));
    return (
    <section aria-labelledby="h-evidence" id="evidence">
      <h2 id="h-evidence">The evidence</h2>
      <h3>Status</h3>
      <p>
        {candidateName} {st.isMember ? 'is a member' : STATUS_LABEL[ev.status.deJure] ?? ev.status.deJure}
        {ev.status.since ? ` since ${longDate(ev.status.since)}` : ''}.{ev.status.note ? ` ${ev.status.note}` : ''}
      </p>
      <EvidenceList items={resolveAll(st.statusEvidence, st.sources)} />
      {prepared.setup.case.drivers.length > 0 && <h3>Drivers</h3>}
      {prepared.setup.case.drivers.map((d) => (
        <div key={d.id} id={`ev-driver-${d.id}`} class="ev-group">
          <h4>
            {d.name} <span class="muted">(p = {pct(d.p)})</span>
          </h4>
          {d.note && <p class="note">{d.note}</p>}
          <EvidenceList items={resolveAll(st.driverEvidence[d.id] ?? [], st.sources)} />
        </div>
      ))}
      {explicitStances.length > 0 && <h3>Stances</h3>}
      {explicitStances.map(([code, items]) => {
        const stance = c.stances.find((s) => s.state === code);
        return (
          <details key={code} id={`ev-stance-${code}`} class="ev-group">
            <summary>
              <strong>{ix.state(code)?.name ?? code}</strong>{' '}
              <span class="muted">
                ({RECOGNITION_LABEL[prepared.setup.recognition.get(code) ?? 'does-not-recognize']}; {items.length} source{items.length === 1 ? '' : 's'})
              </span>
            </summary>
            <p>
              <a href={href(`state/${code}`)}>{ix.state(code)?.name ?? code} across every case</a>
            </p>
            {stance?.note && <p class="note">{stance.note}</p>}
            <EvidenceList items={resolveAll(items, st.sources)} />
          </details>
        );
      })}
      {c.defaults.length > 0 && (
        <>
          <h3>Defaults for members without a recorded stance</h3>
          {c.defaults.map((d, i) => (
            <div key={i} class="ev-group">
              <h4>States that {d.recognition === 'any' ? 'have any status' : RECOGNITION_LABEL[d.recognition]?.split(' (')[0]} {d.recognition === 'any' ? '' : candidateName}</h4>
              <p class="note">{d.basis}</p>
              <EvidenceList items={evidenceOf(ix, d.sources, prepared.setup.asOf)} />
            </div>
          ))}
        </>
      )}
      {st.ties.length > 0 && <h3>De facto ties</h3>}
      {st.ties.map((t) => (
        <div key={t.id} id={`ev-tie-${t.id}`} class="ev-group">
          <h4>
            {t.name}{' '}
            <span class="muted">
              ({t.kind}
              {t.since ? `, since ${longDate(t.since)}` : ''}
              {t.until ? `, until ${longDate(t.until)}` : ''}
              {t.active ? '' : '; not in force on this day'})
            </span>
          </h4>
          {t.note && <p class="note">{t.note}</p>}
          <EvidenceList items={resolveAll(t.evidence, st.sources)} />
        </div>
      ))}
    </section>
    );
  }
}
