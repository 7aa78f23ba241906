/**
 * What the MNIST island shows of a run — status, curves, the figures within an epoch, timings,
 * the evaluation and the table of runs — as plain data that run.ts fills and the steps read.
 */
import type { MlpSpec, MlpWeights, BackendChoice } from '../../../nn';
import type { LoadProgress } from '../../../nn/tf';
import type { MnistEvaluation } from './evaluate';
import { emptyRunTiming, type EpochTimes, type RunTiming } from './timing';

export type MnistStatus =
  'repos' | 'chargement' | 'entrainement' | 'pause' | 'evaluation' | 'fini' | 'divergence' | 'erreur';

/** An epoch: its figures, the time of its batches (`trainMs`) and of the measures after it (`measureMs`). */
export interface EpochPoint extends EpochTimes {
  readonly epoch: number;
  readonly loss: number;
  readonly valLoss: number;
  readonly accuracy: number;
  readonly valAccuracy: number;
}

export interface MnistRunRecord {
  readonly config: string;
  readonly images: number;
  readonly epochs: number;
  readonly backend: string;
  readonly testAccuracy: number;
  /** Seconds of training: the batches and the measures after each epoch (timing.ts). */
  readonly trainSeconds: number;
}

export interface MnistView {
  status: MnistStatus;
  message: string;
  progress: LoadProgress | null;
  backend: BackendChoice | null;
  epochs: EpochPoint[];
  /**
   * Within the current epoch: batches done, their mean loss, images per second, and the
   * accuracy on a small validation sample measured every few seconds (null before the first).
   */
  batch: {
    done: number;
    total: number;
    loss: number;
    imagesPerSecond: number;
    sampleAccuracy: number | null;
  } | null;
  /** Where the current run's time went, phase by phase (timing.ts); they sum to its wall time. */
  timing: RunTiming;
  /** Epochs of the current run cut short by a pause or a stop. */
  interrupted: number;
  /** Training images per epoch of the current run, validation images, training images measured after each epoch. */
  imagesPerEpoch: number;
  validationImages: number;
  trainSampleImages: number;
  tensors: number | null;
  /** Tensors alive before the model was built: what a clean stop comes back to. */
  baselineTensors: number | null;
  weights: MlpWeights | null;
  /** The softmax regression's W (784 × 10) as it learns; null for an MLP. */
  liveWeights: Float32Array | null;
  spec: MlpSpec | null;
  test: MnistEvaluation | null;
  runs: MnistRunRecord[];
}

export const emptyMnistView = (): MnistView => ({
  status: 'repos',
  message: '',
  progress: null,
  backend: null,
  epochs: [],
  batch: null,
  timing: emptyRunTiming(),
  interrupted: 0,
  imagesPerEpoch: 0,
  validationImages: 0,
  trainSampleImages: 0,
  tensors: null,
  baselineTensors: null,
  weights: null,
  liveWeights: null,
  spec: null,
  test: null,
  runs: [],
});
