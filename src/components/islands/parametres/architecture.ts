/** From the "Compteur de paramètres" settings to an MlpSpec, and the presets the chapter cites. */
import type { LayerActivation, LossName, MlpSpec } from '../../../nn';

export const hiddenActivations = ['relu', 'tanh', 'sigmoid', 'leakyRelu', 'gelu'] as const;
export const outputActivations = ['identity', 'sigmoid', 'softmax'] as const;
export type HiddenActivation = (typeof hiddenActivations)[number];
export type OutputActivation = (typeof outputActivations)[number];

/** The loss that goes with each output layer (chapter 4): regression, binary, multi-class. */
const lossFor: Record<OutputActivation, LossName> = {
  identity: 'mse',
  sigmoid: 'bce',
  softmax: 'categoricalCrossEntropy',
};

export interface Architecture {
  entree: number;
  cachees: readonly number[];
  sortie: number;
  act: HiddenActivation;
  fin: OutputActivation;
}

export function specOf(a: Architecture): MlpSpec {
  return {
    inputSize: a.entree,
    layers: [
      ...a.cachees.map((units) => ({ units, activation: a.act as LayerActivation })),
      { units: a.sortie, activation: a.fin as LayerActivation },
    ],
    loss: lossFor[a.fin],
  };
}

/** "2 → 16 → 16 → 16 → 1" */
export function arrows(spec: MlpSpec): string {
  return [spec.inputSize, ...spec.layers.map((l) => l.units)].join(' → ');
}

export const presets: readonly Architecture[] = [
  { entree: 3, cachees: [4, 4], sortie: 1, act: 'relu', fin: 'identity' },
  { entree: 2, cachees: [16, 16, 16], sortie: 1, act: 'relu', fin: 'identity' },
  { entree: 784, cachees: [128], sortie: 10, act: 'relu', fin: 'softmax' },
];
