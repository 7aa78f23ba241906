/**
 * An MLP on TensorFlow.js built from plain variables — one W (inputs × units) and one b (units)
 * per layer, float32 — rather than `tf.layers`, so that every parameter and its gradient can be
 * held against the reference engine (`math/`) one by one. Same spec, same weight layout, same
 * activations and losses as the reference engine: same weights ⇒ same outputs and gradients
 * (within float32 rounding).
 */
import type * as TfModule from '@tensorflow/tfjs';
import { LEAKY_SLOPE } from '../math/activations';
import type { Matrix } from '../math/matrix';
import {
  checkWeightsMatchSpec,
  validateSpec,
  type LayerActivation,
  type LossName,
  type MlpSpec,
  type MlpWeights,
} from '../spec';
import type { Regularization } from '../training';
import { createTfParameters, matrixToTensor, readTfParameters, writeTfParameters, type TfParameters } from './weights';

type Tf = typeof TfModule;
type Tensor2D = TfModule.Tensor2D;
type Scalar = TfModule.Scalar;

/** Options of the training forward pass (the reference engine's inverted dropout). */
export interface TfForwardOptions {
  /** Keep probability p of inverted dropout on the hidden layers' outputs (1: none). */
  readonly dropoutKeep?: number;
  /** Seed of the dropout masks (one mask per hidden layer, seed + l). */
  readonly dropoutSeed?: number;
  /**
   * x is data, never differentiated (training): the first layer then skips ∂J/∂X, the most
   * costly product of a 784-input net after ∂J/∂W₀ and the forward pass. A gradient with
   * respect to x cannot be asked for then. Default false: everything differentiable.
   */
  readonly constantInput?: boolean;
}

/** One gradient evaluation, as plain float64 copies shaped like `MlpWeights`. */
export interface TfLossAndGradients {
  readonly loss: number;
  /** ∂J/∂W[l], (inputs × units) row-major. */
  readonly dW: Matrix[];
  /** ∂J/∂b[l], `units` values (zeros for a layer without bias). */
  readonly db: Float64Array[];
}

export interface TfMlp extends TfParameters {
  readonly spec: MlpSpec;
  /** Z_L = A_{L−1}·W_L + b_L, the last layer's pre-activation (logits), (n × k). */
  logitsTensor(x: Tensor2D, options?: TfForwardOptions): Tensor2D;
  /** Ŷ = A_L = f_L(Z_L), (n × d) → (n × k); softmax rows sum to 1. */
  predictTensor(x: Tensor2D): Tensor2D;
  /** J(Ŷ, Y), the data term of the cost (conventions in `tfLossFromLogits`). x (n × d), y (n × k). */
  lossTensor(x: Tensor2D, y: Tensor2D, options?: TfForwardOptions): Scalar;
  /** J and every ∂J/∂W[l], ∂J/∂b[l] at X (n × d), Y (n × k), by `tf.variableGrads`. */
  lossAndGradients(X: Matrix, Y: Matrix): Promise<TfLossAndGradients>;
  /** float64 copies of the current parameters. */
  getWeights(): Promise<MlpWeights>;
  /** Overwrites the parameters (shapes checked against the spec). */
  setWeights(weights: MlpWeights): void;
  readonly disposed: boolean;
  /** Frees every variable. Idempotent. */
  dispose(): void;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** f(z) element-wise, with tf ops matching `math/activations.ts` (values and derivatives). */
export function tfActivation(tf: Tf, name: LayerActivation, z: Tensor2D): Tensor2D {
  switch (name) {
    case 'step':
      // f(z) = 1 if z ≥ 0 else 0 (tf.step(0) is 0, hence 1 − step(−z)); f' = 0
      return tf.sub(1, tf.step(tf.neg(z)));
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'leakyRelu':
      return tf.leakyRelu(z, LEAKY_SLOPE);
    case 'gelu': {
      // ½ z (1 + tanh(√(2/π)(z + 0.044715 z³))), the reference's tanh approximation
      const u = tf.mul(SQRT_2_OVER_PI, tf.add(z, tf.mul(0.044715, tf.pow(z, 3))));
      return tf.mul(tf.mul(0.5, z), tf.add(1, tf.tanh(u)));
    }
    case 'identity':
      return z;
    case 'softmax':
      return tf.softmax(z);
  }
}

/**
 * The loss J on a batch of n rows and k outputs, from the last layer's logits z (n × k):
 * - `mse` (1/nk) Σ (ŷ − y)², `halfMse` half of it, `mae` (1/nk) Σ |ŷ − y|, `hinge`
 *   (1/nk) Σ max(0, 1 − y·ŷ), with ŷ = f_L(z) (at an exact tie ŷ = y, tf.abs' gradient is
 *   −1/nk where the reference takes 0: it never happens with real-valued data);
 * - `bce` (1/nk) Σ −[y ln σ(z) + (1 − y) ln(1 − σ(z))], computed from the logits in the stable
 *   form softplus(z) − y·z, whose gradient is exactly σ(z) − y. It equals the reference's
 *   value with ŷ clipped to [1e-7, 1 − 1e-7] while |z| ≲ 15.9; beyond (saturation) the
 *   reference's value is capped near 16.1 while this one keeps growing like |z|;
 * - `categoricalCrossEntropy` (1/n) Σ −Σ_k y ln softmax(z), with log-softmax (no log 0).
 */
export function tfLossFromLogits(
  tf: Tf,
  loss: LossName,
  lastActivation: LayerActivation,
  z: Tensor2D,
  y: Tensor2D,
): Scalar {
  if (loss === 'categoricalCrossEntropy') return tf.div(tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(z)))), z.shape[0]);
  if (loss === 'bce') return tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z)));
  const yHat = tfActivation(tf, lastActivation, z);
  switch (loss) {
    case 'mse':
      return tf.mean(tf.squaredDifference(yHat, y));
    case 'halfMse':
      return tf.mul(0.5, tf.mean(tf.squaredDifference(yHat, y)));
    case 'mae':
      return tf.mean(tf.abs(tf.sub(yHat, y)));
    case 'hinge':
      return tf.mean(tf.relu(tf.sub(1, tf.mul(y, yHat))));
  }
}

