// The static export: a folder any static file server can serve. The dataset ships as JSON and the engine
// runs in the browser, so no API is needed and a CDN can serve any number of readers.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Dataset, index } from '../model/dataset.ts';
import { type Assets, contentHash } from './bundle.ts';
import { caseCsv, caseJsonText } from '../case/exports.ts';
import { pageHtml } from './shell.ts';
import { makeDirs } from '../model/make-dirs.ts';

/** Written into every export, so a later build knows the folder is one it may replace. */
export const MARKER = '.accede-static';

export interface StaticOptions {
  dir: string;
  dataset: Dataset;
  assets: Assets;
  /** The day the downloads shipped as files are computed for (the page itself always uses the reader's today). */
  asOf: string;
  /** Replace a non-empty folder that is not a previous export. */
  force?: boolean;
  /** Absolute URL path the site is served from, for the 404 page (default "/"). */
  base?: string;
}

export class StaticExportError extends Error {}

export function writeStaticSite(o: StaticOptions): { files: number; dir: string } {
  const dir = resolve(o.dir);
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER) && !o.force) {
      throw new StaticExportError(`${o.dir} is not empty and is not a previous export: choose an empty folder or add --force`);
    }
    if (entries.includes(MARKER) || o.force) for (const e of entries) rmSync(join(dir, e), { recursive: true, force: true });
  }
  try {
    makeDirs(dir);
  } catch (e) {
    throw new StaticExportError(`cannot create the folder ${o.dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const ix = index(o.dataset);
  const datasetJson = JSON.stringify(o.dataset);
  const version = contentHash(o.assets.version, datasetJson).slice(0, 10);
  let files = 0;
  const write = (rel: string, content: string) => {
    const full = join(dir, rel);
    makeDirs(dirname(full));
    writeFileSync(full, content);
    files++;
  };
  const builtAt = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  /** A page at `path` ("case/XK/nato"), written as path.html and path/index.html for servers with and without clean URLs. */
  const page = (path: string, title: string) => {
    const depth = path === '' ? 0 : path.split('/').length;
    const html = (root: string) => pageHtml({ title, config: { root, mode: 'static', version, builtAt } });
    if (path === '') {
      write('index.html', html('./'));
      return;
    }
    write(`${path}.html`, html('../'.repeat(depth - 1) || './'));
    write(`${path}/index.html`, html('../'.repeat(depth)));
  };

  write(MARKER, `accede static export; safe to delete and rebuild with: accede build --static ${o.dir}\n`);
  write('.nojekyll', '');
  write('assets/app.js', o.assets.js);
  write('assets/app.css', o.assets.css);
  write('assets/atlas.json', o.assets.atlas);
  write('data/dataset.json', datasetJson);

  page('', 'accede — what does it take to join?');
  for (const c of o.dataset.cases) {
    const base = `case/${c.candidate}/${c.organization}`;
    page(base, `${c.title ?? `${ix.state(c.candidate)?.name} × ${ix.organization(c.organization)?.shortName}`} — accede`);
    write(`${base}.csv`, caseCsv(ix, c, o.asOf, {}));
    write(`${base}.json`, `${caseJsonText(ix, c, o.asOf, {})}\n`);
  }
  for (const s of o.dataset.states) page(`state/${s.code}`, `${s.name} — accede`);
  for (const code of [...new Set(o.dataset.cases.map((c) => c.candidate))]) {
    page(`candidate/${code}`, `${o.dataset.states.find((s) => s.code === code)?.name ?? code} — every organization — accede`);
  }
  page('track-record', 'Track record — accede');
  write('404.html', pageHtml({ title: 'Not found — accede', config: { root: o.base ?? '/', mode: 'static', version, builtAt } }));
  return { files, dir };
}
