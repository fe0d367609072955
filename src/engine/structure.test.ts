// The engine's shape: no import circle among its modules, and its test oracles (oracles/: brute
// force, Monte Carlo, random cases) used only by tests and benchmarks, never by product code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath ?? e.path, e.name)));
}

/** The relative imports of a file (static, type-only, dynamic, re-exports), as paths from the root. */
function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1])));
}

/** Every cycle found by a depth-first walk, as "a -> b -> a". */
function cycles(files: string[], importsOf: (f: string) => string[] = imports): string[] {
  const known = new Set(files);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (f: string) => {
    state.set(f, 1);
    stack.push(f);
    for (const d of importsOf(f).filter((x) => known.has(x))) {
      if (state.get(d) === 1) found.push([...stack.slice(stack.indexOf(d)), d].join(' -> '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('the engine modules', () => {
  it('import no circle (type-only imports included)', () => {
    expect(cycles(sources('src/engine'))).toEqual([]);
  });

  it('the cycle finder finds one (not vacuous)', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] };
    expect(cycles(Object.keys(graph), (f) => graph[f])).toEqual(['a -> b -> c -> a']);
    expect(imports('src/engine/plan.ts')).toContain('src/engine/stage-tables.ts');
  });

  it('product code never imports the test oracles', () => {
    const product = ['src', 'web', 'scripts'].flatMap(sources).filter((f) => !f.startsWith('src/engine/oracles/'));
    const wrong = product.flatMap((f) => imports(f).filter((d) => d.startsWith('src/engine/oracles/')).map((d) => `${f} imports ${d}`));
    expect(wrong).toEqual([]);
    expect(sources('src/engine/oracles').length).toBeGreaterThanOrEqual(3);
  });
});
