/**
 * Gradient checking (chapter 6): every parameter's gradient from backpropagation, set beside a
 * centred finite difference of the loss, with their relative error. Used by the island's
 * "Vérifier" button and by the chapter's build-time check of softmax regression.
 * (A helper of this kind could live in src/nn; it sits here so as not to touch the engine.)
 */
import {
  backward,
  flattenWeights,
  unflattenWeights,
  losses,
  type Matrix,
  forward,
  predict,
  type MlpSpec,
  type MlpWeights,
} from '../../../nn';

/** The step of the centred difference: small, but far above the rounding noise of float64. */
export const FINITE_DIFFERENCE_STEP = 1e-5;

/** J(θ) for a flat parameter vector θ (in the order of `flattenWeights`). */
export function lossOfFlat(spec: MlpSpec, flat: ArrayLike<number>, X: Matrix, Y: Matrix): number {
  return losses[spec.loss].value(predict(spec, unflattenWeights(spec, flat), X), Y);
}

/** (J(θ + h·eₖ) − J(θ − h·eₖ)) / 2h: the slope of J along parameter k, with an error in h². */
export function centredDifference(
  f: (theta: Float64Array) => number,
  theta: Float64Array,
  k: number,
  h: number,
): number {
  const plus = theta.slice();
  const minus = theta.slice();
  plus[k]! += h;
  minus[k]! -= h;
  return (f(plus) - f(minus)) / (2 * h);
}

/** |a − b| / max(|a|, |b|), and 0 when both are 0: the size of the disagreement, whatever the scale. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

export interface ParameterCheck {
  /** Index in the flat vector of `flattenWeights` (W₀ row by row, b₀, W₁, b₁…). */
  readonly index: number;
  /** ∂J/∂θₖ from backpropagation. */
  readonly analytic: number;
  /** The centred difference. */
  readonly numeric: number;
  readonly relativeError: number;
}

/** Checks every parameter of `weights`: backpropagation against the centred difference. */
export function checkGradients(
  spec: MlpSpec,
  weights: MlpWeights,
  X: Matrix,
  Y: Matrix,
  h = FINITE_DIFFERENCE_STEP,
): ParameterCheck[] {
  const grads = backward(spec, weights, forward(spec, weights, X), Y);
  const analytic = flattenWeights(spec, { W: grads.dW, b: grads.db });
  const theta = flattenWeights(spec, weights);
  const f = (t: Float64Array) => lossOfFlat(spec, t, X, Y);
  return Array.from(theta, (_, k) => {
    const numeric = centredDifference(f, theta, k, h);
    return { index: k, analytic: analytic[k]!, numeric, relativeError: relativeError(analytic[k]!, numeric) };
  });
}
