/**
 * One epoch of a 784-128-10 ReLU + softmax MLP on MNIST-shaped random data (10,000 images kept
 * as Uint8Array, random labels, batch 128, Adam lr 1e-3 ε 1e-8), timed two ways on the current
 * backend: the course's `trainTfMlp` (batches built on the fly from the bytes) and a plain tfjs
 * `tf.sequential` + `model.fit` on the same architecture (from one float tensor of all images,
 * whose conversion is timed apart). Shared by the Node bench and the browser bench's page.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { createRng } from '../src/nn/data/rng';
import { initWeights } from '../src/nn/math/init';
import type { MlpSpec } from '../src/nn/spec';
import { createTfMlp } from '../src/nn/tf/model';
import type { BatchSource } from '../src/nn/tf/predict';
import { trainTfMlp } from '../src/nn/tf/train';

type Tf = typeof TfModule;

export interface MlpBenchRow {
  readonly engine: string;
  readonly backend: string;
  readonly ms: number;
  readonly samplesPerSecond: number;
  /** Mean training loss of the epoch (≈ ln 10 ≈ 2.3 on random labels: it did train). */
  readonly loss: number;
  /** model.fit only: building the float tensor of all images and the one-hot labels. */
  readonly prepareMs?: number;
}

const D = 784;
const spec: MlpSpec = {
  inputSize: D,
  layers: [
    { units: 128, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categoricalCrossEntropy',
};

function mnistLike(n: number, seed: number): { pixels: Uint8Array; labels: Uint8Array; source: BatchSource } {
  const rng = createRng(seed);
  const pixels = Uint8Array.from({ length: n * D }, () => rng.int(256));
  const labels = Uint8Array.from({ length: n }, () => rng.int(10));
  const source: BatchSource = {
    count: n,
    inputs: D,
    outputs: 10,
    fill(indices, x, y) {
      y.fill(0, 0, indices.length * 10);
      indices.forEach((row, r) => {
        const from = row * D;
        for (let j = 0; j < D; j++) x[r * D + j] = pixels[from + j]! / 255;
        y[r * 10 + labels[row]!] = 1;
      });
    },
  };
  return { pixels, labels, source };
}

async function ours(tf: Tf, n: number): Promise<Omit<MlpBenchRow, 'backend'>> {
  const { source } = mnistLike(n, 1);
  const model = createTfMlp(tf, spec, initWeights(spec, createRng(2), 'he'));
  const t0 = performance.now();
  const result = await trainTfMlp(tf, model, {
    source,
    optimizer: { name: 'adam', learningRate: 1e-3, epsilon: 1e-8 },
    epochs: 1,
    batchSize: 128,
    seed: 3,
  });
  const ms = performance.now() - t0;
  model.dispose();
  return { engine: 'trainTfMlp (this course)', ms, samplesPerSecond: (n / ms) * 1000, loss: result.history[0]!.loss };
}

async function fit(tf: Tf, n: number): Promise<Omit<MlpBenchRow, 'backend'>> {
  const { pixels, labels } = mnistLike(n, 1);
  const t0 = performance.now();
  const xs = tf.tidy(() => tf.div(tf.tensor2d(Float32Array.from(pixels), [n, D]), 255));
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), 10).toFloat());
  await xs.data();
  const prepareMs = performance.now() - t0;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 128, activation: 'relu', inputShape: [D] }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  const optimizer = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const t1 = performance.now();
  const history = await model.fit(xs, ys, { batchSize: 128, epochs: 1, shuffle: true, verbose: 0 });
  const ms = performance.now() - t1;
  tf.dispose([xs, ys]);
  model.dispose();
  optimizer.dispose();
  const loss = history.history['loss']![0] as number;
  return { engine: 'tf.sequential + model.fit', ms, samplesPerSecond: (n / ms) * 1000, loss, prepareMs };
}

/**
 * Both engines on the current backend, after a warm-up of each on 1,024 samples (kernels
 * compiled, buffers allocated), alternating `rounds` times; each row is the faster of its rounds.
 */
export async function benchMlp(tf: Tf, n = 10_000, rounds = 1): Promise<MlpBenchRow[]> {
  const backend = tf.getBackend();
  await ours(tf, 1024);
  await fit(tf, 1024);
  const best: Record<string, Omit<MlpBenchRow, 'backend'>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const run of [ours, fit]) {
      const row = await run(tf, n);
      if (!best[row.engine] || row.ms < best[row.engine]!.ms) best[row.engine] = row;
    }
  }
  return Object.values(best).map((row) => ({ ...row, backend }));
}

/** The rows as a printable table, with the speed ratio trainTfMlp / model.fit. */
export function formatRows(rows: readonly MlpBenchRow[]): Record<string, string>[] {
  const fitRow = rows.find((r) => r.engine.includes('fit'));
  return rows.map((r) => ({
    backend: r.backend,
    engine: r.engine,
    'ms / epoch': r.ms.toFixed(0),
    'samples / s': r.samplesPerSecond.toFixed(0),
    'vs model.fit': fitRow ? (r.samplesPerSecond / fitRow.samplesPerSecond).toFixed(2) : '',
    loss: r.loss.toFixed(3),
    'tensor prep ms': r.prepareMs === undefined ? '' : r.prepareMs.toFixed(0),
  }));
}
