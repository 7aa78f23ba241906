import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import {
  cloneWeights,
  flattenWeights,
  initWeights,
  parameterBlocks,
  unflattenWeights,
  zerosLike,
  type InitScheme,
} from '../../../../src/nn/math/init';
import { fromRows } from '../../../../src/nn/math/matrix';
import { parameterCount, type MlpSpec } from '../../../../src/nn/spec';

const wide: MlpSpec = {
  inputSize: 400,
  layers: [
    { units: 300, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categoricalCrossEntropy',
};

const std = (values: ArrayLike<number>) => {
  const v = Array.from(values);
  const mean = v.reduce((a, x) => a + x, 0) / v.length;
  return Math.sqrt(v.reduce((a, x) => a + (x - mean) ** 2, 0) / v.length);
};

describe.each<[InitScheme, (fanIn: number, fanOut: number) => number]>([
  ['tiny', () => 0.01],
  ['xavier', (i, o) => Math.sqrt(2 / (i + o))],
  ['he', (i) => Math.sqrt(2 / i)],
])('initWeights %s', (scheme, expectedStd) => {
  const weights = initWeights(wide, createRng(1), scheme);

  it('draws W with the scheme’s standard deviation (120,000 samples, within 2 %), mean ≈ 0', () => {
    const W = weights.W[0]!;
    expect([W.rows, W.cols]).toEqual([400, 300]);
    expect(std(W.data) / expectedStd(400, 300)).toBeCloseTo(1, 1);
    expect(Math.abs(std(W.data) / expectedStd(400, 300) - 1)).toBeLessThan(0.02);
    expect(Math.abs(W.data.reduce((a, x) => a + x, 0) / W.data.length)).toBeLessThan(0.05 * expectedStd(400, 300));
  });

  it('sets every bias to 0', () => {
    expect(weights.b.every((b) => b.every((v) => v === 0))).toBe(true);
    expect(weights.b.map((b) => b.length)).toEqual([300, 10]);
  });

  it('is replayed by its seed, and another seed gives other weights', () => {
    const again = initWeights(wide, createRng(1), scheme);
    expect(again.W[1]!.data).toEqual(weights.W[1]!.data);
    expect(initWeights(wide, createRng(2), scheme).W[1]!.data).not.toEqual(weights.W[1]!.data);
  });
});

describe('flattenWeights / unflattenWeights', () => {
  const spec: MlpSpec = {
    inputSize: 2,
    layers: [
      { units: 3, activation: 'relu' },
      { units: 2, activation: 'identity', useBias: false },
      { units: 1, activation: 'identity' },
    ],
    loss: 'mse',
  };
  const weights = {
    W: [
      fromRows([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      fromRows([
        [7, 8],
        [9, 10],
        [11, 12],
      ]),
      fromRows([[13], [14]]),
    ],
    b: [Float64Array.of(-1, -2, -3), Float64Array.of(0, 0), Float64Array.of(-4)],
  };

  it('lays out W₀ row-major, b₀, W₁, (no bias for a bias-less layer), W₂, b₂', () => {
    expect(Array.from(flattenWeights(spec, weights))).toEqual([
      1, 2, 3, 4, 5, 6, -1, -2, -3, 7, 8, 9, 10, 11, 12, 13, 14, -4,
    ]);
    expect(parameterCount(spec)).toBe(18);
  });

  it('unflatten inverts flatten, and rejects a vector of the wrong length', () => {
    const back = unflattenWeights(spec, flattenWeights(spec, weights));
    expect(back.W.map((m) => [m.rows, m.cols, Array.from(m.data)])).toEqual(
      weights.W.map((m) => [m.rows, m.cols, Array.from(m.data)]),
    );
    expect(back.b.map((b) => Array.from(b))).toEqual(weights.b.map((b) => Array.from(b)));
    expect(() => unflattenWeights(spec, new Float64Array(17))).toThrow(/18 attendue/);
  });

  it('parameterBlocks are views: writing into them changes the weights', () => {
    const copy = cloneWeights(weights);
    const blocks = parameterBlocks(spec, copy);
    expect(blocks.map((b) => b.length)).toEqual([6, 3, 6, 2, 1]);
    blocks[2]![0] = 99;
    expect(copy.W[1]!.data[0]).toBe(99);
  });
});

describe('cloneWeights and zerosLike', () => {
  const weights = initWeights(wide, createRng(3), 'he');
  it('a clone is equal but independent', () => {
    const clone = cloneWeights(weights);
    expect(clone.W[0]!.data).toEqual(weights.W[0]!.data);
    clone.W[0]!.data[0] = 42;
    clone.b[1]![0] = 42;
    expect(weights.W[0]!.data[0]).not.toBe(42);
    expect(weights.b[1]![0]).toBe(0);
  });
  it('zerosLike has the same shapes, all zeros', () => {
    const z = zerosLike(weights);
    expect(z.W.map((m) => [m.rows, m.cols])).toEqual([
      [400, 300],
      [300, 10],
    ]);
    expect(z.W.every((m) => m.data.every((v) => v === 0))).toBe(true);
    expect(z.b.map((b) => b.length)).toEqual([300, 10]);
  });
});
