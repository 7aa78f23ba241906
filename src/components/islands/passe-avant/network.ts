/**
 * The small 2 → 3 → 3 → 1 network of chapter 3's worked forward pass, and the conversion
 * between its weights and the flat list the URL carries. The order of the list is the one of
 * `parameterBlocks` in src/nn: W₁ row by row, b₁, W₂ row by row, b₂, W₃, b₃ (25 numbers).
 */
import {
  forward,
  fromRows,
  layerInputSizes,
  parameterBlocks,
  parameterCount,
  type ForwardPass,
  type LayerActivation,
  type MlpSpec,
  type MlpWeights,
} from '../../../nn';

/** Activations the reader may pick for the hidden layers and for the output layer. */
export const hiddenActivations = ['relu', 'tanh', 'sigmoid', 'identity'] as const;
export const outputActivations = ['relu', 'identity', 'sigmoid'] as const;
export type HiddenActivation = (typeof hiddenActivations)[number];
export type OutputActivation = (typeof outputActivations)[number];

/** Sizes of the layers, input included. */
export const SIZES = [2, 3, 3, 1] as const;

export function passeSpec(hidden: HiddenActivation = 'relu', output: OutputActivation = 'relu'): MlpSpec {
  return {
    inputSize: SIZES[0],
    layers: [
      { units: SIZES[1], activation: hidden },
      { units: SIZES[2], activation: hidden },
      { units: SIZES[3], activation: output as LayerActivation },
    ],
    loss: 'mse',
  };
}

/** 25: the length of the weight list. */
export const WEIGHT_COUNT = parameterCount(passeSpec());

/** The chapter's worked example (70 kg, 25 years), every layer with ReLU. */
export const exempleCours = {
  x: [70, 25],
  weights: {
    W: [
      fromRows([
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ]),
      fromRows([
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
        [0.7, 0.8, 0.9],
      ]),
      fromRows([[0.1], [0.2], [0.3]]),
    ],
    b: [new Float64Array([0.1, 0.2, 0.3]), new Float64Array([0.1, 0.2, 0.3]), new Float64Array([0.1])],
  } satisfies MlpWeights,
} as const;

/**
 * A second start, with negative weights: for (1, 2) some ReLU neurons get a negative sum and
 * fall silent, which the worked example (all weights positive) never shows.
 */
export const exempleNegatif = {
  x: [1, 2],
  list: [
    0.5, -1, 0.8, -0.3, 0.6, -0.5, 0.1, 0, -0.2, 1, -0.4, 0.6, -0.7, 0.3, 0.5, 0.9, -1.2, 0.5, 0.2, 0.8, -0.6, 0.4, 1.5,
    -0.8, 0.3,
  ],
} as const;

/** The flat list of `weights`, in `parameterBlocks` order. */
export function weightsToList(weights: MlpWeights): number[] {
  return parameterBlocks(passeSpec(), weights).flatMap((block) => Array.from(block));
}

/** Weights of the 2 → 3 → 3 → 1 network from a list of WEIGHT_COUNT numbers. */
export function weightsFromList(list: readonly number[]): MlpWeights {
  if (list.length !== WEIGHT_COUNT)
    throw new Error(`Il faut ${WEIGHT_COUNT} poids et biais pour ce réseau (reçu ${list.length}).`);
  const spec = passeSpec();
  const inputs = layerInputSizes(spec);
  const weights: MlpWeights = {
    W: spec.layers.map((l, i) => ({ rows: inputs[i]!, cols: l.units, data: new Float64Array(inputs[i]! * l.units) })),
    b: spec.layers.map((l) => new Float64Array(l.units)),
  };
  let at = 0;
  for (const block of parameterBlocks(spec, weights)) {
    block.set(list.slice(at, at + block.length));
    at += block.length;
  }
  return weights;
}

/** Index in the list of W_l[i][j] (l, i, j from 0) and of b_l[j]. */
export function weightIndex(layer: number, i: number, j: number): number {
  return blockStart(layer) + i * SIZES[layer + 1]! + j;
}
export function biasIndex(layer: number, j: number): number {
  return blockStart(layer) + SIZES[layer]! * SIZES[layer + 1]! + j;
}
function blockStart(layer: number): number {
  let at = 0;
  for (let l = 0; l < layer; l++) at += (SIZES[l]! + 1) * SIZES[l + 1]!;
  return at;
}

/** The forward pass of one example x through the network described by `list`. */
export function passeForward(
  x: readonly number[],
  list: readonly number[],
  hidden: HiddenActivation = 'relu',
  output: OutputActivation = 'relu',
): ForwardPass {
  return forward(passeSpec(hidden, output), weightsFromList(list), fromRows([x]));
}
