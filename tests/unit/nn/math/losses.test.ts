import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { sigmoid } from '../../../../src/nn/math/activations';
import { LOG_EPSILON, losses, sigmoidBceDelta, softmaxCrossEntropyDelta } from '../../../../src/nn/math/losses';
import { fromRows, type Matrix } from '../../../../src/nn/math/matrix';
import { softmax, softmaxBackward } from '../../../../src/nn/math/softmax';
import { lossNames, type LossName } from '../../../../src/nn/spec';
import { maxRelativeError, numericalGradient } from '../gradient-check';
import { randomMatrix, randomOneHot } from './mlp-fixtures';

const n = 5;
const k = 3;

/** Predictions and targets for each loss, away from kinks (|ŷ − y| = 0, yŷ = 1) and from clipping. */
function batchFor(name: LossName, seed: number): { yHat: Matrix; y: Matrix } {
  const rng = createRng(seed);
  const awayFrom = (v: number, kink: number) => (Math.abs(v - kink) < 0.05 ? kink + 0.1 : v);
  switch (name) {
    case 'bce': {
      const y = randomMatrix(rng, n, k, 0, 1);
      return {
        yHat: randomMatrix(rng, n, k, 0.05, 0.95),
        y: { ...y, data: y.data.map((v) => (v < 0.3 ? 0 : v < 0.6 ? 1 : v)) },
      };
    }
    case 'categoricalCrossEntropy':
      return { yHat: randomMatrix(rng, n, k, 0.05, 0.95), y: randomOneHot(rng, n, k) };
    case 'hinge': {
      const y = randomMatrix(rng, n, k, 0, 1);
      const t = y.data.map((v) => (v < 0.5 ? -1 : 1));
      const yHat = randomMatrix(rng, n, k, -2, 2);
      return { yHat: { ...yHat, data: yHat.data.map((p, i) => awayFrom(p * t[i]!, 1) * t[i]!) }, y: { ...y, data: t } };
    }
    default: {
      const y = randomMatrix(rng, n, k, -2, 2);
      const yHat = randomMatrix(rng, n, k, -2, 2);
      return { yHat: { ...yHat, data: yHat.data.map((p, i) => y.data[i]! + awayFrom(p - y.data[i]!, 0)) }, y };
    }
  }
}

const withData = (yHat: Matrix, data: readonly number[]): Matrix => ({
  rows: yHat.rows,
  cols: yHat.cols,
  data: Float64Array.from(data),
});

describe.each(lossNames.map((name) => [name]))('loss %s', (name) => {
  const loss = losses[name];

  it.each([[1], [2], [3]])('its gradient ∂J/∂Ŷ matches centred finite differences (seed %i)', (seed) => {
    const { yHat, y } = batchFor(name, seed);
    const numeric = numericalGradient((v) => loss.value(withData(yHat, v), y), Array.from(yHat.data));
    expect(maxRelativeError(Array.from(loss.gradient(yHat, y).data), numeric)).toBeLessThan(1e-6);
  });

  it('its value is the mean of the per-example losses', () => {
    const { yHat, y } = batchFor(name, 9);
    const per = loss.perExample(yHat, y);
    expect(per).toHaveLength(n);
    expect(loss.value(yHat, y)).toBeCloseTo(per.reduce((a, v) => a + v, 0) / n, 14);
  });

  it('is 0 (or its minimum) at a perfect prediction of a real target, and the label is French text', () => {
    expect(loss.label.length).toBeGreaterThan(3);
    const { y } = batchFor(name, 4);
    const best = name === 'hinge' ? y.data.map((t) => 2 * t) : y.data;
    expect(loss.value(withData(y, Array.from(best)), y)).toBeLessThan(name === 'bce' ? 0.7 : 1e-6);
  });

  it('rejects predictions and targets of different shapes', () => {
    const { yHat } = batchFor(name, 5);
    expect(() => loss.value(yHat, randomMatrix(createRng(1), n, k + 1))).toThrow(/tailles différentes/);
  });
});

