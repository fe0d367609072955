// The import graph follows the layer map (docs/architecture.md): each layer imports only the layers
// below it, the engine and the case layer import no I/O module, and no face imports another.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Which source folders each layer may import (itself included). */
const MAY_IMPORT: Record<string, string[]> = {
  'src/model': ['src/model'],
  'src/rules': ['src/model', 'src/rules'],
  'src/engine': ['src/model', 'src/rules', 'src/engine'],
  'src/case': ['src/model', 'src/rules', 'src/engine', 'src/case'],
  'src/evidence': ['src/model', 'src/evidence'],
  'src/store': ['src/model', 'src/evidence', 'src/store'],
  'src/site': ['src/model', 'src/rules', 'src/engine', 'src/case', 'src/site'],
  'src/server': ['src/model', 'src/rules', 'src/engine', 'src/case', 'src/evidence', 'src/store', 'src/site', 'src/server'],
  'src/cli': ['src/model', 'src/rules', 'src/engine', 'src/case', 'src/evidence', 'src/store', 'src/site', 'src/cli'],
  web: ['src/model', 'src/rules', 'src/engine', 'src/case', 'web'],
  'src/entry': ['src/cli', 'src/server', 'src/entry'],
};

/** Type-only imports allowed across the map: the shapes the API answers with, which the web app reads. */
const TYPES_FROM: Record<string, string[]> = { web: ['src/store'] };

/** Known exceptions, each with its reason; a new one fails the test until it is argued here. */
const EXCEPTIONS: Record<string, string> = {
  'src/model/crosscheck.ts -> src/rules/fraction.ts': 'validate checks rule thresholds as exact fractions; fraction.ts is pure arithmetic that belongs in the model',
};

/** Packages that touch the outside world (files, network, processes, databases): never in a pure layer. */
const IO = /^(node:|fs$|fs\/|path$|os$|child_process$|worker_threads$|net$|http$|better-sqlite3$|hono($|\/)|@hono\/|esbuild$|piscina$|lru-cache$|tsx($|\/)|linkedom$|@mozilla\/readability$)/;
const PURE = ['src/engine', 'src/case'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath ?? e.path, e.name)));
}

/** Every module a file imports (static, type-only and dynamic), and whether only types are imported. */
function importList(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(/(?:^|\n)\s*((?:import|export)\b[^'"]*?)\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
    out.push({ spec: m[2] ?? m[3] ?? m[4], typeOnly: !!m[1] && /^(import|export)\s+type\b/.test(m[1]) });
  }
  return out;
}
const importsOf = (file: string): string[] => importList(file).map((i) => i.spec);

function layerOf(path: string): string | undefined {
  return Object.keys(MAY_IMPORT)
    .filter((l) => path === l || path.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0];
}

const files = Object.keys(MAY_IMPORT).flatMap(sources);

/** The import circles of a graph (one per back edge of a depth-first search), each as "a -> b -> a". */
function circles(edges: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const found: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    path.push(f);
    for (const t of edges.get(f) ?? []) {
      if (state.get(t) === 'open') found.push([...path.slice(path.indexOf(t)), t].join(' -> '));
      else if (!state.has(t)) visit(t);
    }
    path.pop();
    state.set(f, 'done');
  };
  for (const f of edges.keys()) if (!state.has(f)) visit(f);
  return found;
}

describe('the layer map', () => {
  it('finds the sources of every layer', () => {
    for (const layer of Object.keys(MAY_IMPORT)) expect(files.some((f) => layerOf(f) === layer), layer).toBe(true);
  });

  it('each layer imports only the layers it may', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const layer = layerOf(file)!;
      for (const { spec, typeOnly } of importList(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(ROOT, dirname(file), spec));
        const to = layerOf(target);
        if (!to || MAY_IMPORT[layer].includes(to)) continue;
        if (typeOnly && TYPES_FROM[layer]?.includes(to)) continue;
        if (EXCEPTIONS[`${file} -> ${target}`]) continue;
        wrong.push(`${file} imports ${target} (${layer} may import ${MAY_IMPORT[layer].join(', ')})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('web/ and src/cli/ import nothing from src/server/', () => {
    const wrong = files
      .filter((f) => f.startsWith('web/') || f.startsWith('src/cli/'))
      .flatMap((f) => importsOf(f).filter((s) => s.startsWith('.') && relative(ROOT, resolve(ROOT, dirname(f), s)).startsWith('src/server/')).map((s) => `${f}: ${s}`));
    expect(wrong).toEqual([]);
  });

  it('the engine and the case layer import no I/O module (they run unchanged in the browser)', () => {
    const wrong = files
      .filter((f) => PURE.includes(layerOf(f)!))
      .flatMap((f) => importsOf(f).filter((s) => IO.test(s)).map((s) => `${f}: ${s}`));
    expect(wrong).toEqual([]);
  });

  it('no module imports itself round a circle (type-only imports count: they couple the files too)', () => {
    const known = new Set(files);
    const edges = new Map(
      files.map((f) => [
        f,
        importsOf(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => relative(ROOT, resolve(ROOT, dirname(f), s)))
          .filter((t) => known.has(t)),
      ]),
    );
    expect(circles(edges)).toEqual([]);
    // The detector finds one when there is one.
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a -> b -> c -> a']);
  });

  it('catches a violation (the checks are not vacuous)', () => {
    expect(IO.test('node:fs')).toBe(true);
    expect(IO.test('better-sqlite3')).toBe(true);
    expect(IO.test('hono/compress')).toBe(true);
    expect(IO.test('zod')).toBe(false);
    expect(importsOf('src/server/app.ts')).toContain('hono');
    expect(layerOf('src/server/routes/cases.ts')).toBe('src/server');
  });
});
