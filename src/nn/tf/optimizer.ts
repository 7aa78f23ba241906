/**
 * The reference engine's optimisers (`math/optimizers.ts`) on TensorFlow.js variables, with the
 * same hyper-parameters and the same formulas, so that both engines take the same step from the
 * same gradient (float32 rounding aside). Checked against tfjs 4.22's sources:
 * - `sgd`, `momentum` and `adam` are tfjs' own (`tf.train.*`), whose formulas are the
 *   reference's: momentum v ← ρv + g, θ ← θ − ηv (`useNesterov` false); Adam with bias
 *   corrections 1 − βᵗ and θ ← θ − η m̂/(√v̂ + ε). Epsilon is always passed explicitly: when it
 *   is omitted, tfjs takes the backend's (1e-7 on cpu/wasm, 1e-4 on WebGL).
 * - `adagrad` and `rmsprop` are written here in tf ops, because tfjs' differ: both divide by
 *   √(s + ε) instead of √s + ε (a visible difference when g² is near ε), tfjs' AdaGrad starts
 *   s at 0.1 instead of 0 and its ε cannot be set (the backend's is used).
 * - `decay` ('inverseSqrt' η/√(t + 1), 'linear' η·(1 − t/T)): ηₜ is set before each step — `setLearningRate` for
 *   sgd/momentum, the `learningRate` field tfjs' Adam reads at every step (protected in the
 *   typings, public at run time), a plain number here for adagrad/rmsprop.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { learningRateAt, OPTIMIZER_DEFAULTS } from '../math/optimizers';
import type { OptimizerConfig } from '../training';

type Tf = typeof TfModule;
type Variable = TfModule.Variable;
type Tensor = TfModule.Tensor;

export interface TfOptimizer {
  readonly config: OptimizerConfig;
  /** Steps taken so far (0 before the first). */
  readonly t: number;
  /**
   * One update θᵢ ← θᵢ − ηₜ·direction(gᵢ) of every variable with its gradient (same order,
   * same shapes; the same order at every step, since the state is kept by position).
   * Runs in its own tf.tidy; does not dispose the gradients.
   */
  step(variables: readonly Variable[], gradients: readonly Tensor[]): void;
  /** Frees the optimiser's state (accumulators, constants). Idempotent. */
  dispose(): void;
}

interface Stepper {
  apply(variables: readonly Variable[], gradients: readonly Tensor[], learningRate: number): void;
  dispose(): void;
}

/** tfjs' own optimiser, given the step's learning rate before each step. */
function tfjsStepper(tf: Tf, config: OptimizerConfig, eps: number): Stepper {
  const lr = config.learningRate;
  const beta1 = config.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
  const beta2 = config.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
  const optimizer =
    config.name === 'momentum'
      ? tf.train.momentum(lr, config.momentum ?? OPTIMIZER_DEFAULTS.momentum, false)
      : config.name === 'adam'
        ? tf.train.adam(lr, beta1, beta2, eps)
        : tf.train.sgd(lr);
  let current = lr;
  return {
    apply(variables, gradients, learningRate) {
      if (learningRate !== current) {
        current = learningRate;
        // (not `instanceof`: tfjs' optimisers answer it by duck typing, Adam "is" an SGDOptimizer)
        if (config.name !== 'adam') (optimizer as TfModule.SGDOptimizer).setLearningRate(learningRate);
        else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
      }
      optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: gradients[i]! })));
    },
    dispose() {
      optimizer.dispose();
      // tfjs 4.22's MomentumOptimizer.dispose() forgets the −η scalar `c` of its SGD parent
      // (one tensor leaked per optimiser): free it here.
      if (config.name === 'momentum') (optimizer as unknown as { c?: Tensor }).c?.dispose();
    },
  };
}

/**
 * AdaGrad (s ← s + g²) or RMSProp (s ← ρs + (1 − ρ)g²), then θ ← θ − η g/(√s + ε), with s
 * starting at 0: the reference's formulas, as tf ops.
 */
function accumulatorStepper(tf: Tf, config: OptimizerConfig, eps: number): Stepper {
  const rho = config.rho ?? OPTIMIZER_DEFAULTS.rho;
  const squares: Variable[] = [];
  return {
    apply(variables, gradients, learningRate) {
      tf.tidy(() => {
        variables.forEach((theta, i) => {
          const g = gradients[i]!;
          squares[i] ??= tf.variable(tf.zerosLike(theta), false);
          const s = squares[i];
          const next =
            config.name === 'adagrad' ? tf.add(s, tf.square(g)) : tf.add(tf.mul(rho, s), tf.mul(1 - rho, tf.square(g)));
          s.assign(next);
          theta.assign(tf.sub(theta, tf.div(tf.mul(learningRate, g), tf.add(tf.sqrt(next), eps))));
        });
      });
    },
    dispose: () => tf.dispose(squares),
  };
}

/** The optimiser for `config` (defaults of the shared contract: ρ 0.9, β 0.9/0.999, ε 1e-8). */
export function createTfOptimizer(tf: Tf, config: OptimizerConfig): TfOptimizer {
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate))
    throw new Error(`Optimiseur\u00a0: le pas d’apprentissage doit être un nombre > 0 (reçu ${config.learningRate}).`);
  const names = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];
  if (!names.includes(config.name))
    throw new Error(`Optimiseur inconnu «\u202f${String(config.name)}\u202f» (${names.join(', ')}).`);
  const eps = config.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
  const stepper =
    config.name === 'adagrad' || config.name === 'rmsprop'
      ? accumulatorStepper(tf, config, eps)
      : tfjsStepper(tf, config, eps);
  let t = 0;
  let disposed = false;
  return {
    config,
    get t() {
      return t;
    },
    step(variables, gradients) {
      if (disposed) throw new Error('Cet optimiseur a été libéré (dispose).');
      if (variables.length !== gradients.length)
        throw new Error(`Optimiseur\u00a0: ${variables.length} variables pour ${gradients.length} gradients.`);
      stepper.apply(variables, gradients, learningRateAt(config, t));
      t++;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stepper.dispose();
    },
  };
}
