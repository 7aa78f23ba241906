import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { cloneWeights, initWeights } from '../../../../src/nn/math/init';
import { losses } from '../../../../src/nn/math/losses';
import { fromRows, type Matrix } from '../../../../src/nn/math/matrix';
import { predict } from '../../../../src/nn/math/mlp';
import { trainMlp } from '../../../../src/nn/math/train';
import type { MlpSpec } from '../../../../src/nn/spec';
import { DIVERGENCE_REASON, type TrainOptions } from '../../../../src/nn/training';
import { randomMatrix } from './mlp-fixtures';

const xorSpec: MlpSpec = {
  inputSize: 2,
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'bce',
};
const xorX = fromRows([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
const xorY = fromRows([[0], [1], [1], [0]]);

const deepSpec: MlpSpec = {
  inputSize: 2,
  layers: [
    { units: 16, activation: 'relu' },
    { units: 16, activation: 'relu' },
    { units: 16, activation: 'relu' },
    { units: 1, activation: 'identity' },
  ],
  loss: 'mse',
};

/** y = sin(2x₁) + x₂² (+ noise) on n points of [−1, 1]². */
function regression(seed: number, n: number, noise = 0): { X: Matrix; Y: Matrix } {
  const rng = createRng(seed);
  const X = randomMatrix(rng, n, 2);
  const Y = { rows: n, cols: 1, data: new Float64Array(n) };
  for (let i = 0; i < n; i++) Y.data[i] = Math.sin(2 * X.data[2 * i]!) + X.data[2 * i + 1]! ** 2 + noise * rng.normal();
  return { X, Y };
}

describe('trainMlp learns', () => {
  it.each([[1], [2], [3]])('XOR with 2-4-1 tanh/sigmoid and BCE, to accuracy 1 (seed %i)', (seed) => {
    const weights = initWeights(xorSpec, createRng(seed), 'xavier');
    const result = trainMlp(xorSpec, weights, {
      X: xorX,
      Y: xorY,
      optimizer: { name: 'adam', learningRate: 0.05 },
      epochs: 400,
      batchSize: 4,
      seed,
    });
    expect(result.status).toBe('done');
    expect(result.epochs).toBe(400);
    const predicted = Array.from(predict(xorSpec, weights, xorX).data, (p) => (p > 0.5 ? 1 : 0));
    expect(predicted).toEqual([0, 1, 1, 0]);
    expect(result.history.at(-1)!.loss).toBeLessThan(0.1);
  });

  it('a 2-16-16-16-1 ReLU network fits a regression: the loss drops more than 10×', () => {
    const { X, Y } = regression(5, 256);
    const weights = initWeights(deepSpec, createRng(5), 'he');
    const before = losses.mse.value(predict(deepSpec, weights, X), Y);
    const result = trainMlp(deepSpec, weights, {
      X,
      Y,
      optimizer: { name: 'adam', learningRate: 0.01 },
      epochs: 80,
      batchSize: 32,
      seed: 5,
    });
    const after = losses.mse.value(predict(deepSpec, weights, X), Y);
    expect(result.status).toBe('done');
    expect(before / after).toBeGreaterThan(10);
    expect(result.history[0]!.loss / result.history.at(-1)!.loss).toBeGreaterThan(10);
  });

  it.each<[TrainOptions['optimizer']]>([
    [{ name: 'sgd', learningRate: 0.1 }],
    [{ name: 'momentum', learningRate: 0.05 }],
    [{ name: 'adagrad', learningRate: 0.05 }],
    [{ name: 'rmsprop', learningRate: 0.005 }],
    [{ name: 'sgd', learningRate: 0.2, decay: 'inverseSqrt' }],
  ])('with %o the training loss goes down', (optimizer) => {
    const { X, Y } = regression(6, 128);
    const weights = initWeights(deepSpec, createRng(6), 'he');
    const result = trainMlp(deepSpec, weights, { X, Y, optimizer, epochs: 30, batchSize: 16, seed: 6 });
    expect(result.history.at(-1)!.loss).toBeLessThan(0.5 * result.history[0]!.loss);
  });
});

describe('determinism', () => {
  const run = (seed: number) => {
    const { X, Y } = regression(9, 64, 0.1);
    const spec: MlpSpec = {
      ...deepSpec,
      layers: [
        { units: 8, activation: 'relu' },
        { units: 1, activation: 'identity' },
      ],
    };
    const weights = initWeights(spec, createRng(seed), 'he');
    const initial = cloneWeights(weights);
    const result = trainMlp(spec, weights, {
      X,
      Y,
      validation: regression(10, 32, 0.1),
      optimizer: { name: 'adam', learningRate: 0.01 },
      epochs: 15,
      batchSize: 10,
      seed,
      dropoutKeep: 0.8,
      regularization: { kind: 'l2', alpha: 0.01 },
    });
    return { initial, weights, losses: result.history.map((r) => [r.loss, r.valLoss]) };
  };

  it('the same seed gives the same initial weights, the same history and the same final weights', () => {
    const a = run(3);
    const b = run(3);
    expect(a.initial.W[0]!.data).toEqual(b.initial.W[0]!.data);
    expect(a.losses).toEqual(b.losses);
    expect(a.weights.W[1]!.data).toEqual(b.weights.W[1]!.data);
  });

  it('another seed gives another run', () => {
    const a = run(3);
    const c = run(4);
    expect(a.initial.W[0]!.data).not.toEqual(c.initial.W[0]!.data);
    expect(a.losses).not.toEqual(c.losses);
  });
});

describe('reports', () => {
  const { X, Y } = regression(11, 50);
  const spec: MlpSpec = {
    ...deepSpec,
    layers: [
      { units: 4, activation: 'tanh' },
      { units: 1, activation: 'identity' },
    ],
  };

  it('one report per epoch (1-based), valLoss only with validation data, ms ≥ 0; batches of 16, 16, 16, 2', () => {
    const batches: [number, number, number][] = [];
    const result = trainMlp(spec, initWeights(spec, createRng(1), 'xavier'), {
      X,
      Y,
      optimizer: { name: 'sgd', learningRate: 0.05 },
      epochs: 3,
      batchSize: 16,
      seed: 1,
      onBatch: ({ epoch, batch, loss }) => batches.push([epoch, batch, loss]),
    });
    expect(result.history.map((r) => r.epoch)).toEqual([1, 2, 3]);
    expect(result.history.every((r) => r.valLoss === undefined && r.ms >= 0)).toBe(true);
    expect(batches.map(([e, b]) => [e, b])).toEqual([1, 2, 3].flatMap((e) => [0, 1, 2, 3].map((b) => [e, b])));
    expect(result.bestEpoch).toBeUndefined();
  });

  it('the epoch loss is the mean of its batch losses weighted by batch size', () => {
    const batchLosses: number[] = [];
    const result = trainMlp(spec, initWeights(spec, createRng(1), 'xavier'), {
      X,
      Y,
      optimizer: { name: 'sgd', learningRate: 0.05 },
      epochs: 1,
      batchSize: 16,
      seed: 1,
      onBatch: ({ loss }) => batchLosses.push(loss),
    });
    const weighted = (16 * (batchLosses[0]! + batchLosses[1]! + batchLosses[2]!) + 2 * batchLosses[3]!) / 50;
    expect(result.history[0]!.loss).toBeCloseTo(weighted, 14);
  });

  it('valLoss is the loss of the weights after the epoch on the validation set', () => {
    const validation = regression(12, 20);
    const weights = initWeights(spec, createRng(1), 'xavier');
    const result = trainMlp(spec, weights, {
      X,
      Y,
      validation,
      optimizer: { name: 'sgd', learningRate: 0.05 },
      epochs: 2,
      batchSize: 16,
      seed: 1,
    });
    expect(result.history.at(-1)!.valLoss).toBe(losses.mse.value(predict(spec, weights, validation.X), validation.Y));
  });

  it('L2 regularisation shrinks the weights', () => {
    const norm = (alpha: number) => {
      const w = initWeights(spec, createRng(2), 'xavier');
      const base = {
        X,
        Y,
        optimizer: { name: 'sgd' as const, learningRate: 0.05 },
        epochs: 40,
        batchSize: 10,
        seed: 2,
      };
      trainMlp(spec, w, alpha > 0 ? { ...base, regularization: { kind: 'l2', alpha } } : base);
      return w.W.reduce((a, m) => a + m.data.reduce((s, v) => s + v * v, 0), 0);
    };
    expect(norm(0.5)).toBeLessThan(0.5 * norm(0));
  });
});

describe('stopping', () => {
  const { X, Y } = regression(13, 40);
  const spec: MlpSpec = {
    ...deepSpec,
    layers: [
      { units: 6, activation: 'tanh' },
      { units: 1, activation: 'identity' },
    ],
  };
  const base = { X, Y, optimizer: { name: 'sgd' as const, learningRate: 0.05 }, epochs: 10, batchSize: 8, seed: 1 };
  const fresh = () => initWeights(spec, createRng(1), 'xavier');

  it('an already aborted signal stops before the first batch', () => {
    const controller = new AbortController();
    controller.abort();
    const weights = fresh();
    const result = trainMlp(spec, weights, { ...base, signal: controller.signal });
    expect(result).toMatchObject({ status: 'stopped', epochs: 0 });
    expect(weights.W[0]!.data).toEqual(fresh().W[0]!.data);
  });

  it('aborting during epoch 2 stops at the next batch with one epoch done', () => {
    const controller = new AbortController();
    let batchesSeen = 0;
    const result = trainMlp(spec, fresh(), {
      ...base,
      signal: controller.signal,
      onBatch: ({ epoch, batch }) => {
        batchesSeen++;
        if (epoch === 2 && batch === 1) controller.abort();
      },
    });
    expect(result).toMatchObject({ status: 'stopped', epochs: 1 });
    expect(batchesSeen).toBe(5 + 2);
  });

  it('onEpoch returning "stop" stops after that epoch', () => {
    const result = trainMlp(spec, fresh(), { ...base, onEpoch: (r) => (r.epoch === 3 ? 'stop' : undefined) });
    expect(result).toMatchObject({ status: 'stopped', epochs: 3 });
    expect(result.history).toHaveLength(3);
  });

  it('a huge learning rate diverges, with the French explanation', () => {
    const result = trainMlp(spec, fresh(), { ...base, optimizer: { name: 'sgd', learningRate: 1e6 }, epochs: 50 });
    expect(result.status).toBe('diverged');
    expect(result.reason).toBe(DIVERGENCE_REASON);
    expect(result.epochs).toBeLessThan(50);
    expect(result.history.every((r) => Number.isFinite(r.loss))).toBe(true);
  });

  it('early stopping keeps the best epoch’s weights', () => {
    // few noisy points, a wide network, a big step: the validation loss soon stops improving
    const train = regression(14, 12, 0.5);
    const validation = regression(15, 100, 0);
    const wide: MlpSpec = {
      ...deepSpec,
      layers: [
        { units: 32, activation: 'relu' },
        { units: 32, activation: 'relu' },
        { units: 1, activation: 'identity' },
      ],
    };
    const weights = initWeights(wide, createRng(3), 'he');
    const result = trainMlp(wide, weights, {
      ...train,
      validation,
      optimizer: { name: 'adam', learningRate: 0.03 },
      epochs: 500,
      batchSize: 4,
      seed: 3,
      patience: 5,
    });
    expect(result.status).toBe('earlyStopped');
    expect(result.reason).toMatch(/arrêt anticipé/);
    const best = result.bestEpoch!;
    expect(result.epochs).toBe(best + 5);
    const valLosses = result.history.map((r) => r.valLoss!);
    expect(Math.min(...valLosses)).toBe(valLosses[best - 1]);
    const now = losses.mse.value(predict(wide, weights, validation.X), validation.Y);
    expect(now).toBe(valLosses[best - 1]);
    expect(now).toBeLessThan(valLosses.at(-1)!);
  });

  it.each<[string, Partial<TrainOptions>, RegExp]>([
    ['patience without validation data', { patience: 3 }, /arrêt anticipé/],
    ['a batch size of 0', { batchSize: 0 }, /taille de lot/],
    ['a fractional epoch count', { epochs: 1.5 }, /époques/],
    ['a keep probability of 0', { dropoutKeep: 0 }, /Dropout/],
    ['targets of another length', { Y: randomMatrix(createRng(1), 39, 1) }, /cibles/],
  ])('rejects %s', (_label, override, message) => {
    expect(() => trainMlp(spec, fresh(), { ...base, ...override })).toThrow(message);
  });
});
