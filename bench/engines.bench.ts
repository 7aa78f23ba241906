/**
 * `npm run bench`: the same small trainings on each engine available in Node, timed in one
 * run so the printed ratios compare them on this noisy machine. Prints numbers; asserts
 * nothing about time (only that each run really trained).
 */
import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createRng, linearDataset, logicGates, logisticAccuracy, logisticStep, type NeuronParams } from '../src/nn';
import { createLineModel } from '../src/nn/tf/line-model';

const REPEATS = 5;

/** Median wall time of `REPEATS` runs of `fn`, after one warm-up run. */
async function median(fn: () => Promise<void> | void): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!;
}

test('2x + 1 on 1,000 points, 50 epochs: tfjs cpu vs wasm', async () => {
  const { xs, ys } = linearDataset(createRng(1), { n: 1000, slope: 2, intercept: 1, noise: 0.05 });
  const rows: { backend: string; ms: number }[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    await tf.setBackend(backend);
    let lastW = 0;
    const ms = await median(async () => {
      const model = createLineModel(tf, xs, ys, 1);
      await model.train({
        learningRate: 0.5,
        untilEpoch: 50,
        signal: new AbortController().signal,
        onEpoch: (r) => (lastW = r.w),
      });
      model.dispose();
    });
    expect(Math.abs(lastW - 2)).toBeLessThan(0.1);
    rows.push({ backend, ms });
  }
  const slowest = Math.max(...rows.map((r) => r.ms));
  console.table(
    rows.map((r) => ({
      backend: r.backend,
      'ms / run': r.ms.toFixed(1),
      'ms / epoch': (r.ms / 50).toFixed(2),
      'speed-up vs slowest': (slowest / r.ms).toFixed(2),
    })),
  );
});

test('one neuron learns AND, 1,000 batch steps: reference engine', async () => {
  let p: NeuronParams = { w: [0.1, -0.1], b: 0 };
  const ms = await median(() => {
    p = { w: [0.1, -0.1], b: 0 };
    for (let i = 0; i < 1000; i++) p = logisticStep(p, logicGates.and, 1).params;
  });
  expect(logisticAccuracy(p, logicGates.and)).toBe(1);
  console.table([{ engine: 'reference (TypeScript)', 'ms / 1 000 steps': ms.toFixed(2), 'µs / step': ms.toFixed(2) }]);
});
