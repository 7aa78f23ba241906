/** URL state of the "Entropie croisée" island (prefix `entropie.`): the probability of the correct class. */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const ENTROPIE_PREFIX = 'entropie';
export const ENTROPIE_DEMO_ID = 'entropie-croisee';

/** p stays inside [0,01 ; 0,99]: −ln p is infinite at 0, and both gradients vanish at 1. */
export const P_MIN = 0.01;
export const P_MAX = 0.99;

export const entropieSchema = {
  p: { kind: 'number', default: 0.1, min: P_MIN, max: P_MAX },
} as const satisfies Schema;

export type EntropieState = StateOf<typeof entropieSchema>;

export const parseEntropieState = (params: URLSearchParams) => parseState(entropieSchema, ENTROPIE_PREFIX, params);
export const serializeEntropieState = (s: EntropieState) => serializeState(entropieSchema, ENTROPIE_PREFIX, s);
