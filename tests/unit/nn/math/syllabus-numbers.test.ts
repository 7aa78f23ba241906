/**
 * The worked numbers of chapters 3–6 (SYLLABUS.md), each computed by the reference engine and
 * held against the syllabus value and, where there is one, a closed form.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { sigmoid } from '../../../../src/nn/math/activations';
import { lossAndGradients } from '../../../../src/nn/math/backprop';
import { bestThroughOrigin, gradientDescent1d, TOY_1D } from '../../../../src/nn/math/gradient-descent-1d';
import { initWeights } from '../../../../src/nn/math/init';
import { losses } from '../../../../src/nn/math/losses';
import { fromRows } from '../../../../src/nn/math/matrix';
import { forward, predict } from '../../../../src/nn/math/mlp';
import { layerParameterCounts, parameterCount, type MlpSpec } from '../../../../src/nn/spec';
import { centredDifference, relativeError } from '../gradient-check';
import { randomMatrix } from './mlp-fixtures';

const column = (v: readonly number[]) => fromRows(v.map((x) => [x]));

describe('chapter 3: the worked forward pass (ReLU everywhere), inputs (70 kg, 25 years)', () => {
  const spec: MlpSpec = {
    inputSize: 2,
    layers: [
      { units: 3, activation: 'relu' },
      { units: 3, activation: 'relu' },
      { units: 1, activation: 'relu' },
    ],
    loss: 'mse',
  };
  // row i of W = input i: W1 is 2×3 = inputs × units, the MlpWeights layout
  const weights = {
    W: [
      fromRows([
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ]),
      fromRows([
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
        [0.7, 0.8, 0.9],
      ]),
      fromRows([[0.1], [0.2], [0.3]]),
    ],
    b: [Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(0.1, 0.2, 0.3), Float64Array.of(0.1)],
  };
  const { A } = forward(spec, weights, fromRows([[70, 25]]));

  it.each([
    [1, [17.1, 26.7, 36.3]],
    [2, [37.9, 46.01, 54.12]],
    [3, [29.328]],
  ])('layer %i outputs %o', (layer, expected) => {
    expected.forEach((v, j) => expect(A[layer]!.data[j]).toBeCloseTo(v, 10));
  });
});

describe('chapter 3: counting parameters', () => {
  const mlp = (sizes: number[]): MlpSpec => ({
    inputSize: sizes[0]!,
    layers: sizes.slice(1).map((units) => ({ units, activation: 'relu' as const })),
    loss: 'mse',
  });
  it.each<[number[], number[], number]>([
    [[3, 4, 4, 1], [16, 20, 5], 41],
    [[2, 16, 16, 16, 1], [48, 272, 272, 17], 609],
  ])('%o has per layer %o, in all %i', (sizes, perLayer, total) => {
    expect(layerParameterCounts(mlp(sizes))).toEqual(perLayer);
    expect(parameterCount(mlp(sizes))).toBe(total);
    // and initWeights really holds that many numbers
    const w = initWeights(mlp(sizes), createRng(1), 'he');
    expect(w.W.reduce((a, m) => a + m.data.length, 0) + w.b.reduce((a, b) => a + b.length, 0)).toBe(total);
  });
});

describe('chapter 4: the worked losses', () => {
  it('predictions (15, 18, 20, 22, 25) vs truth (17, 20, 18, 21, 20): MAE 2.4, MSE 7.6', () => {
    const yHat = column([15, 18, 20, 22, 25]);
    const y = column([17, 20, 18, 21, 20]);
    expect(losses.mae.value(yHat, y)).toBeCloseTo(2.4, 12);
    expect(losses.mse.value(yHat, y)).toBeCloseTo(7.6, 12);
  });

  it('BCE for y = (1, 0, 1), ŷ = (0.9, 0.2, 0.6): per sample 0.105, 0.223 (not 0.233), 0.511; mean 0.280', () => {
    const yHat = column([0.9, 0.2, 0.6]);
    const y = column([1, 0, 1]);
    const per = losses.bce.perExample(yHat, y);
    [0.105, 0.223, 0.511].forEach((v, i) => expect(per[i]).toBeCloseTo(v, 3));
    expect(per[1]).toBeCloseTo(-Math.log(0.8), 6);
    expect(losses.bce.value(yHat, y)).toBeCloseTo(0.28, 3);
  });

  it('categorical CE of three samples each giving 0.7 to the right class: 0.357 = −ln 0.7', () => {
    const yHat = fromRows([
      [0.7, 0.2, 0.1],
      [0.1, 0.7, 0.2],
      [0.15, 0.15, 0.7],
    ]);
    const y = fromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(losses.categoricalCrossEntropy.value(yHat, y)).toBeCloseTo(0.357, 3);
    expect(losses.categoricalCrossEntropy.value(yHat, y)).toBeCloseTo(-Math.log(0.7), 10);
  });

  it('an untrained 10-class network (784→40→10, He init, small output weights) starts near ln 10 ≈ 2.303', () => {
    const spec: MlpSpec = {
      inputSize: 784,
      layers: [
        { units: 40, activation: 'relu' },
        { units: 10, activation: 'softmax' },
      ],
      loss: 'categoricalCrossEntropy',
    };
    const rng = createRng(2024);
    const w = initWeights(spec, rng, 'he');
    w.W[1]!.data.forEach((v, i, a) => (a[i] = v * 0.01));
    const X = randomMatrix(rng, 100, 784, 0, 1);
    const labels = Array.from({ length: 100 }, () => rng.int(10));
    const Y = fromRows(labels.map((c) => Array.from({ length: 10 }, (_, j) => (j === c ? 1 : 0))));
    const ce = losses.categoricalCrossEntropy.value(predict(spec, w, X), Y);
    expect(Math.abs(ce - Math.log(10))).toBeLessThan(0.05);
  });
});

describe('chapter 5: gradient descent on ŷ = W·x, x = (1, 2, 3, 4), y = (2, 3, 4, 5), W₀ = 0, α = 0.1', () => {
  const steps = gradientDescent1d(60);

  it.each([
    [0, 13.5, 2.0],
    [1, 3.5, 1.0],
    [2, 1.0, 1.5],
    [3, 0.375, 1.25],
  ])('step %i: J = %d, then W = %d', (t, J, nextW) => {
    expect(steps[t]!.J).toBeCloseTo(J, 12);
    expect(steps[t]!.nextW).toBeCloseTo(nextW, 12);
  });

  it('its slopes are the finite differences of J, i.e. dJ/dW = 15W − 20 here', () => {
    for (const s of steps.slice(0, 6)) {
      const numeric = centredDifference((W) => gradientDescent1d(1, { w0: W })[0]!.J, s.W);
      expect(relativeError(s.dJ, numeric)).toBeLessThan(1e-8);
      expect(s.dJ).toBeCloseTo(15 * s.W - 20, 10);
    }
  });

  it('converges to the closed-form minimum W* = Σxy/Σx² = 4/3, J* = 1/6', () => {
    const best = bestThroughOrigin(TOY_1D.xs, TOY_1D.ys);
    expect(best.W).toBeCloseTo(4 / 3, 14);
    expect(best.J).toBeCloseTo(1 / 6, 14);
    expect(steps.at(-1)!.nextW).toBeCloseTo(4 / 3, 10);
    expect(steps.at(-1)!.J).toBeCloseTo(1 / 6, 10);
  });
});

describe('chapter 6: the worked chain 1→1→1, sigmoid twice, L = ½(ŷ − y)²', () => {
  const spec: MlpSpec = {
    inputSize: 1,
    layers: [
      { units: 1, activation: 'sigmoid' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'halfMse',
  };
  it.each([
    [0.5, 1, -0.4, 0.3, 0.8, 0.1],
    [2, 0, 1.5, -1, -0.7, 0.2],
  ])('x = %d, y = %d, w₁ = %d, b₁ = %d, w₂ = %d, b₂ = %d: the four partial derivatives', (x, y, w1, b1, w2, b2) => {
    const a1 = sigmoid(w1 * x + b1);
    const yHat = sigmoid(w2 * a1 + b2);
    const delta2 = (yHat - y) * yHat * (1 - yHat);
    const delta1 = delta2 * w2 * a1 * (1 - a1);
    const g = lossAndGradients(
      spec,
      { W: [fromRows([[w1]]), fromRows([[w2]])], b: [Float64Array.of(b1), Float64Array.of(b2)] },
      fromRows([[x]]),
      fromRows([[y]]),
    );
    expect(g.dW[1]!.data[0]).toBeCloseTo(delta2 * a1, 14);
    expect(g.db[1]![0]).toBeCloseTo(delta2, 14);
    expect(g.dW[0]!.data[0]).toBeCloseTo(delta1 * x, 14);
    expect(g.db[0]![0]).toBeCloseTo(delta1, 14);
  });

  it('the vanishing factor: five layers each multiplying the gradient by 0.1 give 1e-5 (not 0.001)', () => {
    expect(0.1 ** 5).toBeCloseTo(1e-5, 18);
    expect(Math.max(...[-2, -0.5, 0, 0.5, 2].map((z) => sigmoid(z) * (1 - sigmoid(z))))).toBe(0.25);
  });
});
