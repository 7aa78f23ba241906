/**
 * `MlpWeights` (float64, the shared layout) ↔ TensorFlow.js variables (float32), and the
 * snapshots the training loop keeps for early stopping. W[l] is an (inputs × units) variable,
 * b[l] a (units) variable, or null for a layer without bias (its b stays all zeros).
 */
import type * as TfModule from '@tensorflow/tfjs';
import type { Matrix } from '../math/matrix';
import type { MlpSpec, MlpWeights } from '../spec';

type Tf = typeof TfModule;
type Variable = TfModule.Variable;

/** A model's parameters as tfjs variables. */
export interface TfParameters {
  /** W[l], (inputs of layer l × units of layer l), float32, trainable. */
  readonly W: readonly Variable[];
  /** b[l], (units of layer l), float32, trainable; null when the layer has no bias. */
  readonly b: readonly (Variable | null)[];
  /** Every trainable variable in layer order: W₀, b₀, W₁, b₁, … (absent biases skipped). */
  readonly variables: readonly Variable[];
}

/** An (rows × cols) float32 tensor holding a float32 copy of `m` (float64 → float32 rounding). */
export function matrixToTensor(tf: Tf, m: Matrix): TfModule.Tensor2D {
  return tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols], 'float32');
}

/** Creates one variable per W[l] and b[l] (bias only if `useBias` is not false). */
export function createTfParameters(tf: Tf, spec: MlpSpec, weights: MlpWeights): TfParameters {
  // tf.variable() takes its own reference to the initial tensor's data: the initial tensor is
  // freed at once, the variable keeps the values.
  const toVariable = (initial: TfModule.Tensor): Variable => {
    const v = tf.variable(initial, true);
    initial.dispose();
    return v;
  };
  const W = weights.W.map((w) => toVariable(matrixToTensor(tf, w)));
  const b = weights.b.map((bias, l) =>
    spec.layers[l]!.useBias === false ? null : toVariable(tf.tensor1d(Float32Array.from(bias), 'float32')),
  );
  const variables = W.flatMap((w, l): Variable[] => (b[l] ? [w, b[l]] : [w]));
  return { W, b, variables };
}

/** Float64 copies of the variables (read asynchronously, no sync point). */
export async function readTfParameters(params: TfParameters): Promise<MlpWeights> {
  const [wData, bData] = await Promise.all([
    Promise.all(params.W.map((w) => w.data())),
    Promise.all(params.b.map((b) => (b ? b.data() : null))),
  ]);
  return {
    W: params.W.map((w, l) => ({ rows: w.shape[0]!, cols: w.shape[1]!, data: Float64Array.from(wData[l]!) })),
    b: params.b.map((_, l) => {
      const data = bData[l];
      return data ? Float64Array.from(data) : new Float64Array(params.W[l]!.shape[1]!);
    }),
  };
}

/** Assigns `weights` (shapes already checked) to the variables; a missing bias stays zero. */
export function writeTfParameters(tf: Tf, params: TfParameters, weights: MlpWeights): void {
  tf.tidy(() => {
    params.W.forEach((w, l) => w.assign(matrixToTensor(tf, weights.W[l]!)));
    params.b.forEach((bias, l) => bias?.assign(tf.tensor1d(Float32Array.from(weights.b[l]!), 'float32')));
  });
}

/** A device-side copy of every variable (same order as `params.variables`); dispose it when done. */
export function snapshotTfParameters(tf: Tf, params: TfParameters): TfModule.Tensor[] {
  return tf.tidy(() => params.variables.map((v) => tf.clone(v)));
}

/** Assigns back a snapshot taken by `snapshotTfParameters` (the snapshot is not disposed). */
export function restoreTfParameters(params: TfParameters, snapshot: readonly TfModule.Tensor[]): void {
  params.variables.forEach((v, i) => v.assign(snapshot[i]!));
}
