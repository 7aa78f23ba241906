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
 * Un lot en matrice — une liste plate donne une colonne si width vaut 1, sinon une ligne.
 *
 * So `model.predict(linspace(-1, 1, 50))` works for one input.
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

/**
 * Des étiquettes de classe en lignes one-hot quand le modèle a k > 1 sorties, sinon une cible par exemple.
 *
 * `caller` names the reader's function in the error message (`fit`, `fastMlp`).
 */
export function toTargets(y: MatrixInput, k: number, caller: string): Matrix {
  const list = y as ArrayLike<unknown>;
  const flat = !('rows' in (y as object)) && list.length > 0 && typeof list[0] === 'number';
  if (!flat || k === 1) return toMatrix(y, k);
  const labels = Array.from(y as ArrayLike<number>);
  const data = new Float64Array(labels.length * k);
  labels.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= k)
      throw new Error(`${caller}\u00a0: la classe ${c} (exemple ${i}) n’est pas un entier de 0 à ${k - 1}.`);
    data[i * k + c] = 1;
  });
  return { rows: labels.length, cols: k, data };
}
