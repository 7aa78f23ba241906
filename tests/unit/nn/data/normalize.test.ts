import { describe, expect, it } from 'vitest';
import { fitMinMaxScaler, fitStandardizer } from '../../../../src/nn/data/normalize';
import { fromRows, toRows, type Matrix } from '../../../../src/nn/math/matrix';
import { createRng } from '../../../../src/nn/data/rng';

/** Column j of m, as an array. */
const column = (m: Matrix, j: number) => toRows(m).map((row) => row[j]!);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const popStd = (v: number[]) => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

// columns: mean 2.5 / std √1.25; mean 10 / std 10; constant 0.1 (not exact in binary)
const X = fromRows([
  [1, 0, 0.1],
  [2, 20, 0.1],
  [3, 0, 0.1],
  [4, 20, 0.1],
]);

describe('fitStandardizer', () => {
  const s = fitStandardizer(X);

  it('finds the column means and population standard deviations', () => {
    expect(Array.from(s.mean).map((v) => +v.toFixed(12))).toEqual([2.5, 10, 0.1]);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(s.std[1]).toBeCloseTo(10, 12);
    expect(s.std[2]).toBe(0);
  });

  it('gives columns of mean 0 and standard deviation 1, a constant column only centred', () => {
    const Z = s.transform(X);
    for (const j of [0, 1]) {
      expect(mean(column(Z, j))).toBeCloseTo(0, 12);
      expect(popStd(column(Z, j))).toBeCloseTo(1, 12);
    }
    for (const v of column(Z, 2)) expect(Math.abs(v)).toBeLessThan(1e-15);
    expect(toRows(Z)[0]).toEqual([
      expect.closeTo(-1.5 / Math.sqrt(1.25), 12),
      expect.closeTo(-1, 12),
      expect.any(Number),
    ]);
  });

  it('applies the training statistics to new data, and inverse undoes transform', () => {
    const other = fromRows([
      [6.5, -10, 3],
      [0, 0, 0.1],
    ]);
    const Z = s.transform(other);
    expect(toRows(Z)[0]![0]).toBeCloseTo(4 / Math.sqrt(1.25), 12);
    expect(toRows(Z)[0]![2]).toBeCloseTo(2.9, 12); // constant column: x − 0.1, not divided
    const back = s.inverse(Z);
    back.data.forEach((v, k) => expect(v).toBeCloseTo(other.data[k]!, 12));
  });

  it('round-trips random data', () => {
    const rng = createRng(4);
    const R = { rows: 50, cols: 3, data: Float64Array.from({ length: 150 }, () => 100 * rng.normal() + 7) };
    const f = fitStandardizer(R);
    f.inverse(f.transform(R)).data.forEach((v, k) => expect(v).toBeCloseTo(R.data[k]!, 9));
  });

  it.each([
    [() => fitStandardizer({ rows: 0, cols: 2, data: new Float64Array(0) }), /au moins une ligne/],
    [() => fitStandardizer(fromRows([[1, NaN]])), /valeur non finie \(NaN\) ligne 1, colonne 2/],
    [() => s.transform(fromRows([[1, 2]])), /2 colonnes reçues, 3 attendues/],
    [() => s.inverse(fromRows([[1, 2, 3, 4]])), /4 colonnes reçues, 3 attendues/],
  ])('rejects bad input (%#)', (run, message) => {
    expect(run).toThrow(message);
  });
});

describe('fitMinMaxScaler', () => {
  it.each([
    [[0, 1] as const, [0, 0, 0], [1, 1, 0]],
    [[-1, 1] as const, [-1, -1, -1], [1, 1, -1]],
  ])('maps each column onto %j (constant column → lo)', (range, lows, highs) => {
    const s = fitMinMaxScaler(X, range);
    expect(Array.from(s.min)).toEqual([1, 0, 0.1]);
    expect(Array.from(s.max)).toEqual([4, 20, 0.1]);
    const Z = s.transform(X);
    for (const j of [0, 1, 2]) {
      expect(Math.min(...column(Z, j))).toBeCloseTo(lows[j]!, 12);
      expect(Math.max(...column(Z, j))).toBeCloseTo(highs[j]!, 12);
    }
    s.inverse(Z).data.forEach((v, k) => expect(v).toBeCloseTo(X.data[k]!, 12));
  });

  it('maps 2 of [1, 4] to 1/3 by default', () => {
    expect(fitMinMaxScaler(X).transform(fromRows([[2, 5, 0.1]])).data[0]).toBeCloseTo(1 / 3, 12);
  });

  it.each([
    [[1, 1] as const, /intervalle cible \[1, 1\] invalide/],
    [[1, 0] as const, /intervalle cible \[1, 0\]/],
    [[0, Infinity] as const, /intervalle cible/],
  ])('rejects the range %j', (range, message) => {
    expect(() => fitMinMaxScaler(X, range)).toThrow(message);
  });
});
