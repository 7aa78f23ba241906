/**
 * URL state of the project "Reconnaître des chiffres manuscrits" (prefix `mnist.`): data,
 * preprocessing, split, model and training in one link; with the seed, the link replays the
 * same split, the same batches and the same initial weights.
 */
import { backendRequests, type LayerActivation, type MlpSpec } from '../../../nn';
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const MNIST_PREFIX = 'mnist';
export const MNIST_DEMO_ID = 'mnist';

export const MNIST_TRAIN_TOTAL = 60_000;
export const MNIST_TEST_TOTAL = 10_000;
export const MNIST_PIXELS = 784;
export const MAX_HIDDEN_LAYERS = 5;
export const MAX_LAYER_WIDTH = 512;
export const mnistActivations = ['relu', 'tanh', 'sigmoid', 'leakyRelu'] as const;
export const mnistOptimizers = ['sgd', 'adam'] as const;
export const mnistScalings = ['unit', 'symmetric'] as const;
/** The learning rate along a run: constant, or falling linearly to 0 at the last planned step. */
export const mnistDecays = ['aucune', 'lineaire'] as const;
export const imbalanceRemedies = ['aucun', 'sous', 'sur', 'augmentation'] as const;

/** The fast 784 → 128 → 10 preset (« 784-128-10 (rapide) »), which is also the default. */
const FAST_PRESET = {
  couches: [128],
  act: 'relu',
  optim: 'adam',
  lr: 0.008,
  lot: 128,
  epoques: 4,
  decroissance: 'lineaire',
} as const;

/** Defaults: the fast preset on all 60,000 images, 80/20. */
export const mnistSchema = {
  /** Training images used (the first n of the 60,000), before the validation split. */
  n: { kind: 'int', default: MNIST_TRAIN_TOTAL, min: 100, max: MNIST_TRAIN_TOTAL },
  val: { kind: 'number', default: 0.2, min: 0.05, max: 0.5 },
  echelle: { kind: 'enum', default: 'unit', options: mnistScalings },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
  /** Hidden layers; none: the softmax regression 784 → 10. */
  couches: {
    kind: 'numberList',
    integer: true,
    default: FAST_PRESET.couches,
    min: 1,
    max: MAX_LAYER_WIDTH,
    minLength: 0,
    maxLength: MAX_HIDDEN_LAYERS,
  },
  act: { kind: 'enum', default: FAST_PRESET.act, options: mnistActivations },
  optim: { kind: 'enum', default: FAST_PRESET.optim, options: mnistOptimizers },
  lr: { kind: 'number', default: FAST_PRESET.lr, min: 0.000001, max: 10 },
  lot: { kind: 'int', default: FAST_PRESET.lot, min: 1, max: 4096 },
  decroissance: { kind: 'enum', default: FAST_PRESET.decroissance, options: mnistDecays },
  epoques: { kind: 'int', default: FAST_PRESET.epoques, min: 1, max: 100 },
  moteur: { kind: 'enum', default: 'auto', options: backendRequests },
  /** The imbalance experiment: the rare digit, the share of it kept, the remedy. */
  rare: { kind: 'int', default: 5, min: 0, max: 9 },
  garde: { kind: 'number', default: 0.05, min: 0.001, max: 1 },
} as const satisfies Schema;

export type MnistState = StateOf<typeof mnistSchema>;

export const parseMnistState = (params: URLSearchParams) => parseState(mnistSchema, MNIST_PREFIX, params);
export const serializeMnistState = (s: MnistState) => serializeState(mnistSchema, MNIST_PREFIX, s);

/** What a preset sets: the network and every training setting (the data and the seed stay). */
export type PresetSettings = Pick<MnistState, 'couches' | 'act' | 'optim' | 'lr' | 'lot' | 'epoques' | 'decroissance'>;

/**
 * The chapter's models: the softmax regression, the book's MLP and a faster one. The fast one's
 * settings are chosen by measure (bench/mnist-preset.mjs): with them it passes 97.5 % on the
 * test images by itself; they are also the island's defaults.
 */
export const mnistPresets = [
  {
    nom: 'Régression softmax',
    couches: [],
    act: 'relu',
    optim: 'adam',
    lr: 0.001,
    lot: 128,
    epoques: 5,
    decroissance: 'aucune',
  },
  {
    nom: '4 × 40 ReLU (le livre)',
    couches: [40, 40, 40, 40],
    act: 'relu',
    optim: 'adam',
    lr: 0.0001,
    lot: 64,
    epoques: 5,
    decroissance: 'aucune',
  },
  { nom: '784-128-10 (rapide)', ...FAST_PRESET },
] as const satisfies readonly (Omit<PresetSettings, 'couches'> & { nom: string; couches: readonly number[] })[];

export type MnistPreset = (typeof mnistPresets)[number];

/** Every setting a preset names, the layers copied: a button sets them all. */
export function presetSettings(p: MnistPreset): PresetSettings {
  const { couches, act, optim, lr, lot, epoques, decroissance } = p;
  return { couches: [...couches], act, optim, lr, lot, epoques, decroissance };
}

/** 784 inputs → hidden layers → 10 softmax outputs, categorical cross-entropy. */
export function mnistSpec(s: { readonly couches: readonly number[]; readonly act: MnistState['act'] }): MlpSpec {
  return {
    inputSize: MNIST_PIXELS,
    layers: [
      ...s.couches.map((units) => ({ units, activation: s.act as LayerActivation })),
      { units: 10, activation: 'softmax' },
    ],
    loss: 'categoricalCrossEntropy',
  };
}

/** Images in each part: validation is floor(n·val), training the rest; the test set is apart. */
export function mnistSplitCounts(s: Pick<MnistState, 'n' | 'val'>) {
  const validation = Math.floor(s.n * s.val + 1e-9);
  return { train: s.n - validation, validation, test: MNIST_TEST_TOTAL };
}

/** What makes the settings unusable together, in French, or null. */
export function validateMnist(s: MnistState): string | null {
  const c = mnistSplitCounts(s);
  if (c.validation < 1) return 'Le découpage ne laisse aucune image de validation\u00a0: augmentez sa part.';
  if (s.lot > c.train)
    return `La taille de lot (${s.lot}) dépasse le nombre d’images d’entraînement (${c.train})\u00a0: réduisez-la ou prenez plus d’images.`;
  return null;
}
