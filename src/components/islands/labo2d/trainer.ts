/**
 * The reference engine's training loop cut into slices, so the lab can run a few epochs per
 * animation frame and let the page breathe in between; a slice ends between two batches, so
 * even an epoch of 900 single-example batches never holds the page. Each epoch does exactly what `trainMlp`
 * (src/nn/math/train.ts) does — one generator for shuffles and dropout masks, forward →
 * backward → penalty → optimiser step per batch, the same epoch loss, validation loss, stops —
 * so a seed gives the same history sliced or at once (a unit test holds them together).
 */
import {
  createRng,
  backward,
  cloneWeights,
  parameterBlocks,
  losses,
  selectRows,
  type Matrix,
  forward,
  predict,
  createOptimizer,
  penaltyGradient,
  type MlpSpec,
  type MlpWeights,
  DIVERGENCE_REASON,
  earlyStopReason,
  type EpochReport,
  type OptimizerConfig,
  type Regularization,
} from '../../../nn';

export interface SliceOptions {
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly validation: { readonly X: Matrix; readonly Y: Matrix };
  readonly optimizer: OptimizerConfig;
  readonly batchSize: number;
  readonly seed: number;
  readonly regularization?: Regularization;
  readonly dropoutKeep?: number;
  readonly patience?: number;
}

export type TrainerStatus = 'running' | 'earlyStopped' | 'diverged';

export interface SlicedTrainer {
  readonly spec: MlpSpec;
  /** Changed in place, epoch after epoch. */
  readonly weights: MlpWeights;
  readonly history: readonly EpochReport[];
  readonly status: TrainerStatus;
  /** French explanation once stopped (divergence or early stop). */
  readonly reason: string | undefined;
  readonly bestEpoch: number | undefined;
  /** The rest of the epoch under way (or a whole one); null when the run has stopped. */
  epoch(): EpochReport | null;
  /**
   * Batches until `budgetMs` has passed (at least one batch: a slice may end mid-epoch, the
   * next one goes on from there), `maxEpochs` epochs were completed or the run stops; returns
   * the epochs completed.
   */
  slice(budgetMs: number, maxEpochs?: number, now?: () => number): EpochReport[];
}

export function createSlicedTrainer(spec: MlpSpec, weights: MlpWeights, o: SliceOptions): SlicedTrainer {
  const loss = losses[spec.loss];
  const rng = createRng(o.seed);
  const optimizer = createOptimizer(o.optimizer);
  const params = parameterBlocks(spec, weights);
  const rowIndices = Array.from({ length: o.X.rows }, (_, i) => i);
  const history: EpochReport[] = [];
  const dropout = o.dropoutKeep !== undefined && o.dropoutKeep < 1 ? { keep: o.dropoutKeep, rng } : null;
  let status: TrainerStatus = 'running';
  let reason: string | undefined;
  let best = { valLoss: Infinity, epoch: 0, weights: null as MlpWeights | null };
  let bestEpoch: number | undefined;

  const stop = (s: TrainerStatus, why: string) => {
    status = s;
    reason = why;
  };

  // The epoch under way: its order, next batch, loss so far and time spent computing it.
  let run: { order: number[]; from: number; lossSum: number; ms: number } | null = null;

  /** One batch; the epoch's report when it was the epoch's last; null otherwise. */
  function batch(): EpochReport | null {
    const start = performance.now();
    run ??= { order: rng.shuffle(rowIndices), from: 0, lossSum: 0, ms: 0 };
    const rows = run.order.slice(run.from, run.from + o.batchSize);
    run.from += o.batchSize;
    const Yb = selectRows(o.Y, rows);
    const pass = forward(spec, weights, selectRows(o.X, rows), dropout ? { dropout } : {});
    const grads = backward(spec, weights, pass, Yb);
    if (!Number.isFinite(grads.loss)) {
      stop('diverged', DIVERGENCE_REASON);
      return null;
    }
    const pen = o.regularization ? penaltyGradient(o.regularization, weights) : null;
    const dW = pen
      ? grads.dW.map((g, l) => ({ rows: g.rows, cols: g.cols, data: g.data.map((v, i) => v + pen[l]!.data[i]!) }))
      : grads.dW;
    optimizer.step(params, parameterBlocks(spec, { W: dW, b: grads.db }));
    run.lossSum += grads.loss * rows.length;
    if (run.from < run.order.length) {
      run.ms += performance.now() - start;
      return null;
    }
    return endEpoch(start);
  }

  function endEpoch(start: number): EpochReport | null {
    const { lossSum, ms } = run!;
    run = null;
    const valLoss = loss.value(predict(spec, weights, o.validation.X), o.validation.Y);
    const report: EpochReport = {
      epoch: history.length + 1,
      loss: lossSum / o.X.rows,
      valLoss,
      ms: ms + performance.now() - start,
    };
    history.push(report);
    if (!Number.isFinite(valLoss)) {
      stop('diverged', DIVERGENCE_REASON);
      return report;
    }
    if (o.patience !== undefined) {
      if (valLoss < best.valLoss) best = { valLoss, epoch: report.epoch, weights: cloneWeights(weights) };
      if (report.epoch - best.epoch >= o.patience) {
        best.weights!.W.forEach((W, l) => weights.W[l]!.data.set(W.data));
        best.weights!.b.forEach((b, l) => weights.b[l]!.set(b));
        bestEpoch = best.epoch;
        stop('earlyStopped', earlyStopReason(o.patience, best.epoch));
      }
    }
    return report;
  }

  function epoch(): EpochReport | null {
    while (status === 'running') {
      const r = batch();
      if (r) return r;
    }
    return null;
  }

  function slice(budgetMs: number, maxEpochs = Infinity, now = () => performance.now()): EpochReport[] {
    const start = now();
    const done: EpochReport[] = [];
    while (status === 'running' && done.length < maxEpochs) {
      const r = batch();
      if (r) done.push(r);
      if (now() - start >= budgetMs) break;
    }
    return done;
  }

  return {
    spec,
    weights,
    history,
    get status() {
      return status;
    },
    get reason() {
      return reason;
    },
    get bestEpoch() {
      return bestEpoch;
    },
    epoch,
    slice,
  };
}
