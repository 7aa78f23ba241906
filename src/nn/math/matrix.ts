/**
 * A dense row-major matrix of float64 — the one array shape of the reference engine.
 * A batch of n examples with d features is an n×d matrix (one example per row), so a layer
 * computes Z = X·W + b with W of shape (inputs × units), as in the course.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** rows·cols values, row by row: element (i, j) is data[i·cols + j]. */
  readonly data: Float64Array;
}

/** Une matrice de zéros, rows × cols. */
export function zeros(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/**
 * Crée une matrice à partir de ses lignes — `fromRows([[1, 2], [3, 4]])`.
 *
 * From nested arrays (rows of equal length).
 */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0]!.length;
  const data = new Float64Array(r * c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new Error(`fromRows\u00a0: la ligne ${i} a ${row.length} valeurs, ${c} attendues`);
    data.set(row, i * c);
  });
  return { rows: r, cols: c, data };
}

/** Les lignes d’une matrice, en tableaux imbriqués. */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** Le coefficient de la ligne i, colonne j d’une matrice. */
export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!;
}

/**
 * Produit matriciel A·B (n × k fois k × m donne n × m).
 *
 * C = A·B, (n×k)·(k×m) → n×m.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new Error(`matmul\u00a0: ${a.rows}×${a.cols} · ${b.rows}×${b.cols}`);
  const out = zeros(a.rows, b.cols);
  const { data: A } = a;
  const { data: B } = b;
  const C = out.data;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = A[i * a.cols + k]!;
      if (aik === 0) continue;
      const bRow = k * b.cols;
      const cRow = i * b.cols;
      for (let j = 0; j < b.cols; j++) C[cRow + j]! += aik * B[bRow + j]!;
    }
  }
  return out;
}

/** Transposée Aᵀ d’une matrice. */
export function transpose(a: Matrix): Matrix {
  const out = zeros(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  return out;
}

/**
 * Ajoute le vecteur ligne b à chaque ligne de A.
 *
 * A + 1·bᵀ: adds the row vector b (length cols) to every row.
 */
export function addRowVector(a: Matrix, b: Float64Array): Matrix {
  if (b.length !== a.cols) throw new Error(`addRowVector\u00a0: ${b.length} biais pour ${a.cols} colonnes`);
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < a.cols; j++) out.data[i * a.cols + j] = a.data[i * a.cols + j]! + b[j]!;
  return out;
}

/** Applique f à chaque coefficient d’une matrice. */
export function map(a: Matrix, f: (v: number) => number): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map(f) };
}

/**
 * La somme de chaque colonne d’une matrice.
 *
 * Column sums: 1ᵀA, a vector of length cols.
 */
export function sumRows(a: Matrix): Float64Array {
  const out = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[j]! += a.data[i * a.cols + j]!;
  return out;
}

/**
 * Les lignes d’une matrice aux indices donnés, dans cet ordre.
 *
 * The rows of `a` at `indices`, in that order (mini-batches).
 */
export function selectRows(a: Matrix, indices: readonly number[]): Matrix {
  const out = zeros(indices.length, a.cols);
  indices.forEach((r, i) => out.data.set(a.data.subarray(r * a.cols, (r + 1) * a.cols), i * a.cols));
  return out;
}
