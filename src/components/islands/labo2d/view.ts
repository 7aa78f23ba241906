/** What the lab shows, as the controller pushes it to the component. */
import { accuracy, confusionMatrix } from '../../../nn/metrics';
import type { BackendChoice } from '../../../nn/tf/backend';
import type { LoadProgress } from '../../../nn/tf/load';

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

/** Accuracy and confusion matrix from p(class 1) per point, threshold 0.5. */
export function splitMetrics(labels: Int32Array, probabilities: Float64Array): SplitMetrics {
  const predicted = Int32Array.from(probabilities, (v) => (v >= 0.5 ? 1 : 0));
  return { accuracy: accuracy(labels, predicted), confusion: confusionMatrix(labels, predicted, 2) };
}
