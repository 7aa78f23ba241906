/**
 * URL state of the "Rétropropagation pas à pas" island (prefix `bp.`): the network, the step
 * reached, and the numbers of both networks (the chain's x, y, w1, b1, w2, b2; the wider
 * network's keys start with `r`: rx1, rw11, rv1, rc…). Defaults: the chapter's examples.
 */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';
import { chainExample, networkNames, wideExample, type ChainValues, type WideValues } from './networks';

export const BP_PREFIX = 'bp';
export const BP_DEMO_ID = 'retropropagation-pas-a-pas';
/** What a reader can type: beyond ±10, sigmoids saturate and nothing more is learnt. */
export const VALUE_BOUND = 10;
/** More than the longest list of steps (the wider network has 20); the island clamps it. */
export const MAX_STEP = 40;

const num = (v: number) => ({ kind: 'number', default: v, min: -VALUE_BOUND, max: VALUE_BOUND }) as const;

export const bpSchema = {
  reseau: { kind: 'enum', default: 'chaine', options: networkNames },
  etape: { kind: 'int', default: 0, min: 0, max: MAX_STEP },
  x: num(chainExample.x),
  y: num(chainExample.y),
  w1: num(chainExample.w1),
  b1: num(chainExample.b1),
  w2: num(chainExample.w2),
  b2: num(chainExample.b2),
  rx1: num(wideExample.x1),
  rx2: num(wideExample.x2),
  ry: num(wideExample.y),
  rw11: num(wideExample.w11),
  rw21: num(wideExample.w21),
  rw12: num(wideExample.w12),
  rw22: num(wideExample.w22),
  rb1: num(wideExample.b1),
  rb2: num(wideExample.b2),
  rv1: num(wideExample.v1),
  rv2: num(wideExample.v2),
  rc: num(wideExample.c),
} as const satisfies Schema;

export type BpState = StateOf<typeof bpSchema>;

export const parseBpState = (params: URLSearchParams) => parseState(bpSchema, BP_PREFIX, params);
export const serializeBpState = (s: BpState) => serializeState(bpSchema, BP_PREFIX, s);

export const chainValues = (s: BpState): ChainValues => ({ x: s.x, y: s.y, w1: s.w1, b1: s.b1, w2: s.w2, b2: s.b2 });

export const wideValues = (s: BpState): WideValues => ({
  x1: s.rx1,
  x2: s.rx2,
  y: s.ry,
  w11: s.rw11,
  w21: s.rw21,
  w12: s.rw12,
  w22: s.rw22,
  b1: s.rb1,
  b2: s.rb2,
  v1: s.rv1,
  v2: s.rv2,
  c: s.rc,
});

/**
 * The editable fields of each network, in display order: state key, visible label.
 */
export const fieldsOf = {
  chaine: [
    ['x', 'Entrée x'],
    ['y', 'Cible y'],
    ['w1', 'Poids w₁'],
    ['b1', 'Biais b₁'],
    ['w2', 'Poids w₂'],
    ['b2', 'Biais b₂'],
  ],
  large: [
    ['rx1', 'Entrée x₁'],
    ['rx2', 'Entrée x₂'],
    ['ry', 'Cible y'],
    ['rw11', 'Poids w₁₁'],
    ['rw21', 'Poids w₂₁'],
    ['rb1', 'Biais b₁'],
    ['rw12', 'Poids w₁₂'],
    ['rw22', 'Poids w₂₂'],
    ['rb2', 'Biais b₂'],
    ['rv1', 'Poids v₁'],
    ['rv2', 'Poids v₂'],
    ['rc', 'Biais c'],
  ],
} as const satisfies Record<string, readonly (readonly [keyof BpState, string])[]>;
