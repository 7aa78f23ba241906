/** URL state of the "Le pas d’apprentissage" island (prefix `pas.`). */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const PAS_PREFIX = 'pas';
export const PAS_DEMO_ID = 'pas-apprentissage';

/**
 * Defaults: the chapter's worked sequence (W₀ = 0, η = 0,1). The rate spans 0,001 to 2 so that
 * both a crawl and a violent divergence (1,5) are within reach; the island has no randomness,
 * hence no seed.
 */
export const pasSchema = {
  lr: { kind: 'number', default: 0.1, min: 0.001, max: 2 },
  w0: { kind: 'number', default: 0, min: -2, max: 4 },
  decroissance: { kind: 'bool', default: false },
} as const satisfies Schema;

export type PasState = StateOf<typeof pasSchema>;

export const parsePasState = (params: URLSearchParams) => parseState(pasSchema, PAS_PREFIX, params);
export const serializePasState = (s: PasState) => serializeState(pasSchema, PAS_PREFIX, s);
