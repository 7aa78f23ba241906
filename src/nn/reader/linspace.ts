/**
 * Small helpers for readers' code blocks, named as in numpy / PyTorch.
 */
import { isMatrixLike } from '../output/format-value';
import { fromRows, type Matrix } from '../math/matrix';

/** n nombres régulièrement espacés de start à stop inclus, comme numpy.linspace. */
export function linspace(start: number, stop: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`linspace\u00a0: n doit être un entier ≥ 0 (reçu ${n}).`);
  if (n === 1) return [start];
  // start + i·step drifts; writing the last point as stop keeps the end exact
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? stop : start + ((stop - start) * i) / (n - 1)));
}

/** What readers may pass as a batch: a Matrix, rows of numbers, or a flat list. */
export type MatrixInput = Matrix | readonly (readonly number[])[] | ArrayLike<number>;

/**
 * A batch as a Matrix. A flat list is one value per example when `width` is 1 (a column),
 * else one example (a row) — so `model.predict(linspace(-1, 1, 50))` works for one input.
 */
export function toMatrix(input: MatrixInput, width: number): Matrix {
  if (isMatrixLike(input)) return input as Matrix;
  const list = input as ArrayLike<unknown>;
  const first = list.length > 0 ? list[0] : undefined;
  if (Array.isArray(first) || ArrayBuffer.isView(first))
    return fromRows(Array.from(list as ArrayLike<ArrayLike<number>>, (r) => Array.from(r)));
  const values = Array.from(input as ArrayLike<number>);
  return width === 1 ? fromRows(values.map((v) => [v])) : fromRows([values]);
}
