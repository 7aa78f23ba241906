/**
 * The MNIST bench's trainings, run in the page (browser-mnist-entry.ts): a 784-128-10 MLP (ReLU
 * hidden layer, softmax output, categorical cross-entropy), Adam lr 1e-3 (β 0.9/0.999, ε 1e-7,
 * tfjs' default off WebGL, given explicitly), batch 128, on the 60,000 training images (no
 * validation split), tested on the 10,000 test images; two ways on the current backend:
 * - `trainTfMlp`, the course's engine loop, batches built on the fly from the bytes
 *   (`mnistSource`, pixels x/255), He-initialised weights;
 * - plain tfjs: `tf.sequential` with the same two dense layers (its default Glorot init),
 *   `model.fit` (shuffle on) on one float tensor of the images x/255.
 * Speed: `rounds` rounds of `steps` batches, the two alternating (this machine is shared: the
 * load changes from minute to minute, alternating keeps the ratio fair), the fastest round of
 * each kept, after a warm-up. Accuracy (`epochs`): whole epochs, test accuracy after each.
 */
import type * as TfModule from '@tensorflow/tfjs';
import type { MnistSet } from '../src/nn/data/mnist';
import { createRng } from '../src/nn/data/rng';
import { initWeights } from '../src/nn/math/init';
import type { MlpSpec } from '../src/nn/spec';
import { mnistSource } from '../src/nn/tf/mnist-source';
import { createTfMlp } from '../src/nn/tf/model';
import { predictInBatches } from '../src/nn/tf/predict';
import { trainTfMlp, type TfTrainOptions } from '../src/nn/tf/train';

type Tf = typeof TfModule;

