/**
 * Gradient descent on one parameter (chapter 5's worked sequence): a line through the origin
 * ŷ = W·x fitted to points (xᵢ, yᵢ) on the mean squared error
 *   J(W) = (1/n) Σ (W xᵢ − yᵢ)²,   dJ/dW = (2/n) Σ (W xᵢ − yᵢ) xᵢ,
 * with W ← W − α dJ/dW. On the chapter's toy set x = (1, 2, 3, 4), y = (2, 3, 4, 5):
 * dJ/dW = 15W − 20, so from W₀ = 0 with α = 0.1 the sequence is J = 13.5 → W = 2; J = 3.5 →
 * W = 1; J = 1 → W = 1.5; J = 0.375 → W = 1.25; … towards W* = 4/3, J* = 1/6.
 */

/** Le petit jeu de données du chapitre. */
export const TOY_1D = { xs: [1, 2, 3, 4], ys: [2, 3, 4, 5], w0: 0, learningRate: 0.1 } as const;

/**
 * Erreur quadratique moyenne de y = W·x et sa dérivée.
 *
 * J(W) = (1/n) Σ (W xᵢ − yᵢ)² and its derivative dJ/dW = (2/n) Σ (W xᵢ − yᵢ) xᵢ.
 */
export function throughOriginMse(W: number, xs: readonly number[], ys: readonly number[]): { J: number; dJ: number } {
  const n = xs.length;
  if (n === 0 || n !== ys.length) throw new Error('Descente 1D\u00a0: autant de x que de y, au moins un point.');
  let J = 0;
  let dJ = 0;
  for (let i = 0; i < n; i++) {
    const e = W * xs[i]! - ys[i]!;
    J += (e * e) / n;
    dJ += (2 * e * xs[i]!) / n;
  }
  return { J, dJ };
}

/** One step of the sequence: the parameter W, the cost J(W) there, the slope, and W after the step. */
export interface Step1d {
  /** 0-based step number. */
  readonly t: number;
  readonly W: number;
  readonly J: number;
  readonly dJ: number;
  readonly nextW: number;
}

/**
 * Descente de gradient sur W seul, pas à pas.
 *
 * `steps` steps of W ← W − α dJ/dW from `w0` (defaults: the chapter's toy set, W₀ = 0, α = 0.1).
 * Entry t holds W_t, J(W_t), J′(W_t) and W_{t+1}.
 */
export function gradientDescent1d(
  steps: number,
  {
    xs = TOY_1D.xs,
    ys = TOY_1D.ys,
    w0 = TOY_1D.w0,
    learningRate = TOY_1D.learningRate,
  }: { xs?: readonly number[]; ys?: readonly number[]; w0?: number; learningRate?: number } = {},
): Step1d[] {
  const out: Step1d[] = [];
  let W = w0;
  for (let t = 0; t < steps; t++) {
    const { J, dJ } = throughOriginMse(W, xs, ys);
    const nextW = W - learningRate * dJ;
    out.push({ t, W, J, dJ, nextW });
    W = nextW;
  }
  return out;
}

/**
 * Le meilleur W de y = W·x, en forme close.
 *
 * The minimum in closed form: dJ/dW = 0 ⇔ W* = Σxᵢyᵢ / Σxᵢ² (4/3 on the toy set, where J* = 1/6:
 * the best a line through the origin can do; a bias would reach 0 since y = x + 1).
 */
export function bestThroughOrigin(xs: readonly number[], ys: readonly number[]): { W: number; J: number } {
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += x * ys[i]!;
    sxx += x * x;
  });
  if (sxx === 0) throw new Error('Descente 1D\u00a0: tous les x sont nuls, la pente n’est pas déterminée.');
  const W = sxy / sxx;
  return { W, J: throughOriginMse(W, xs, ys).J };
}
