/** URL state of the "Apprendre, c’est ajuster" island (prefix `ajuster.`). */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const AJUSTER_PREFIX = 'ajuster';
export const AJUSTER_DEMO_ID = 'ajuster';

/**
 * The line ŷ = w·x + b starts visibly wrong (falling while the points rise), so the reader has
 * something to fix. w and b are bounded widely: the least-squares line of any allowed cloud
 * lies well inside, and a handle dragged within the chart never leaves these bounds.
 */
export const ajusterSchema = {
  w: { kind: 'number', default: -0.5, min: -10, max: 10 },
  b: { kind: 'number', default: -1, min: -10, max: 10 },
  points: { kind: 'int', default: 20, min: 5, max: 200 },
  bruit: { kind: 'number', default: 0.5, min: 0, max: 1.5 },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type AjusterState = StateOf<typeof ajusterSchema>;

export const parseAjusterState = (params: URLSearchParams) => parseState(ajusterSchema, AJUSTER_PREFIX, params);
export const serializeAjusterState = (s: AjusterState) => serializeState(ajusterSchema, AJUSTER_PREFIX, s);
