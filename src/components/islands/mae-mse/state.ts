/** URL state of the "MAE ou MSE ?" island (prefix `maemse.`): the outlier, the cloud's seed and size. */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';
import { X_DOMAIN, Y_DOMAIN } from './lines';

export const MAEMSE_PREFIX = 'maemse';
export const MAEMSE_DEMO_ID = 'mae-ou-mse';

/** Defaults: an outlier well above the cloud, on its right, where it tilts the MSE line most. */
export const maeMseSchema = {
  ox: { kind: 'number', default: 8.5, min: X_DOMAIN[0], max: X_DOMAIN[1] },
  oy: { kind: 'number', default: 14, min: Y_DOMAIN[0], max: Y_DOMAIN[1] },
  n: { kind: 'int', default: 12, min: 5, max: 30 },
  seed: { kind: 'int', default: 3, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type MaeMseState = StateOf<typeof maeMseSchema>;

export const parseMaeMseState = (params: URLSearchParams) => parseState(maeMseSchema, MAEMSE_PREFIX, params);
export const serializeMaeMseState = (s: MaeMseState) => serializeState(maeMseSchema, MAEMSE_PREFIX, s);
