/** URL state of "Le labo 2D" (prefix `labo.`): the whole experiment fits in a link. */
import { generator2dNames, backendRequests } from '../../../nn';
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const LAB_PREFIX = 'labo';
export const LAB_DEMO_ID = 'labo-2d';

export const MAX_HIDDEN_LAYERS = 6;
/** 32: the chapter's own experiment, 2 → 32 → 32 → 1, must fit. */
export const MAX_LAYER_WIDTH = 32;

export const labActivations = ['tanh', 'relu', 'leakyRelu', 'sigmoid', 'identity'] as const;
export const labOptimizers = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export const labRegularizations = ['aucune', 'l1', 'l2'] as const;
export const labEngines = ['js', 'tf'] as const;
/** How fast a run goes, in epochs per second (`max`: as fast as the frames allow). */
export const labSpeeds = ['lente', 'normale', 'rapide', 'max'] as const;
export const epochsPerSecond: Readonly<Record<(typeof labSpeeds)[number], number>> = {
  lente: 10,
  normale: 50,
  rapide: 250,
  max: Infinity,
};
export const MAX_EPOCH_BUDGET = 10_000;

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
  /** A run stops by itself after this many epochs (the chapter's experiment: 800). */
  epoques: { kind: 'int', default: 1000, min: 1, max: MAX_EPOCH_BUDGET },
  vitesse: { kind: 'enum', default: 'normale', options: labSpeeds },
  moteur: { kind: 'enum', default: 'js', options: labEngines },
  backend: { kind: 'enum', default: 'auto', options: backendRequests },
} as const satisfies Schema;

export type LabState = StateOf<typeof labSchema>;

export const parseLabState = (params: URLSearchParams) => parseState(labSchema, LAB_PREFIX, params);
export const serializeLabState = (s: LabState) => serializeState(labSchema, LAB_PREFIX, s);

/**
 * The over-fitting preset (the demo page and the chapter open on it): 30 noisy points of the
 * moons to learn from, 135 to validate and 135 to test (so test accuracy moves in steps of
 * 0.7 %, not 6.7 %), three layers of 16 and no regularisation. The validation loss bottoms out
 * near epoch 11, then climbs fourfold while the boundary winds around single points;
 * tests/unit/islands/labo2d/presets.test.ts prints and holds its numbers and the remedies'.
 */
export const overfittingPreset = {
  donnees: 'moons',
  points: 300,
  bruit: 0.3,
  part: 0.1,
  seed: 1,
  couches: [16, 16, 16],
  act: 'tanh',
  lr: 0.03,
  lot: 10,
  optim: 'adam',
  reg: 'aucune',
  alpha: 0.01,
  garde: 1,
  patience: 0,
  epoques: 500,
} satisfies Partial<LabState>;

/**
 * The preset buttons: the over-fitting run, then the same run with one remedy each, so that the
 * previous run, kept as a ghost, differs from the new one by that remedy alone. Engine, backend
 * and speed stay the reader's.
 */
export const labPresets: readonly { readonly name: string; readonly patch: Partial<LabState> }[] = [
  { name: 'Surapprentissage', patch: overfittingPreset },
  { name: '+ L2', patch: { ...overfittingPreset, reg: 'l2' } },
  { name: '+ dropout', patch: { ...overfittingPreset, garde: 0.5 } },
  { name: '+ arrêt précoce', patch: { ...overfittingPreset, patience: 20 } },
];

/** Whether `s` is the preset's experiment (every field the preset sets has its value). */
export function isPreset(s: LabState, patch: Partial<LabState>): boolean {
  return (Object.keys(patch) as (keyof LabState)[]).every((k) => JSON.stringify(s[k]) === JSON.stringify(patch[k]));
}

/** A run's remedies against over-fitting, in words: what tells a ghost from the run beside it. */
export function describeRemedies(
  s: Pick<LabState, 'reg' | 'alpha' | 'garde' | 'patience'>,
  fmt: (v: number) => string,
): string {
  const parts: string[] = [];
  if (s.reg !== 'aucune' && s.alpha > 0) parts.push(`${s.reg.toUpperCase()} α\u00a0=\u00a0${fmt(s.alpha)}`);
  if (s.garde < 1) parts.push(`dropout p\u00a0=\u00a0${fmt(s.garde)}`);
  if (s.patience > 0) parts.push(`arrêt précoce (patience ${s.patience})`);
  return parts.length ? parts.join(', ') : 'sans régularisation';
}
