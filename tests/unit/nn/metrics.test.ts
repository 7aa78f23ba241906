import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, mae, mse, precisionRecallF1, predictedClasses, r2 } from '../../../src/nn/metrics';
import { fromRows } from '../../../src/nn/math/matrix';
import { createRng } from '../../../src/nn/data/rng';

describe('regression metrics', () => {
  // ȳ = 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5
  it.each([
    ['one error of 1', [1, 2, 3, 4], [1, 2, 3, 5], 0.25, 0.25, 1 - 1 / 5],
    ['errors ±2', [1, 2, 3, 4], [3, 0, 3, 4], 2, 1, 1 - 8 / 5],
    ['perfect', [1, 2, 3, 4], [1, 2, 3, 4], 0, 0, 1],
    ['always the mean', [1, 2, 3, 4], [2.5, 2.5, 2.5, 2.5], 1.25, 1, 0],
    ['constant truth, exact', [3, 3], [3, 3], 0, 0, 1],
    ['constant truth, off', [3, 3], [3, 4], 0.5, 0.5, 0],
  ])('%s: mse %d, mae %d, r2 %d', (_, y, yHat, m, a, r) => {
    expect(mse(y, yHat)).toBeCloseTo(m, 12);
    expect(mae(y, yHat)).toBeCloseTo(a, 12);
    expect(r2(y, yHat)).toBeCloseTo(r, 12);
  });

  it('accepts typed arrays (a matrix’s data)', () => {
    expect(mse(Float64Array.from([0, 0]), Float32Array.from([3, 4]))).toBe(12.5);
  });

  it('r2 of the mean prediction is 0 and of the truth is 1 on random data', () => {
    const rng = createRng(3);
    const y = Array.from({ length: 100 }, () => rng.normal() * 5 + 2);
    const m = y.reduce((a, b) => a + b, 0) / y.length;
    expect(
      r2(
        y,
        y.map(() => m),
      ),
    ).toBeCloseTo(0, 12);
    expect(r2(y, y)).toBe(1);
    expect(
      r2(
        y,
        y.map((v) => v + 1),
      ),
    ).toBeLessThan(1);
  });

  it.each([
    ['mse', mse],
    ['mae', mae],
    ['r2', r2],
    ['accuracy', accuracy],
  ] as const)('%s rejects a length mismatch and empty inputs', (name, f) => {
    expect(() => f([1, 2, 3], [1, 2])).toThrow(new RegExp(`${name}\u00a0: 3 valeurs vraies pour 2 prédictions`));
    expect(() => f([], [])).toThrow(/aucune valeur/);
  });
});

describe('accuracy and predictedClasses', () => {
  it.each([
    [[0, 1, 2, 1], [0, 2, 2, 1], 0.75],
    [[1, 1], [0, 0], 0],
    [[5], [5], 1],
  ])('%j vs %j → %d', (y, yHat, acc) => {
    expect(accuracy(y, yHat)).toBe(acc);
  });

  it('takes the column of the largest score, the first one on ties', () => {
    const scores = fromRows([
      [0.1, 0.7, 0.2],
      [2, -1, 2],
      [-3, -2, -1],
    ]);
    expect(Array.from(predictedClasses(scores))).toEqual([1, 0, 2]);
  });
});

