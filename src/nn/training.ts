/**
 * The training contract shared by both engines: the same options, the same per-epoch report
 * in plain numbers, the same ways to stop. The reference engine (`math/train.ts`) runs it
 * synchronously; the fast engine (`tf/train.ts`) asynchronously, yielding to the browser.
 */
import type { Matrix } from './math/matrix';

export type OptimizerName = 'sgd' | 'momentum' | 'adagrad' | 'rmsprop' | 'adam';

/**
 * Optimiser settings. Defaults: momentum ρ = 0.9 (v ← ρv + g; θ ← θ − ηv), RMSProp ρ = 0.9,
 * Adam β₁ = 0.9, β₂ = 0.999, ε = 1e-8 for every adaptive method. `decay: 'inverseSqrt'`
 * uses ηₜ = η / √(t + 1) at step t (t from 0); `decay: 'linear'` ηₜ = η·(1 − t/T) with
 * T = `decaySteps` (the planned run's steps: η falls to η/T at its last step, then 0).
 */
export interface OptimizerConfig {
  readonly name: OptimizerName;
  readonly learningRate: number;
  readonly momentum?: number;
  readonly rho?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  readonly decay?: 'none' | 'inverseSqrt' | 'linear';
  /** With `decay: 'linear'`: the steps T over which η falls to 0 (an integer ≥ 1). */
  readonly decaySteps?: number;
}

/**
 * Nombre de pas d’optimiseur d’un entraînement prévu.
 *
 * The optimiser steps of `epochs` epochs over `examples` examples in batches of `batchSize` (the
 * last batch may be short): the T of a linear decay that reaches 0 at the run's end. At least 1.
 */
export function plannedSteps(epochs: number, examples: number, batchSize: number): number {
  return Math.max(1, epochs * Math.ceil(examples / Math.max(1, batchSize)));
}

/** Weight penalty αΩ(θ) added to the cost, on the W matrices only (not the biases). */
export interface Regularization {
  readonly kind: 'l1' | 'l2';
  /** α ≥ 0 */
  readonly alpha: number;
}

/** One epoch's numbers, as plain values (never tensors) so any island can show them. */
export interface EpochReport {
  /** 1-based. */
  readonly epoch: number;
  /** Mean training loss over the epoch's batches (data term only, before the penalty). */
  readonly loss: number;
  /** Validation loss after the epoch, when validation data was given. */
  readonly valLoss?: number;
  /** Wall time of the epoch in milliseconds. */
  readonly ms: number;
}

export type TrainStatus = 'done' | 'stopped' | 'earlyStopped' | 'diverged';

export interface TrainResult {
  readonly status: TrainStatus;
  /** Epochs completed. */
  readonly epochs: number;
  readonly history: readonly EpochReport[];
  /** With early stopping: the epoch whose weights were kept (best validation loss). */
  readonly bestEpoch?: number;
  /** French explanation when status is 'diverged' (or 'earlyStopped'). */
  readonly reason?: string;
}

/** What both engines' training loops take. X: n×d inputs, Y: n×k targets (one example per row). */
export interface TrainOptions {
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly validation?: { readonly X: Matrix; readonly Y: Matrix };
  readonly optimizer: OptimizerConfig;
  readonly epochs: number;
  readonly batchSize: number;
  /** Seed for shuffling (and dropout masks on the reference engine). */
  readonly seed: number;
  readonly regularization?: Regularization;
  /** Keep probability p of inverted dropout on hidden layers (reference engine). */
  readonly dropoutKeep?: number;
  /** Early stopping: stop after this many epochs without a better validation loss, keep the best weights. */
  readonly patience?: number;
  /** Aborting stops at the next batch with status 'stopped'. */
  readonly signal?: AbortSignal;
  /** Called after every epoch; returning 'stop' stops like an abort. */
  readonly onEpoch?: (report: EpochReport) => void | 'stop';
  /** Called after every batch (fast engine: with the batch loss read asynchronously). */
  readonly onBatch?: (batch: { readonly epoch: number; readonly batch: number; readonly loss: number }) => void;
}

/**
 * Le message affiché quand la perte diverge.
 *
 * The French explanation shown when the loss stops being a finite number.
 */
export const DIVERGENCE_REASON =
  'La perte n’est plus un nombre fini (NaN ou ∞)\u00a0: l’entraînement a divergé et a été arrêté. ' +
  'Le pas d’apprentissage est probablement trop grand\u202f; réduisez-le, puis recommencez.';

/**
 * Le message d’un arrêt anticipé.
 *
 * The French explanation of an early stop, the same for both engines.
 */
export function earlyStopReason(patience: number, bestEpoch: number): string {
  return (
    `La perte de validation ne baisse plus depuis ${patience} époque${patience > 1 ? 's' : ''}\u00a0: ` +
    `arrêt anticipé, les poids de l’époque ${bestEpoch} (la meilleure) sont conservés.`
  );
}
