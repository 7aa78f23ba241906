/**
 * The confusion matrix as a heat map: each cell's share of its row (the true class), its
 * shade, its text colour, and the French sentence that names it.
 */
import { formatNumber } from '../../../nn';
import { textOn } from '../../data-kinds/contrast';

/** Σ of all cells: the number of images evaluated. */
export function matrixTotal(matrix: readonly (readonly number[])[]): number {
  return matrix.reduce((a, row) => a + row.reduce((b, v) => b + v, 0), 0);
}

/** Share of correct answers: trace / total (0 for an empty matrix), the same as `accuracy` on the labels. */
export function matrixAccuracy(matrix: readonly (readonly number[])[]): number {
  const total = matrixTotal(matrix);
  return total === 0 ? 0 : matrix.reduce((a, row, t) => a + (row[t] ?? 0), 0) / total;
}

/** Row-normalised matrix: C[t][p] / Σₚ C[t][p] (a row without examples stays at 0). */
export function rowShares(matrix: readonly (readonly number[])[]): number[][] {
  return matrix.map((row) => {
    const sum = row.reduce((a, v) => a + v, 0);
    return row.map((v) => (sum === 0 ? 0 : v / sum));
  });
}

/**
 * The intensity t ∈ [0, 1] of every cell. On the diagonal, the row share itself (the recall).
 * Off the diagonal the shares are small (a few per cent), so they are divided by the largest
 * off-diagonal share: the worst confusion gets the full colour, and the others compare to it.
 */
export function cellIntensities(matrix: readonly (readonly number[])[]): number[][] {
  const shares = rowShares(matrix);
  let worst = 0;
  shares.forEach((row, t) => row.forEach((s, p) => t !== p && s > worst && (worst = s)));
  return shares.map((row, t) => row.map((s, p) => (t === p ? s : worst === 0 ? 0 : s / worst)));
}

/** Ramps from white: blue for the correct answers (diagonal), red for the confusions. */
const WHITE = [255, 255, 255] as const;
const CORRECT = [29, 78, 216] as const;
const WRONG = [185, 28, 28] as const;

/** Background and text colours of a cell of intensity t (t = 0: no colour, the page's own). */
export function cellColours(t: number, diagonal: boolean): { background: string; text: string } | null {
  if (!(t > 0)) return null;
  const end = diagonal ? CORRECT : WRONG;
  const u = Math.min(1, t);
  const rgb = WHITE.map((w, i) => Math.round(w + (end[i]! - w) * u)) as [number, number, number];
  return { background: `rgb(${rgb.join(' ')})`, text: textOn(...rgb) };
}

/** « 12 images de 4 prises pour des 9 », « 1 image de 4 prise pour un 9 ». */
export function confusionName(count: number, trueDigit: number, predicted: number): string {
  return count === 1
    ? `1 image de ${trueDigit} prise pour un ${predicted}`
    : `${formatNumber(count, { digits: 0 })} images de ${trueDigit} prises pour des ${predicted}`;
}

/** A misclassified image the matrix can show: its index in the set and its pixels. */
export interface MisclassifiedImage {
  readonly index: number;
  /**
   * rows·cols bytes, or a longer subarray starting with them (e.g. `set.images.subarray(index·784)`);
   * null while they are on their way (from the island's worker): the image is drawn when they arrive.
   */
  readonly pixels: Uint8Array | null;
}
