/**
 * Weight initialisation (chapter 6) and the bookkeeping of an MLP's parameters: copies, zeros,
 * and one flat vector of all parameters in a fixed order (gradient checks, optimisers).
 */
import type { Rng } from '../data/rng';
import {
  checkWeightsMatchSpec,
  layerInputSizes,
  parameterCount,
  validateSpec,
  type MlpSpec,
  type MlpWeights,
} from '../spec';
import type { Matrix } from './matrix';

/**
 * - `tiny`: W ~ 0.01·N(0, 1) — fine for a shallow net, activations collapse in a deep one;
 * - `xavier` (Glorot, normal form): W ~ N(0, 2/(fan_in + fan_out)) — keeps the variance of
 *   activations and of gradients about constant through tanh/sigmoid layers;
 * - `he`: W ~ N(0, 2/fan_in) — the same for ReLU layers (which zero half their inputs).
 * fan_in = inputs of the layer, fan_out = its units.
 */
export type InitScheme = 'tiny' | 'xavier' | 'he';

/** Les schémas d’initialisation des poids. */
export const initSchemes: readonly InitScheme[] = ['tiny', 'xavier', 'he'];

/**
 * Écart type des poids initiaux d’une couche.
 *
 * Standard deviation of the scheme for a layer with `fanIn` inputs and `fanOut` units.
 */
export function initStd(scheme: InitScheme, fanIn: number, fanOut: number): number {
  switch (scheme) {
    case 'tiny':
      return 0.01;
    case 'xavier':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'he':
      return Math.sqrt(2 / fanIn);
    default:
      throw new Error(`Initialisation inconnue «\u202f${String(scheme)}\u202f» (tiny, xavier ou he).`);
  }
}

/**
 * Des poids initiaux tirés au hasard pour une spécification.
 *
 * Fresh weights for `spec`: W[l] (inputs_l×units_l) with entries std·N(0, 1), drawn layer by
 * layer, row by row, from `rng` (so one seed gives one network); every bias 0.
 */
export function initWeights(spec: MlpSpec, rng: Rng, scheme: InitScheme): MlpWeights {
  validateSpec(spec);
  const inputs = layerInputSizes(spec);
  const W = spec.layers.map((layer, l) => {
    const std = initStd(scheme, inputs[l]!, layer.units);
    const data = new Float64Array(inputs[l]! * layer.units);
    for (let i = 0; i < data.length; i++) data[i] = std * rng.normal();
    return { rows: inputs[l]!, cols: layer.units, data };
  });
  return { W, b: spec.layers.map((layer) => new Float64Array(layer.units)) };
}

/**
 * Une copie profonde des poids.
 *
 * A deep copy (new arrays, same values and shapes).
 */
export function cloneWeights(weights: MlpWeights): MlpWeights {
  return {
    W: weights.W.map((m) => ({ rows: m.rows, cols: m.cols, data: m.data.slice() })),
    b: weights.b.map((b) => b.slice()),
  };
}

/**
 * Des poids nuls de mêmes formes que `weights`.
 *
 * All-zero weights with the shapes of `weights` (e.g. to accumulate gradients).
 */
export function zerosLike(weights: MlpWeights): MlpWeights {
  return {
    W: weights.W.map((m): Matrix => ({ rows: m.rows, cols: m.cols, data: new Float64Array(m.data.length) })),
    b: weights.b.map((b) => new Float64Array(b.length)),
  };
}

/**
 * Les blocs de paramètres des poids.
 *
 * The parameter blocks of `weights`, as views (not copies) in the fixed order
 * W[0].data (row-major), b[0], W[1].data, b[1], …; a layer with `useBias: false` has no bias
 * block. Optimisers update these arrays in place. Works for gradients too ({W: dW, b: db}).
 */
export function parameterBlocks(spec: MlpSpec, weights: MlpWeights): Float64Array[] {
  checkWeightsMatchSpec(spec, weights);
  return spec.layers.flatMap((layer, l) =>
    layer.useBias === false ? [weights.W[l]!.data] : [weights.W[l]!.data, weights.b[l]!],
  );
}

/**
 * Tous les paramètres en un seul vecteur.
 *
 * Every parameter in one vector of length `parameterCount(spec)`, in the order of
 * `parameterBlocks`: W₀ row-major, b₀, W₁, b₁, … (no entries for the bias of a bias-less layer).
 */
export function flattenWeights(spec: MlpSpec, weights: MlpWeights): Float64Array {
  const out = new Float64Array(parameterCount(spec));
  let offset = 0;
  for (const block of parameterBlocks(spec, weights)) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

/**
 * L’inverse de `flattenWeights`.
 *
 * The inverse of `flattenWeights`: new weights for `spec` read from `flat` (biases of bias-less layers are 0).
 */
export function unflattenWeights(spec: MlpSpec, flat: ArrayLike<number>): MlpWeights {
  validateSpec(spec);
  const expected = parameterCount(spec);
  if (flat.length !== expected)
    throw new Error(`Vecteur de paramètres de longueur ${flat.length}, ${expected} attendue pour cette architecture.`);
  const inputs = layerInputSizes(spec);
  const weights: MlpWeights = {
    W: spec.layers.map((layer, l) => ({
      rows: inputs[l]!,
      cols: layer.units,
      data: new Float64Array(inputs[l]! * layer.units),
    })),
    b: spec.layers.map((layer) => new Float64Array(layer.units)),
  };
  let offset = 0;
  for (const block of parameterBlocks(spec, weights)) {
    for (let i = 0; i < block.length; i++) block[i] = flat[offset + i]!;
    offset += block.length;
  }
  return weights;
}
