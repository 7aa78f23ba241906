/**
 * The fast engine's training loop: the shared contract of `training.ts`, asynchronously, with
 * the reference engine's semantics (`math/train.ts`) — same shuffling (one `createRng(seed)`,
 * `rng.shuffle` of the row indices each epoch, so the same batches as the reference without
 * dropout), same optimisers, penalty, epoch loss, stops and early stopping — plus what a page
 * needs: batches built on the fly, one tf.tidy per step, a yield to the browser every ~16 ms.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { createRng } from '../data/rng';
import { checkTrainOptions } from '../train-checks';
import type { Matrix } from '../math/matrix';
import { DIVERGENCE_REASON, earlyStopReason, type EpochReport, type TrainOptions, type TrainResult } from '../training';
import { tfPenaltyGradient, type TfForwardOptions, type TfMlp } from './model';
import { createTfOptimizer, type TfOptimizer } from './optimizer';
import { isBatchSource, lossInBatches, matrixSource, type BatchSource } from './predict';
import { restoreTfParameters, snapshotTfParameters } from './weights';
import { yieldToBrowser } from './yield';

type Tf = typeof TfModule;

/** Training data: X (n×d) and Y (n×k) matrices, as in `TrainOptions`, or a `BatchSource`. */
export type TfTrainData =
  | { readonly X: Matrix; readonly Y: Matrix; readonly source?: undefined }
  | { readonly source: BatchSource; readonly X?: undefined; readonly Y?: undefined };

/** `TrainOptions` (which it accepts as is), with sources allowed for training and validation data. */
export type TfTrainOptions = Omit<TrainOptions, 'X' | 'Y' | 'validation'> &
  TfTrainData & {
    readonly validation?: { readonly X: Matrix; readonly Y: Matrix } | BatchSource;
    /** Rows per batch of the validation loss (default 1024; no gradients there, so larger is fine). */
    readonly validationBatchSize?: number;
    /**
     * The loop yields to the browser (a task: input, painting) once this many milliseconds have
     * passed since its last yield, and after every epoch (default 16: a long task stays under
     * one step + 16 ms; 0: after every step).
     */
    readonly yieldEveryMs?: number;
    /**
     * Awaited after each epoch (after `onEpoch`), for asynchronous work between epochs — an
     * evaluation, a chart — outside the epoch's `ms`; returning 'stop' stops like an abort.
     */
    readonly afterEpoch?: (report: EpochReport) => Promise<void | 'stop'> | void | 'stop';
    /**
     * An optimiser to carry on with, made by `createTfOptimizer` for `optimizer` and owned (so
     * disposed) by the caller: its state — Adam's moments, its step count — survives from one
     * call to the next, as when a paused run resumes. Default: a fresh one, freed at the end.
     */
    readonly optimizerInstance?: TfOptimizer;
  };

/**
 * One optimisation step on a batch x (m×d), y (m×k) given as row-major float32 values, in one
 * tidy: g = ∇J(θ) by
 * `tf.variableGrads` (+ the penalty's gradient on the W's), θ ← optimiser step. Returns the
 * batch's data loss J (a scalar the caller owns), not read here.
 */
function trainStep(
  tf: Tf,
  model: TfMlp,
  optimizer: TfOptimizer,
  batch: { x: Float32Array; y: Float32Array; m: number },
  options: TfTrainOptions,
  forward: TfForwardOptions,
): TfModule.Scalar {
  return tf.tidy(() => {
    const { m } = batch;
    const x = tf.tensor2d(batch.x, [m, batch.x.length / m], 'float32');
    const y = tf.tensor2d(batch.y, [m, batch.y.length / m], 'float32');
    const variables = model.variables as TfModule.Variable[];
    const { value, grads } = tf.variableGrads(
      () => model.lossTensor(x, y, { ...forward, constantInput: true }),
      variables,
    );
    const reg = options.regularization;
    const gradients = variables.map((v) =>
      reg && model.W.includes(v) ? tf.add(grads[v.name]!, tfPenaltyGradient(tf, v, reg)) : grads[v.name]!,
    );
    optimizer.step(variables, gradients);
    return value;
  });
}

/**
 * Trains `model` (its variables change in place) and returns the history; the contract and
 * the stops are those of the reference's `trainMlp`: per batch of `batchSize` shuffled rows,
 * J and its gradient (+ penalty gradient), one optimiser step; an epoch's `loss` is the mean of
 * its batch losses weighted by batch size; `valLoss` is the loss on the validation set after
 * the epoch (no dropout), computed in batches; `signal` (checked before each batch) or
 * `onEpoch` returning 'stop' → 'stopped'; a non-finite loss → 'diverged' with
 * DIVERGENCE_REASON; `patience` epochs without a lower valLoss → 'earlyStopped', the best
 * epoch's weights restored. Dropout (`dropoutKeep`) uses tf.dropout with seeds drawn from the
 * run's generator: reproducible, but other masks than the reference engine's.
 */
