/**
 * `print` and `table`: the text and tabular output of readers' code. A matrix prints as a
 * table message (the page draws a real table); everything else as one line of text.
 */
import { formatValue, isMatrixLike } from './format-value';
import type { TableMessage } from './messages';
import { emit } from './sink';
import type { Matrix } from '../math/matrix';

type Cell = unknown;

/** number[][] whose rows all have the same length (and at least one row): a matrix to tabulate. */
function isNumberRows(v: unknown): v is readonly (readonly number[])[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const first: unknown = v[0];
  if (!Array.isArray(first) && !ArrayBuffer.isView(first)) return false;
  const width = (first as ArrayLike<unknown>).length;
  return v.every(
    (r: unknown) =>
      (Array.isArray(r) || ArrayBuffer.isView(r)) &&
      (r as ArrayLike<unknown>).length === width &&
      Array.from(r as ArrayLike<unknown>).every((x) => typeof x === 'number'),
  );
}

function matrixRows(m: Matrix | { rows: number; cols: number; data: ArrayLike<number> }): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => m.data[i * m.cols + j]!));
}

export interface TableOptions {
  /** Column headers; by default the keys of the first object (rows of objects), else none. */
  readonly columns?: readonly string[];
  /** A line shown above the table. */
  readonly caption?: string;
}

/** The table message of rows (arrays or objects) or of a matrix, cells formatted by formatValue. */
export function tableMessage(
  rows: Matrix | readonly (readonly Cell[])[] | readonly Readonly<Record<string, Cell>>[],
  options: TableOptions = {},
): TableMessage {
  const list: readonly unknown[] = isMatrixLike(rows) ? matrixRows(rows) : (rows as readonly unknown[]);
  const objectRows =
    list.length > 0 &&
    list.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r) && !ArrayBuffer.isView(r));
  const columns = options.columns ?? (objectRows ? Object.keys(list[0] as object) : []);
  const cells = list.map((r): string[] => {
    const values: readonly unknown[] = objectRows
      ? columns.map((c) => (r as Record<string, unknown>)[c])
      : Array.isArray(r) || ArrayBuffer.isView(r)
        ? Array.from(r as ArrayLike<unknown>)
        : [r];
    return values.map((v) => (v === undefined ? '' : formatValue(v)));
  });
  return {
    kind: 'table',
    columns: [...columns],
    rows: cells,
    ...(options.caption ? { caption: options.caption } : {}),
  };
}

/** Affiche un tableau de lignes (tableaux ou objets) ou une matrice. En-têtes `columns` et légende `caption` en option. */
export function table(
  rows: Matrix | readonly (readonly Cell[])[] | readonly Readonly<Record<string, Cell>>[],
  options: TableOptions = {},
): void {
  emit(tableMessage(rows, options));
}

/**
 * Affiche des valeurs séparées par des espaces, une matrice (ou number[][]) s’affiche en tableau.
 *
 * Numbers keep at most 4 significant digits (formatValue); strings print as is. Consecutive
 * non-matrix values share one line of text; each matrix is its own table message.
 */
export function print(...values: unknown[]): void {
  let line: string[] = [];
  let pending = values.length === 0; // print() prints an empty line
  const flush = (): void => {
    if (line.length > 0 || pending) emit({ kind: 'text', text: line.join(' ') });
    line = [];
    pending = false;
  };
  for (const v of values) {
    if (isMatrixLike(v) || isNumberRows(v)) {
      flush();
      emit(tableMessage(v as Matrix));
    } else line.push(formatValue(v));
  }
  flush();
}
