/**
 * Data and models shared by the fast engine's training and data suites: XOR, a sine to fit,
 * Uint8Array "images" behind a BatchSource, and a model from the reference engine's init.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { createRng } from '../../../../src/nn/data/rng';
import { initWeights } from '../../../../src/nn/math/init';
import { fromRows, type Matrix } from '../../../../src/nn/math/matrix';
import type { MlpSpec } from '../../../../src/nn/spec';
import { createTfMlp, type TfMlp } from '../../../../src/nn/tf/model';
import type { BatchSource } from '../../../../src/nn/tf/predict';

type Tf = typeof TfModule;

export const xorSpec: MlpSpec = {
  inputSize: 2,
  layers: [
    { units: 8, activation: 'tanh' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'bce',
};
export const xor = {
  X: fromRows([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]),
  Y: fromRows([[0], [1], [1], [0]]),
};

export const sineSpec: MlpSpec = {
  inputSize: 1,
  layers: [
    { units: 16, activation: 'tanh' },
    { units: 1, activation: 'identity' },
  ],
  loss: 'mse',
};
const sineX = fromRows(Array.from({ length: 64 }, (_, i) => [-3 + (6 * i) / 63]));
export const sine = { X: sineX, Y: { ...sineX, data: sineX.data.map(Math.sin) } };

/** 10-class toy "images": n rows of d random bytes; the class is the brightest of the first 10 pixels. */
export function byteSource(n: number, d: number, seed: number): BatchSource & { labels: Matrix } {
  const rng = createRng(seed);
  const pixels = Uint8Array.from({ length: n * d }, () => rng.int(256));
  const labels: Matrix = { rows: n, cols: 10, data: new Float64Array(n * 10) };
  for (let i = 0; i < n; i++) {
    const first = Array.from(pixels.subarray(i * d, i * d + 10));
    labels.data[i * 10 + first.indexOf(Math.max(...first))] = 1;
  }
  return {
    count: n,
    inputs: d,
    outputs: 10,
    labels,
    fill(indices, x, y) {
      indices.forEach((row, r) => {
        for (let j = 0; j < d; j++) x[r * d + j] = pixels[row * d + j]! / 255;
        for (let j = 0; j < 10; j++) y[r * 10 + j] = labels.data[row * 10 + j]!;
      });
    },
  };
}

export const model = (tf: Tf, spec: MlpSpec, seed: number): TfMlp =>
  createTfMlp(tf, spec, initWeights(spec, createRng(seed), spec.layers[0]!.activation === 'relu' ? 'he' : 'xavier'));
