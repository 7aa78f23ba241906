/**
 * The reference engine's training loop (chapters 5–7) as a stepper: epochs of shuffled
 * mini-batches, forward → backward → penalty → optimiser step, with the stops of the shared
 * contract (`training.ts`), one batch at a time. `trainMlp` runs it to the end at once (tiny
 * networks train in milliseconds); the 2D lab runs it in time-boxed slices between animation
 * frames. One loop, so a seed gives the same history however it is cut.
 */
import { createRng } from '../data/rng';
import { checkWeightsMatchSpec, validateSpec, type MlpSpec, type MlpWeights } from '../spec';
import { checkTrainOptions } from '../train-checks';
import { DIVERGENCE_REASON, earlyStopReason, type EpochReport, type TrainOptions, type TrainResult } from '../training';
import { backward } from './backprop';
import { cloneWeights, parameterBlocks } from './init';
import { losses } from './losses';
import { selectRows, type Matrix } from './matrix';
import { checkInput, forward, predict } from './mlp';
import { createOptimizer } from './optimizers';
import { penaltyGradient } from './regularizers';

/** The options of a stepper: a run's, without its length or its abort signal (the caller steps). */
export type StepperOptions = Omit<TrainOptions, 'epochs' | 'signal'>;

/** 'running' until a stop: `onEpoch` returned 'stop', early stopping, or divergence. */
export type StepperStatus = 'running' | 'stopped' | 'earlyStopped' | 'diverged';

/** A training run of the reference engine, advanced one batch at a time. */
export interface TrainingStepper {
  /** Changed in place, batch after batch. */
  readonly weights: MlpWeights;
  readonly history: readonly EpochReport[];
  readonly status: StepperStatus;
  /** French explanation once diverged or early-stopped. */
  readonly reason: string | undefined;
  /** With early stopping, once stopped: the epoch whose weights were restored. */
  readonly bestEpoch: number | undefined;
  /** One batch; the epoch's report when it was the epoch's last, null otherwise (or when stopped). */
  step(): EpochReport | null;
  /**
   * Batches until `budgetMs` has passed on `now` (at least one batch: a slice may end mid-epoch,
   * the next goes on from there), `maxEpochs` epochs were completed or the run stops; returns the
   * epochs completed.
   */
  slice(budgetMs: number, maxEpochs?: number, now?: () => number): EpochReport[];
}

function copyInto(target: MlpWeights, source: MlpWeights): void {
  target.W.forEach((W, l) => W.data.set(source.W[l]!.data));
  target.b.forEach((b, l) => b.set(source.b[l]!));
}

const shapeOf = (X: Matrix, Y: Matrix) => ({ count: X.rows, inputs: X.cols, outputs: Y.cols });

function checkData(spec: MlpSpec, o: StepperOptions & { readonly epochs?: number }): void {
  for (const [set, what] of [
    [o, 'les données d’entraînement'],
    [o.validation, 'les données de validation'],
  ] as const) {
    if (!set) continue;
    checkInput(spec, set.X);
    if (set.Y.rows !== set.X.rows)
      throw new Error(`Entraînement\u00a0: ${what} ont ${set.X.rows} exemples mais ${set.Y.rows} cibles.`);
  }
  checkTrainOptions(spec, shapeOf(o.X, o.Y), o.validation ? shapeOf(o.validation.X, o.validation.Y) : null, o);
}

/**
 * Prépare un entraînement à faire avancer lot par lot.
 *
 * A stepper training `weights` (changed in place) as `trainMlp` does, one batch per `step()`.
 * One generator `createRng(options.seed)` serves the whole run: at each epoch's first batch it
 * shuffles the row indices, then (with `dropoutKeep`) draws each batch's dropout masks. After an
 * epoch's last batch: its report (mean batch loss weighted by batch size, validation loss without
 * dropout, the ms spent in its batches) joins `history`, `onEpoch` is called ('stop' → status
 * 'stopped'), and `patience` epochs without a lower validation loss restore the best epoch's
 * weights (status 'earlyStopped'). A non-finite loss → 'diverged' with `DIVERGENCE_REASON`.
 */
