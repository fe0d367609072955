// The HTML shell every page starts from. The app renders the page; the shell carries a readable title,
// a message for readers without JavaScript and the configuration the app needs. Pure string building.
import { type ClientConfig, datasetUrl } from '../case/client-config.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function pageHtml(opts: { title: string; description?: string; config: ClientConfig; message?: string }): string {
  const { config } = opts;
  const asset = (name: string) => `${config.root}assets/${name}?v=${config.version}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
${opts.description ? `<meta name="description" content="${escapeHtml(opts.description)}">\n` : ''}<link rel="stylesheet" href="${asset('app.css')}">
<link rel="icon" href="data:,">
<script type="application/json" id="accede-config">${scriptJson(config)}</script>
<link rel="preload" href="${escapeHtml(datasetUrl(config))}" as="fetch" crossorigin="anonymous">
<script type="module" src="${asset('app.js')}"></script>
</head>
<body>
<div id="app"><main class="shell"><h1>${escapeHtml(opts.title)}</h1><p class="loading" role="status">${escapeHtml(opts.message ?? 'Loading…')}</p>
<noscript><p>This page computes its numbers in your browser and needs JavaScript. The same numbers are available ${
    config.mode === 'server' ? `as JSON from <a href="${config.root}api/openapi.json">the API</a> and ` : ''
  }from the command line (<code>accede evaluate</code>).</p></noscript></main></div>
</body>
</html>
`;
}
