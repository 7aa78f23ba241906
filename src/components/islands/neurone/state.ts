/** URL state of the "Explorateur de neurone" island (prefix `neurone.`). */
import { activationNames } from '../../../nn';
import { parseState, serializeState, type Schema, type StateOf } from '../shared/url-state';

export const NEURON_PREFIX = 'neurone';
export const NEURON_DEMO_ID = 'neurone';

const weight = { kind: 'number', min: -5, max: 5 } as const;

/** Defaults: the syllabus' worked neuron, σ(0,55·0,5 − 0,35·0,45 + 0,15). */
export const neuronSchema = {
  x1: { ...weight, default: 0.5 },
  x2: { ...weight, default: 0.45 },
  w1: { ...weight, default: 0.55 },
  w2: { ...weight, default: -0.35 },
  b: { ...weight, default: 0.15 },
  act: { kind: 'enum', default: 'sigmoid', options: activationNames },
  mode: { kind: 'enum', default: 'explorer', options: ['explorer', 'apprendre'] },
  porte: { kind: 'enum', default: 'and', options: ['and', 'or', 'xor'] },
  lr: { kind: 'number', default: 1, min: 0.01, max: 10 },
  seed: { kind: 'int', default: 1, min: 0, max: 2 ** 31 - 1 },
} as const satisfies Schema;

export type NeuronState = StateOf<typeof neuronSchema>;

export const parseNeuronState = (params: URLSearchParams) => parseState(neuronSchema, NEURON_PREFIX, params);
export const serializeNeuronState = (s: NeuronState) => serializeState(neuronSchema, NEURON_PREFIX, s);
