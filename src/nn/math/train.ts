/**
 * The reference engine's training loop (chapters 5–7), synchronous: epochs of shuffled
 * mini-batches, forward → backward → penalty → optimiser step, with the stops of the shared
 * contract (`training.ts`). Tiny networks train in milliseconds, so no yielding is needed here.
 */
import { createRng } from '../data/rng';
import { checkWeightsMatchSpec, validateSpec, type MlpSpec, type MlpWeights } from '../spec';
import { DIVERGENCE_REASON, earlyStopReason, type EpochReport, type TrainOptions, type TrainResult } from '../training';
import { backward } from './backprop';
import { cloneWeights, parameterBlocks } from './init';
import { losses } from './losses';
import { selectRows, type Matrix } from './matrix';
import { checkInput, forward, predict } from './mlp';
import { createOptimizer } from './optimizers';
import { penaltyGradient } from './regularizers';

function checkOptions(spec: MlpSpec, o: TrainOptions): void {
  const k = spec.layers[spec.layers.length - 1]!.units;
  const checkData = (X: Matrix, Y: Matrix, what: string): void => {
    checkInput(spec, X);
    if (X.rows === 0) throw new Error(`Entraînement\u00a0: ${what} ne contiennent aucun exemple.`);
    if (Y.rows !== X.rows || Y.cols !== k)
      throw new Error(`Entraînement\u00a0: ${what} ont des cibles ${Y.rows}×${Y.cols}, ${X.rows}×${k} attendues.`);
  };
  checkData(o.X, o.Y, 'les données d’entraînement');
  if (o.validation) checkData(o.validation.X, o.validation.Y, 'les données de validation');
  if (!Number.isInteger(o.epochs) || o.epochs < 0)
    throw new Error(`Entraînement\u00a0: le nombre d’époques doit être un entier ≥ 0 (reçu ${o.epochs}).`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new Error(`Entraînement\u00a0: la taille de lot doit être un entier ≥ 1 (reçu ${o.batchSize}).`);
  if (o.patience !== undefined && (!o.validation || !Number.isInteger(o.patience) || o.patience < 1))
    throw new Error(
      'Entraînement\u00a0: l’arrêt anticipé demande des données de validation et une patience entière ≥ 1.',
    );
  if (o.dropoutKeep !== undefined && !(o.dropoutKeep > 0 && o.dropoutKeep <= 1))
    throw new Error(
      `Dropout\u00a0: la probabilité de garder un neurone doit être dans ]0, 1] (reçu ${o.dropoutKeep}).`,
    );
}

function copyInto(target: MlpWeights, source: MlpWeights): void {
  target.W.forEach((W, l) => W.data.set(source.W[l]!.data));
  target.b.forEach((b, l) => b.set(source.b[l]!));
}

/**
 * Entraîne les poids d’un réseau et renvoie l’historique.
 *
 * Trains `weights` (changed in place) on options.X (n×d) → options.Y (n×k) and returns the
 * history. One generator `createRng(options.seed)` serves the whole run: at each epoch it
 * shuffles the row indices, then (with `dropoutKeep`) draws the dropout masks of each batch, so
 * a seed replays the same run exactly. Per batch of `batchSize` rows (the last may be smaller):
 * forward pass → gradients of the mean batch loss → + penalty gradient (with `regularization`)
 * → one optimiser step. An epoch's `loss` is the mean of its batch losses weighted by batch size
 * (the mean loss over the epoch's examples, as tfjs' `fit` reports it); `valLoss` is the loss on
 * the validation set after the epoch, without dropout. `onBatch` receives the batch index from 0.
 * Stops: `signal` aborted (checked before each batch) or `onEpoch` returning 'stop' → 'stopped';
 * a non-finite loss → 'diverged' with `DIVERGENCE_REASON`; `patience` epochs without a lower
 * valLoss → 'earlyStopped', the best epoch's weights copied back and `bestEpoch` set.
 */
export function trainMlp(spec: MlpSpec, weights: MlpWeights, options: TrainOptions): TrainResult {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  checkOptions(spec, options);
  const { X, Y, validation, batchSize, regularization, dropoutKeep, patience, signal } = options;
  const loss = losses[spec.loss];
  const rng = createRng(options.seed);
  const optimizer = createOptimizer(options.optimizer);
  const params = parameterBlocks(spec, weights);
  const history: EpochReport[] = [];
  const rowIndices = Array.from({ length: X.rows }, (_, i) => i);
  // early stopping only: the best validation loss so far, its epoch and a copy of its weights
  let best: { valLoss: number; epoch: number; weights: MlpWeights | null } = {
    valLoss: Infinity,
    epoch: 0,
    weights: null,
  };
  const finish = (status: TrainResult['status'], extra: Partial<TrainResult> = {}): TrainResult => ({
    status,
    epochs: history.length,
    history,
    ...extra,
  });

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const start = performance.now();
    const order = rng.shuffle(rowIndices);
    let lossSum = 0;
    for (let from = 0, batch = 0; from < order.length; from += batchSize, batch++) {
      if (signal?.aborted) return finish('stopped');
      const rows = order.slice(from, from + batchSize);
      const Xb = selectRows(X, rows);
      const Yb = selectRows(Y, rows);
      const pass = forward(
        spec,
        weights,
        Xb,
        dropoutKeep !== undefined && dropoutKeep < 1 ? { dropout: { keep: dropoutKeep, rng } } : {},
      );
      const grads = backward(spec, weights, pass, Yb);
      if (!Number.isFinite(grads.loss)) return finish('diverged', { reason: DIVERGENCE_REASON });
      const penaltyGrads = regularization ? penaltyGradient(regularization, weights) : null;
      const dW = penaltyGrads
        ? grads.dW.map((g, l) => ({
            rows: g.rows,
            cols: g.cols,
            data: g.data.map((v, i) => v + penaltyGrads[l]!.data[i]!),
          }))
        : grads.dW;
      optimizer.step(params, parameterBlocks(spec, { W: dW, b: grads.db }));
      lossSum += grads.loss * rows.length;
      options.onBatch?.({ epoch, batch, loss: grads.loss });
    }
    const valLoss = validation ? loss.value(predict(spec, weights, validation.X), validation.Y) : undefined;
    const report: EpochReport = {
      epoch,
      loss: lossSum / X.rows,
      ...(valLoss === undefined ? {} : { valLoss }),
      ms: performance.now() - start,
    };
    history.push(report);
    if (valLoss !== undefined && !Number.isFinite(valLoss)) return finish('diverged', { reason: DIVERGENCE_REASON });
    if (patience !== undefined && valLoss! < best.valLoss)
      best = { valLoss: valLoss!, epoch, weights: cloneWeights(weights) };
    if (options.onEpoch?.(report) === 'stop') return finish('stopped');
    if (patience !== undefined && epoch - best.epoch >= patience) {
      copyInto(weights, best.weights!);
      return finish('earlyStopped', {
        bestEpoch: best.epoch,
        reason: earlyStopReason(patience, best.epoch),
      });
    }
  }
  return finish('done');
}
