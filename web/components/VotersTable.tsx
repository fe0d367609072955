// Every voter at the selected stage, as a table: the map's content for keyboards, screen readers and analysts.
import type { Indexed } from '../../src/model/dataset.ts';
import type { SourceRefData } from '../../src/model/schema.ts';
import type { StageVoters, StanceView } from '../../src/case/views.ts';
import { pct } from '../format.ts';
import { memo } from '../memo.ts';
import { CATEGORIES, type Category, categoryOf } from '../map/stance.ts';
import { href } from '../router.ts';
import { Unverified } from './Unverified.tsx';

const LABEL = Object.fromEntries(CATEGORIES.map((c) => [c.id, c.label]));

export function VotersTable({
  ix,
  stage,
  stageName,
  positions,
  stances,
  unverified = {},
}: {
  ix: Indexed;
  stage: StageVoters | undefined;
  /** The case's stances by id (each voter names its own). */
  stances: Record<string, StanceView>;
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
            {voters.map((v) => {
              const stance = stances[v.stance];
              const origin = stance?.origin ?? 'none';
              return (
                <Row
                  key={v.state}
                  state={v.state}
                  name={ix.state(v.state)?.name ?? v.state}
                  unverified={unverified[v.state]}
                  seats={seats ? v.seats : undefined}
                  category={categoryOf(v.scenario, origin)}
                  position={positions.get(v.state) ?? '—'}
                  yes={pct(v.dist.yes)}
                  no={pct(v.dist.no)}
                  origin={origin}
                  source={sourceText(ix, stance?.sources ?? [])}
                />
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

interface RowProps {
  state: string;
  name: string;
  unverified: string[] | undefined;
  /** Shown only when some voter has more than one seat. */
  seats: number | undefined;
  category: Category;
  position: string;
  yes: string;
  no: string;
  origin: StanceView['origin'];
  source: string;
}

/** One voter's row, drawn again only when what it shows changed (a toggle moves a few voters). */
const Row = memo(function Row({ state, name, unverified, seats, category, position, yes, no, origin, source }: RowProps) {
  return (
    <tr>
      <th scope="row">
        <a href={href(`state/${state}`)}>{name}</a> <Unverified reasons={unverified} />
      </th>
      {seats !== undefined && <td class="num">{seats}</td>}
      <td>
        <span class={`chip c-${category}`} aria-hidden="true" /> {position}{' '}
        <span class="muted">({LABEL[category].toLowerCase()})</span>
      </td>
      <td class="num">{yes}</td>
      <td class="num">{no}</td>
      <td>{origin === 'stance' ? 'recorded' : origin === 'default' ? 'default' : 'no data'}</td>
      <td class="src">{source}</td>
    </tr>
  );
});

function sourceText(ix: Indexed, refs: SourceRefData[]): string {
  const first = refs[0];
  if (!first) return '';
  const id = typeof first === 'string' ? first : first.source;
  const src = ix.source(id);
  return src ? [src.outlet, src.date].filter(Boolean).join(', ') || src.title : id.replace(/^https?:\/\/(www\.)?/, '').split('/')[0];
}
