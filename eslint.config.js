// Lint: TypeScript's recommended rules for .ts, Svelte's for islands.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Each island's folder is its own: an island may import src/components/islands/shared/ and
 * anything outside the islands, never another island's folder (a part two islands need moves to
 * shared/, charts/ or src/nn). Relative specifiers are resolved against the importing file, so
 * `../labo2d/x` and `../../islands/labo2d/x` are both caught, in imports, re-exports and dynamic
 * import(). ESLint reads no .astro or .mdx here; pages and chapters mount islands and may import them.
 */
const ISLANDS = fileURLToPath(new URL('./src/components/islands/', import.meta.url));
/** The island folder a path lies in (null outside the islands, or for a file directly in islands/). */
function islandOf(file) {
  const rel = relative(ISLANDS, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : null;
}
const noCrossIslandImport = {
  meta: {
    type: 'problem',
    docs: { description: 'An island imports only its own folder and islands/shared/.' },
    messages: {
      cross:
        'The island « {{from}} » imports the folder of the island « {{to}} »: move what both need to islands/shared/, charts/ or src/nn.',
    },
    schema: [],
  },
  create(context) {
    const from = islandOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const spec = node.source;
      if (spec?.type !== 'Literal' || typeof spec.value !== 'string' || !spec.value.startsWith('.')) return;
      const to = islandOf(resolve(dirname(context.filename), spec.value));
      if (to && to !== from && to !== 'shared') context.report({ node: spec, messageId: 'cross', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default defineConfig(
  { ignores: ['dist/', 'dist-*/', '.test-build/', '.test-build-*/', '.astro/', 'node_modules/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    // src/nn has one entry for everything outside it, index.ts, and one for the lazily loaded
    // TensorFlow.js engine, tf/index.ts (import it dynamically). tests/ and bench/ test src/nn's
    // internals, and scripts/ run in plain Node, which cannot follow index.ts's extensionless
    // re-exports: they may import its files. ESLint reads neither .astro nor .mdx here and skips
    // dynamic import(): tests/unit/nn-entry.test.ts checks those.
    files: ['**/*.{ts,mts,js,mjs,svelte}'],
    ignores: ['src/nn/**', 'tests/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)nn/(?!(index|tf|tf/index)(\\.ts)?$)',
              message: 'Import src/nn through its entry, src/nn/index.ts (or src/nn/tf/index.ts for TensorFlow.js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/components/islands/**/*.{ts,mts,js,mjs,svelte}'],
    plugins: { local: { rules: { 'no-cross-island-import': noCrossIslandImport } } },
    rules: { 'local/no-cross-island-import': 'error' },
  },
);