export function createTrainingStepper(spec: MlpSpec, weights: MlpWeights, options: StepperOptions): TrainingStepper {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  checkData(spec, options);
  const { X, Y, validation, batchSize, regularization, dropoutKeep, patience } = options;
  const loss = losses[spec.loss];
  const rng = createRng(options.seed);
  const optimizer = createOptimizer(options.optimizer);
  const params = parameterBlocks(spec, weights);
  const history: EpochReport[] = [];
  const rowIndices = Array.from({ length: X.rows }, (_, i) => i);
  let status: StepperStatus = 'running';
  let reason: string | undefined;
  let bestEpoch: number | undefined;
  // early stopping only: the best validation loss so far, its epoch and a copy of its weights
  let best: { valLoss: number; epoch: number; weights: MlpWeights | null } = {
    valLoss: Infinity,
    epoch: 0,
    weights: null,
  };
  // the epoch under way: its order, next batch, loss so far and time spent on it
  let run: { order: number[]; from: number; batch: number; lossSum: number; ms: number } | null = null;

  const stop = (s: StepperStatus, why?: string) => {
    status = s;
    reason = why;
  };

  function endEpoch(): EpochReport {
    const { lossSum, ms } = run!;
    run = null;
    const start = performance.now();
    const valLoss = validation ? loss.value(predict(spec, weights, validation.X), validation.Y) : undefined;
    const report: EpochReport = {
      epoch: history.length + 1,
      loss: lossSum / X.rows,
      ...(valLoss === undefined ? {} : { valLoss }),
      ms: ms + performance.now() - start,
    };
    history.push(report);
    if (valLoss !== undefined && !Number.isFinite(valLoss)) {
      stop('diverged', DIVERGENCE_REASON);
      return report;
    }
    if (patience !== undefined && valLoss! < best.valLoss)
      best = { valLoss: valLoss!, epoch: report.epoch, weights: cloneWeights(weights) };
    if (options.onEpoch?.(report) === 'stop') stop('stopped');
    else if (patience !== undefined && report.epoch - best.epoch >= patience) {
      copyInto(weights, best.weights!);
      bestEpoch = best.epoch;
      stop('earlyStopped', earlyStopReason(patience, best.epoch));
    }
    return report;
  }

  function step(): EpochReport | null {
    if (status !== 'running') return null;
    const start = performance.now();
    run ??= { order: rng.shuffle(rowIndices), from: 0, batch: 0, lossSum: 0, ms: 0 };
    const rows = run.order.slice(run.from, run.from + batchSize);
    run.from += batchSize;
    const pass = forward(
      spec,
      weights,
      selectRows(X, rows),
      dropoutKeep !== undefined && dropoutKeep < 1 ? { dropout: { keep: dropoutKeep, rng } } : {},
    );
    const grads = backward(spec, weights, pass, selectRows(Y, rows));
    if (!Number.isFinite(grads.loss)) {
      stop('diverged', DIVERGENCE_REASON);
      return null;
    }
    const penaltyGrads = regularization ? penaltyGradient(regularization, weights) : null;
    const dW = penaltyGrads
      ? grads.dW.map((g, l) => ({
          rows: g.rows,
          cols: g.cols,
          data: g.data.map((v, i) => v + penaltyGrads[l]!.data[i]!),
        }))
      : grads.dW;
    optimizer.step(params, parameterBlocks(spec, { W: dW, b: grads.db }));
    run.lossSum += grads.loss * rows.length;
    options.onBatch?.({ epoch: history.length + 1, batch: run.batch++, loss: grads.loss });
    run.ms += performance.now() - start;
    return run.from < run.order.length ? null : endEpoch();
  }

  function slice(budgetMs: number, maxEpochs = Infinity, now = () => performance.now()): EpochReport[] {
    const start = now();
    const done: EpochReport[] = [];
    while (status === 'running' && done.length < maxEpochs) {
      const r = step();
      if (r) done.push(r);
      if (now() - start >= budgetMs) break;
    }
    return done;
  }

  return {
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
    step,
    slice,
  };
}

/**
 * Entraîne les poids d’un réseau et renvoie l’historique.
 *
 * Trains `weights` (changed in place) on options.X (n×d) → options.Y (n×k) for `epochs` epochs
 * and returns the history: `createTrainingStepper` run to the end (same generator, same batches,
 * same reports, same stops). `signal` aborted (checked before each batch) → 'stopped', like
 * `onEpoch` returning 'stop'; `onBatch` receives the batch index from 0.
 */
export function trainMlp(spec: MlpSpec, weights: MlpWeights, options: TrainOptions): TrainResult {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  checkData(spec, options);
  const { signal, epochs } = options;
  const t = createTrainingStepper(spec, weights, options);
  while (t.status === 'running' && t.history.length < epochs) {
    if (signal?.aborted) return { status: 'stopped', epochs: t.history.length, history: t.history };
    t.step();
  }
  const status = t.status === 'running' ? 'done' : t.status;
  return {
    status,
    epochs: t.history.length,
    history: t.history,
    ...(t.bestEpoch === undefined ? {} : { bestEpoch: t.bestEpoch }),
    ...(t.reason === undefined ? {} : { reason: t.reason }),
  };
}
