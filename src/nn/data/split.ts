/**
 * Train / validation / test splits (chapter 7) and the helpers to cut data along them.
 * Splits are index lists, so the same split applies to X, Y, labels or images alike.
 */
import type { Matrix } from '../math/matrix';
import type { Rng } from './rng';

/** Fractions of the data in each part; each in [0, 1], summing to 1 (within 1e-9). */
export interface SplitFractions {
  readonly train: number;
  readonly validation: number;
  readonly test: number;
}

/** Row indices of each part: disjoint, together exactly 0..n−1. */
export interface SplitIndices {
  readonly train: number[];
  readonly validation: number[];
  readonly test: number[];
}

/**
 * Mélange les indices et les coupe en entraînement, validation et test.
 *
 * Shuffles 0..n−1 with `rng` (Fisher–Yates) and cuts it: validation gets ⌊n·validation⌋
 * indices, test ⌊n·test⌋, train the rest (so rounding never loses an example). The floors
 * forgive 1e-9 of floating-point error (100·0.29 gives 29, not 28).
 * Order in the shuffled list: train, then validation, then test.
 */
export function splitIndices(rng: Rng, n: number, fractions: SplitFractions): SplitIndices {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Découpage\u00a0: n doit être un entier ≥ 0 (reçu ${n}).`);
  for (const key of ['train', 'validation', 'test'] as const) {
    const f = fractions[key];
    if (!Number.isFinite(f) || f < 0 || f > 1)
      throw new Error(`Découpage\u00a0: la part «\u202f${key}\u202f» doit être entre 0 et 1 (reçu ${f}).`);
  }
  const sum = fractions.train + fractions.validation + fractions.test;
  if (Math.abs(sum - 1) > 1e-9)
    throw new Error(
      `Découpage\u00a0: les parts doivent totaliser 1 (reçu ${fractions.train} + ${fractions.validation} + ${fractions.test} = ${sum}).`,
    );
  // + 1e-9: 100 × 0.29 is 28.999999999999996 in floating point, and must give 29.
  const nValidation = Math.floor(n * fractions.validation + 1e-9);
  const nTest = Math.floor(n * fractions.test + 1e-9);
  const nTrain = n - nValidation - nTest;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  return {
    train: order.slice(0, nTrain),
    validation: order.slice(nTrain, nTrain + nValidation),
    test: order.slice(nTrain + nValidation),
  };
}

/** Any typed array of numbers (labels are Int32Array or Uint8Array, images Uint8Array, X Float64Array). */
export type NumericArray = Int32Array | Uint8Array | Float32Array | Float64Array;

/**
 * Des blocs de valeurs, par indices.
 *
 * Blocks of `width` consecutive values at `indices`, in that order, in an array of the same
 * type: width 1 picks labels, width 784 picks MNIST images, width = cols picks matrix rows.
 * Throws on an index outside [0, values.length / width).
 */
export function takeValues<T extends NumericArray>(values: T, indices: readonly number[], width = 1): T {
  if (!Number.isInteger(width) || width < 1 || values.length % width !== 0)
    throw new Error(
      `takeValues\u00a0: largeur de bloc ${width} invalide pour ${values.length} valeurs (entier ≥ 1 qui divise la longueur attendu).`,
    );
  const blocks = values.length / width;
  const out = new (values.constructor as new (length: number) => T)(indices.length * width);
  indices.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0 || r >= blocks)
      throw new Error(`takeValues\u00a0: indice ${r} hors de [0, ${blocks - 1}] (position ${i}).`);
    out.set(values.subarray(r * width, (r + 1) * width), i * width);
  });
  return out;
}

/**
 * Les lignes d’une matrice aux indices donnés.
 *
 * The rows of `m` (n×d) at `indices`, in that order → indices.length×d; checks the bounds.
 */
export function takeRows(m: Matrix, indices: readonly number[]): Matrix {
  if (m.cols === 0) return { rows: indices.length, cols: 0, data: new Float64Array(0) };
  return { rows: indices.length, cols: m.cols, data: takeValues(m.data, indices, m.cols) };
}

/**
 * Compte les étiquettes de chaque classe.
 *
 * counts[k] = number of labels equal to k, for k in 0..classes−1.
 * Throws on a label that is not an integer of [0, classes).
 */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 1)
    throw new Error(`classCounts\u00a0: le nombre de classes doit être un entier ≥ 1 (reçu ${classes}).`);
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i]!;
    if (!Number.isInteger(k) || k < 0 || k >= classes)
      throw new Error(`classCounts\u00a0: étiquette ${k} à la position ${i}, entier de 0 à ${classes - 1} attendu.`);
    counts[k]!++;
  }
  return counts;
}
