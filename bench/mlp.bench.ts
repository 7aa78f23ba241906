/**
 * `npm run bench`: the fast engine's training loop against plain tfjs `model.fit`, one epoch of
 * a 784-128-10 MLP on 10,000 MNIST-shaped samples (see mlp-core.ts): on the CPU backend in
 * Node, then on WASM in headless Chromium (browser-mlp.mjs). Prints numbers; asserts nothing
 * about time, only that each run trained (a finite loss near ln 10 on random labels).
 */
import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { benchMlp, formatRows } from './mlp-core';
import { runBrowserMlpBench } from './browser-mlp.mjs';

test('784-128-10, 10,000 samples, one epoch: trainTfMlp vs model.fit on cpu (Node)', async () => {
  await tf.setBackend('cpu');
  const rows = await benchMlp(tf, 10_000, 2);
  console.table(formatRows(rows));
  for (const r of rows) expect(Math.abs(r.loss - Math.log(10))).toBeLessThan(0.5);
});

test('the same on wasm in headless Chromium (one thread, SIMD)', async () => {
  const { rows, simd, threads } = await runBrowserMlpBench('wasm');
  console.log(`Chromium, wasm: SIMD ${simd ? 'yes' : 'no'}, threads ${threads ? 'yes' : 'no'}`);
  console.table(formatRows(rows));
  for (const r of rows) expect(Math.abs(r.loss - Math.log(10))).toBeLessThan(0.5);
});
