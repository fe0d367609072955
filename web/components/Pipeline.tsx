// The procedure as a pipeline of stages: each with its rule, the arithmetic spelled out, its tally,
// probability and blockers.
import { OVERALL, SCENARIO } from '../../src/case/wording.ts';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import type { RuleInput } from '../../src/model/schema.ts';
import type { StageOutcome } from '../../src/engine/evaluate.ts';
import { pct, plural } from '../format.ts';
import { href } from '../router.ts';

export interface PipelineProps {
  ix: Indexed;
  stages: StageOutcome[];
  rules: RuleInput[];
  probabilities?: number[];
  selected: string;
  onSelect: (stage: string) => void;
}

export function Pipeline({ ix, stages, rules, probabilities, selected, onSelect }: PipelineProps) {
  return (
    <ol class="pipeline" aria-label="Stages of the procedure, in order">
      {stages.map((s, i) => (
        <li key={s.id} class={`stage ${s.reached ? 'reached' : s.applies ? s.outcome : 'skipped'} ${s.id === selected ? 'selected' : ''}`} data-stage={s.id}>
          <div class="stage-head">
            <span class="stage-num" aria-hidden="true">
              {i + 1}
            </span>
            <div>
              <h3>{s.name}</h3>
              <p class="stage-body">
                {s.body} · <span class="kind">{s.kind}</span>
              </p>
            </div>
          </div>
          <p class="rule">
            <span class="label">Rule</span> {s.rule}
          </p>
          <Legal text={s.legal} />
          {s.reached ? (
            <p class="arith" data-testid={`reached-${s.id}`}>
              Reached on {s.reached.date}
              {s.reached.note ? ` — ${s.reached.note}` : ''} (timeline; counts as passed from that day).
            </p>
          ) : !s.applies ? (
            <p class="arith">Not required for this candidate.</p>
          ) : s.estimated ? (
            <p class="arith">
              The dataset cannot name this body's members; estimated chance of passing <strong>{pct(s.estimated.p)}</strong>. <span class="basis">{s.estimated.basis}</span>
            </p>
          ) : (
            <>
              <p class="arith" data-testid={`arith-${s.id}`}>
                {arithmetic(s, rules[i])}
              </p>
              <TallyBar s={s} rule={rules[i]} />
            </>
          )}
          <p class={`verdict ${s.outcome}`}>
            <span class="badge">{s.reached ? 'reached' : !s.applies ? 'skipped' : s.outcome === 'pass' ? 'passes' : 'fails'}</span>
            {s.applies && !s.estimated && <span class="margin">{marginText(s, rules[i])}</span>}
            {probabilities?.[i] !== undefined && s.applies && (
              <span class="stage-p">
                P(pass) {OVERALL} <strong>{pct(probabilities[i])}</strong>
              </span>
            )}
          </p>
          {s.blockers.length > 0 && (
            <p class="blockers">
              <span class="label">Blocked in {SCENARIO} by</span>{' '}
              {s.blockers.slice(0, MAX_BLOCKERS).map((b, j) => (
                <Fragment key={b}>
                  {j > 0 && ', '}
                  <a href={href(`state/${b}`)}>{ix.state(b)?.name ?? b}</a>
                </Fragment>
              ))}
              {s.blockers.length > MAX_BLOCKERS && <> and {s.blockers.length - MAX_BLOCKERS} more (see the table of voters)</>}
            </p>
          )}
          {s.applies && !s.estimated && (
            <button type="button" class="button subtle show-on-map" aria-pressed={s.id === selected} onClick={() => onSelect(s.id)}>
              {s.id === selected ? 'Shown on the map' : 'Show on the map'}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "2/3 of votes cast: 204 of 306 needed, 218 obtained" — the threshold and what the vote gives. */
export function arithmetic(s: StageOutcome, rule: RuleInput | undefined): string {
  const t = s.tally;
  const entitled = t.yes + t.no + t.abstain + t.absent;
  const unit = s.voters.some((v) => v.seats > 1) ? 'seats' : 'members';
  switch (rule?.type) {
    case 'unanimity':
      return `Unanimity: ${entitled} of ${entitled} ${unit} in favour needed, ${t.yes} obtained.`;
    case 'each':
      return `Ratification by every member: ${entitled} of ${entitled} needed, ${t.yes} expected.`;
    case 'consensus':
      return `Consensus: no objection among ${entitled} ${unit} needed; ${t.no === 0 ? 'none objects' : `${t.no} object${t.no === 1 ? 's' : ''}`}.`;
    case 'share': {
      const m = /: (\d+) of (\d+)$/.exec(s.required);
      const base = rule.of === 'cast' ? `${t.yes + t.no} votes cast (${t.yes} yes + ${t.no} no; ${t.abstain} abstentions and ${t.absent} absences do not count)` : rule.of === 'present' ? `${t.yes + t.no + t.abstain} present` : `all ${entitled} ${unit}`;
      if (m) return `${s.required.split(':')[0]}: ${m[1]} of ${m[2]} needed, ${t.yes} obtained — the base is ${base}.`;
      return `${s.required}; ${t.yes} obtained.`;
    }
    case 'count':
      return `${rule.n} votes in favour needed, ${t.yes} obtained.`;
    default:
      return `${capitalize(s.required)}; ${t.yes} in favour, ${t.no} against, ${t.abstain} abstaining, ${t.absent} absent.`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function marginText(s: StageOutcome, rule: RuleInput | undefined): string {
  const n = Math.abs(s.margin);
  if (rule?.type === 'noVeto') return s.outcome === 'pass' ? 'no veto' : plural(n, 'veto', 'vetoes');
  if (rule?.type === 'consensus') return s.outcome === 'pass' ? 'no objection' : plural(n, 'objection', 'objections');
  if (rule?.type === 'unanimity' || rule?.type === 'each') return s.outcome === 'pass' ? 'all in favour' : `${plural(n, 'member', 'members')} not in favour`;
  if (rule?.type === 'all' || rule?.type === 'any' || rule?.type === 'weighted') return s.outcome === 'pass' ? `margin ${s.margin}` : `short by ${n}`;
  if (s.outcome === 'pass') return s.margin > 0 ? `${plural(s.margin, 'vote', 'votes')} to spare` : 'with no vote to spare';
  return s.margin < 0 ? `${plural(n, 'vote', 'votes')} short` : 'short';
}

const MAX_BLOCKERS = 12;

function TallyBar({ s, rule }: { s: StageOutcome; rule: RuleInput | undefined }) {
  const t = s.tally;
  const total = t.yes + t.no + t.abstain + t.absent;
  if (total === 0) return null;
  let threshold: number | undefined;
  if (rule?.type === 'share') {
    const m = /: (\d+) of (\d+)$/.exec(s.required);
    if (m) {
      const need = Number(m[1]);
      // Drawn on the whole bar: for "votes cast" the base is yes + no, so the marker sits within it.
      threshold = need / total;
    }
  } else if (rule?.type === 'unanimity' || rule?.type === 'each') threshold = 1;
  const w = (n: number) => `${(100 * n) / total}%`;
  return (
    <div class="tally" role="img" aria-label={`${t.yes} yes, ${t.no} no, ${t.abstain} abstain, ${t.absent} absent`}>
      <div class="tally-bar">
        <span class="seg yes" style={{ width: w(t.yes) }} />
        <span class="seg no" style={{ width: w(t.no) }} />
        <span class="seg abstain" style={{ width: w(t.abstain) }} />
        <span class="seg absent" style={{ width: w(t.absent) }} />
        {threshold !== undefined && <span class="threshold" style={{ left: `calc(${threshold * 100}% - 1px)` }} title="needed" />}
      </div>
      <div class="tally-legend" aria-hidden="true">
        <span class="k yes">{t.yes} yes</span>
        <span class="k no">{t.no} no</span>
        {t.abstain > 0 && <span class="k abstain">{t.abstain} abstain</span>}
        {t.absent > 0 && <span class="k absent">{t.absent} absent</span>}
      </div>
    </div>
  );
}

/** The legal basis: two lines, the rest on demand (some stages quote their treaty article in full). */
function Legal({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const long = text.length > 120;
  return (
    <p class={`legal ${long && !open ? 'clamped' : ''}`}>
      {text}
      {long && (
        <button type="button" class="linklike more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'less' : 'more'}
        </button>
      )}
    </p>
  );
}
