/** The confusion heat map: totals, row shares, intensities, colours and the French names of the cells. */
import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix } from '../../../../src/nn/metrics';
import {
  cellColours,
  cellIntensities,
  confusionName,
  matrixAccuracy,
  matrixTotal,
  rowShares,
} from '../../../../src/components/islands/mnist/confusion';

const M = [
  [8, 2, 0],
  [1, 5, 4],
  [0, 0, 0],
];

describe('totals and accuracy', () => {
  it('sums every cell and reads the diagonal', () => {
    expect(matrixTotal(M)).toBe(20);
    expect(matrixAccuracy(M)).toBeCloseTo(13 / 20, 15);
    expect(matrixAccuracy([[0]])).toBe(0);
  });
  it('agrees with accuracy() on the labels the matrix came from', () => {
    const yTrue = [0, 1, 2, 2, 1, 0, 0, 1];
    const yPred = [0, 2, 2, 1, 1, 0, 1, 1];
    expect(matrixAccuracy(confusionMatrix(yTrue, yPred, 3))).toBeCloseTo(accuracy(yTrue, yPred), 15);
  });
});

describe('rowShares and cellIntensities', () => {
  it('normalises each row, an empty row staying at 0', () => {
    expect(rowShares(M)).toEqual([
      [0.8, 0.2, 0],
      [0.1, 0.5, 0.4],
      [0, 0, 0],
    ]);
  });
  it('keeps the share on the diagonal and divides confusions by the worst one', () => {
    const t = cellIntensities(M);
    expect(t[0]![0]).toBeCloseTo(0.8, 15);
    expect(t[1]![2]).toBe(1);
    expect(t[0]![1]).toBeCloseTo(0.5, 15);
    expect(t[1]![0]).toBeCloseTo(0.25, 15);
  });
  it('has no confusion colour when there is no error', () => {
    expect(
      cellIntensities([
        [3, 0],
        [0, 2],
      ]),
    ).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});

describe('cellColours', () => {
  it('leaves zero cells to the page, and uses blue on the diagonal, red elsewhere', () => {
    expect(cellColours(0, true)).toBeNull();
    expect(cellColours(1, true)).toEqual({ background: 'rgb(29 78 216)', text: '#fff' });
    expect(cellColours(1, false)).toEqual({ background: 'rgb(185 28 28)', text: '#fff' });
    expect(cellColours(0.05, false)?.text).toBe('#000');
  });
});

describe('confusionName', () => {
  it.each([
    [12, 4, 9, '12 images de 4 prises pour des 9'],
    [1, 7, 1, '1 image de 7 prise pour un 1'],
    [1234, 3, 5, '1\u202f234 images de 3 prises pour des 5'],
  ])('%i (%i → %i)', (n, t, p, name) => {
    expect(confusionName(n, t, p)).toBe(name);
  });
});