describe('confusionMatrix and precisionRecallF1', () => {
  const yTrue = [0, 0, 0, 1, 1, 2];
  const yPred = [0, 0, 1, 1, 2, 2];
  const C = [
    [2, 1, 0],
    [0, 1, 1],
    [0, 0, 1],
  ];

  it('counts truth in rows and prediction in columns', () => {
    expect(confusionMatrix(yTrue, yPred, 3)).toEqual(C);
    expect(confusionMatrix([1], [0], 2)).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('gives the hand-computed scores', () => {
    const { perClass, macro } = precisionRecallF1(C);
    const expected = [
      { precision: 1, recall: 2 / 3, f1: 0.8, support: 3 },
      { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { precision: 0.5, recall: 1, f1: 2 / 3, support: 1 },
    ];
    perClass.forEach((s, k) => {
      for (const key of ['precision', 'recall', 'f1', 'support'] as const)
        expect(s[key], `classe ${k}, ${key}`).toBeCloseTo(expected[k]![key], 12);
    });
    expect(macro.precision).toBeCloseTo(2 / 3, 12);
    expect(macro.recall).toBeCloseTo(13 / 18, 12);
    expect(macro.f1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });

  it.each([
    // class 1: support 1, never predicted → precision 0/0 = 0, recall 0
    ['never predicted', [0, 1], [0, 0], 2, 1, { precision: 0, recall: 0, f1: 0, support: 1 }],
    // class 1: predicted once but no example → precision 0, recall 0/0 = 0
    ['no support', [0, 0], [0, 1], 2, 1, { precision: 0, recall: 0, f1: 0, support: 0 }],
    // class 2: neither → all 0; class 1: p = r = 0 → F1 0/0 = 0
    ['absent class', [0, 0, 1], [0, 1, 0], 3, 2, { precision: 0, recall: 0, f1: 0, support: 0 }],
    ['p + r = 0', [0, 0, 1], [0, 1, 0], 3, 1, { precision: 0, recall: 0, f1: 0, support: 1 }],
  ])('defines zero divisions as 0: %s', (_, y, yHat, classes, k, scores) => {
    const { perClass, macro } = precisionRecallF1(confusionMatrix(y, yHat, classes));
    expect(perClass[k]).toEqual(scores);
    for (const v of Object.values(macro)) expect(Number.isFinite(v)).toBe(true);
  });

  it('macro averages include classes without examples', () => {
    // class 0 perfect (1, 1, 1); class 1 absent (0, 0, 0)
    expect(precisionRecallF1(confusionMatrix([0, 0], [0, 0], 2)).macro).toEqual({
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
  });

  it('agrees with counting TP, FP, FN directly on random labels', () => {
    const rng = createRng(8);
    const k = 4;
    const y = Array.from({ length: 300 }, () => rng.int(k));
    const yHat = y.map((v) => (rng.next() < 0.6 ? v : rng.int(k)));
    const { perClass } = precisionRecallF1(confusionMatrix(y, yHat, k));
    for (let c = 0; c < k; c++) {
      const tp = y.filter((v, i) => v === c && yHat[i] === c).length;
      const fp = y.filter((v, i) => v !== c && yHat[i] === c).length;
      const fn = y.filter((v, i) => v === c && yHat[i] !== c).length;
      expect(perClass[c]!.precision).toBeCloseTo(tp / (tp + fp), 12);
      expect(perClass[c]!.recall).toBeCloseTo(tp / (tp + fn), 12);
      expect(perClass[c]!.f1).toBeCloseTo((2 * tp) / (2 * tp + fp + fn), 12);
      expect(perClass[c]!.support).toBe(tp + fn);
    }
    expect(accuracy(y, yHat)).toBeCloseTo(perClass.reduce((a, s) => a + s.recall * s.support, 0) / 300, 12);
  });

  it.each([
    [() => confusionMatrix([0, 1], [0], 2), /confusionMatrix\u00a0: 2 valeurs vraies pour 1 prédictions/],
    [() => confusionMatrix([0, 3], [0, 1], 3), /classe vraie 3 à la position 1, entier de 0 à 2 attendu/],
    [() => confusionMatrix([0, 1], [0, -1], 3), /classe prédite -1 à la position 1/],
    [() => confusionMatrix([0.5], [0], 2), /classe vraie 0.5/],
    [() => confusionMatrix([0], [0], 0), /nombre de classes doit être un entier ≥ 1 \(reçu 0\)/],
    [() => precisionRecallF1([]), /matrice de confusion vide/],
    [() => precisionRecallF1([[1, 2], [3]]), /la ligne 1 a 1 colonnes, 2 attendues/],
  ])('rejects bad input (%#)', (run, message) => {
    expect(run).toThrow(message);
  });
});
