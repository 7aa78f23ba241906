// Lint: TypeScript's recommended rules for .ts, Svelte's for islands.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

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
);
