/**
 * The MNIST model file: the course's weights file (spec + weights) with, in its note, the pixel
 * scaling the network was trained with. Reading refuses, in French, anything that is not a
 * 784 → … → 10 softmax network of this chapter.
 */
import { type MlpWeights, decodeWeightsFile, encodeWeightsFile } from '../../../nn';
import {
  MAX_HIDDEN_LAYERS,
  MAX_LAYER_WIDTH,
  mnistActivations,
  mnistScalings,
  mnistSpec,
  type MnistState,
} from './state';

export type MnistFileSettings = Pick<MnistState, 'couches' | 'act' | 'echelle'>;

export function encodeMnistModel(s: MnistFileSettings, w: MlpWeights): Uint8Array {
  return encodeWeightsFile(mnistSpec(s), w, { note: JSON.stringify({ mnist: { echelle: s.echelle } }) });
}

const fail = (why: string): never => {
  throw new Error(`Ce fichier n’est pas un modèle MNIST du cours\u00a0: ${why}`);
};

export function decodeMnistModel(bytes: Uint8Array): { settings: MnistFileSettings; weights: MlpWeights } {
  const { spec, weights, meta } = decodeWeightsFile(bytes);
  let raw: unknown;
  try {
    raw = (JSON.parse(meta.note ?? '{}') as { mnist?: unknown }).mnist;
  } catch {
    fail('sa note n’est pas du JSON.');
  }
  if (typeof raw !== 'object' || raw === null) return fail('il ne dit pas comment mettre les pixels à l’échelle.');
  const echelle =
    mnistScalings.find((e) => e === (raw as { echelle?: unknown }).echelle) ?? fail('mise à l’échelle inconnue.');
  const hidden = spec.layers.slice(0, -1);
  const act = hidden.length
    ? (mnistActivations.find((a) => a === hidden[0]!.activation) ?? fail('activation inconnue.'))
    : 'relu';
  const couches = hidden.map((l) => l.units);
  if (couches.length > MAX_HIDDEN_LAYERS || couches.some((u) => u > MAX_LAYER_WIDTH))
    fail(`réseau trop grand pour la démo (au plus ${MAX_HIDDEN_LAYERS} couches de ${MAX_LAYER_WIDTH} neurones).`);
  const settings: MnistFileSettings = { couches, act, echelle };
  if (JSON.stringify(mnistSpec(settings)) !== JSON.stringify(spec))
    fail('son réseau n’a pas la forme 784 → … → 10 (softmax) attendue.');
  return { settings, weights };
}
