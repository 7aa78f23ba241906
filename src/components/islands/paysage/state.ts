/** URL state of the "Paysage de perte" island (prefix `paysage.`). */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';
import { OPTIMIZER_DEFAULTS, type OptimizerConfig } from '../../../nn';
import type { RacerName } from './race';

export const PAYSAGE_PREFIX = 'paysage';
export const PAYSAGE_DEMO_ID = 'paysage-de-perte';

const rate = { kind: 'number', min: 0.001, max: 1 } as const;

/**
 * Defaults: the regression landscape, started at (−0,5 ; 3,5), far along its narrow valley, with
 * learning rates at which all four optimisers stay stable and differ visibly. The start may lie
 * in either surface's window (the island brings it back into the current one).
 */
export const paysageSchema = {
  surface: { kind: 'enum', default: 'regression', options: ['regression', 'selle'] },
  w0: { kind: 'number', default: -0.5, min: -2.5, max: 5 },
  b0: { kind: 'number', default: 3.5, min: -2.5, max: 4 },
  mode: { kind: 'enum', default: 'lot', options: ['lot', 'mini-lot', 'stochastique'] },
  lot: { kind: 'int', default: 4, min: 2, max: 10 },
  lrSgd: { ...rate, default: 0.1 },
  lrMomentum: { ...rate, default: 0.05 },
  rho: { kind: 'number', default: OPTIMIZER_DEFAULTS.momentum, min: 0, max: 0.99 },
  lrRmsprop: { ...rate, default: 0.05 },
  rhoRms: { kind: 'number', default: OPTIMIZER_DEFAULTS.rho, min: 0.5, max: 0.999 },
  lrAdam: { ...rate, default: 0.2 },
  beta1: { kind: 'number', default: OPTIMIZER_DEFAULTS.beta1, min: 0, max: 0.99 },
  beta2: { kind: 'number', default: OPTIMIZER_DEFAULTS.beta2, min: 0.9, max: 0.9999 },
  decroissance: { kind: 'bool', default: false },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type PaysageState = StateOf<typeof paysageSchema>;

export const parsePaysageState = (params: URLSearchParams) => parseState(paysageSchema, PAYSAGE_PREFIX, params);
export const serializePaysageState = (s: PaysageState) => serializeState(paysageSchema, PAYSAGE_PREFIX, s);

/** The optimiser settings of the four racers, from the state. */
export function racerConfigs(s: PaysageState): Record<RacerName, OptimizerConfig> {
  const decay = s.decroissance ? 'inverseSqrt' : 'none';
  return {
    sgd: { name: 'sgd', learningRate: s.lrSgd, decay },
    momentum: { name: 'momentum', learningRate: s.lrMomentum, momentum: s.rho, decay },
    rmsprop: { name: 'rmsprop', learningRate: s.lrRmsprop, rho: s.rhoRms, decay },
    adam: { name: 'adam', learningRate: s.lrAdam, beta1: s.beta1, beta2: s.beta2, decay },
  };
}
