/** URL state of the "Compteur de paramètres" island (prefix `param.`). */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';
import { hiddenActivations, outputActivations } from './architecture';

export const PARAM_PREFIX = 'param';
export const PARAM_DEMO_ID = 'compteur-parametres';

export const MAX_HIDDEN_LAYERS = 10;
export const MAX_WIDTH = 10_000;

/** Defaults: the chapter's 3 → 4 → 4 → 1 network (41 parameters). */
export const paramSchema = {
  entree: { kind: 'int', default: 3, min: 1, max: MAX_WIDTH },
  cachees: {
    kind: 'numberList',
    integer: true,
    default: [4, 4],
    min: 1,
    max: MAX_WIDTH,
    minLength: 0,
    maxLength: MAX_HIDDEN_LAYERS,
  },
  sortie: { kind: 'int', default: 1, min: 1, max: MAX_WIDTH },
  act: { kind: 'enum', default: 'relu', options: hiddenActivations },
  fin: { kind: 'enum', default: 'identity', options: outputActivations },
} as const satisfies Schema;

export type ParamState = StateOf<typeof paramSchema>;

export const parseParamState = (params: URLSearchParams) => parseState(paramSchema, PARAM_PREFIX, params);
export const serializeParamState = (s: ParamState) => serializeState(paramSchema, PARAM_PREFIX, s);