/**
 * ∂(αΩ)/∂W of the weight penalty (`penaltyGradient` of math/regularizers.ts), added to the data
 * gradient: L2, Ω = ½ Σ w², → αW; L1, Ω = Σ |w|, → α·sign(W) (0 at w = 0). Shaped like W.
 * Written out rather than differentiated: tf.abs' gradient at 0 is −1, not 0.
 */
export function tfPenaltyGradient(tf: Tf, W: TfModule.Tensor, { kind, alpha }: Regularization): TfModule.Tensor {
  return tf.mul(alpha, kind === 'l2' ? W : tf.sign(W));
}

/**
 * Z = A·W + b (b optional) for A (n × i), W (i × u), with its own gradient: ∂J/∂W = Aᵀ·∂J/∂Z,
 * ∂J/∂b = Σ_rows ∂J/∂Z, ∂J/∂A = ∂J/∂Z·Wᵀ (only when `inputGradient`). Forward: one fused
 * kernel. Why not tfjs' own gradients (measured on 784-128-10, batch 128, headless Chromium):
 * - on WASM, tfjs computes ∂J/∂W as matMul(A, dZ, transposeA = true), which runs on a slow
 *   generic loop (8.3 ms, 3× the forward product); transposing A first (0.3 ms) keeps the
 *   product on XNNPACK's fast path (0.6 ms). Elsewhere the transposed product is native and an
 *   explicit transpose only costs (65 ms for 128 × 784 on a software WebGPU adapter);
 * - under a gradient tape, `fused.matMul`'s gradient computes ∂J/∂A for the first layer too
 *   (∂J/∂X, needed by no variable: ~⅓ of a step); `inputGradient` false skips it. x is then
 *   outside the tape: a gradient with respect to x cannot be asked for.
 */
