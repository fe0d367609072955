// A helpful page for a URL that leads nowhere: what was wrong, and where to go instead.
import { useEffect } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import { href } from '../router.ts';

export function NotFound({ ix, reason }: { ix: Indexed; reason: string }) {
  useEffect(() => {
    document.title = 'Not found — accede';
  }, []);
  return (
    <section class="page narrow" data-page="not-found">
      <h1>Not found</h1>
      <p class="lead">{reason}</p>
      <p>
        Case pages are at <code>/case/CANDIDATE/ORGANIZATION</code> (for example <code>/case/XK/nato</code>) and state pages at{' '}
        <code>/state/CODE</code> (for example <code>/state/ES</code>). These cases are in the dataset:
      </p>
      <ul class="case-list">
        {ix.data.cases.map((c) => (
          <li key={`${c.candidate}/${c.organization}`}>
            <a href={href(`case/${c.candidate}/${c.organization}`)}>
              {c.title ?? `${ix.state(c.candidate)?.name ?? c.candidate} × ${ix.organization(c.organization)?.shortName ?? c.organization}`}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={href('')}>Go to the overview</a>
      </p>
    </section>
  );
}
