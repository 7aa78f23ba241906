/**
 * ŷ = w·x + b trained by full-batch gradient descent on the MSE, with TensorFlow.js — the
 * smallest model that proves the fast-engine path (backend, tidy, async reads, yield, stop,
 * NaN guard, dispose). Works with any tfjs backend, in Node (cpu, wasm) and in browsers.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { createRng } from '../data/rng';
import { yieldToBrowser } from './yield';

type Tf = typeof TfModule;

export interface EpochReport {
  readonly epoch: number;
  /** MSE before this epoch's step. */
  readonly loss: number;
  readonly w: number;
  readonly b: number;
  /** Mean wall time per epoch so far in this run, including the yield to the browser. */
  readonly msPerEpoch: number;
}

export type TrainOutcome =
  | { readonly status: 'done' | 'stopped'; readonly epoch: number }
  | { readonly status: 'diverged'; readonly epoch: number; readonly reason: string };

export interface LineModel {
  /** Epochs run so far (across pauses). */
  readonly epoch: number;
  /**
   * Runs until `untilEpoch` epochs in total, or until `signal` aborts (pause), or until the
   * loss stops being finite. Resumable: call again to continue.
   */
  train(options: {
    learningRate: number;
    untilEpoch: number;
    signal: AbortSignal;
    onEpoch: (r: EpochReport) => void;
  }): Promise<TrainOutcome>;
  /** Frees every tensor this model created. Idempotent. */
  dispose(): void;
}

/** w starts at 0.1·N(0,1) from `seed`, b at 0. */
export function createLineModel(tf: Tf, xs: readonly number[], ys: readonly number[], seed: number): LineModel {
  const rng = createRng(seed);
  const x = tf.tensor1d(xs as number[]);
  const y = tf.tensor1d(ys as number[]);
  // tf.variable() takes its own reference to the initial scalar's data: tidy frees the
  // scalars themselves (they would leak two tensors per model otherwise) and keeps the variables.
  const w = tf.tidy(() => tf.variable(tf.scalar(0.1 * rng.normal()), true, undefined));
  const b = tf.tidy(() => tf.variable(tf.scalar(0), true, undefined));
  let epoch = 0;
  let disposed = false;

  const mse = () => tf.losses.meanSquaredError(y, x.mul(w).add(b)) as TfModule.Scalar;

  return {
    get epoch() {
      return epoch;
    },
    async train({ learningRate, untilEpoch, signal, onEpoch }) {
      const optimizer = tf.train.sgd(learningRate);
      const started = performance.now();
      let ran = 0;
      try {
        while (epoch < untilEpoch) {
          if (signal.aborted || disposed) return { status: 'stopped', epoch };
          // minimize() runs inside tf.tidy and returns only the loss scalar, which we own.
          const lossTensor = optimizer.minimize(mse, true, [w, b]);
          if (!lossTensor) throw new Error('minimize() n’a pas rendu la perte');
          const [lossData, wData, bData] = await Promise.all([lossTensor.data(), w.data(), b.data()]);
          lossTensor.dispose();
          epoch++;
          ran++;
          const loss = lossData[0]!;
          onEpoch({
            epoch,
            loss,
            w: wData[0]!,
            b: bData[0]!,
            msPerEpoch: (performance.now() - started) / ran,
          });
          if (!Number.isFinite(loss) || !Number.isFinite(wData[0]!) || !Number.isFinite(bData[0]!)) {
            return {
              status: 'diverged',
              epoch,
              reason:
                'La perte est devenue infinie (ou NaN)\u00a0: chaque pas a dépassé le minimum un peu plus que le précédent. Le pas d’apprentissage est trop grand\u202f; réduisez-le puis réinitialisez.',
            };
          }
          await yieldToBrowser();
        }
        return { status: 'done', epoch };
      } finally {
        optimizer.dispose();
      }
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose([x, y, w, b]);
    },
  };
}
