/**
 * One model description and one weight layout shared by both engines (reference `math/` and
 * fast `tf/`): same spec + same weights ⇒ same outputs and gradients.
 */
import { isActivationName, type ActivationName } from './math/activations';
import type { Matrix } from './math/matrix';

/**
 * Losses, on a batch of n examples (mean over the batch):
 * - `mse`: (1/n) Σ‖ŷ − y‖² / k over k outputs (as tfjs' meanSquaredError); `halfMse`: half of it;
 * - `mae`: (1/n) Σ|ŷ − y| / k;
 * - `bce`: binary cross-entropy, sigmoid output, targets in {0, 1};
 * - `categoricalCrossEntropy`: softmax output, one-hot targets;
 * - `hinge`: targets in {−1, +1}, mean of max(0, 1 − y·ŷ), identity output.
 */
export type LossName = 'mse' | 'halfMse' | 'mae' | 'bce' | 'categoricalCrossEntropy' | 'hinge';
/** Les noms des fonctions de perte (`mse`, `bce`, …). */
export const lossNames: readonly LossName[] = ['mse', 'halfMse', 'mae', 'bce', 'categoricalCrossEntropy', 'hinge'];

/** A layer's activation: any scalar activation, or softmax (last layer only, with categorical CE). */
export type LayerActivation = ActivationName | 'softmax';

export interface LayerSpec {
  /** Number of neurons (outputs) of the layer. */
  readonly units: number;
  readonly activation: LayerActivation;
  /** Default true. */
  readonly useBias?: boolean;
}

/** A multilayer perceptron: inputSize → layers[0].units → … → layers[L−1].units. */
export interface MlpSpec {
  readonly inputSize: number;
  readonly layers: readonly LayerSpec[];
  readonly loss: LossName;
}

/**
 * Parameters of an MLP, layer by layer: W[l] has shape (inputs of layer l × units of layer l)
 * so that Z = X·W + b for a batch X (one example per row); b[l] has `units` entries (all zero
 * and untouched when the layer has no bias).
 */
export interface MlpWeights {
  readonly W: readonly Matrix[];
  readonly b: readonly Float64Array[];
}

/**
 * Vérifie une spécification de réseau.
 *
 * Throws an error naming the first problem of `spec` (French message, shown to readers).
 */
export function validateSpec(spec: MlpSpec): void {
  if (!Number.isInteger(spec.inputSize) || spec.inputSize < 1)
    throw new Error(`Spécification invalide\u00a0: inputSize doit être un entier ≥ 1 (reçu ${spec.inputSize}).`);
  if (spec.layers.length === 0) throw new Error('Spécification invalide\u00a0: il faut au moins une couche.');
  spec.layers.forEach((layer, l) => {
    if (!Number.isInteger(layer.units) || layer.units < 1)
      throw new Error(
        `Spécification invalide\u00a0: la couche ${l + 1} doit avoir au moins un neurone (reçu ${layer.units}).`,
      );
    if (layer.activation === 'softmax') {
      if (l !== spec.layers.length - 1)
        throw new Error(
          `Spécification invalide\u00a0: softmax n’est permise que sur la dernière couche (couche ${l + 1}).`,
        );
    } else if (!isActivationName(layer.activation)) {
      throw new Error(
        `Spécification invalide\u00a0: activation inconnue «\u202f${String(layer.activation)}\u202f» (couche ${l + 1}).`,
      );
    }
  });
  const last = spec.layers[spec.layers.length - 1]!;
  if (!lossNames.includes(spec.loss))
    throw new Error(`Spécification invalide\u00a0: perte inconnue «\u202f${String(spec.loss)}\u202f».`);
  if (spec.loss === 'categoricalCrossEntropy' && (last.activation !== 'softmax' || last.units < 2))
    throw new Error(
      'Spécification invalide\u00a0: l’entropie croisée catégorielle demande une sortie softmax d’au moins 2 neurones.',
    );
  if (last.activation === 'softmax' && spec.loss !== 'categoricalCrossEntropy')
    throw new Error('Spécification invalide\u00a0: une sortie softmax va avec l’entropie croisée catégorielle.');
  if (spec.loss === 'bce' && last.activation !== 'sigmoid')
    throw new Error('Spécification invalide\u00a0: l’entropie croisée binaire demande une sortie sigmoïde.');
}

/**
 * Le nombre d’entrées de chaque couche.
 *
 * Input size of each layer: [inputSize, units₀, …, units_{L−2}].
 */
export function layerInputSizes(spec: MlpSpec): number[] {
  return [spec.inputSize, ...spec.layers.slice(0, -1).map((l) => l.units)];
}

/**
 * Le nombre de paramètres de chaque couche.
 *
 * Parameters per layer: inputs·units + (bias ? units : 0). 2→16→16→16→1 gives 48, 272, 272, 17.
 */
export function layerParameterCounts(spec: MlpSpec): number[] {
  const inputs = layerInputSizes(spec);
  return spec.layers.map((l, i) => inputs[i]! * l.units + (l.useBias === false ? 0 : l.units));
}

/**
 * Le nombre total de paramètres d’un réseau.
 *
 * Total parameter count (2→16→16→16→1: 609; 3→4→4→1: 41).
 */
export function parameterCount(spec: MlpSpec): number {
  return layerParameterCounts(spec).reduce((a, n) => a + n, 0);
}

/**
 * Vérifie les formes des poids.
 *
 * Throws if `weights` do not have the shapes `spec` asks for (precise message).
 */
export function checkWeightsMatchSpec(spec: MlpSpec, weights: MlpWeights): void {
  const inputs = layerInputSizes(spec);
  if (weights.W.length !== spec.layers.length || weights.b.length !== spec.layers.length)
    throw new Error(
      `Poids incompatibles\u00a0: ${weights.W.length} couches de poids pour ${spec.layers.length} couches dans la spécification.`,
    );
  spec.layers.forEach((layer, l) => {
    const W = weights.W[l]!;
    if (W.rows !== inputs[l] || W.cols !== layer.units)
      throw new Error(
        `Poids incompatibles\u00a0: W de la couche ${l + 1} est ${W.rows}×${W.cols}, ${inputs[l]}×${layer.units} attendu.`,
      );
    if (weights.b[l]!.length !== layer.units)
      throw new Error(
        `Poids incompatibles\u00a0: b de la couche ${l + 1} a ${weights.b[l]!.length} valeurs, ${layer.units} attendues.`,
      );
  });
}
