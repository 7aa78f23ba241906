/** URL state of the "f(x) = 2x + 1 sur TensorFlow.js" island (prefix `regression.`). */
import { backendRequests } from '../../../nn';
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const REGRESSION_PREFIX = 'regression';
export const REGRESSION_DEMO_ID = 'regression-lineaire';

export const regressionSchema = {
  lr: { kind: 'number', default: 0.2, min: 0.001, max: 5 },
  epoques: { kind: 'int', default: 200, min: 10, max: 2000 },
  points: { kind: 'int', default: 100, min: 10, max: 1000 },
  bruit: { kind: 'number', default: 0.05, min: 0, max: 1 },
  moteur: { kind: 'enum', default: 'auto', options: backendRequests },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type RegressionState = StateOf<typeof regressionSchema>;

export const parseRegressionState = (params: URLSearchParams) =>
  parseState(regressionSchema, REGRESSION_PREFIX, params);
export const serializeRegressionState = (s: RegressionState) => serializeState(regressionSchema, REGRESSION_PREFIX, s);
