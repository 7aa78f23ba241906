/**
 * No import cycle under src/: two modules that import each other, through any chain, cannot be
 * read, tested or split apart one at a time (issue 18 found one: the 2D lab's controller imported
 * its tfjs run, which imported the controller's type back). Type-only imports count: the cycle is
 * one of design even when the compiler erases it. Left out: dynamic `import()` (loaded later, on
 * demand) and imports with a query (`?url`, `?worker&url`: a URL, or another bundle).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { codeOf, files } from './support/source-code';

const ROOT = resolve(import.meta.dirname, '../..');
const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '.svelte', '.astro', '/index.ts', '/index.js'];

/** The file `specifier` names from `file`, or null (a package, a URL import, a file not there). */
function resolveImport(file: string, specifier: string): string | null {
  if (specifier.includes('?') || !specifier.startsWith('.')) return null;
  const base = resolve(dirname(file), specifier).replace(/\.js$/, '');
  for (const ext of EXTENSIONS) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

/** The files `text` (file `file`) imports statically. */
export function staticImports(file: string, text: string): string[] {
  const code = codeOf(file, text);
  const out: string[] = [];
  for (const ref of ts.preProcessFile(code, true, true).importedFiles) {
    // A dynamic `import(` right before the specifier.
    if (/\bimport\s*\(\s*['"`]?$/.test(code.slice(0, ref.pos))) continue;
    const to = resolveImport(file, ref.fileName);
    if (to) out.push(to);
  }
  return out;
}

/** The cycles of `graph`, each as the list of its files (Tarjan's strongly connected components). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('no import cycle under src/', () => {
  test('the scanner keeps static imports, type-only ones included, and leaves dynamic and query imports out', () => {
    const at = join(ROOT, 'src/training/x.ts');
    const code = [
      "import { TrainingClient } from './client';",
      "import type { FromTrainer } from './protocol';",
      "import { type TrainingTask } from './session';",
      "export { serveTraining } from './serve';",
      "export type { ToTrainer } from './protocol';",
      "const later = await import('./session');",
      "import url from './serve.ts?worker&url';",
      "import { nothing } from './not-there';",
    ].join('\n');
    expect(staticImports(at, code).map((p) => relative(ROOT, p))).toEqual([
      'src/training/client.ts',
      'src/training/protocol.ts',
      'src/training/session.ts',
      'src/training/serve.ts',
      'src/training/protocol.ts',
    ]);
  });

  test('a cycle is found, however long', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  test('the modules of src/ import one another without a cycle', () => {
    const graph = new Map<string, string[]>();
    for (const file of files(join(ROOT, 'src'))) {
      if (!/\.(ts|mts|js|mjs|svelte|astro|mdx)$/.test(file)) continue;
      graph.set(file, staticImports(file, readFileSync(file, 'utf8')));
    }
    // The graph must be the site's, or an empty one would pass.
    expect([...graph.values()].reduce((n, e) => n + e.length, 0)).toBeGreaterThan(500);
    const cycles = cyclesOf(graph).map((c) => c.map((p) => relative(ROOT, p)).join(' ⇄ '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });
});
