import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { activationNames, type ActivationName } from '../../../../src/nn/math/activations';
import { backward, lossAndGradients } from '../../../../src/nn/math/backprop';
import { flattenWeights, unflattenWeights } from '../../../../src/nn/math/init';
import { losses } from '../../../../src/nn/math/losses';
import { matmul, transpose } from '../../../../src/nn/math/matrix';
import { forward, predict } from '../../../../src/nn/math/mlp';
import type { MlpSpec } from '../../../../src/nn/spec';
import { maxRelativeError, numericalGradient } from '../gradient-check';
import { costOfFlat, numericalWeightGradient, randomMatrix, randomTargets, randomWeights } from './mlp-fixtures';

/** Small architectures around one activation `act`, each with a compatible loss. */
function specsFor(act: ActivationName): [string, MlpSpec][] {
  return [
    [
      '3→4→2 linear out, MSE',
      {
        inputSize: 3,
        layers: [
          { units: 4, activation: act },
          { units: 2, activation: 'identity' },
        ],
        loss: 'mse',
      },
    ],
    [
      '2→5→3→1 (act twice), MSE/2',
      {
        inputSize: 2,
        layers: [
          { units: 5, activation: act },
          { units: 3, activation: act },
          { units: 1, activation: 'identity' },
        ],
        loss: 'halfMse',
      },
    ],
    [
      '3→4→3 softmax, categorical CE',
      {
        inputSize: 3,
        layers: [
          { units: 4, activation: act },
          { units: 3, activation: 'softmax' },
        ],
        loss: 'categoricalCrossEntropy',
      },
    ],
    [
      '2→3→2 sigmoid, BCE',
      {
        inputSize: 2,
        layers: [
          { units: 3, activation: act },
          { units: 2, activation: 'sigmoid' },
        ],
        loss: 'bce',
      },
    ],
    [
      '2→3→2 with act on the output, MSE',
      {
        inputSize: 2,
        layers: [
          { units: 3, activation: 'tanh' },
          { units: 2, activation: act },
        ],
        loss: 'mse',
      },
    ],
  ];
}

const cases = activationNames.flatMap((act) => specsFor(act).map(([label, spec]) => [act, label, spec] as const));

/** Backprop's dW/db, flattened, against the centred difference of J with respect to each parameter. */
function checkAgainstFiniteDifferences(spec: MlpSpec, seed: number): number {
  const rng = createRng(seed);
  const weights = randomWeights(rng, spec);
  const X = randomMatrix(rng, 6, spec.inputSize, -1.5, 1.5);
  const Y = randomTargets(rng, spec.loss, 6, spec.layers.at(-1)!.units);
  const g = lossAndGradients(spec, weights, X, Y);
  const analytic = Array.from(flattenWeights(spec, { W: g.dW, b: g.db }));
  return maxRelativeError(analytic, numericalWeightGradient(spec, weights, costOfFlat(spec, X, Y)));
}

describe.each(cases)('backprop, hidden %s, %s', (_act, _label, spec) => {
  it.each([[1], [2]])('every dW and db equals the finite difference of the batch loss (seed %i)', (seed) => {
    expect(checkAgainstFiniteDifferences(spec, seed)).toBeLessThan(1e-6);
  });
});

describe.each<[string, MlpSpec]>([
  [
    'MAE, tanh → linear',
    {
      inputSize: 3,
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 2, activation: 'identity' },
      ],
      loss: 'mae',
    },
  ],
  [
    'hinge, relu → linear',
    {
      inputSize: 3,
      layers: [
        { units: 5, activation: 'relu' },
        { units: 2, activation: 'identity' },
      ],
      loss: 'hinge',
    },
  ],
  [
    'MSE, sigmoid → sigmoid',
    {
      inputSize: 2,
      layers: [
        { units: 3, activation: 'sigmoid' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'mse',
    },
  ],
  [
    'BCE, gelu → leakyRelu → sigmoid',
    {
      inputSize: 2,
      layers: [
        { units: 4, activation: 'gelu' },
        { units: 3, activation: 'leakyRelu' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'bce',
    },
  ],
])('backprop with %s', (_label, spec) => {
  it.each([[3], [4], [5]])('matches finite differences (seed %i)', (seed) => {
    expect(checkAgainstFiniteDifferences(spec, seed)).toBeLessThan(1e-6);
  });
});

describe('backprop with dropout (the same mask: the generator is re-seeded for every evaluation)', () => {
  const spec: MlpSpec = {
    inputSize: 3,
    layers: [
      { units: 6, activation: 'relu' },
      { units: 5, activation: 'tanh' },
      { units: 2, activation: 'identity' },
    ],
    loss: 'mse',
  };
  const rng = createRng(8);
  const weights = randomWeights(rng, spec);
  const X = randomMatrix(rng, 5, 3);
  const Y = randomMatrix(rng, 5, 2);
  const options = () => ({ dropout: { keep: 0.6, rng: createRng(77) } });

  it('masks hidden layers only, with entries 0 or 1/keep, and some zeros', () => {
    const pass = forward(spec, weights, X, options());
    expect(pass.masks).toHaveLength(3);
    expect(pass.masks![2]).toBeNull();
    const values = [...pass.masks![0]!.data, ...pass.masks![1]!.data];
    expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.6) < 1e-15)).toBe(true);
    expect(values.filter((v) => v === 0).length).toBeGreaterThan(0);
  });

  it('every dW and db equals the finite difference of the loss of the masked network', () => {
    const g = lossAndGradients(spec, weights, X, Y, options());
    const cost = (flat: readonly number[]) => {
      const w = unflattenWeights(spec, flat);
      const out = forward(spec, w, X, options()).A[3]!;
      return losses.mse.value(out, Y);
    };
    const analytic = Array.from(flattenWeights(spec, { W: g.dW, b: g.db }));
    expect(maxRelativeError(analytic, numericalWeightGradient(spec, weights, cost))).toBeLessThan(1e-6);
    // the mask matters: without it the gradient is another one
    const plain = lossAndGradients(spec, weights, X, Y);
    expect(maxRelativeError(analytic, Array.from(flattenWeights(spec, { W: plain.dW, b: plain.db })))).toBeGreaterThan(
      1e-3,
    );
  });
});

