// The browser half of bench/mlp.bench.ts: runs browser-mlp-entry.ts in headless Chromium
// (see browser.mjs) and returns the table rows.
import { runInChromium } from './browser.mjs';

/** @returns {Promise<{ rows: import('./mlp-core').MlpBenchRow[], simd: boolean, threads: boolean }>} */
export function runBrowserMlpBench(backend = 'wasm') {
  return runInChromium({ entry: 'bench/browser-mlp-entry.ts', fn: 'runMlpBench', arg: backend });
}
