import { defineConfig } from 'vitest/config';

// `npm run bench`: timed runs in Node that print tables (see bench/*.bench.ts).
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 300_000,
    // One benchmark at a time: parallel files would time each other's load.
    fileParallelism: false,
  },
});
