/** What the lab shows, as the controller pushes it to the component. */
import { accuracy, confusionMatrix, type BackendChoice } from '../../../nn';
import type { LoadProgress } from '../../../nn/tf';
import type { LabState } from './state';

export type LabStatus = 'repos' | 'chargement' | 'entrainement' | 'pause' | 'fini' | 'arret' | 'divergence' | 'erreur';

export interface SplitMetrics {
  readonly accuracy: number;
  /** 2×2, rows = truth, columns = prediction. */
  readonly confusion: number[][];
}

/** The previous run, drawn faintly beside the current one so the two can be compared. */
export interface LabGhost {
  readonly settings: LabState;
  readonly train: readonly number[];
  readonly validation: readonly number[];
  /** Its last heat map (its decision boundary is drawn from it). */
  readonly probs: Float64Array | null;
  readonly restoredEpoch: number | null;
  readonly testAccuracy: number | null;
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
  /** After early stopping: the epoch whose weights were restored (the figures shown are theirs). */
  restoredEpoch: number | null;
  ghost: LabGhost | null;
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
    restoredEpoch: null,
    ghost: null,
  };
}

/** Accuracy and confusion matrix of the predicted classes. */
export function splitMetrics(labels: Int32Array, predicted: Int32Array): SplitMetrics {
  return { accuracy: accuracy(labels, predicted), confusion: confusionMatrix(labels, predicted, 2) };
}