export const D = 784;
export const BATCH = 128;
export const spec: MlpSpec = {
  inputSize: D,
  layers: [
    { units: 128, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categoricalCrossEntropy',
};
const adam = { name: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

export interface EpochPoint {
  /** Training seconds since the start (evaluations excluded). */
  readonly seconds: number;
  /** Share of the 10,000 test images classified right. */
  readonly accuracy: number;
}

export interface MnistBenchOptions {
  readonly steps: number;
  readonly rounds: number;
  /** Whole epochs of model.fit, with accuracies (0: none). */
  readonly fitEpochs: number;
  /** Whole epochs of trainTfMlp at most, stopping once `engineSeconds` of training have passed. */
  readonly engineEpochs: number;
  readonly engineSeconds: number;
}

export interface MnistBenchRow {
  readonly engine: 'trainTfMlp' | 'model.fit';
  readonly backend: string;
  /** Training images per second, best of the alternating rounds of `steps` batches. */
  readonly imagesPerSecond: number;
  /** Whole epochs (possibly none), with the test accuracy after each. */
  readonly epochs: readonly EpochPoint[];
}

const firstRows = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Share of `test` whose arg max of the predicted probabilities (n × 10) is the label. */
function accuracy(p: Float32Array, test: MnistSet): number {
  let right = 0;
  for (let i = 0; i < test.count; i++) {
    let best = 0;
    for (let k = 1; k < 10; k++) if (p[i * 10 + k]! > p[i * 10 + best]!) best = k;
    if (best === test.labels[i]) right++;
  }
  return right / test.count;
}

/** The course's engine: one model, trained by `trainTfMlp` runs of `rows` (all: undefined). */
function engine(tf: Tf, train: MnistSet, test: MnistSet) {
  const model = createTfMlp(tf, spec, initWeights(spec, createRng(1), 'he'));
  const run = (rows: readonly number[] | undefined, epochs: number, afterEpoch?: TfTrainOptions['afterEpoch']) =>
    trainTfMlp(tf, model, {
      source: mnistSource(train, rows),
      optimizer: adam,
      epochs,
      batchSize: BATCH,
      seed: 2,
      ...(afterEpoch ? { afterEpoch } : {}),
    });
  return {
    /** Seconds of one epoch of `steps` batches. */
    async time(steps: number): Promise<number> {
      return (await run(firstRows(steps * BATCH), 1)).history[0]!.ms / 1000;
    },
    async epochs(max: number, maxSeconds: number): Promise<EpochPoint[]> {
      model.setWeights(initWeights(spec, createRng(1), 'he'));
      const points: EpochPoint[] = [];
      let seconds = 0;
      await run(undefined, max, async (report) => {
        seconds += report.ms / 1000;
        const p = await predictInBatches(tf, model, mnistSource(test));
        points.push({ seconds, accuracy: accuracy(p, test) });
        return seconds >= maxSeconds ? 'stop' : undefined;
      });
      return points;
    },
    dispose: () => model.dispose(),
  };
}

/** The first n images of `set` as one (n × 784) float tensor x/255, and one-hot labels (n × 10). */
function tensors(tf: Tf, set: MnistSet, n: number): [TfModule.Tensor2D, TfModule.Tensor2D] {
  return tf.tidy(() => [
    tf.div(tf.tensor2d(Float32Array.from(set.images.subarray(0, n * D)), [n, D]), 255),
    tf.oneHot(tf.tensor1d(Int32Array.from(set.labels.subarray(0, n)), 'int32'), 10).toFloat() as TfModule.Tensor2D,
  ]);
}

/** Plain tfjs: a tf.sequential compiled with tfjs' Adam, trained by `model.fit`. */
function plainFit(tf: Tf, train: MnistSet, test: MnistSet) {
  const build = () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 128, activation: 'relu', inputShape: [D] }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const optimizer = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon);
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    return { model, dispose: () => (model.dispose(), optimizer.dispose()) };
  };
  const timed = build();
  const data = new Map<number, [TfModule.Tensor2D, TfModule.Tensor2D]>();
  return {
    async time(steps: number): Promise<number> {
      if (!data.has(steps)) data.set(steps, tensors(tf, train, steps * BATCH));
      const [xs, ys] = data.get(steps)!;
      const t0 = performance.now();
      await timed.model.fit(xs, ys, { batchSize: BATCH, epochs: 1, shuffle: true, verbose: 0 });
      return (performance.now() - t0) / 1000;
    },
    async epochs(epochs: number): Promise<EpochPoint[]> {
      const fresh = build();
      const [xs, ys] = tensors(tf, train, train.count);
      const [testX] = tensors(tf, test, test.count);
      const points: EpochPoint[] = [];
      let begin = 0;
      let seconds = 0;
      try {
        await fresh.model.fit(xs, ys, {
          batchSize: BATCH,
          epochs,
          shuffle: true,
          verbose: 0,
          callbacks: {
            onEpochBegin: async () => void (begin = performance.now()),
            onEpochEnd: async () => {
              seconds += (performance.now() - begin) / 1000;
              const p = fresh.model.predict(testX, { batchSize: 1024 }) as TfModule.Tensor;
              points.push({ seconds, accuracy: accuracy(await p.data<'float32'>(), test) });
              p.dispose();
            },
          },
        });
      } finally {
        tf.dispose([xs, ys, testX]);
        fresh.dispose();
      }
      return points;
    },
    dispose() {
      tf.dispose([...data.values()].flat());
      timed.dispose();
    },
  };
}

export async function benchMnist(
  tf: Tf,
  train: MnistSet,
  test: MnistSet,
  o: MnistBenchOptions,
): Promise<MnistBenchRow[]> {
  const backend = tf.getBackend();
  const ours = engine(tf, train, test);
  const fit = plainFit(tf, train, test);
  try {
    // warm-up: kernels compiled, buffers allocated, tensors of the timed images built
    await ours.time(5);
    await fit.time(5);
    await fit.time(o.steps);
    const best = { ours: Infinity, fit: Infinity };
    for (let r = 0; r < o.rounds; r++) {
      best.ours = Math.min(best.ours, await ours.time(o.steps));
      best.fit = Math.min(best.fit, await fit.time(o.steps));
    }
    const images = o.steps * BATCH;
    const oursEpochs = o.engineEpochs > 0 ? await ours.epochs(o.engineEpochs, o.engineSeconds) : [];
    const fitEpochs = o.fitEpochs > 0 ? await fit.epochs(o.fitEpochs) : [];
    return [
      { engine: 'trainTfMlp', backend, imagesPerSecond: images / best.ours, epochs: oursEpochs },
      { engine: 'model.fit', backend, imagesPerSecond: images / best.fit, epochs: fitEpochs },
    ];
  } finally {
    ours.dispose();
    fit.dispose();
  }
}
