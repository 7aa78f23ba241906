/**
 * One neuron with the identity activation, ŷ = w·x + b, fitted by gradient descent on the
 * mean squared error J(w, b) = (1/n) Σ (ŷᵢ − yᵢ)². With eᵢ = ŷᵢ − yᵢ:
 * ∂J/∂w = (2/n) Σ eᵢ xᵢ and ∂J/∂b = (2/n) Σ eᵢ. The chapter's worked steps come from here.
 */

export interface LineParams {
  readonly w: number;
  readonly b: number;
}

/** MSE de la droite w·x + b et son gradient. */
export function lineMseAndGradient(
  { w, b }: LineParams,
  xs: readonly number[],
  ys: readonly number[],
): { loss: number; dw: number; db: number } {
  const n = xs.length;
  if (n === 0 || n !== ys.length) throw new Error('lineMseAndGradient\u00a0: autant de x que de y, au moins un point');
  let loss = 0;
  let dw = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    const e = w * xs[i]! + b - ys[i]!;
    loss += (e * e) / n;
    dw += (2 * e * xs[i]!) / n;
    db += (2 * e) / n;
  }
  return { loss, dw, db };
}

/**
 * Un pas de descente de gradient sur (w, b).
 *
 * One gradient step (w, b) ← (w, b) − η ∇J; returns the new parameters and the loss before the step.
 */
export function lineStep(
  p: LineParams,
  xs: readonly number[],
  ys: readonly number[],
  learningRate: number,
): { params: LineParams; loss: number } {
  const { loss, dw, db } = lineMseAndGradient(p, xs, ys);
  return { params: { w: p.w - learningRate * dw, b: p.b - learningRate * db }, loss };
}
