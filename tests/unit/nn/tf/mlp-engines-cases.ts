/**
 * The cases of the engine comparison (mlp-engines-suite.ts): three named architectures with the
 * reference engine's initial weights, and small table-driven nets with larger random weights
 * (one per hidden activation, per output activation, per loss), each with a batch and targets.
 */
import { createRng } from '../../../../src/nn/data/rng';
import { activationNames } from '../../../../src/nn/math/activations';
import { initWeights, type InitScheme } from '../../../../src/nn/math/init';
import type { Matrix } from '../../../../src/nn/math/matrix';
import type { MlpSpec, MlpWeights } from '../../../../src/nn/spec';
import { randomMatrix, randomTargets, randomWeights } from '../math/mlp-fixtures';

export interface Case {
  readonly name: string;
  readonly spec: MlpSpec;
  readonly weights: (seed: number) => MlpWeights;
  readonly X: Matrix;
  readonly Y: Matrix;
}

function initCase(name: string, spec: MlpSpec, scheme: InitScheme, n: number, inputs: [number, number]): Case {
  const rng = createRng(11);
  const k = spec.layers[spec.layers.length - 1]!.units;
  return {
    name,
    spec,
    weights: (seed) => initWeights(spec, createRng(seed), scheme),
    X: randomMatrix(rng, n, spec.inputSize, ...inputs),
    Y: randomTargets(rng, spec.loss, n, k),
  };
}

export const mlp = (
  inputSize: number,
  hidden: number[],
  act: MlpSpec['layers'][number]['activation'],
  out: MlpSpec['layers'][number],
  loss: MlpSpec['loss'],
): MlpSpec => ({
  inputSize,
  layers: [...hidden.map((units) => ({ units, activation: act })), out],
  loss,
});

export const named: Case[] = [
  initCase(
    '2-8-8-1 tanh, sigmoid + BCE (xavier)',
    mlp(2, [8, 8], 'tanh', { units: 1, activation: 'sigmoid' }, 'bce'),
    'xavier',
    16,
    [-2, 2],
  ),
  initCase(
    '2-16-16-16-1 ReLU + MSE (he, 609 parameters)',
    mlp(2, [16, 16, 16], 'relu', { units: 1, activation: 'identity' }, 'mse'),
    'he',
    16,
    [-2, 2],
  ),
  initCase(
    '784-40-10 ReLU, softmax + CCE (he, batch of 32)',
    mlp(784, [40], 'relu', { units: 10, activation: 'softmax' }, 'categoricalCrossEntropy'),
    'he',
    32,
    [0, 1],
  ),
];

/** Small nets with random (larger than initial) weights and biases: one per hidden activation, one per loss. */
function smallCase(name: string, spec: MlpSpec): Case {
  const rng = createRng(5);
  const k = spec.layers[spec.layers.length - 1]!.units;
  return {
    name,
    spec,
    weights: (seed) => randomWeights(createRng(seed), spec),
    X: randomMatrix(rng, 8, spec.inputSize),
    Y: randomTargets(rng, spec.loss, 8, k),
  };
}
export const tableCases: Case[] = [
  ...activationNames.map((act) =>
    smallCase(`3-5-4-2 ${act} + MSE`, mlp(3, [5, 4], act, { units: 2, activation: 'identity' }, 'mse')),
  ),
  ...activationNames
    .filter((act) => act !== 'step')
    .map((act) =>
      smallCase(`3-5-2 tanh, ${act} output + MSE/2`, mlp(3, [5], 'tanh', { units: 2, activation: act }, 'halfMse')),
    ),
  smallCase('3-5-2 tanh + MAE', mlp(3, [5], 'tanh', { units: 2, activation: 'identity' }, 'mae')),
  smallCase('3-5-2 tanh, sigmoid + BCE', mlp(3, [5], 'tanh', { units: 2, activation: 'sigmoid' }, 'bce')),
  smallCase(
    '3-5-3 gelu, softmax + CCE',
    mlp(3, [5], 'gelu', { units: 3, activation: 'softmax' }, 'categoricalCrossEntropy'),
  ),
  smallCase('3-5-2 leakyRelu + hinge', mlp(3, [5], 'leakyRelu', { units: 2, activation: 'identity' }, 'hinge')),
  smallCase('3-5-2 sigmoid, no bias in layer 1 + MSE', {
    inputSize: 3,
    layers: [
      { units: 5, activation: 'sigmoid', useBias: false },
      { units: 2, activation: 'identity' },
    ],
    loss: 'mse',
  }),
];
