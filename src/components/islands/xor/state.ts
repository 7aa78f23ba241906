/** URL state of the "OU exclusif avec une couche cachée" island (prefix `xor.`). */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const XOR_PREFIX = 'xor';
export const XOR_DEMO_ID = 'xor-cache';

/** Defaults: two hidden neurons (their plane can be drawn) and a seed that solves XOR. */
export const xorSchema = {
  h: { kind: 'int', default: 2, min: 2, max: 4 },
  lr: { kind: 'number', default: 1, min: 0.05, max: 5 },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type XorState = StateOf<typeof xorSchema>;

export const parseXorState = (params: URLSearchParams) => parseState(xorSchema, XOR_PREFIX, params);
export const serializeXorState = (s: XorState) => serializeState(xorSchema, XOR_PREFIX, s);
