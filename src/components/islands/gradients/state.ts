/** URL state of the "Gradients qui s’évanouissent" island (prefix `grad.`). */
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';
import { deepActivations, deepInits, type DeepSettings } from './deep-net';

export const GRAD_PREFIX = 'grad';
export const GRAD_DEMO_ID = 'gradients-evanescents';
/** Widths a reader can pick: the cost grows as the square of the width. */
export const widths = ['32', '64', '128', '256'] as const;

/** Defaults: the failing case (sigmoid, 0.01·N(0, 1)), so the reader starts from the problem. */
export const gradSchema = {
  act: { kind: 'enum', default: 'sigmoid', options: deepActivations },
  init: { kind: 'enum', default: 'tiny', options: deepInits },
  largeur: { kind: 'enum', default: '64', options: widths },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type GradState = StateOf<typeof gradSchema>;

export const parseGradState = (params: URLSearchParams) => parseState(gradSchema, GRAD_PREFIX, params);
export const serializeGradState = (s: GradState) => serializeState(gradSchema, GRAD_PREFIX, s);

export const settingsOf = (s: GradState): DeepSettings => ({
  act: s.act,
  init: s.init,
  width: Number(s.largeur),
  seed: s.seed,
});

/** Examples per chunk, so that one chunk stays well under a frame whatever the width. */
export const chunkFor = (width: number) => Math.max(1, Math.round(16 * (64 / width) ** 2));
