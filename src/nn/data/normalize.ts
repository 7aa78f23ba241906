/**
 * Input preprocessing (chapter 5, "centre and scale inputs"): statistics are fitted on the
 * training set only, then the same transform is applied to validation and test data.
 * Matrices are n×d, one example per row, one feature per column.
 */
import type { Matrix } from '../math/matrix';

/** A column whose spread is below this fraction of max(1, |centre|) counts as constant. */
const CONSTANT_TOLERANCE = 1e-12;

function isConstant(spread: number, centre: number): boolean {
  return spread <= CONSTANT_TOLERANCE * Math.max(1, Math.abs(centre));
}

/** An affine per-column map x′ = (x − shift[j]) / scale[j] and its inverse. */
interface Affine {
  transform(X: Matrix): Matrix;
  inverse(X: Matrix): Matrix;
}

function affine(shift: Float64Array, scale: Float64Array, what: string): Affine {
  const d = shift.length;
  const check = (X: Matrix) => {
    if (X.cols !== d)
      throw new Error(`${what}\u00a0: ${X.cols} colonnes reçues, ${d} attendues (celles de l’ajustement).`);
  };
  return {
    transform(X) {
      check(X);
      return { rows: X.rows, cols: d, data: X.data.map((v, k) => (v - shift[k % d]!) / scale[k % d]!) };
    },
    inverse(X) {
      check(X);
      return { rows: X.rows, cols: d, data: X.data.map((v, k) => v * scale[k % d]! + shift[k % d]!) };
    },
  };
}

function checkFit(X: Matrix, what: string): void {
  if (X.rows < 1) throw new Error(`${what}\u00a0: il faut au moins une ligne pour ajuster (reçu 0).`);
  if (X.data.length !== X.rows * X.cols)
    throw new Error(`${what}\u00a0: ${X.data.length} valeurs pour une matrice ${X.rows}×${X.cols}.`);
  const k = X.data.findIndex((v) => !Number.isFinite(v));
  if (k >= 0)
    throw new Error(
      `${what}\u00a0: valeur non finie (${X.data[k]}) ligne ${Math.floor(k / X.cols) + 1}, colonne ${(k % X.cols) + 1}.`,
    );
}

/** Per-column mean μ and standard deviation σ, with the transform x′ = (x − μ) / σ. */
export interface Standardizer extends Affine {
  /** d means μⱼ = (1/n) Σᵢ Xᵢⱼ. */
  readonly mean: Float64Array;
  /** d population standard deviations σⱼ = √((1/n) Σᵢ (Xᵢⱼ − μⱼ)²); 0 for a constant column. */
  readonly std: Float64Array;
}

/**
 * Standardisation des colonnes de X (moyenne 0, écart type 1).
 *
 * Fits a standardisation on X (n×d, n ≥ 1): after `transform`, each column of X has mean 0
 * and standard deviation 1. A constant column (σ = 0, up to rounding: σ ≤ 1e-12·max(1, |μ|))
 * is only centred — divided by 1, not by 0 — and its σ is reported as 0.
 * `inverse` undoes `transform` (x = x′·σ + μ, σ replaced by 1 for constant columns).
 */
export function fitStandardizer(X: Matrix): Standardizer {
  checkFit(X, 'fitStandardizer');
  const { rows: n, cols: d, data } = X;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]! / n;
  // Two passes (mean, then squared deviations): no cancellation as with E[x²] − E[x]².
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) std[j]! += (data[i * d + j]! - mean[j]!) ** 2 / n;
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    std[j] = Math.sqrt(std[j]!);
    if (isConstant(std[j]!, mean[j]!)) std[j] = 0;
    scale[j] = std[j] === 0 ? 1 : std[j]!;
  }
  return { mean, std, ...affine(mean, scale, 'Standardisation') };
}

/** Per-column minimum and maximum, with the transform mapping [min, max] onto [lo, hi]. */
export interface MinMaxScaler extends Affine {
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/**
 * Mise à l’échelle min–max des colonnes de X.
 *
 * Fits a min–max scaling on X (n×d, n ≥ 1): x′ = lo + (x − minⱼ)·(hi − lo)/(maxⱼ − minⱼ), so each
 * column of X spans exactly [lo, hi] (default [0, 1]). A constant column is mapped to lo
 * (shifted, not divided by 0). `inverse` undoes `transform`.
 */
export function fitMinMaxScaler(X: Matrix, range: readonly [number, number] = [0, 1]): MinMaxScaler {
  checkFit(X, 'fitMinMaxScaler');
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo >= hi)
    throw new Error(
      `fitMinMaxScaler\u00a0: intervalle cible [${lo}, ${hi}] invalide (bornes finies, lo < hi attendu).`,
    );
  const { rows: n, cols: d, data } = X;
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]!;
      if (v < min[j]!) min[j] = v;
      if (v > max[j]!) max[j] = v;
    }
  // x′ = (x − shift)/scale with shift = min − lo·scale and scale = (max − min)/(hi − lo)
  const shift = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const spread = max[j]! - min[j]!;
    scale[j] = isConstant(spread, min[j]!) ? 1 : spread / (hi - lo);
    shift[j] = min[j]! - lo * scale[j]!;
  }
  return { min, max, ...affine(shift, scale, 'Mise à l’échelle min–max') };
}