export function tfDense(
  tf: Tf,
  a: Tensor2D,
  W: TfModule.Tensor,
  bias: TfModule.Tensor | null,
  inputGradient = true,
): Tensor2D {
  const inputs = [W, ...(bias ? [bias] : []), ...(inputGradient ? [a] : [])];
  const dense = tf.customGrad((...args: (TfModule.Tensor | TfModule.GradSaveFunc)[]) => {
    const save = args.at(-1) as TfModule.GradSaveFunc;
    save([a, W]);
    return {
      value: tf.fused.matMul({ a, b: W as Tensor2D, bias: bias ?? undefined }),
      gradFunc: (dz: TfModule.Tensor, saved: TfModule.Tensor[]) => {
        const [input, weights] = saved as [Tensor2D, Tensor2D];
        const grads = [
          tf.getBackend() === 'wasm'
            ? tf.matMul(tf.transpose(input), dz as Tensor2D)
            : tf.matMul(input, dz as Tensor2D, true, false),
        ];
        if (bias) grads.push(tf.sum(dz, 0));
        if (inputGradient) grads.push(tf.matMul(dz as Tensor2D, weights, false, true));
        return grads;
      },
    };
  });
  return dense(...inputs) as Tensor2D;
}

/** Builds the model's variables from `weights` (copied as float32). Throws in French on a bad spec. */
export function createTfMlp(tf: Tf, spec: MlpSpec, weights: MlpWeights): TfMlp {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  const params = createTfParameters(tf, spec, weights);
  const L = spec.layers.length;
  let disposed = false;

  /**
   * Z = A·W + b. `fused` (predictions): one fused matMul + bias kernel. Otherwise (training)
   * `tfDense`, whose gradient keeps every product on the backends' fast path.
   */
  const forwardLogits = (x: Tensor2D, options: TfForwardOptions, fused: boolean): Tensor2D => {
    const keep = options.dropoutKeep ?? 1;
    let a = x;
    for (let l = 0; l < L; l++) {
      const W = params.W[l]!;
      const bias = params.b[l] ?? null;
      const z = fused
        ? (tf.fused.matMul({ a, b: W as Tensor2D, bias: bias ?? undefined }) as Tensor2D)
        : tfDense(tf, a, W, bias, l > 0 || !options.constantInput);
      if (l === L - 1) return z;
      a = tfActivation(tf, spec.layers[l]!.activation, z);
      // inverted dropout: keep with probability p, scale by 1/p (tf.dropout does both)
      if (keep < 1) a = tf.dropout(a, 1 - keep, undefined, (options.dropoutSeed ?? 0) + l) as Tensor2D;
    }
    throw new Error('inaccessible');
  };
  const logitsTensor = (x: Tensor2D, options: TfForwardOptions = {}): Tensor2D => forwardLogits(x, options, false);

  const lossTensor = (x: Tensor2D, y: Tensor2D, options?: TfForwardOptions): Scalar =>
    tfLossFromLogits(tf, spec.loss, spec.layers[L - 1]!.activation, logitsTensor(x, options), y);

  const assertAlive = () => {
    if (disposed) throw new Error('Ce modèle a été libéré (dispose)\u00a0: recréez-le.');
  };

  return {
    spec,
    ...params,
    logitsTensor,
    predictTensor: (x) => tf.tidy(() => tfActivation(tf, spec.layers[L - 1]!.activation, forwardLogits(x, {}, true))),
    lossTensor,
    async lossAndGradients(X, Y) {
      assertAlive();
      const { value, grads } = tf.tidy(() => {
        const x = matrixToTensor(tf, X);
        const y = matrixToTensor(tf, Y);
        return tf.variableGrads(() => lossTensor(x, y), params.variables as TfModule.Variable[]);
      });
      const names = params.variables.map((v) => v.name);
      const [lossData, ...gradData] = await Promise.all([value.data(), ...names.map((n) => grads[n]!.data())]);
      tf.dispose([value, ...Object.values(grads)]);
      const byName = new Map(names.map((n, i) => [n, Float64Array.from(gradData[i]!)]));
      return {
        loss: lossData[0]!,
        dW: params.W.map((w) => ({ rows: w.shape[0]!, cols: w.shape[1]!, data: byName.get(w.name)! })),
        db: params.b.map((b, l) => (b ? byName.get(b.name)! : new Float64Array(spec.layers[l]!.units))),
      };
    },
    getWeights() {
      assertAlive();
      return readTfParameters(params);
    },
    setWeights(w) {
      assertAlive();
      checkWeightsMatchSpec(spec, w);
      writeTfParameters(tf, params, w);
    },
    get disposed() {
      return disposed;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose(params.variables as TfModule.Variable[]);
    },
  };
}
