/** URL state of the "Passe avant" island (prefix `passe.`): the two inputs and all 25 weights. */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';
import { exempleCours, hiddenActivations, outputActivations, WEIGHT_COUNT, weightsToList } from './network';

export const PASSE_PREFIX = 'passe';
export const PASSE_DEMO_ID = 'passe-avant';

/** Bounds of what a reader can type: inputs such as a weight in kilograms, weights of a small net. */
export const INPUT_BOUND = 1000;
export const WEIGHT_BOUND = 10;

/**
 * Defaults: the chapter's worked example. `w` lists W₁ (row by row), b₁, W₂, b₂, W₃, b₃, so
 * `passe.w=0.1,0.2,…` reopens any network the reader has built.
 */
export const passeSchema = {
  x: { kind: 'numberList', default: exempleCours.x, min: -INPUT_BOUND, max: INPUT_BOUND, minLength: 2, maxLength: 2 },
  w: {
    kind: 'numberList',
    default: weightsToList(exempleCours.weights),
    min: -WEIGHT_BOUND,
    max: WEIGHT_BOUND,
    minLength: WEIGHT_COUNT,
    maxLength: WEIGHT_COUNT,
  },
  act: { kind: 'enum', default: 'relu', options: hiddenActivations },
  out: { kind: 'enum', default: 'relu', options: outputActivations },
} as const satisfies Schema;

export type PasseState = StateOf<typeof passeSchema>;

export const parsePasseState = (params: URLSearchParams) => parseState(passeSchema, PASSE_PREFIX, params);
export const serializePasseState = (s: PasseState) => serializeState(passeSchema, PASSE_PREFIX, s);
