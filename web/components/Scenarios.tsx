// Saved scenarios (server mode with a workspace): a name for the current drivers and day, and the list of
// saved ones as permalinks. Writes go through the API, which checks the token and the server's policy.
import { useEffect, useState } from 'preact/hooks';
import type { Assignment } from '../../src/model/drivers.ts';
import type { ClientConfig } from '../../src/case/client-config.ts';
import { formatPermalink } from '../../src/case/permalink.ts';
import type { Scenario } from '../../src/store/index.ts';
import { href } from '../router.ts';

export interface ScenariosProps {
  config: ClientConfig;
  candidate: string;
  organization: string;
  asOf?: string;
  fixed: Assignment;
}

export function Scenarios({ config, candidate, organization, asOf, fixed }: ScenariosProps) {
  const [list, setList] = useState<Scenario[] | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const api = `${config.root}api/scenarios`;
  const load = () =>
    fetch(`${api}?candidate=${candidate}&organization=${organization}`)
      .then((r) => (r.ok ? r.json() : { scenarios: [] }))
      .then((b: { scenarios: Scenario[] }) => setList(b.scenarios))
      .catch(() => setList([]));
  useEffect(() => {
    void load();
  }, [candidate, organization]);

  const save = async (e: Event) => {
    e.preventDefault();
    const res = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, candidate, organization, ...(asOf ? { asOf } : {}), fixed, who: whoAmI() }),
    }).catch(() => null);
    if (!res) return setStatus('The server could not be reached.');
    if (res.status === 201) {
      setName('');
      setStatus('Saved.');
      void load();
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    setStatus(`Not saved: ${body.message ?? res.statusText}`);
  };

  return (
    <div class="scenarios">
      <h3>Saved scenarios</h3>
      {list === null ? (
        <p class="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p class="muted">None yet for this case.</p>
      ) : (
        <ul class="plain" data-testid="scenario-list">
          {list.map((s) => (
            <li key={s.id}>
              <a href={href(`case/${s.candidate}/${s.organization}`) + linkOf(s.payload)}>{s.name}</a>{' '}
              <span class="muted">({s.updatedBy})</span>
            </li>
          ))}
        </ul>
      )}
      {config.writable ? (
        <form class="save-scenario" onSubmit={save}>
          <label for="scenario-name">Save these settings as</label>
          <div class="row">
            <input id="scenario-name" type="text" required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            <button type="submit" class="button">
              Save
            </button>
          </div>
          <p class="status" role="status" aria-live="polite">
            {status}
          </p>
        </form>
      ) : (
        <p class="muted">This server is read-only.</p>
      )}
    </div>
  );
}

/** The query string of a saved scenario's payload ({asOf?, fixed}); anything unreadable is left out. */
function linkOf(payload: unknown): string {
  const p = (payload ?? {}) as { asOf?: unknown; fixed?: unknown };
  const asOf = typeof p.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.asOf) ? p.asOf : undefined;
  const fixed: Assignment = {};
  if (p.fixed && typeof p.fixed === 'object') for (const [k, v] of Object.entries(p.fixed)) if (typeof v === 'boolean' && /^[a-z0-9-]+$/.test(k)) fixed[k] = v;
  return formatPermalink({ asOf, fixed, view: 'europe' });
}

/** The name writes are signed with in the audit log, remembered in this browser. */
export function whoAmI(): string {
  try {
    return localStorage.getItem('accede.who') || 'web';
  } catch {
    return 'web';
  }
}
