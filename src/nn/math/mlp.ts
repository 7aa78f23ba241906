/**
 * Forward pass of a multilayer perceptron on a batch (chapter 3): one matrix product per layer,
 * H = f(XW + b), keeping every intermediate value so that backpropagation (and an island) can
 * use it.
 */
import type { Rng } from '../data/rng';
import { checkWeightsMatchSpec, validateSpec, type LayerSpec, type MlpSpec, type MlpWeights } from '../spec';
import { activations } from './activations';
import { addRowVector, matmul, type Matrix } from './matrix';
import { dropoutMask } from './regularizers';

/**
 * Every value of a forward pass on n examples, for L layers:
 * - `A[0]` = X (n×d), `A[l+1]` = the output of layer l (n×units_l), so `A[L]` = Ŷ; A has L + 1 entries;
 * - `Z[l]` = A[l]·W[l] + b[l], the pre-activation of layer l (n×units_l); Z has L entries;
 * - `masks[l]`: with dropout, the inverted-dropout mask multiplied into A[l+1] (n×units_l, entries
 *   0 or 1/keep) for each hidden layer, `null` for the output layer; absent without dropout.
 */
export interface ForwardPass {
  readonly Z: Matrix[];
  readonly A: Matrix[];
  readonly masks?: (Matrix | null)[];
}

export interface ForwardOptions {
  /** Inverted dropout on hidden layers (training only): keep probability and the seeded generator. */
  readonly dropout?: { readonly keep: number; readonly rng: Rng };
}

/**
 * Applique l’activation d’une couche à Z, élément par élément ou softmax par ligne.
 *
 * The activation of a layer applied to its pre-activation Z (n×units): element-wise f, or softmax
 * row by row (each row: e^{z − max z} / Σ e^{z − max z}, the stable form).
 */
export function applyActivation(layer: LayerSpec, Z: Matrix): Matrix {
  if (layer.activation !== 'softmax')
    return { rows: Z.rows, cols: Z.cols, data: Z.data.map(activations[layer.activation].f) };
  const out = new Float64Array(Z.data.length);
  const k = Z.cols;
  for (let i = 0; i < Z.rows; i++) {
    const row = Z.data.subarray(i * k, (i + 1) * k);
    let m = -Infinity;
    for (const v of row) m = Math.max(m, v);
    let s = 0;
    for (let j = 0; j < k; j++) s += out[i * k + j] = Math.exp(row[j]! - m);
    for (let j = 0; j < k; j++) out[i * k + j]! /= s;
  }
  return { rows: Z.rows, cols: Z.cols, data: out };
}

/**
 * Vérifie les colonnes de X.
 *
 * Throws (French message) unless X is a batch with `spec.inputSize` columns.
 */
export function checkInput(spec: MlpSpec, X: Matrix): void {
  if (X.cols !== spec.inputSize)
    throw new Error(`Entrées incompatibles\u00a0: X a ${X.cols} colonnes, ${spec.inputSize} attendues (inputSize).`);
  if (X.data.length !== X.rows * X.cols)
    throw new Error(
      `Entrées incompatibles\u00a0: X annonce ${X.rows}×${X.cols} mais contient ${X.data.length} valeurs.`,
    );
}

/**
 * La propagation avant — les activations de chaque couche pour les entrées X.
 *
 * The forward pass: A[0] = X (n×d), then for each layer l, Z[l] = A[l]·W[l] + b[l] (the bias is
 * skipped when the layer has `useBias: false`) and A[l+1] = f_l(Z[l]); with `options.dropout`,
 * each hidden layer's A[l+1] is multiplied entry-wise by a fresh inverted-dropout mask (drawn in
 * layer order from `options.dropout.rng`). The output Ŷ = A[L] (n×k) is never masked.
 */
export function forward(spec: MlpSpec, weights: MlpWeights, X: Matrix, options: ForwardOptions = {}): ForwardPass {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  checkInput(spec, X);
  const L = spec.layers.length;
  const Z: Matrix[] = [];
  const A: Matrix[] = [X];
  const masks: (Matrix | null)[] = [];
  spec.layers.forEach((layer, l) => {
    const product = matmul(A[l]!, weights.W[l]!);
    const z = layer.useBias === false ? product : addRowVector(product, weights.b[l]!);
    let a = applyActivation(layer, z);
    if (options.dropout && l < L - 1) {
      const mask = dropoutMask(options.dropout.rng, a.rows, a.cols, options.dropout.keep);
      a = { rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v * mask.data[i]!) };
      masks.push(mask);
    } else masks.push(null);
    Z.push(z);
    A.push(a);
  });
  return options.dropout ? { Z, A, masks } : { Z, A };
}

/**
 * Les prédictions du réseau pour X, une par ligne.
 *
 * Ŷ = A[L] of the forward pass without dropout: an n×k matrix, one prediction per row of X.
 */
export function predict(spec: MlpSpec, weights: MlpWeights, X: Matrix): Matrix {
  const { A } = forward(spec, weights, X);
  return A[A.length - 1]!;
}
