/**
 * Data fed to the fast engine batch by batch — a `BatchSource` builds each float32 batch on the
 * fly, so MNIST can stay a Uint8Array (¼ of the memory, no seconds-long conversion before the
 * first batch) — and the batched computations on it: predictions and the mean loss over a
 * whole set, one tf.tidy per batch, never one huge tensor.
 */
import type * as TfModule from '@tensorflow/tfjs';
import type { Matrix } from '../math/matrix';
import type { TfMlp } from './model';
import { yieldToBrowser } from './yield';

type Tf = typeof TfModule;

/**
 * `count` examples of `inputs` features and `outputs` targets. `fill(indices, x, y)` writes
 * the examples at `indices` (in that order) as rows: x[r·inputs + j] (feature j of the r-th
 * index) and y[r·outputs + j]; x and y are at least indices.length·inputs (·outputs) long.
 */
export interface BatchSource {
  readonly count: number;
  readonly inputs: number;
  readonly outputs: number;
  fill(indices: readonly number[], x: Float32Array, y: Float32Array): void;
}

/** A source over X (n×d) and Y (n×k) matrices (float64 rounded to float32); no Y: outputs 0. */
export function matrixSource(X: Matrix, Y?: Matrix): BatchSource {
  if (Y && Y.rows !== X.rows) throw new Error(`Données incompatibles\u00a0: ${X.rows} entrées mais ${Y.rows} cibles.`);
  const copyRows = (m: Matrix, indices: readonly number[], out: Float32Array): void => {
    const c = m.cols;
    indices.forEach((row, r) => {
      const from = row * c;
      for (let j = 0; j < c; j++) out[r * c + j] = m.data[from + j]!;
    });
  };
  return {
    count: X.rows,
    inputs: X.cols,
    outputs: Y?.cols ?? 0,
    fill(indices, x, y) {
      copyRows(X, indices, x);
      if (Y) copyRows(Y, indices, y);
    },
  };
}

/** Whether `data` is a BatchSource (rather than a Matrix or an {X, Y} pair). */
export function isBatchSource(data: object): data is BatchSource {
  return typeof (data as BatchSource).fill === 'function';
}

/**
 * Runs `perBatch` on consecutive batches of at most `batchSize` rows of `source` (in order),
 * each with x (m × inputs) and y (m × outputs) tensors built from reused float32 buffers. The
 * buffers can be reused because every backend copies (or consumes) a tensor's values when the
 * first op using it is issued, and x, y are freed at the end of each batch's tidy.
 */
export async function forEachBatch<T extends TfModule.TensorContainer>(
  tf: Tf,
  source: BatchSource,
  batchSize: number,
  perBatch: (x: TfModule.Tensor2D, y: TfModule.Tensor2D, m: number, from: number) => T,
  afterBatch: (result: T, from: number) => Promise<void> | void,
): Promise<void> {
  const size = Math.min(batchSize, source.count);
  const xBuf = new Float32Array(size * source.inputs);
  const yBuf = new Float32Array(size * source.outputs);
  for (let from = 0; from < source.count; from += size) {
    const m = Math.min(size, source.count - from);
    source.fill(
      Array.from({ length: m }, (_, r) => from + r),
      xBuf,
      yBuf,
    );
    const result = tf.tidy(() => {
      const x = tf.tensor2d(xBuf.subarray(0, m * source.inputs), [m, source.inputs], 'float32');
      const y = tf.tensor2d(yBuf.subarray(0, m * source.outputs), [m, source.outputs], 'float32');
      return perBatch(x, y, m, from);
    });
    await afterBatch(result, from);
    await yieldToBrowser();
  }
}

function checkInputs(model: TfMlp, source: BatchSource): void {
  if (source.inputs !== model.spec.inputSize)
    throw new Error(
      `Entrées incompatibles\u00a0: ${source.inputs} colonnes, ${model.spec.inputSize} attendues (inputSize).`,
    );
}

/**
 * Ŷ for every row of X (n×d, a Matrix or a BatchSource), as one n×k row-major Float32Array
 * (k = units of the last layer), computed `batchSize` rows at a time. Each batch's result is
 * read asynchronously (`await data()`), with a yield to the browser between batches.
 */
export async function predictInBatches(
  tf: Tf,
  model: TfMlp,
  X: Matrix | BatchSource,
  batchSize = 1024,
): Promise<Float32Array> {
  const source = isBatchSource(X) ? X : matrixSource(X);
  checkInputs(model, source);
  const k = model.spec.layers[model.spec.layers.length - 1]!.units;
  const out = new Float32Array(source.count * k);
  // Batch b is read while batch b + 1 is already queued, so that a GPU never waits for the read.
  let pending = null as { yHat: TfModule.Tensor2D; from: number } | null;
  const drain = async () => {
    if (!pending) return;
    const { yHat, from } = pending;
    pending = null;
    try {
      out.set(await yHat.data<'float32'>(), from * k);
    } finally {
      yHat.dispose();
    }
  };
  try {
    await forEachBatch(
      tf,
      source,
      batchSize,
      (x) => model.predictTensor(x),
      async (yHat, from) => {
        const previous = drain();
        pending = { yHat, from };
        await previous;
      },
    );
    await drain();
  } finally {
    pending?.yHat.dispose();
  }
  return out;
}

/**
 * The mean loss J over a whole set (same convention as `lossTensor` on one batch), in batches:
 * J = Σ_b m_b·J_b / n (every loss is a mean over the rows of its batch, so weighting by the
 * batch size m_b gives the mean over all n rows). The sum stays on the device; one read at the end.
 */
export async function lossInBatches(tf: Tf, model: TfMlp, source: BatchSource, batchSize = 1024): Promise<number> {
  checkInputs(model, source);
  let sum: TfModule.Scalar = tf.scalar(0);
  try {
    await forEachBatch(
      tf,
      source,
      batchSize,
      (x, y, m) => tf.add(sum, tf.mul(model.lossTensor(x, y), m)) as TfModule.Scalar,
      (next) => {
        sum.dispose();
        sum = next;
      },
    );
    return (await sum.data())[0]! / source.count;
  } finally {
    sum.dispose();
  }
}
