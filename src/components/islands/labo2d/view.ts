/** What the lab shows, as the controller pushes it to the component. */
import { accuracy, confusionMatrix, type BackendChoice } from '../../../nn';
import type { LoadProgress } from '../../../nn/tf';

/** A run stops by itself after this many epochs. */
export const MAX_EPOCHS = 10_000;

export type LabStatus = 'repos' | 'chargement' | 'entrainement' | 'pause' | 'fini' | 'arret' | 'divergence' | 'erreur';

export interface SplitMetrics {
  readonly accuracy: number;
  /** 2×2, rows = truth, columns = prediction. */
  readonly confusion: number[][];
}

export interface LabView {
  status: LabStatus;
  message: string;
  train: number[];
  validation: number[];
  probs: Float64Array | null;
  metrics: { train: SplitMetrics; test: SplitMetrics } | null;
  /** Mean time per epoch of the latest epochs, per engine (kept when the engine changes). */
  msPerEpoch: { js: number | null; tf: number | null };
  backend: BackendChoice | null;
  progress: LoadProgress | null;
  tensors: number | null;
}

export function emptyView(): LabView {
  return {
    status: 'repos',
    message: '',
    train: [],
    validation: [],
    probs: null,
    metrics: null,
    msPerEpoch: { js: null, tf: null },
    backend: null,
    progress: null,
    tensors: null,
  };
}

/** Accuracy and confusion matrix of the predicted classes. */
export function splitMetrics(labels: Int32Array, predicted: Int32Array): SplitMetrics {
  return { accuracy: accuracy(labels, predicted), confusion: confusionMatrix(labels, predicted, 2) };
}
