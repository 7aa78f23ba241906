/**
 * `npm run bench`: MNIST 784-128-10 (ReLU, softmax + cross-entropy, Adam 1e-3, batch 128) in
 * headless Chromium, the course's `trainTfMlp` against plain tfjs `model.fit` (see
 * mnist-core.ts). Speed on WASM, CPU and software WebGPU from alternating rounds of a fixed
 * number of batches (s/epoch extrapolated from them); on WASM also whole epochs with the test
 * accuracy after each. Prints one table; asserts only that the runs trained.
 */
import { loadavg } from 'node:os';
import { expect, test } from 'vitest';
import { parameterCount } from '../src/nn/spec';
import { mnistIdxFiles as files, runInChromium } from './browser.mjs';
import type { MnistBenchResult } from './browser-mnist-entry';
import { spec, type MnistBenchOptions, type MnistBenchRow } from './mnist-core';

const TARGET = 0.975;
/** Nominal training FLOPs per image: 2P forward + 4P backward (∂J/∂W and ∂J/∂A), P parameters. */
const FLOPS_PER_IMAGE = 6 * parameterCount(spec);

const noEpochs = { fitEpochs: 0, engineEpochs: 0, engineSeconds: 0 };
const runs: { backend: string; options: MnistBenchOptions }[] = [
  { backend: 'wasm', options: { steps: 100, rounds: 3, fitEpochs: 5, engineEpochs: 12, engineSeconds: 60 } },
  { backend: 'cpu', options: { steps: 30, rounds: 2, ...noEpochs } },
  { backend: 'webgpu', options: { steps: 20, rounds: 2, ...noEpochs } },
];
// MNIST_BENCH_BACKENDS=wasm,cpu limits the runs (default: all three).
const only = process.env.MNIST_BENCH_BACKENDS?.split(',');

const pct = (a: number | undefined) => (a === undefined ? '' : `${(100 * a).toFixed(2)} %`);

function format(rows: readonly MnistBenchRow[]): Record<string, string>[] {
  return rows.map((r) => {
    const fit = rows.find((f) => f.backend === r.backend && f.engine === 'model.fit')!;
    const reached = r.epochs.findIndex((e) => e.accuracy >= TARGET);
    const last = r.epochs.at(-1);
    return {
      backend: r.backend,
      engine: r.engine,
      'images/s': r.imagesPerSecond.toFixed(0),
      'vs fit': (r.imagesPerSecond / fit.imagesPerSecond).toFixed(2),
      's/epoch extrap.': (60_000 / r.imagesPerSecond).toFixed(2),
      'GFLOP/s': ((FLOPS_PER_IMAGE * r.imagesPerSecond) / 1e9).toFixed(1),
      's/epoch measured': last ? (last.seconds / r.epochs.length).toFixed(2) : '',
      'acc 1 ep': pct(r.epochs[0]?.accuracy),
      'acc 3 ep': pct(r.epochs[2]?.accuracy),
      'acc 5 ep': pct(r.epochs[4]?.accuracy),
      [`≥ ${pct(TARGET)}`]: !last
        ? ''
        : reached < 0
          ? `no (${r.epochs.length} ep, ${last.seconds.toFixed(0)} s, best ${pct(Math.max(...r.epochs.map((e) => e.accuracy)))})`
          : `epoch ${reached + 1}, ${r.epochs[reached]!.seconds.toFixed(1)} s`,
    };
  });
}

test('MNIST 784-128-10: trainTfMlp vs model.fit in Chromium on wasm, cpu and webgpu', async () => {
  const rows: MnistBenchRow[] = [];
  for (const { backend, options } of runs.filter((r) => !only || only.includes(r.backend))) {
    const t0 = performance.now();
    const result = (await runInChromium({
      entry: 'bench/browser-mnist-entry.ts',
      fn: 'runMnistBench',
      arg: { backend, options },
      files,
    })) as MnistBenchResult;
    const notes = [
      `load average ${loadavg()[0]!.toFixed(1)}`,
      result.simd === undefined ? '' : `SIMD ${result.simd ? 'yes' : 'no'}, one thread`,
      result.fallbackAdapter === undefined ? '' : `software (fallback) adapter: ${result.fallbackAdapter}`,
    ].filter(Boolean);
    console.log(
      `${backend}: ${options.rounds} × ${options.steps} batches each, alternating; ` +
        `done in ${((performance.now() - t0) / 1000).toFixed(0)} s (${notes.join('; ')})`,
    );
    rows.push(...result.rows);
  }
  console.log(
    'MNIST 784-128-10, batch 128, Adam 1e-3, 60,000 training images, accuracy on the 10,000 test images.\n' +
      'images/s: best of the alternating rounds; s/epoch extrap. = 60,000 / images/s;\n' +
      `GFLOP/s = 6 × ${parameterCount(spec)} parameters × images/s (nominal; trainTfMlp skips the first layer's ∂J/∂X).`,
  );
  console.table(format(rows));
  for (const r of rows) {
    expect(r.imagesPerSecond).toBeGreaterThan(0);
    if (r.epochs.length) expect(r.epochs.at(-1)!.accuracy).toBeGreaterThan(0.9);
  }
});
