// Evidence: quote, speaker, outlet, date and link, for every stance, driver and tie.
// Everything is text: nothing from a source is ever rendered as HTML.
import type { EvidenceItem } from '../../src/case/views.ts';
import { longDate } from '../format.ts';
import { Unverified } from './Unverified.tsx';

export function EvidenceList({ items, empty = 'No source recorded.' }: { items: EvidenceItem[]; empty?: string }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="evidence">
      {items.map((e, i) => (
        <li key={`${e.source}#${e.passage ?? i}`}>
          <Item e={e} />
        </li>
      ))}
    </ul>
  );
}

function safeUrl(u: string | undefined): string | undefined {
  return u && /^https?:\/\//i.test(u) ? u : undefined;
}

function Item({ e }: { e: EvidenceItem }) {
  const url = safeUrl(e.url);
  const title = url ? (
    <a href={url} rel="noopener noreferrer external">
      {e.title}
    </a>
  ) : (
    e.title
  );
  const meta = [e.outlet && e.outlet !== e.title ? e.outlet : undefined, longDate(e.date)].filter(Boolean).join(', ');
  return (
    <figure class="quote">
      {e.quote && <blockquote>{e.quote}</blockquote>}
      <figcaption>
        {e.speaker && <span class="speaker">{e.speaker}</span>}
        {e.speaker && ' — '}
        <cite>{title}</cite>
        {meta && <span class="meta">, {meta}</span>}
        {e.dateUnverified && <> <Unverified reasons={['the date of this source was inferred, not read on it']} /></>}
        {e.note && <span class="meta"> ({e.note})</span>}
        {e.document && !url && <span class="meta"> · document {e.document}</span>}
      </figcaption>
    </figure>
  );
}
