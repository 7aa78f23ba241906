/**
 * src/nn has two entries for everything outside it: `src/nn/index.ts` and, for the lazily loaded
 * TensorFlow.js engine, `src/nn/tf/index.ts`. ESLint's no-restricted-imports (eslint.config.js)
 * holds .ts, .svelte and .mjs to it, but ESLint parses neither .astro nor .mdx here, and it does
 * not look at dynamic `import()`: this test reads every file under src/ outside src/nn (the code
 * parts of .svelte, .astro and .mdx) with TypeScript's import scanner — comments and strings are
 * never mistaken for imports — and names each import that resolves to another file of src/nn.
 * (tests/ and bench/ test src/nn's internals, and scripts/ run in plain Node, which cannot follow
 * index.ts's extensionless re-exports: they are not held to the entry.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { codeOf, files } from './support/source-code';

const ROOT = resolve(import.meta.dirname, '../..');
const NN = join(ROOT, 'src/nn');
const ENTRIES = new Set([NN, join(NN, 'index'), join(NN, 'tf'), join(NN, 'tf/index')]);

/** Where `specifier`, imported from `file`, points (no extension, no `/index`), or null if not a path. */
function target(file: string, specifier: string): string | null {
  const path = specifier.replace(/\?.*$/, '');
  let full: string;
  if (path.startsWith('.')) full = resolve(dirname(file), path);
  else if (path.startsWith('/src/')) full = join(ROOT, path);
  else return null;
  return full.replace(/\.(ts|mts|js|mjs)$/, '');
}

/**
 * Imports of `text` (file `file`) into src/nn: how many, and those that bypass the two entries,
 * as `file:line: 'specifier'` (file relative to the repository).
 */
function scan(file: string, text: string): { intoNn: number; bypasses: string[] } {
  const code = codeOf(file, text);
  const bypasses: string[] = [];
  let intoNn = 0;
  for (const ref of ts.preProcessFile(code, true, true).importedFiles) {
    const to = target(file, ref.fileName);
    if (!to || (to !== NN && !to.startsWith(NN + '/'))) continue;
    intoNn++;
    if (ENTRIES.has(to)) continue;
    const line = code.slice(0, ref.pos).split('\n').length;
    bypasses.push(`${relative(ROOT, file)}:${line}: '${ref.fileName}'`);
  }
  return { intoNn, bypasses };
}

const sources = [...files(join(ROOT, 'src'))].filter(
  (p) => !p.startsWith(NN + '/') && /\.(ts|mts|js|mjs|svelte|astro|mdx)$/.test(p),
);

describe('src/nn is imported only through its entries', () => {
  test('the scanner sees every kind of import, in every kind of file', () => {
    const at = (name: string) => join(ROOT, 'src/components', name);
    const ts_ = [
      "import { a } from '../nn/format';",
      "import type { B } from '../nn';",
      '// import { c } from "../nn/spec";',
      "const { d } = await import('../nn/tf/model');",
      "export { e } from '../nn/tf';",
    ].join('\n');
    expect(scan(at('x.ts'), ts_)).toEqual({
      intoNn: 4,
      bypasses: ["src/components/x.ts:1: '../nn/format'", "src/components/x.ts:4: '../nn/tf/model'"],
    });
    const svelte = "<p>l'entrée</p>\n<script lang=\"ts\">\n  import { f } from '../nn/math/matrix';\n</script>";
    expect(scan(at('X.svelte'), svelte).bypasses).toEqual(["src/components/X.svelte:3: '../nn/math/matrix'"]);
    const astro = "---\nimport { g } from '../nn/data/rng';\n---\n<p>import { h } from '../nn/spec';</p>";
    expect(scan(at('X.astro'), astro).bypasses).toEqual(["src/components/X.astro:2: '../nn/data/rng'"]);
    const mdx = [
      '---',
      'title: T',
      '---',
      '',
      "import { i } from '../nn';",
      "import { j } from '../nn/metrics';",
      '',
      '```ts',
      "import { k } from '../nn/spec';",
      '```',
      "Texte : import { l } from '../nn/spec';",
    ].join('\n');
    expect(scan(at('x.mdx'), mdx)).toEqual({ intoNn: 2, bypasses: ["src/components/x.mdx:6: '../nn/metrics'"] });
  });

  test('no file under src/ outside src/nn reaches past src/nn/index.ts or src/nn/tf/index.ts', () => {
    let intoNn = 0;
    const bypasses: string[] = [];
    for (const file of sources) {
      const found = scan(file, readFileSync(file, 'utf8'));
      intoNn += found.intoNn;
      bypasses.push(...found.bypasses);
    }
    // The scan must see the chapters' and islands' imports, or passing would prove nothing.
    expect(intoNn).toBeGreaterThan(100);
    expect(
      bypasses,
      `import from src/nn/index.ts (or src/nn/tf/index.ts, dynamically) instead:\n${bypasses.join('\n')}`,
    ).toEqual([]);
  });
});
