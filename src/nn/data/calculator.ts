/**
 * The data of project 1 (chapter 8, "une calculatrice apprise"): integer pairs (a, b) and their
 * sum or product, normalised so that a network with 2 inputs and 1 output sees values of
 * order 1 — inputs divided by max, targets by 2·max (sum) or max² (product).
 */
import type { Matrix } from '../math/matrix';
import type { Rng } from './rng';

export type CalculatorOperation = 'sum' | 'product';

export interface CalculatorOptions {
  readonly operation: CalculatorOperation;
  /** Smallest integer drawn (included). Default chapter setting: 0. */
  readonly min: number;
  /** Largest integer drawn (included), > 0 and > min. Default chapter setting: 100. */
  readonly max: number;
  /** Number of pairs, ≥ 1. Default chapter setting: 1,000. */
  readonly count: number;
}

export interface CalculatorDataset {
  /** count×2: the integer pairs (a, b), each uniform in [min, max]. */
  readonly pairs: Matrix;
  /** count raw targets: a + b or a·b. */
  readonly targets: Float64Array;
  /** count×2: pairs / max (in [0, 1] when min ≥ 0). */
  readonly X: Matrix;
  /** count×1: targets / scale, scale = 2·max (sum) or max² (product) (in [0, 1] when min ≥ 0). */
  readonly Y: Matrix;
}

/** Les noms des opérations de la calculatrice. */
export const calculatorOperationLabels: Readonly<Record<CalculatorOperation, string>> = {
  sum: 'somme',
  product: 'produit',
};

/** Calcule a + b ou a·b. */
export function applyOperation(operation: CalculatorOperation, a: number, b: number): number {
  return operation === 'sum' ? a + b : a * b;
}

function checkMax(max: number): void {
  if (!Number.isFinite(max) || max <= 0)
    throw new Error(`Calculatrice\u00a0: max doit être un nombre fini > 0 (reçu ${max}).`);
}

function checkOperation(operation: string): asserts operation is CalculatorOperation {
  if (operation !== 'sum' && operation !== 'product')
    throw new Error(
      `Calculatrice\u00a0: opération inconnue «\u202f${operation}\u202f» («\u202fsum\u202f» ou «\u202fproduct\u202f» attendue).`,
    );
}

/**
 * Le diviseur des cibles de la calculatrice.
 *
 * The divisor of the targets: 2·max for the sum (the largest sum), max² for the product.
 */
export function targetScale(operation: CalculatorOperation, max: number): number {
  checkOperation(operation);
  checkMax(max);
  return operation === 'sum' ? 2 * max : max * max;
}

/**
 * Les entrées vues par le réseau, divisées par le maximum.
 *
 * Inputs seen by the network: every entry of `pairs` (n×2) divided by max → n×2.
 */
export function normalizeInputs(pairs: Matrix, max: number): Matrix {
  checkMax(max);
  return { rows: pairs.rows, cols: pairs.cols, data: pairs.data.map((v) => v / max) };
}

/**
 * La cible vue par le réseau, divisée par l’échelle.
 *
 * Target seen by the network: value / targetScale (50 + 50 = 100 with max 100 → 0.5).
 */
export function normalizeTarget(operation: CalculatorOperation, max: number, value: number): number {
  return value / targetScale(operation, max);
}

/**
 * L’inverse de `normalizeTarget`.
 *
 * The inverse of `normalizeTarget`: a network output back to a sum or product,
 * value·targetScale (0.5001 with max 100 for the sum → 100.02).
 */
export function denormalizeTarget(operation: CalculatorOperation, max: number, value: number): number {
  return value * targetScale(operation, max);
}

/**
 * Des paires d’entiers et leurs cibles.
 *
 * `count` pairs of integers drawn independently and uniformly in [min, max], their raw
 * targets, and the normalised X (count×2) and Y (count×1). min and max must be integers with
 * min < max and max > 0; count an integer ≥ 1.
 */
export function calculatorDataset(rng: Rng, options: CalculatorOptions): CalculatorDataset {
  const { operation, min, max, count } = options;
  checkOperation(operation);
  if (!Number.isInteger(min) || !Number.isInteger(max))
    throw new Error(`Calculatrice\u00a0: min et max doivent être des entiers (reçu min = ${min}, max = ${max}).`);
  checkMax(max);
  if (min >= max) throw new Error(`Calculatrice\u00a0: min doit être < max (reçu min = ${min}, max = ${max}).`);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`Calculatrice\u00a0: count doit être un entier ≥ 1 (reçu ${count}).`);

  const span = max - min + 1;
  const pairData = new Float64Array(2 * count);
  const targets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = min + rng.int(span);
    const b = min + rng.int(span);
    pairData[2 * i] = a;
    pairData[2 * i + 1] = b;
    targets[i] = applyOperation(operation, a, b);
  }
  const pairs: Matrix = { rows: count, cols: 2, data: pairData };
  const scale = targetScale(operation, max);
  return {
    pairs,
    targets,
    X: normalizeInputs(pairs, max),
    Y: { rows: count, cols: 1, data: targets.map((t) => t / scale) },
  };
}
