import { describe, expect, it } from 'vitest';
import { classCounts, splitIndices, takeRows, takeValues } from '../../../../src/nn/data/split';
import { fromRows, toRows } from '../../../../src/nn/math/matrix';
import { createRng } from '../../../../src/nn/data/rng';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitIndices', () => {
  it.each([
    [10, [0.8, 0.1, 0.1], [8, 1, 1]],
    [7, [0.6, 0.2, 0.2], [5, 1, 1]],
    [100, [0.42, 0.29, 0.29], [42, 29, 29]],
    [1000, [0.7, 0.15, 0.15], [700, 150, 150]],
    [60_000, [0.8, 0.2, 0], [48_000, 12_000, 0]],
    [3, [0, 0, 1], [0, 0, 3]],
    [5, [1, 0, 0], [5, 0, 0]],
    [0, [0.8, 0.1, 0.1], [0, 0, 0]],
  ])('n = %i, fractions %j → counts %j', (n, [train, validation, test], counts) => {
    const s = splitIndices(createRng(1), n, { train: train!, validation: validation!, test: test! });
    expect([s.train.length, s.validation.length, s.test.length]).toEqual(counts);
    expect([...s.train, ...s.validation, ...s.test].sort((a, b) => a - b)).toEqual(range(n));
  });

  it('is shuffled by the rng, and replays with the same seed', () => {
    const f = { train: 0.6, validation: 0.2, test: 0.2 };
    const a = splitIndices(createRng(5), 50, f);
    expect([...a.train, ...a.validation, ...a.test]).not.toEqual(range(50));
    expect(splitIndices(createRng(5), 50, f)).toEqual(a);
    expect(splitIndices(createRng(6), 50, f)).not.toEqual(a);
  });

  it('accepts fractions summing to 1 within 1e-9', () => {
    expect(() => splitIndices(createRng(1), 10, { train: 0.7, validation: 0.2, test: 0.1 + 5e-10 })).not.toThrow();
  });

  it.each([
    [{ train: 0.8, validation: 0.1, test: 0.2 }, /totaliser 1 .*= 1.1/],
    [{ train: 0.8, validation: 0.1, test: 0.1 - 1e-6 }, /totaliser 1/],
    [{ train: 1.2, validation: -0.2, test: 0 }, /«\u202ftrain\u202f» doit être entre 0 et 1 \(reçu 1.2\)/],
    [{ train: 0.5, validation: NaN, test: 0.5 }, /«\u202fvalidation\u202f» .*NaN/],
  ])('rejects %o', (fractions, message) => {
    expect(() => splitIndices(createRng(1), 10, fractions)).toThrow(message);
  });

  it.each([-1, 2.5])('rejects n = %s', (n) => {
    expect(() => splitIndices(createRng(1), n, { train: 1, validation: 0, test: 0 })).toThrow(/entier ≥ 0/);
  });
});

describe('takeValues and takeRows', () => {
  it('picks labels in the given order and keeps the array type', () => {
    const labels = Int32Array.from([10, 11, 12, 13]);
    const out = takeValues(labels, [3, 0, 0]);
    expect(out).toBeInstanceOf(Int32Array);
    expect(Array.from(out)).toEqual([13, 10, 10]);
  });

  it('picks blocks of `width` values (images)', () => {
    const images = Uint8Array.from(range(12)); // 3 images of 2×2
    const out = takeValues(images, [2, 0], 4);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([8, 9, 10, 11, 0, 1, 2, 3]);
  });

  it('takeRows picks matrix rows', () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(toRows(takeRows(m, [2, 1]))).toEqual([
      [5, 6],
      [3, 4],
    ]);
    expect(takeRows(m, [])).toEqual({ rows: 0, cols: 2, data: new Float64Array(0) });
  });

  it.each([
    [[3], 1, /indice 3 hors de \[0, 2\] \(position 0\)/],
    [[0, -1], 1, /indice -1 hors de/],
    [[0.5], 1, /indice 0.5/],
    [[0], 2, /largeur de bloc 2 invalide pour 3 valeurs/],
    [[0], 0, /largeur de bloc 0/],
  ])('rejects indices %j with width %i', (indices, width, message) => {
    expect(() => takeValues(Float64Array.from([1, 2, 3]), indices, width)).toThrow(message);
  });
});

describe('classCounts', () => {
  it.each([
    [[0, 2, 2, 1], 3, [1, 1, 2]],
    [[], 2, [0, 0]],
    [Uint8Array.from([4, 4, 4]), 5, [0, 0, 0, 0, 3]],
  ])('%j with %i classes → %j', (labels, classes, counts) => {
    expect(classCounts(labels, classes)).toEqual(counts);
  });

  it.each([
    [[0, 3], 3, /étiquette 3 à la position 1, entier de 0 à 2 attendu/],
    [[0.5], 2, /étiquette 0.5/],
    [[-1], 2, /étiquette -1/],
    [[0], 0, /nombre de classes doit être un entier ≥ 1 \(reçu 0\)/],
  ])('rejects %j with %i classes', (labels, classes, message) => {
    expect(() => classCounts(labels, classes)).toThrow(message);
  });
});