describe('conventions shared with TensorFlow.js', () => {
  const yHat = fromRows([
    [0.5, -1],
    [2, 0.25],
  ]);
  const y = fromRows([
    [1, -1],
    [1, 1],
  ]);
  it.each<[LossName, number]>([
    // independent sums written out entry by entry: mean over all n·k = 4 entries
    ['mse', (0.25 + 0 + 1 + 0.5625) / 4],
    ['halfMse', (0.25 + 0 + 1 + 0.5625) / 8],
    ['mae', (0.5 + 0 + 1 + 0.75) / 4],
    ['hinge', (0.5 + 0 + 0 + 0.75) / 4],
  ])('%s of a 2×2 batch is the mean over its four entries', (name, expected) => {
    expect(losses[name].value(yHat, y)).toBeCloseTo(expected, 14);
  });

  it('categorical cross-entropy sums over classes and averages over examples', () => {
    const p = fromRows([
      [0.2, 0.5, 0.3],
      [0.6, 0.1, 0.3],
    ]);
    const t = fromRows([
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(losses.categoricalCrossEntropy.value(p, t)).toBeCloseTo(-(Math.log(0.5) + Math.log(0.3)) / 2, 14);
  });

  it('cross-entropies clip ŷ into [1e-7, 1 − 1e-7]: a certain mistake costs −ln 1e-7, not ∞', () => {
    const cap = -Math.log(LOG_EPSILON);
    expect(losses.bce.value(fromRows([[0]]), fromRows([[1]]))).toBeCloseTo(cap, 10);
    expect(losses.bce.value(fromRows([[1]]), fromRows([[0]]))).toBeCloseTo(-Math.log(1 - (1 - LOG_EPSILON)), 6);
    expect(losses.categoricalCrossEntropy.value(fromRows([[1, 0]]), fromRows([[0, 1]]))).toBeCloseTo(cap, 10);
    expect(Number.isFinite(losses.bce.gradient(fromRows([[0]]), fromRows([[1]])).data[0])).toBe(true);
  });

  it('MAE’s gradient is 0 where the error is exactly 0', () => {
    expect(Array.from(losses.mae.gradient(fromRows([[1, 2]]), fromRows([[1, 3]])).data)).toEqual([0, -0.5]);
  });
});

describe('fused output gradients', () => {
  const rng = createRng(21);
  const Z = randomMatrix(rng, 4, 3, -3, 3);

  it('softmax + categorical CE: (Ŷ − Y)/n is the finite-difference gradient of J(softmax(Z)) in Z', () => {
    const Y = randomOneHot(rng, 4, 3);
    const softmaxRows = (z: readonly number[]) =>
      fromRows(Array.from({ length: 4 }, (_, i) => softmax(z.slice(i * 3, i * 3 + 3))));
    const yHat = softmaxRows(Array.from(Z.data));
    const numeric = numericalGradient(
      (z) => losses.categoricalCrossEntropy.value(softmaxRows(z), Y),
      Array.from(Z.data),
    );
    expect(maxRelativeError(Array.from(softmaxCrossEntropyDelta(yHat, Y).data), numeric)).toBeLessThan(1e-6);
    // and it equals the chain rule through the softmax Jacobian, row by row
    const g = losses.categoricalCrossEntropy.gradient(yHat, Y);
    const chained = Array.from({ length: 4 }, (_, i) =>
      softmaxBackward(Array.from(yHat.data.slice(i * 3, i * 3 + 3)), Array.from(g.data.slice(i * 3, i * 3 + 3))),
    ).flat();
    expect(maxRelativeError(Array.from(softmaxCrossEntropyDelta(yHat, Y).data), chained)).toBeLessThan(1e-12);
  });

  it('sigmoid + BCE: (Ŷ − Y)/(nk) equals ∂J/∂Ŷ ⊙ σ′(Z) and the finite difference in Z', () => {
    const Y = { ...Z, data: Z.data.map((_, i) => (i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : 0.3)) };
    const sig = (z: readonly number[]) => ({ rows: 4, cols: 3, data: Float64Array.from(z, sigmoid) });
    const yHat = sig(Array.from(Z.data));
    const fused = Array.from(sigmoidBceDelta(yHat, Y).data);
    const g = losses.bce.gradient(yHat, Y);
    const chained = Array.from(g.data, (gi, i) => gi * yHat.data[i]! * (1 - yHat.data[i]!));
    expect(maxRelativeError(fused, chained)).toBeLessThan(1e-12);
    const numeric = numericalGradient((z) => losses.bce.value(sig(z), Y), Array.from(Z.data));
    expect(maxRelativeError(fused, numeric)).toBeLessThan(1e-6);
  });
});