export async function trainTfMlp(tf: Tf, model: TfMlp, options: TfTrainOptions): Promise<TrainResult> {
  const train = options.source ?? matrixSource(options.X, options.Y);
  const v = options.validation;
  const val = v === undefined ? null : isBatchSource(v) ? v : matrixSource(v.X, v.Y);
  checkTrainOptions(model.spec, train, val, options);
  const { batchSize, patience, signal, dropoutKeep } = options;
  const { inputs: d, outputs: k } = train;
  const rng = createRng(options.seed);
  const optimizer = options.optimizerInstance ?? createTfOptimizer(tf, options.optimizer);
  if (JSON.stringify(optimizer.config) !== JSON.stringify(options.optimizer))
    throw new Error('Entraînement\u00a0: l’optimiseur fourni n’a pas les réglages demandés.');
  const history: EpochReport[] = [];
  const rowIndices = Array.from({ length: train.count }, (_, i) => i);
  // Reused batch buffers: every backend copies (or consumes) a tensor's values when the step's
  // first op is issued, and the step's tidy frees the batch tensors.
  const xBuf = new Float32Array(Math.min(batchSize, train.count) * d);
  const yBuf = new Float32Array(Math.min(batchSize, train.count) * k);
  let best: { valLoss: number; epoch: number; snapshot: TfModule.Tensor[] | null } = {
    valLoss: Infinity,
    epoch: 0,
    snapshot: null,
  };
  // The loss of the last step, not read yet (see below).
  let pending: { loss: TfModule.Scalar; epoch: number; batch: number; size: number } | null = null;
  let lossSum = 0;
  const yieldEveryMs = options.yieldEveryMs ?? 16;
  let lastYield = performance.now();
  /** Reads the pending loss; false when it is not finite. */
  const settle = async (): Promise<boolean> => {
    if (!pending) return true;
    const { loss, epoch, batch, size } = pending;
    pending = null;
    const value = (await loss.data())[0]!;
    loss.dispose();
    if (!Number.isFinite(value)) return false;
    lossSum += value * size;
    options.onBatch?.({ epoch, batch, loss: value });
    return true;
  };
  const finish = (status: TrainResult['status'], extra: Partial<TrainResult> = {}): TrainResult => ({
    status,
    epochs: history.length,
    history,
    ...extra,
  });

  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const start = performance.now();
      const order = rng.shuffle(rowIndices);
      lossSum = 0;
      for (let from = 0, batch = 0; from < order.length; from += batchSize, batch++) {
        if (signal?.aborted || model.disposed) return (await settle()) ? finish('stopped') : diverged();
        const rows = order.slice(from, from + batchSize);
        const m = rows.length;
        train.fill(rows, xBuf, yBuf);
        const forward: TfForwardOptions =
          dropoutKeep !== undefined && dropoutKeep < 1 ? { dropoutKeep, dropoutSeed: rng.int(2 ** 31) } : {};
        const batchValues = { x: xBuf.subarray(0, m * d), y: yBuf.subarray(0, m * k), m };
        const loss = trainStep(tf, model, optimizer, batchValues, options, forward);
        // Reading a loss is a sync point (on a GPU, a wait for the queue to drain). The previous
        // step's loss is read now that this step is queued behind it: the device keeps working
        // while we wait, and every batch still gets its loss (onBatch, NaN guard one step late).
        if (!(await settle())) return diverged();
        pending = { loss, epoch, batch, size: m };
        if (performance.now() - lastYield >= yieldEveryMs) {
          await yieldToBrowser();
          lastYield = performance.now();
        }
      }
      if (!(await settle())) return diverged();
      await yieldToBrowser();
      lastYield = performance.now();
      const valLoss = val ? await lossInBatches(tf, model, val, options.validationBatchSize ?? 1024) : undefined;
      const report: EpochReport = {
        epoch,
        loss: lossSum / train.count,
        ...(valLoss === undefined ? {} : { valLoss }),
        ms: performance.now() - start,
      };
      history.push(report);
      if (valLoss !== undefined && !Number.isFinite(valLoss)) return diverged();
      if (patience !== undefined && valLoss! < best.valLoss) {
        tf.dispose(best.snapshot ?? []);
        best = { valLoss: valLoss!, epoch, snapshot: snapshotTfParameters(tf, model) };
      }
      if (options.onEpoch?.(report) === 'stop') return finish('stopped');
      if ((await options.afterEpoch?.(report)) === 'stop') return finish('stopped');
      if (patience !== undefined && epoch - best.epoch >= patience) {
        restoreTfParameters(model, best.snapshot!);
        return finish('earlyStopped', { bestEpoch: best.epoch, reason: earlyStopReason(patience, best.epoch) });
      }
    }
    return finish('done');
  } finally {
    pending?.loss.dispose();
    tf.dispose(best.snapshot ?? []);
    if (!options.optimizerInstance) optimizer.dispose();
  }

  function diverged(): TrainResult {
    return finish('diverged', { reason: DIVERGENCE_REASON });
  }
}
