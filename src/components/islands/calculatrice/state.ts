/**
 * URL state of the project "Une calculatrice apprise" (prefix `calc.`): data, split, model and
 * training in one link; with the seed, the link replays the same data and initial weights.
 */
import { backendRequests } from '../../../nn';
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const CALC_PREFIX = 'calc';
export const CALC_DEMO_ID = 'calculatrice';

export const MAX_HIDDEN_LAYERS = 6;
export const MAX_LAYER_WIDTH = 64;
export const calcOperations = ['sum', 'product'] as const;
export const calcActivations = ['relu', 'tanh', 'sigmoid', 'leakyRelu'] as const;
export const calcOptimizers = ['sgd', 'adam'] as const;
export const sampleCounts = [100, 1000, 10000] as const;

/** Defaults: the sum of integers of [0, 100], 1,000 samples, 2 → 16 → 16 → 16 → 1 ReLU, Adam. */
export const calcSchema = {
  op: { kind: 'enum', default: 'sum', options: calcOperations },
  min: { kind: 'int', default: 0, min: -1000, max: 1000 },
  max: { kind: 'int', default: 100, min: -1000, max: 1000 },
  n: { kind: 'int', default: 1000, min: 1, max: 10000 },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
  /** Shares of validation and test; training gets the rest. */
  val: { kind: 'number', default: 0.15, min: 0, max: 0.9 },
  test: { kind: 'number', default: 0.15, min: 0, max: 0.9 },
  couches: {
    kind: 'numberList',
    integer: true,
    default: [16, 16, 16],
    min: 1,
    max: MAX_LAYER_WIDTH,
    minLength: 0,
    maxLength: MAX_HIDDEN_LAYERS,
  },
  act: { kind: 'enum', default: 'relu', options: calcActivations },
  optim: { kind: 'enum', default: 'adam', options: calcOptimizers },
  lr: { kind: 'number', default: 0.01, min: 0.00001, max: 10 },
  lot: { kind: 'int', default: 32, min: 1, max: 1024 },
  epoques: { kind: 'int', default: 60, min: 1, max: 2000 },
  moteur: { kind: 'enum', default: 'auto', options: backendRequests },
} as const satisfies Schema;

export type CalcState = StateOf<typeof calcSchema>;

export const parseCalcState = (params: URLSearchParams) => parseState(calcSchema, CALC_PREFIX, params);
export const serializeCalcState = (s: CalcState) => serializeState(calcSchema, CALC_PREFIX, s);

/** The chapter's three architectures (hidden layers and activation). */
export const calcPresets = [
  { nom: 'Une couche cachée', couches: [32], act: 'relu' },
  { nom: '4 × 40 ReLU', couches: [40, 40, 40, 40], act: 'relu' },
  { nom: '3 × 16', couches: [16, 16, 16], act: 'relu' },
] as const satisfies readonly { nom: string; couches: readonly number[]; act: CalcState['act'] }[];

/** Examples in each part, as `splitIndices` cuts them (floors for validation and test). */
export function splitCounts(s: Pick<CalcState, 'n' | 'val' | 'test'>) {
  const validation = Math.floor(s.n * s.val + 1e-9);
  const test = Math.floor(s.n * s.test + 1e-9);
  return { train: s.n - validation - test, validation, test };
}

/**
 * What makes the settings unusable, in French, or null: each field may be valid alone and the
 * whole not (min ≥ max, a split that leaves a part empty).
 */
export function validateCalc(s: CalcState): string | null {
  if (s.min >= s.max)
    return `Le minimum (${s.min}) doit être strictement plus petit que le maximum (${s.max})\u00a0: choisissez un intervalle non vide.`;
  if (s.max <= 0)
    return `Le maximum doit être positif (reçu ${s.max})\u00a0: c’est lui qui sert à normaliser les entrées.`;
  if (s.val + s.test >= 1)
    return 'Les parts de validation et de test prennent tout\u00a0: il ne reste aucun exemple pour l’entraînement.';
  const c = splitCounts(s);
  if (c.train < 1)
    return 'Le découpage ne laisse aucun exemple d’entraînement\u00a0: réduisez la validation ou le test.';
  if (c.validation < 1)
    return 'Le découpage ne laisse aucun exemple de validation\u00a0: augmentez sa part ou le nombre d’exemples.';
  if (c.test < 1)
    return 'Le découpage ne laisse aucun exemple de test\u00a0: augmentez sa part ou le nombre d’exemples.';
  return null;
}
