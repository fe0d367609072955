#!/usr/bin/env node
// The `accede` command. Runs the compiled CLI in dist/ (built by `npm ci` through the `prepare`
// script) when it is up to date with the sources; otherwise the TypeScript sources through tsx, so an
// edited checkout never runs stale code.
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './fresh.js';

// `accede … | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));
let main;
if (process.env.ACCEDE_FROM_SOURCE !== '1' && true) {
  // The server reads the prebuilt web app from dist/ instead of bundling it at start.
  process.env.ACCEDE_DIST = root;
  ({ main } = await import('../dist/entry/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/entry/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
