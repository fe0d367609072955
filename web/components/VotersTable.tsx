// Every voter at the selected stage, as a table: the map's content for keyboards, screen readers and analysts.
import type { Indexed } from '../../src/model/dataset.ts';
import type { SourceRefData } from '../../src/model/schema.ts';
import type { StageVoters } from '../../src/case/views.ts';
import { pct } from '../format.ts';
import { CATEGORIES, categoryOf } from '../map/stance.ts';
import { href } from '../router.ts';
import { Unverified } from './Unverified.tsx';

const LABEL = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label]));

export function VotersTable({
  ix,
  stage,
  stageName,
  positions,
  unverified = {},
}: {
  ix: Indexed;
  stage: StageVoters | undefined;
  stageName: string;
  positions: Map<string, string>;
  /** Why a voter's membership or recognition is not checked, by state. */
  unverified?: Record<string, string[]>;
}) {
  const voters = [...(stage?.voters ?? [])].sort((a, b) => a.dist.yes - b.dist.yes || a.state.localeCompare(b.state));
  const seats = voters.some((v) => v.seats > 1);
  return (
    <details class="voters" id="voters-table">
      <summary>
        All {voters.length} voters at “{stageName}”, least likely to say yes first
      </summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">State</th>
              {seats && <th scope="col">Seats</th>}
              <th scope="col">Counted as</th>
              <th scope="col">P(yes)</th>
              <th scope="col">P(no)</th>
              <th scope="col">Stance</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {voters.map((v) => (
              <tr key={v.state}>
                <th scope="row">
                  <a href={href(`state/${v.state}`)}>{ix.state(v.state)?.name ?? v.state}</a> <Unverified reasons={unverified[v.state]} />
                </th>
                {seats && <td class="num">{v.seats}</td>}
                <td>
                  <span class={`chip c-${categoryOf(v)}`} aria-hidden="true" /> {positions.get(v.state) ?? '—'}{' '}
                  <span class="muted">({LABEL[categoryOf(v)].toLowerCase()})</span>
                </td>
                <td class="num">{pct(v.dist.yes)}</td>
                <td class="num">{pct(v.dist.no)}</td>
                <td>{v.origin === 'stance' ? 'recorded' : v.origin === 'default' ? 'default' : 'no data'}</td>
                <td class="src">{sourceText(ix, v.sources)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function sourceText(ix: Indexed, refs: SourceRefData[]): string {
  const first = refs[0];
  if (!first) return '';
  const id = typeof first === 'string' ? first : first.source;
  const src = ix.source(id);
  return src ? [src.outlet, src.date].filter(Boolean).join(', ') || src.title : id.replace(/^https?:\/\/(www\.)?/, '').split('/')[0];
}
