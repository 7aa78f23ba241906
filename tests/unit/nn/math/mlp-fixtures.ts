/**
 * Small random batches and a finite-difference oracle for the reference MLP engine's tests.
 */
import type { Rng } from '../../../../src/nn/data/rng';
import { flattenWeights, unflattenWeights } from '../../../../src/nn/math/init';
import { losses } from '../../../../src/nn/math/losses';
import type { Matrix } from '../../../../src/nn/math/matrix';
import { predict } from '../../../../src/nn/math/mlp';
import type { MlpSpec, MlpWeights } from '../../../../src/nn/spec';
import { numericalGradient } from '../gradient-check';

/** rows×cols with entries uniform in [lo, hi). */
export function randomMatrix(rng: Rng, rows: number, cols: number, lo = -1, hi = 1): Matrix {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.uniform(lo, hi)) };
}

/** n one-hot rows of k classes, class drawn uniformly. */
export function randomOneHot(rng: Rng, n: number, k: number): Matrix {
  const data = new Float64Array(n * k);
  for (let i = 0; i < n; i++) data[i * k + rng.int(k)] = 1;
  return { rows: n, cols: k, data };
}

/** Targets fitting `loss` and an output of k units: one-hot, {0, 1}, {−1, +1} or real values. */
export function randomTargets(rng: Rng, loss: MlpSpec['loss'], n: number, k: number): Matrix {
  if (loss === 'categoricalCrossEntropy') return randomOneHot(rng, n, k);
  const m = randomMatrix(rng, n, k, 0, 1);
  if (loss === 'bce') return { ...m, data: m.data.map((v) => (v < 0.5 ? 0 : 1)) };
  if (loss === 'hinge') return { ...m, data: m.data.map((v) => (v < 0.5 ? -1 : 1)) };
  return randomMatrix(rng, n, k, -1.5, 1.5);
}

/** Weights with entries uniform in ±scale and small random biases (not the training init: bigger, so gradients are not tiny). */
export function randomWeights(rng: Rng, spec: MlpSpec, scale = 0.9): MlpWeights {
  let size = spec.inputSize;
  const W: Matrix[] = [];
  const b: Float64Array[] = [];
  for (const layer of spec.layers) {
    W.push(randomMatrix(rng, size, layer.units, -scale, scale));
    b.push(
      layer.useBias === false
        ? new Float64Array(layer.units)
        : Float64Array.from({ length: layer.units }, () => rng.uniform(-0.5, 0.5)),
    );
    size = layer.units;
  }
  return { W, b };
}

/** The batch cost J as a function of the flat parameter vector (the finite-difference oracle's f). */
export function costOfFlat(spec: MlpSpec, X: Matrix, Y: Matrix): (flat: readonly number[]) => number {
  return (flat) => losses[spec.loss].value(predict(spec, unflattenWeights(spec, flat), X), Y);
}

/** ∇J by centred differences over every parameter, in `flattenWeights` order. */
export function numericalWeightGradient(
  spec: MlpSpec,
  weights: MlpWeights,
  cost: (flat: readonly number[]) => number,
): number[] {
  return numericalGradient(cost, Array.from(flattenWeights(spec, weights)));
}
