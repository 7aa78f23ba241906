import { sigmoid } from './activations';
import { weightedSum } from './neuron';

/** One labelled example: inputs x and a target y ∈ {0, 1}. */
export interface Example {
  readonly x: readonly number[];
  readonly y: number;
}

/** The parameters of a single neuron: weights w (one per input) and bias b. */
export interface NeuronParams {
  readonly w: readonly number[];
  readonly b: number;
}

export type GateName = 'and' | 'or' | 'xor';

const corners = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

/**
 * Tables de vérité de ET, OU et OU exclusif.
 *
 * Truth tables of AND, OR and XOR on the four corners of the unit square.
 */
export const logicGates: Readonly<Record<GateName, readonly Example[]>> = {
  and: corners.map(([a, b]) => ({ x: [a, b], y: a & b })),
  or: corners.map(([a, b]) => ({ x: [a, b], y: a | b })),
  xor: corners.map(([a, b]) => ({ x: [a, b], y: a ^ b })),
};

// log(0) would be −∞: clip probabilities into [ε, 1 − ε] before taking logs.
const EPS = 1e-12;

/**
 * Entropie croisée moyenne d’un neurone sigmoïde et son gradient.
 *
 * Mean binary cross-entropy of a sigmoid neuron over `data`, and its gradient.
 * With ŷ = σ(z), ∂L/∂z = ŷ − y per example (the σ' cancels), so
 * ∂J/∂w = (1/n) Σ (ŷ − y) x and ∂J/∂b = (1/n) Σ (ŷ − y).
 */
export function logisticLossAndGradient(
  p: NeuronParams,
  data: readonly Example[],
): { loss: number; dw: number[]; db: number } {
  const n = data.length;
  const dw = p.w.map(() => 0);
  let db = 0;
  let loss = 0;
  for (const { x, y } of data) {
    const yHat = sigmoid(weightedSum(p.w, x, p.b));
    const q = Math.min(1 - EPS, Math.max(EPS, yHat));
    loss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
    const dz = yHat - y;
    for (let i = 0; i < dw.length; i++) dw[i]! += (dz * x[i]!) / n;
    db += dz / n;
  }
  return { loss: loss / n, dw, db };
}

/**
 * Un pas de descente de gradient pour un neurone sigmoïde.
 *
 * One step of batch gradient descent: θ ← θ − η ∇J(θ). Returns the new parameters and the loss before the step.
 */
export function logisticStep(
  p: NeuronParams,
  data: readonly Example[],
  learningRate: number,
): { params: NeuronParams; loss: number } {
  const { loss, dw, db } = logisticLossAndGradient(p, data);
  return {
    params: { w: p.w.map((wi, i) => wi - learningRate * dw[i]!), b: p.b - learningRate * db },
    loss,
  };
}

/**
 * La part des exemples bien classés par un neurone sigmoïde.
 *
 * Share of examples whose thresholded output (ŷ ≥ 0.5) equals the target.
 */
export function logisticAccuracy(p: NeuronParams, data: readonly Example[]): number {
  let right = 0;
  for (const { x, y } of data) {
    const predicted = weightedSum(p.w, x, p.b) >= 0 ? 1 : 0;
    if (predicted === y) right++;
  }
  return right / data.length;
}

/**
 * La droite des moindres carrés passant au plus près des points.
 *
 * Least-squares line through (xs, ys): the (w, b) that minimise the MSE of ŷ = w·x + b.
 * The closed form is the oracle for the gradient-descent demos.
 */
export function leastSquaresLine(xs: readonly number[], ys: readonly number[]): { w: number; b: number } {
  const n = xs.length;
  if (n !== ys.length || n < 2) throw new Error('leastSquaresLine: au moins deux points, autant de x que de y');
  const mx = xs.reduce((a, v) => a + v, 0) / n;
  const my = ys.reduce((a, v) => a + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  if (sxx === 0) throw new Error('leastSquaresLine: tous les x sont égaux');
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}
