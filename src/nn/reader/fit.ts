/**
 * `fit(model, data, options)`: the Keras-style call over the reference engine's training loop
 * (`trainMlp`) — no second loop here, only friendly inputs and a friendly history.
 */
import type { Matrix } from '../math/matrix';
import { trainMlp } from '../math/train';
import { formatValue } from '../output/format-value';
import { progress } from '../output/plot';
import type { EpochReport, OptimizerConfig, OptimizerName, TrainStatus } from '../training';
import { toMatrix, toTargets, type MatrixInput } from './linspace';
import type { MlpModel } from './model';

/** Training data: inputs x (one example per row) and targets y, or a 2D dataset `{ X, labels }`. */
export type FitData =
  { readonly x: MatrixInput; readonly y: MatrixInput } | { readonly X: Matrix; readonly labels: ArrayLike<number> };

/** What `onEpoch` receives: the epoch's numbers, and `stop()` to end training after it. */
export interface FitEpochReport extends EpochReport {
  /** Arrête l’entraînement après cette époque. */
  stop(): void;
}

export interface FitOptions {
  /** Number of epochs (default 100). */
  readonly epochs?: number;
  /** Learning rate (default 0.01). */
  readonly lr?: number;
  /** 'sgd', 'momentum', 'adagrad', 'rmsprop', 'adam' (default), or a full OptimizerConfig. */
  readonly optimizer?: OptimizerName | OptimizerConfig;
  /** Examples per batch (default 32; the whole set when it is smaller). */
  readonly batchSize?: number;
  /** Seed of the shuffling (default 0): one seed, one run. */
  readonly seed?: number;
  /** Validation data: its loss is reported after each epoch (valLoss). */
  readonly validation?: FitData;
  /** Stop after this many epochs without a better validation loss, keeping the best weights. */
  readonly patience?: number;
  /** Show a progress line `époque : 3/100 perte 0.25` that updates in place. */
  readonly progress?: boolean;
  /** Called after every epoch; returning false (or calling report.stop()) stops training. */
  readonly onEpoch?: (report: FitEpochReport) => void | boolean;
}

/** What `fit` returns: the loss of every epoch, and why training ended. */
export interface FitHistory {
  /** Training loss of each epoch, in order. */
  readonly loss: number[];
  /** Validation loss of each epoch, with validation data. */
  readonly valLoss?: number[];
  /** Epochs completed. */
  readonly epochs: number;
  /** 'done', 'stopped' (onEpoch), 'earlyStopped' (patience) or 'diverged'. */
  readonly status: TrainStatus;
  /** French explanation when training diverged or stopped early. */
  readonly reason?: string;
}

function targetsOf(data: FitData, k: number): { X: Matrix; Y: Matrix } | null {
  if ('X' in data) return { X: data.X, Y: toTargets(data.labels, k, 'fit') };
  return null;
}

function toXY(data: FitData, model: MlpModel): { X: Matrix; Y: Matrix } {
  const k = model.spec.layers[model.spec.layers.length - 1]!.units;
  return (
    targetsOf(data, k) ?? {
      X: toMatrix((data as { x: MatrixInput }).x, model.spec.inputSize),
      Y: toTargets((data as { y: MatrixInput }).y, k, 'fit'),
    }
  );
}

/**
 * Entraîne le modèle sur (x, y) et renvoie l’historique des pertes. `onEpoch` peut l’arrêter.
 *
 * Built on `trainMlp` (the course's reference loop): shuffled mini-batches, forward, backward,
 * one optimiser step per batch. y may be class labels (one-hot for a softmax output).
 */
export function fit(model: MlpModel, data: FitData, options: FitOptions = {}): FitHistory {
  const { X, Y } = toXY(data, model);
  const epochs = options.epochs ?? 100;
  const optimizer: OptimizerConfig =
    typeof options.optimizer === 'object'
      ? options.optimizer
      : { name: options.optimizer ?? 'adam', learningRate: options.lr ?? 0.01 };
  const result = trainMlp(model.spec, model.weights, {
    X,
    Y,
    epochs,
    optimizer,
    batchSize: Math.min(options.batchSize ?? 32, Math.max(1, X.rows)),
    seed: options.seed ?? 0,
    ...(options.validation ? { validation: toXY(options.validation, model) } : {}),
    ...(options.patience !== undefined ? { patience: options.patience } : {}),
    onEpoch: (report) => {
      if (options.progress) progress('époque', report.epoch, epochs, `perte ${formatValue(report.loss)}`);
      let stopped = false;
      const answer = options.onEpoch?.({ ...report, stop: () => void (stopped = true) });
      return stopped || answer === false ? 'stop' : undefined;
    },
  });
  const valLoss = result.history.map((r) => r.valLoss);
  return {
    loss: result.history.map((r) => r.loss),
    ...(options.validation ? { valLoss: valLoss.map((v) => v ?? Number.NaN) } : {}),
    epochs: result.epochs,
    status: result.status,
    ...(result.reason ? { reason: result.reason } : {}),
  };
}
