/**
 * `mnistSource`: the BatchSource the MNIST trainings read — the same floats and one-hot rows
 * as `mnistBatch` (rounded to float32), over a subset of indices, with French errors.
 */
import { describe, expect, it } from 'vitest';
import { mnistBatch, type MnistSet, type PixelScaling } from '../../../../src/nn/data/mnist';
import { createRng } from '../../../../src/nn/data/rng';
import { mnistSource } from '../../../../src/nn/tf/mnist-source';

function randomSet(count: number, seed: number): MnistSet {
  const rng = createRng(seed);
  return {
    count,
    rows: 3,
    cols: 4,
    images: Uint8Array.from({ length: count * 12 }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, () => rng.int(10)),
  };
}

describe('mnistSource', () => {
  it.each<PixelScaling>(['unit', 'symmetric'])('fills what mnistBatch builds (%s scaling), float32', (scaling) => {
    const set = randomSet(20, 1);
    const indices = [7, 3, 19, 0, 11];
    const source = mnistSource(set, indices, scaling);
    expect(source).toMatchObject({ count: 5, inputs: 12, outputs: 10 });
    const rows = [4, 0, 2];
    const x = new Float32Array(4 * 12).fill(NaN);
    const y = new Float32Array(4 * 10).fill(NaN);
    source.fill(rows, x, y);
    const expected = mnistBatch(
      set,
      rows.map((r) => indices[r]!),
      scaling,
    );
    expect(Array.from(x.subarray(0, 36))).toEqual(Array.from(Float32Array.from(expected.X.data)));
    expect(Array.from(y.subarray(0, 30))).toEqual(Array.from(expected.Y.data));
    expect(Number.isNaN(x[36])).toBe(true);
    expect(Number.isNaN(y[30])).toBe(true);
  });

  it('without indices, covers the whole set in order; reused buffers are cleared', () => {
    const set = randomSet(6, 2);
    const source = mnistSource(set);
    expect(source.count).toBe(6);
    const x = new Float32Array(6 * 12);
    const y = new Float32Array(6 * 10).fill(1);
    source.fill([0, 1, 2, 3, 4, 5], x, y);
    const expected = mnistBatch(set, [0, 1, 2, 3, 4, 5]);
    expect(Array.from(x)).toEqual(Array.from(Float32Array.from(expected.X.data)));
    expect(Array.from(y)).toEqual(Array.from(expected.Y.data));
    expect(x.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('rejects an index outside the set, in French', () => {
    expect(() => mnistSource(randomSet(4, 3), [0, 4])).toThrow(/indice 4 hors de \[0, 3\] \(position 1\)/);
    expect(() => mnistSource(randomSet(4, 3), [1.5])).toThrow(/indice 1.5/);
  });
});
