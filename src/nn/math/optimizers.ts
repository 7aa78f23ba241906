/**
 * Optimisers (chapter 5): rules that turn a gradient g into a parameter update, each keeping its
 * own state per parameter block. All update in place. t counts the steps already taken.
 */
import type { OptimizerConfig } from '../training';

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** Steps taken so far (0 before the first). */
  readonly t: number;
  /**
   * One update of every block: params[i] and grads[i] are arrays of the same length (e.g. from
   * `parameterBlocks`); params are changed in place. The state is created on the first step;
   * later steps must pass blocks of the same lengths.
   */
  step(params: Float64Array[], grads: Float64Array[]): void;
}

/**
 * Valeurs par défaut des optimiseurs (momentum, ρ, β₁, β₂, ε).
 *
 * Defaults of the shared contract (`OptimizerConfig`). Beware when matching tfjs: its RMSProp and
 * AdaGrad divide by √(s + ε) (ε inside the root) and its AdaGrad starts s at 0.1, not 0.
 */
export const OPTIMIZER_DEFAULTS = { momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/**
 * Le pas d’apprentissage à l’étape t.
 *
 * ηₜ at step t (t from 0): η; η/√(t + 1) with `decay: 'inverseSqrt'`; η·max(0, 1 − t/T) with
 * `decay: 'linear'` and T = `decaySteps` (a whole planned run ends on small steps).
 */
export function learningRateAt(config: OptimizerConfig, t: number): number {
  const eta = config.learningRate;
  if (config.decay === 'inverseSqrt') return eta / Math.sqrt(t + 1);
  if (config.decay !== 'linear') return eta;
  const T = config.decaySteps;
  if (T === undefined || !Number.isInteger(T) || T < 1)
    throw new Error(`Optimiseur\u00a0: la décroissance linéaire demande un nombre de pas entier ≥ 1 (reçu ${T}).`);
  return eta * Math.max(0, 1 - t / T);
}

function checkConfig(config: OptimizerConfig): void {
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate))
    throw new Error(`Optimiseur\u00a0: le pas d’apprentissage doit être un nombre > 0 (reçu ${config.learningRate}).`);
  const names = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'];
  if (!names.includes(config.name))
    throw new Error(`Optimiseur inconnu «\u202f${String(config.name)}\u202f» (${names.join(', ')}).`);
}

/**
 * Crée un optimiseur (SGD, Adam, …) selon sa configuration.
 *
 * An optimiser for `config`, updating θ ← θ − ηₜ·(direction) entry by entry:
 * - `sgd`: θ ← θ − ηₜ g;
 * - `momentum`: v ← ρv + g, θ ← θ − ηₜ v (ρ = `momentum`, default 0.9; v starts at 0);
 * - `adagrad`: s ← s + g², θ ← θ − ηₜ g/(√s + ε) (s starts at 0);
 * - `rmsprop`: s ← ρs + (1 − ρ)g², θ ← θ − ηₜ g/(√s + ε) (ρ = `rho`, default 0.9);
 * - `adam`: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) with t the
 *   number of this step (from 1), θ ← θ − ηₜ m̂/(√v̂ + ε) (β₁ = 0.9, β₂ = 0.999 by default).
 * ε = `epsilon`, default 1e-8. The first Adam step moves each parameter by about ηₜ whatever
 * the scale of g, since m̂ = g and √v̂ = |g| then.
 */
export function createOptimizer(config: OptimizerConfig): Optimizer {
  checkConfig(config);
  const momentum = config.momentum ?? OPTIMIZER_DEFAULTS.momentum;
  const rho = config.rho ?? OPTIMIZER_DEFAULTS.rho;
  const beta1 = config.beta1 ?? OPTIMIZER_DEFAULTS.beta1;
  const beta2 = config.beta2 ?? OPTIMIZER_DEFAULTS.beta2;
  const eps = config.epsilon ?? OPTIMIZER_DEFAULTS.epsilon;
  let t = 0;
  // first[i] / second[i]: per-block state (velocity or first moment; squared-gradient accumulator)
  let first: Float64Array[] | null = null;
  let second: Float64Array[] | null = null;

  const checkShapes = (params: Float64Array[], grads: Float64Array[]): void => {
    if (params.length !== grads.length)
      throw new Error(
        `Optimiseur\u00a0: ${params.length} blocs de paramètres pour ${grads.length} blocs de gradients.`,
      );
    params.forEach((p, i) => {
      if (p.length !== grads[i]!.length)
        throw new Error(`Optimiseur\u00a0: le bloc ${i} a ${p.length} paramètres mais ${grads[i]!.length} gradients.`);
    });
    if (first !== null) {
      if (first.length !== params.length || first.some((s, i) => s.length !== params[i]!.length))
        throw new Error('Optimiseur\u00a0: les blocs de paramètres ont changé de forme depuis le premier pas.');
    }
  };

  return {
    config,
    get t() {
      return t;
    },
    step(params, grads) {
      checkShapes(params, grads);
      if (first === null || second === null) {
        first = params.map((p) => new Float64Array(p.length));
        second = params.map((p) => new Float64Array(p.length));
      }
      const lr = learningRateAt(config, t);
      const step = t + 1;
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      params.forEach((theta, b) => {
        const g = grads[b]!;
        const m = first![b]!;
        const s = second![b]!;
        for (let i = 0; i < theta.length; i++) {
          const gi = g[i]!;
          switch (config.name) {
            case 'sgd':
              theta[i]! -= lr * gi;
              break;
            case 'momentum':
              m[i] = momentum * m[i]! + gi;
              theta[i]! -= lr * m[i]!;
              break;
            case 'adagrad':
              s[i]! += gi * gi;
              theta[i]! -= (lr * gi) / (Math.sqrt(s[i]!) + eps);
              break;
            case 'rmsprop':
              s[i] = rho * s[i]! + (1 - rho) * gi * gi;
              theta[i]! -= (lr * gi) / (Math.sqrt(s[i]!) + eps);
              break;
            case 'adam': {
              m[i] = beta1 * m[i]! + (1 - beta1) * gi;
              s[i] = beta2 * s[i]! + (1 - beta2) * gi * gi;
              theta[i]! -= (lr * (m[i]! / correction1)) / (Math.sqrt(s[i]! / correction2) + eps);
              break;
            }
          }
        }
      });
      t = step;
    },
  };
}