describe('a layer without bias', () => {
  const spec: MlpSpec = {
    inputSize: 3,
    layers: [
      { units: 4, activation: 'tanh', useBias: false },
      { units: 2, activation: 'identity' },
    ],
    loss: 'mse',
  };
  const rng = createRng(12);
  const weights = randomWeights(rng, spec);
  const X = randomMatrix(rng, 5, 3);
  const Y = randomMatrix(rng, 5, 2);

  it('gets db = 0, and its other gradients match finite differences', () => {
    const g = lossAndGradients(spec, weights, X, Y);
    expect(Array.from(g.db[0]!)).toEqual([0, 0, 0, 0]);
    expect(flattenWeights(spec, weights)).toHaveLength(3 * 4 + 4 * 2 + 2);
    const analytic = Array.from(flattenWeights(spec, { W: g.dW, b: g.db }));
    expect(maxRelativeError(analytic, numericalWeightGradient(spec, weights, costOfFlat(spec, X, Y)))).toBeLessThan(
      1e-6,
    );
  });

  it('ignores whatever its b holds', () => {
    const withJunk = { W: weights.W, b: [Float64Array.from([1, 2, 3, 4]), weights.b[1]!] };
    expect(predict(spec, withJunk, X).data).toEqual(predict(spec, weights, X).data);
  });
});

describe('the intermediates', () => {
  const spec: MlpSpec = {
    inputSize: 3,
    layers: [
      { units: 4, activation: 'sigmoid' },
      { units: 3, activation: 'softmax' },
    ],
    loss: 'categoricalCrossEntropy',
  };
  const rng = createRng(30);
  const weights = randomWeights(rng, spec);
  const X = randomMatrix(rng, 7, 3);
  const Y = randomTargets(rng, spec.loss, 7, 3);
  const pass = forward(spec, weights, X);
  const g = backward(spec, weights, pass, Y);

  it('dA[0] = ∂J/∂X matches finite differences in the inputs', () => {
    const numeric = numericalGradient(
      (x) =>
        losses.categoricalCrossEntropy.value(
          predict(spec, weights, { rows: 7, cols: 3, data: Float64Array.from(x) }),
          Y,
        ),
      Array.from(X.data),
    );
    expect(maxRelativeError(Array.from(g.dA[0]!.data), numeric)).toBeLessThan(1e-6);
  });

  it('have the shapes of what they differentiate; loss is J; dA[L] = ∂J/∂Ŷ', () => {
    expect(g.loss).toBeCloseTo(losses.categoricalCrossEntropy.value(pass.A[2]!, Y), 14);
    expect(g.dA.map((m) => [m.rows, m.cols])).toEqual(pass.A.map((m) => [m.rows, m.cols]));
    expect(g.dZ.map((m) => [m.rows, m.cols])).toEqual(pass.Z.map((m) => [m.rows, m.cols]));
    expect(g.dW.map((m) => [m.rows, m.cols])).toEqual(weights.W.map((m) => [m.rows, m.cols]));
    expect(Array.from(g.dA[2]!.data)).toEqual(Array.from(losses.categoricalCrossEntropy.gradient(pass.A[2]!, Y).data));
  });

  it('softmax output: dW of the last layer is A₁ᵀ(Ŷ − Y)/n, written out independently', () => {
    const yHat = pass.A[2]!;
    const diff = { rows: 7, cols: 3, data: yHat.data.map((p, i) => (p - Y.data[i]!) / 7) };
    const expected = matmul(transpose(pass.A[1]!), diff);
    expect(maxRelativeError(Array.from(g.dW[1]!.data), Array.from(expected.data))).toBeLessThan(1e-12);
  });
});

describe('forward and backward reject what does not fit', () => {
  const spec: MlpSpec = { inputSize: 2, layers: [{ units: 1, activation: 'identity' }], loss: 'mse' };
  const weights = randomWeights(createRng(1), spec);
  it.each([
    [
      'X with the wrong number of columns',
      () => forward(spec, weights, randomMatrix(createRng(1), 3, 3)),
      /3 colonnes, 2 attendues/,
    ],
    [
      'weights of another shape',
      () => forward({ ...spec, inputSize: 3 }, weights, randomMatrix(createRng(1), 3, 3)),
      /Poids incompatibles/,
    ],
    [
      'targets of another shape',
      () => lossAndGradients(spec, weights, randomMatrix(createRng(1), 3, 2), randomMatrix(createRng(1), 3, 2)),
      /tailles différentes/,
    ],
  ])('%s', (_label, run, message) => {
    expect(run).toThrow(message);
  });
});
