// The workspace (server mode): import a document, curate what was extracted from it, see the audit log.
// Every write carries the version the curator read: if someone changed the item since, the server refuses
// (409) and the page shows who changed it and reloads it, so nobody's work is silently overwritten.
// Document text is shown as text only: nothing imported is ever rendered as HTML.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Indexed } from '../../src/model/dataset.ts';
import type { ClientConfig } from '../../src/case/client-config.ts';
import type { AuditEntry, DocumentDetail, DocumentSummary, Item } from '../../src/store/index.ts';
import { whoAmI } from '../components/Scenarios.tsx';
import { longDate } from '../format.ts';
import { href, navigate } from '../router.ts';

interface Props {
  ix: Indexed;
  config: ClientConfig;
}

async function api<T>(config: ClientConfig, path: string, init?: RequestInit): Promise<{ ok: true; body: T } | { ok: false; status: number; detail: string; body: Record<string, unknown> }> {
  try {
    const res = await fetch(`${config.root}api/${path}`, init);
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (res.ok) return { ok: true, body: body as T };
    return { ok: false, status: res.status, detail: String(body.message ?? res.statusText), body };
  } catch (e) {
    return { ok: false, status: 0, detail: `the server could not be reached (${(e as Error).message})`, body: {} };
  }
}
const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function WhoField() {
  const [who, setWho] = useState(whoAmI() === 'web' ? '' : whoAmI());
  return (
    <div class="who">
      <label for="who">Your name (signs your changes in the audit log)</label>
      <input
        id="who"
        type="text"
        value={who}
        maxLength={200}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          setWho(v);
          try {
            localStorage.setItem('accede.who', v.trim());
          } catch {
            /* private mode: the name is not remembered */
          }
        }}
      />
    </div>
  );
}

export function WorkspacePage({ config }: Props) {
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState('');
  const load = async () => {
    const d = await api<{ documents: DocumentSummary[] }>(config, 'workspace/documents');
    if (d.ok) setDocs(d.body.documents);
    else setError(d.detail);
    const a = await api<{ entries: AuditEntry[] }>(config, 'workspace/audit?limit=10000');
    if (a.ok) setAudit(a.body.entries.slice(-30).reverse());
  };
  useEffect(() => {
    document.title = 'Workspace — accede';
    void load();
  }, []);
  return (
    <section class="page" data-page="workspace">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › Workspace
      </nav>
      <h1>Workspace</h1>
      <p class="lead">
        Documents imported for evidence, and the quotes, mentions and conditional claims found in them. Accept what is right, correct or reject the rest, and
        link an accepted item to the stance, driver or tie it supports; <code>accede export</code> turns accepted items into data-file changes for review.
      </p>
      {!config.writable && <p class="notice">This server is read-only: you can read the workspace but not change it.</p>}
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
      {config.writable && (
        <>
          <WhoField />
          <ImportForm config={config} onImported={(id) => navigate(href(`workspace/${id}`))} />
        </>
      )}
      <h2>Documents</h2>
      {docs === null ? (
        <p class="muted">Loading…</p>
      ) : docs.length === 0 ? (
        <p class="muted">No document yet.</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="documents">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Outlet</th>
                <th scope="col">Date</th>
                <th scope="col" class="num">
                  Pending
                </th>
                <th scope="col" class="num">
                  Accepted
                </th>
                <th scope="col" class="num">
                  Rejected
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <a href={href(`workspace/${d.id}`)}>{d.title ?? d.origin}</a>
                  </th>
                  <td>{d.outlet ?? ''}</td>
                  <td>{longDate(d.date ?? undefined)}</td>
                  <td class="num">{d.counts.pending}</td>
                  <td class="num">{d.counts.accepted}</td>
                  <td class="num">{d.counts.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Recent changes</h2>
      <AuditList entries={audit} />
    </section>
  );
}

function AuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p class="muted">Nothing yet.</p>;
  return (
    <ol class="audit" data-testid="audit">
      {entries.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 16)}</time> <strong>{e.who}</strong> {e.action} {e.entity} <code>{e.entityId}</code>
          {e.version !== null ? ` → version ${e.version}` : ''}
        </li>
      ))}
    </ol>
  );
}

