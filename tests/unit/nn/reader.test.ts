import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/nn/data/rng';
import { generators2d } from '../../../src/nn/data/generators2d';
import { initWeights } from '../../../src/nn/math/init';
import { fromRows } from '../../../src/nn/math/matrix';
import { predict } from '../../../src/nn/math/mlp';
import { trainMlp } from '../../../src/nn/math/train';
import { accuracy, predictedClasses } from '../../../src/nn/metrics';
import { captureOutput } from './capture-output';
import { outputToText } from '../../../src/nn/output/text';
import { fit } from '../../../src/nn/reader/fit';
import { linspace, toMatrix } from '../../../src/nn/reader/linspace';
import { mlp } from '../../../src/nn/reader/model';
import type { MlpSpec } from '../../../src/nn/spec';

const xorSpec: MlpSpec = {
  inputSize: 2,
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'bce',
};
const xor = {
  x: [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ],
  y: [0, 1, 1, 0],
};

describe('linspace and toMatrix', () => {
  it('spaces n points evenly, both ends included', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(-6, 6, 13)).toHaveLength(13);
    expect(linspace(-6, 6, 13)[12]).toBe(6);
    expect(linspace(-3, -0.95, 5)[4]).toBe(-0.95); // exactly: -3 + (-0.95 + 3) is -0.9500000000000002
    expect(linspace(2, 3, 1)).toEqual([2]);
    expect(linspace(2, 3, 0)).toEqual([]);
    expect(() => linspace(0, 1, 2.5)).toThrow(/entier/);
  });

  it('reads rows, a matrix, or a flat list (a column for one input, else a row)', () => {
    expect(
      toMatrix(
        [
          [1, 2],
          [3, 4],
        ],
        2,
      ),
    ).toEqual(
      fromRows([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(toMatrix([1, 2, 3], 1)).toEqual(fromRows([[1], [2], [3]]));
    expect(toMatrix([1, 2, 3], 3)).toEqual(fromRows([[1, 2, 3]]));
    const m = fromRows([[5]]);
    expect(toMatrix(m, 1)).toBe(m);
  });
});

describe('mlp', () => {
  it('is the reference engine with seeded initial weights', () => {
    const model = mlp({ ...xorSpec, seed: 3 });
    expect(model.spec).toEqual(xorSpec); // seed is not part of the spec
    expect(model.weights).toEqual(initWeights(xorSpec, createRng(3), 'xavier'));
    const X = fromRows(xor.x);
    expect(model.predict(xor.x)).toEqual(predict(xorSpec, model.weights, X));
    expect(model.forward(X)).toEqual(model.predict(X));
    expect(mlp(xorSpec, { seed: 3 }).weights).toEqual(model.weights);
    expect(mlp(xorSpec, { seed: 4 }).weights).not.toEqual(model.weights);
  });

  it('uses He initialisation for ReLU hidden layers by default', () => {
    const spec: MlpSpec = { ...xorSpec, layers: [{ units: 4, activation: 'relu' }, xorSpec.layers[1]!] };
    expect(mlp(spec).weights).toEqual(initWeights(spec, createRng(0), 'he'));
  });

  it('prints a one-line description and a summary table', () => {
    const model = mlp(xorSpec);
    expect(String(model)).toBe('Mlp(2 → 4 → 1, 17 paramètres)');
    expect(outputToText(captureOutput(() => model.summary()))).toBe(
      [
        'Mlp(2 → 4 → 1, 17 paramètres) — perte bce',
        'couche   neurones  activation  paramètres',
        'dense 1         4  tanh                12',
        'dense 2         1  sigmoid              5',
        'total                                  17',
      ].join('\n'),
    );
  });

  it('rejects an invalid spec with the engine’s French message', () => {
    expect(() => mlp({ ...xorSpec, layers: [] })).toThrow(/au moins une couche/);
  });
});

describe('fit', () => {
  it('learns XOR: the loss falls and the four points are classified', () => {
    const model = mlp({ ...xorSpec, seed: 1 });
    const before = model.evaluate(xor.x, xor.y);
    const history = fit(model, xor, { epochs: 500, lr: 0.05, seed: 1 });
    expect(history.status).toBe('done');
    expect(history.epochs).toBe(500);
    expect(history.loss).toHaveLength(500);
    expect(history.loss[499]!).toBeLessThan(before / 10);
    const p = Array.from(model.predict(xor.x).data, (v) => (v > 0.5 ? 1 : 0));
    expect(p).toEqual(xor.y);
  });

  it('is trainMlp itself: same seed, same weights and losses', () => {
    const model = mlp({ ...xorSpec, seed: 2 });
    const weights = initWeights(xorSpec, createRng(2), 'xavier');
    const history = fit(model, xor, { epochs: 20, optimizer: 'sgd', lr: 0.5, batchSize: 2, seed: 9 });
    const ref = trainMlp(xorSpec, weights, {
      X: fromRows(xor.x),
      Y: fromRows(xor.y.map((v) => [v])),
      epochs: 20,
      optimizer: { name: 'sgd', learningRate: 0.5 },
      batchSize: 2,
      seed: 9,
    });
    expect(history.loss).toEqual(ref.history.map((r) => r.loss));
    expect(model.weights).toEqual(weights);
  });

  it('trains a softmax model on a 2D dataset given as { X, labels }', () => {
    const data = generators2d.circle(createRng(5), 200, 0.05);
    const model = mlp({
      inputSize: 2,
      layers: [
        { units: 8, activation: 'tanh' },
        { units: 2, activation: 'softmax' },
      ],
      loss: 'categoricalCrossEntropy',
      seed: 5,
    });
    const history = fit(model, data, { epochs: 60, lr: 0.03 });
    expect(history.loss[59]!).toBeLessThan(history.loss[0]! / 3);
    expect(accuracy(data.labels, predictedClasses(model.predict(data.X)))).toBeGreaterThan(0.95);
  });

  it('stops when onEpoch returns false or calls report.stop()', () => {
    const byReturn = fit(mlp(xorSpec), xor, { epochs: 50, onEpoch: (r) => r.epoch < 3 });
    expect(byReturn).toMatchObject({ status: 'stopped', epochs: 3 });
    expect(byReturn.loss).toHaveLength(3);
    const seen: number[] = [];
    const byStop = fit(mlp(xorSpec), xor, {
      epochs: 50,
      onEpoch: (r) => {
        seen.push(r.epoch);
        if (r.loss < Infinity && r.epoch === 5) r.stop();
      },
    });
    expect(byStop).toMatchObject({ status: 'stopped', epochs: 5 });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports validation losses and shows one progress line that updates in place', () => {
    let history: ReturnType<typeof fit> | undefined;
    const messages = captureOutput(() => {
      history = fit(mlp(xorSpec), xor, { epochs: 4, validation: xor, progress: true });
    });
    expect(history!.valLoss).toHaveLength(4);
    expect(messages.filter((m) => m.kind === 'progress')).toHaveLength(4);
    expect(outputToText(messages)).toMatch(/^époque\u00a0: 4\/4 perte \d\.\d+$/);
  });

  it('rejects a class label that does not fit the outputs', () => {
    const model = mlp({
      inputSize: 2,
      layers: [{ units: 2, activation: 'softmax' }],
      loss: 'categoricalCrossEntropy',
    });
    expect(() => fit(model, { x: xor.x, y: [0, 1, 2, 0] })).toThrow(/classe 2/);
  });
});
