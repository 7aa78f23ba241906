import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs in Node (src/nn, URL-state modules, content checks);
// `e2e` drives the built site in Debian's Chromium (tests/e2e/README in tests/run-all.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Two files at a time, one per core: a page's work (axe, a training, hydration) is mostly
          // single-threaded in its renderer, so a second browser nearly halves the suite's time.
          fileParallelism: true,
          maxWorkers: 2,
          // Within a file, `describe.concurrent` runs two tests at a time (pages.test.ts: one page per core).
          maxConcurrency: 2,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // A page that loads a chunk (the editor, Plot) may take seconds on a busy 2-core
          // machine: a poll waits up to 15 s (vitest's 1 s default failed under load).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
