// Routes, relative to the site root so the same app works at "/" and from a static export in any folder.
import type { ClientConfig } from '../src/case/client-config.ts';
import { whenQuiet } from './idle.ts';

export type Route =
  | { page: 'overview' }
  | { page: 'case'; candidate: string; organization: string }
  | { page: 'state'; code: string }
  | { page: 'candidate'; code: string }
  | { page: 'track-record' }
  | { page: 'workspace' }
  | { page: 'document'; id: string }
  | { page: 'not-found'; path: string };

let base: URL;

export function initRouter(config: ClientConfig): void {
  base = new URL(config.root, window.location.href);
}

/** The site root as an absolute path, ending with "/". */
export function rootPath(): string {
  return base.pathname;
}

/** An in-site URL for a route path like "case/XK/nato". */
export function href(path: string): string {
  return base.pathname + path.replace(/^\//, '');
}

export function currentRoute(): Route {
  let rel = decodeURIComponent(window.location.pathname);
  if (rel.startsWith(base.pathname)) rel = rel.slice(base.pathname.length);
  rel = rel.replace(/\/index\.html$/, '').replace(/\.html$/, '').replace(/^\/+|\/+$/g, '');
  if (rel === '' || rel === 'index') return { page: 'overview' };
  const parts = rel.split('/');
  if (parts[0] === 'case' && parts.length === 3) return { page: 'case', candidate: parts[1], organization: parts[2] };
  if (parts[0] === 'state' && parts.length === 2) return { page: 'state', code: parts[1] };
  if (parts[0] === 'candidate' && parts.length === 2) return { page: 'candidate', code: parts[1] };
  if (parts[0] === 'track-record' && parts.length === 1) return { page: 'track-record' };
  if (parts[0] === 'workspace' && parts.length === 1) return { page: 'workspace' };
  if (parts[0] === 'workspace' && parts.length === 2) return { page: 'document', id: parts[1] };
  return { page: 'not-found', path: '/' + rel };
}

type Listener = () => void;
const listeners = new Set<Listener>();

export function onNavigate(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function navigate(url: string): void {
  flushSearch();
  window.history.pushState(null, '', url);
  window.scrollTo(0, 0);
  listeners.forEach((fn) => fn());
}

/** Intercepts clicks on in-site links so navigation does not reload the app. */
export function installLinkInterceptor(): void {
  window.addEventListener('popstate', () => {
    // Back/forward moved to another entry: a change not written yet belonged to the one left.
    pendingWrite?.();
    pendingWrite = pendingSearch = undefined;
    listeners.forEach((fn) => fn());
  });
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || !url.pathname.startsWith(base.pathname)) return;
    // Downloads (page URL + extension) and API links are real files, not pages.
    if (/\.(csv|json)$/.test(url.pathname) || url.pathname.startsWith(base.pathname + 'api/')) return;
    e.preventDefault();
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
      revealHash(url.hash);
      return;
    }
    navigate(url.pathname + url.search + url.hash);
  });
}

/** A query string the page renders from but the address bar does not show yet (see replaceSearch). */
let pendingSearch: string | undefined;
let pendingWrite: (() => void) | undefined;

/** The page's query string: the one just set, even before the address bar shows it. */
export function currentSearch(): string {
  return pendingSearch ?? window.location.search;
}

/** The page's address, with the query string just set. */
export function currentHref(): string {
  flushSearch();
  return window.location.href;
}

/**
 * Replaces the query string (a permalink change) without a history entry, and re-renders from it.
 * The page renders at once; the address bar follows when the browser is idle with no frame due, or
 * within WRITE_WITHIN_MS (a history update costs a millisecond or more of the main thread in Chromium:
 * written between a toggle and its frame, it delayed the frame) — several changes in a row write once.
 */
export function replaceSearch(search: string): void {
  pendingSearch = search;
  pendingWrite ??= whenQuiet(flushSearch, WRITE_WITHIN_MS);
  listeners.forEach((fn) => fn());
}

/** The longest the address bar lags behind the page (the idle write's former deadline). */
const WRITE_WITHIN_MS = 500;

/** Writes a pending query string to the address bar now. */
function flushSearch(): void {
  pendingWrite?.();
  pendingWrite = undefined;
  if (pendingSearch === undefined) return;
  const search = pendingSearch;
  pendingSearch = undefined;
  window.history.replaceState(null, '', window.location.pathname + search + window.location.hash);
}

/** Scrolls to an anchor, opening the collapsed section that holds it. */
export function revealHash(hash: string): void {
  const el = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  el.scrollIntoView();
  flushSearch();
  window.history.replaceState(null, '', window.location.pathname + window.location.search + hash);
}