function ImportForm({ config, onImported }: { config: ClientConfig; onImported: (id: string) => void }) {
  const [text, setText] = useState('');
  const [meta, setMeta] = useState({ title: '', outlet: '', date: '', url: '' });
  const [status, setStatus] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const m = Object.fromEntries(Object.entries(meta).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const r = await api<{ document: DocumentSummary; created: boolean }>(config, 'workspace/documents', postJson({ text, who: whoAmI(), meta: m }));
    if (!r.ok) return setStatus(`Not imported: ${r.detail}`);
    setStatus(r.body.created ? 'Imported.' : 'This text was already imported.');
    onImported(r.body.document.id);
  };
  const field = (k: keyof typeof meta, label: string) => (
    <label>
      {label}
      <input type="text" inputMode={k === 'url' ? 'url' : 'text'} value={meta[k]} onInput={(e) => setMeta({ ...meta, [k]: (e.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <form class="import" onSubmit={submit}>
      <h2>Import a document</h2>
      <label for="import-text">Text of the article or statement (plain text; a “title:”, “outlet:”, “date:”, “url:” header is read too)</label>
      <textarea id="import-text" rows={6} required value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <div class="meta-fields">
        {field('title', 'Title')}
        {field('outlet', 'Outlet')}
        {field('date', 'Date (YYYY-MM-DD)')}
        {field('url', 'URL')}
      </div>
      <button type="submit" class="button">
        Import and extract
      </button>{' '}
      <span role="status" class="status">
        {status}
      </span>
    </form>
  );
}

export function DocumentPage({ ix, config, id }: Props & { id: string }) {
  const [doc, setDoc] = useState<DocumentDetail | null | undefined>(undefined);
  const [error, setError] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const load = async () => {
    const r = await api<DocumentDetail>(config, `workspace/documents/${encodeURIComponent(id)}`);
    if (r.ok) setDoc(r.body);
    else {
      setDoc(null);
      setError(r.detail);
    }
  };
  useEffect(() => {
    void load();
  }, [id]);
  useEffect(() => {
    if (doc) document.title = `${doc.title ?? doc.origin} — workspace — accede`;
  }, [doc?.title]);
  const targets = useMemo(() => linkTargets(ix), [ix]);
  if (doc === undefined) return <p class="page muted">Loading…</p>;
  if (doc === null) {
    return (
      <section class="page narrow" data-page="not-found">
        <h1>Document not found</h1>
        <p class="lead">{error}</p>
        <p>
          <a href={href('workspace')}>Back to the workspace</a>
        </p>
      </section>
    );
  }
  const replace = (item: Item) => setDoc({ ...doc, items: doc.items.map((x) => (x.id === item.id ? item : x)) });
  const quotes = doc.items.filter((i) => i.kind !== 'mention');
  const mentions = doc.items.filter((i) => i.kind === 'mention');
  return (
    <section class="page" data-page="document">
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={href('')}>Overview</a> › <a href={href('workspace')}>Workspace</a> › {doc.title ?? doc.origin}
      </nav>
      <h1>{doc.title ?? doc.origin}</h1>
      <p class="subtitle">
        {[doc.outlet, longDate(doc.date ?? undefined), doc.author].filter(Boolean).join(' · ')}
        {doc.url && /^https?:\/\//.test(doc.url) && (
          <>
            {' · '}
            <a href={doc.url} rel="noopener noreferrer external">
              original
            </a>
          </>
        )}
        {' · '}imported {doc.importedAt.slice(0, 10)} by {doc.importedBy}
      </p>
      {doc.warnings.length > 0 && <p class="notice">{doc.warnings.join(' ')}</p>}
      {config.writable ? <WhoField /> : <p class="notice">This server is read-only.</p>}
      <p class="help">
        In the text, <mark class="quote">quotes</mark> and <mark class="claim">conditional claims</mark> are marked; accepted ones are underlined in blue,
        rejected ones dashed.
      </p>
      <datalist id="link-targets">
        {targets.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </datalist>
      <div class="doc-grid">
        <div class="doc-text" aria-label="Document text">
          <DocText text={doc.text} items={doc.items} selected={selected} />
        </div>
        <div class="doc-items">
          <h2>Quotes and claims ({quotes.length})</h2>
          {quotes.map((item) => (
            <ItemCard key={item.id} item={item} config={config} onChange={replace} onReload={load} onFocus={() => setSelected(item.id)} />
          ))}
          <h2>Mentions ({mentions.length})</h2>
          <p class="help">{[...new Set(mentions.map((m) => `${(m.data as { code?: string }).code ?? ''}`))].filter(Boolean).join(', ')}</p>
          <details>
            <summary>Curate the mentions</summary>
            {mentions.map((item) => (
              <ItemCard key={item.id} item={item} config={config} onChange={replace} onReload={load} onFocus={() => setSelected(item.id)} />
            ))}
          </details>
        </div>
      </div>
    </section>
  );
}

/** The text with each quote and claim marked; segments are text nodes, never HTML. */
function DocText({ text, items, selected }: { text: string; items: Item[]; selected: string | null }) {
  const marks = items.filter((i) => i.kind !== 'mention').sort((a, b) => a.start - b.start);
  const parts: Array<{ t: string; item?: Item }> = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping marks: the first one wins
    if (m.start > at) parts.push({ t: text.slice(at, m.start) });
    parts.push({ t: text.slice(m.start, m.end), item: m });
    at = m.end;
  }
  if (at < text.length) parts.push({ t: text.slice(at) });
  return (
    <div class="doc-body">
      {parts.map((p, i) =>
        p.item ? (
          <mark key={i} class={`${p.item.kind} ${p.item.status} ${p.item.id === selected ? 'selected' : ''}`} id={`mark-${p.item.id}`}>
            {p.t}
          </mark>
        ) : (
          <span key={i}>{p.t}</span>
        ),
      )}
    </div>
  );
}

function ItemCard({ item, config, onChange, onReload, onFocus }: { item: Item; config: ClientConfig; onChange: (i: Item) => void; onReload: () => void; onFocus: () => void }) {
  const [message, setMessage] = useState('');
  const [link, setLink] = useState('');
  const data = item.data as { speaker?: { name: string | null } | null; code?: string; kind?: string; condition?: { text: string } };
  const act = async (body: Record<string, unknown>) => {
    const r = await api<Item>(config, `workspace/items/${encodeURIComponent(item.id)}/curate`, postJson({ ...body, expectedVersion: item.version, who: whoAmI() }));
    if (r.ok) {
      setMessage('');
      onChange(r.body);
      return;
    }
    if (r.status === 409) {
      const cur = r.body.current as { updatedBy?: string; updatedAt?: string } | undefined;
      setMessage(`Someone else changed this item${cur?.updatedBy ? ` (${cur.updatedBy}${cur.updatedAt ? `, ${cur.updatedAt.slice(0, 16).replace('T', ' ')}` : ''})` : ''}; it has been reloaded — check it and apply your change again.`);
      onReload();
      return;
    }
    setMessage(r.detail);
  };
  const speaker = data.speaker?.name;
  return (
    <article class={`item ${item.kind} ${item.status}`} data-item={item.id} onFocusCapture={onFocus} onMouseEnter={onFocus}>
      <p class="item-head">
        <span class="badge">{item.kind}</span> <span class={`status-${item.status}`}>{item.status}</span>
        <span class="muted"> · v{item.version}</span>
        {item.updatedBy && <span class="muted"> · {item.updatedBy}</span>}
      </p>
      {item.kind === 'mention' ? (
        <p>
          “{item.text}” → <code>{data.code}</code>
        </p>
      ) : (
        <blockquote>{item.text}</blockquote>
      )}
      {item.kind !== 'mention' && <p class="muted">{speaker ? `Speaker: ${speaker}` : 'Speaker: not found'}{data.condition ? ` · condition: “${data.condition.text}”` : ''}</p>}
      {item.links.length > 0 && (
        <p class="links">
          Supports: {item.links.map((l) => (
            <code key={l}>{l}</code>
          ))}
        </p>
      )}
      {config.writable && (
        <div class="item-actions">
          <button type="button" class="button subtle" disabled={item.status === 'accepted'} onClick={() => act({ action: 'accept' })}>
            Accept
          </button>
          <button type="button" class="button subtle" disabled={item.status === 'rejected'} onClick={() => act({ action: 'reject' })}>
            Reject
          </button>
          <button type="button" class="button subtle" disabled={item.status === 'pending' && !item.edited} onClick={() => act({ action: 'reset' })}>
            Reset
          </button>
          {item.kind !== 'mention' && (
            <form
              class="link-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (link) void act({ action: 'link', link }).then(() => setLink(''));
              }}
            >
              <label>
                <span class="visually-hidden">Link {item.id} to a stance, driver or tie</span>
                <input type="text" list="link-targets" placeholder="XK/nato/stance:ES" value={link} onInput={(e) => setLink((e.target as HTMLInputElement).value)} />
              </label>
              <button type="submit" class="button subtle">
                Link
              </button>
            </form>
          )}
        </div>
      )}
      {message && (
        <p class="notice" role="alert">
          {message}
        </p>
      )}
    </article>
  );
}

/** Every stance, driver and tie an item can support, as CANDIDATE/org/kind:id. */
function linkTargets(ix: Indexed): Array<{ value: string; label: string }> {
  const out: Array<{ value: string; label: string }> = [];
  for (const c of ix.data.cases) {
    const base = `${c.candidate}/${c.organization}`;
    const title = c.title ?? base;
    for (const d of c.drivers) out.push({ value: `${base}/driver:${d.id}`, label: `${title}: ${d.name}` });
    for (const t of c.ties) out.push({ value: `${base}/tie:${t.id}`, label: `${title}: ${t.name}` });
    const org = ix.organization(c.organization);
    for (const m of new Set(org?.members.map((x) => x.state) ?? [])) out.push({ value: `${base}/stance:${m}`, label: `${title}: ${ix.state(m)?.name ?? m}'s stance` });
  }
  return out;
}
