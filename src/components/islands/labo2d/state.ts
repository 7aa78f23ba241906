/** URL state of "Le labo 2D" (prefix `labo.`): the whole experiment fits in a link. */
import { generator2dNames, backendRequests } from '../../../nn';
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const LAB_PREFIX = 'labo';
export const LAB_DEMO_ID = 'labo-2d';

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_LAYER_WIDTH = 16;

export const labActivations = ['tanh', 'relu', 'leakyRelu', 'sigmoid', 'identity'] as const;
export const labOptimizers = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export const labRegularizations = ['aucune', 'l1', 'l2'] as const;
export const labEngines = ['js', 'tf'] as const;

/** Defaults: the circle, a 2 → 8 → 8 → 1 tanh network, Adam, no regularisation, JavaScript engine. */
export const labSchema = {
  donnees: { kind: 'enum', default: 'circle', options: generator2dNames },
  points: { kind: 'int', default: 300, min: 20, max: 1000 },
  bruit: { kind: 'number', default: 0.05, min: 0, max: 0.5 },
  /** Share of the points used for training; the rest is split evenly into validation and test. */
  part: { kind: 'number', default: 0.5, min: 0.1, max: 0.9 },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
  couches: {
    kind: 'numberList',
    integer: true,
    default: [8, 8],
    min: 1,
    max: MAX_LAYER_WIDTH,
    minLength: 0,
    maxLength: MAX_HIDDEN_LAYERS,
  },
  act: { kind: 'enum', default: 'tanh', options: labActivations },
  lr: { kind: 'number', default: 0.03, min: 0.0001, max: 3 },
  lot: { kind: 'int', default: 16, min: 1, max: 256 },
  optim: { kind: 'enum', default: 'adam', options: labOptimizers },
  reg: { kind: 'enum', default: 'aucune', options: labRegularizations },
  alpha: { kind: 'number', default: 0.001, min: 0, max: 1 },
  /** Keep probability of inverted dropout on hidden layers (1: no dropout). */
  garde: { kind: 'number', default: 1, min: 0.1, max: 1 },
  /** Early stopping after this many epochs without a better validation loss (0: off). */
  patience: { kind: 'int', default: 0, min: 0, max: 1000 },
  moteur: { kind: 'enum', default: 'js', options: labEngines },
  backend: { kind: 'enum', default: 'auto', options: backendRequests },
} as const satisfies Schema;

export type LabState = StateOf<typeof labSchema>;

export const parseLabState = (params: URLSearchParams) => parseState(labSchema, LAB_PREFIX, params);
export const serializeLabState = (s: LabState) => serializeState(labSchema, LAB_PREFIX, s);

/**
 * The chapter's over-fitting preset: few noisy moons, a big network, no regularisation; the
 * reader then switches on L2, dropout or early stopping and compares the validation curve.
 */
export const overfittingPreset: Partial<LabState> = {
  donnees: 'moons',
  points: 60,
  bruit: 0.2,
  part: 0.5,
  seed: 7,
  couches: [16, 16, 16],
  act: 'tanh',
  lr: 0.01,
  lot: 10,
  optim: 'adam',
  reg: 'aucune',
  alpha: 0.03,
};
