/**
 * Chapter 5's conditioning numbers: the elongated bowl J(w, b) of the line ŷ = w·x + b on the
 * chapter's four points, its two curvatures (eigenvalues of the Hessian [[15, 5], [5, 2]]), their
 * ratio κ ≈ 56, and what κ says about gradient descent: the best fixed step, the steps it needs,
 * and the gain of momentum tuned for the same bowl. Closed forms for a quadratic (each direction
 * of the Hessian evolves on its own), then the same settings run with the course's optimisers so
 * that the prose can set the prediction beside the measurement. Computed at build time;
 * tests/unit/chapters/descente-conditionnement.test.ts checks them.
 */
import { createOptimizer, leastSquaresLine, lineMseAndGradient, TOY_1D, type OptimizerConfig } from '../nn';

const { xs, ys } = TOY_1D;
const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / v.length;

/** The Hessian of J(w, b) = mean((w x + b − y)²): constant, [[2·mean(x²), 2·mean(x)], [2·mean(x), 2]]. */
const hww = 2 * mean(xs.map((x) => x * x));
const hwb = 2 * mean(xs);
const hbb = 2;
const middle = (hww + hbb) / 2;
const radius = Math.hypot((hww - hbb) / 2, hwb);

/** The steepest and the flattest curvature of the bowl, and their ratio, the condition number. */
export const lambdaMax = middle + radius;
export const lambdaMin = middle - radius;
export const kappa = lambdaMax / lambdaMin;

/**
 * A step multiplies the error along a direction of curvature λ by 1 − ηλ. The slowest direction
 * sets the pace, max(|1 − ηλmin|, |1 − ηλmax|), smallest when both are equal:
 * η* = 2/(λmax + λmin), where the factor is (κ − 1)/(κ + 1) ≈ 1 − 2/κ.
 */
export const bestStep = 2 / (lambdaMax + lambdaMin);
export const bestFactor = (kappa - 1) / (kappa + 1);

/** Steps to divide the error by `ratio` at a factor r per step: ln(ratio)/ln(1/r). */
export const stepsToDivide = (factor: number, ratio = 1000): number => Math.ceil(Math.log(ratio) / -Math.log(factor));

/**
 * Momentum (heavy ball, v ← ρv + g, W ← W − ηv) tuned for the bowl (Polyak): ρ = ((√κ − 1)/(√κ + 1))²
 * and η = 4/(√λmax + √λmin)² make every direction shrink by √ρ = (√κ − 1)/(√κ + 1) per step,
 * so the step count grows like √κ instead of κ.
 */
const rootKappa = Math.sqrt(kappa);
export const momentumFactor = (rootKappa - 1) / (rootKappa + 1);
export const momentumRho = momentumFactor ** 2;
export const momentumStep = 4 / (Math.sqrt(lambdaMax) + Math.sqrt(lambdaMin)) ** 2;

/** The predicted steps to divide the error by 1 000, and the gain of tuned momentum. */
export const predictedSgdSteps = stepsToDivide(bestFactor);
export const predictedMomentumSteps = stepsToDivide(momentumFactor);
export const predictedGain = predictedSgdSteps / predictedMomentumSteps;

/** The bottom of the bowl (w = b = 1) and the distance of the start (0, 0) from it. */
const bottom = leastSquaresLine(xs, ys);
const startDistance = Math.hypot(bottom.w, bottom.b);

/**
 * Measured: steps of an optimiser from (0, 0) until (w, b) lies within startDistance/`ratio` of
 * the bottom (the same "divide the error by 1 000" as the prediction), at most `max` steps.
 */
export function measuredSteps(config: OptimizerConfig, ratio = 1000, max = 10_000): number {
  const optimizer = createOptimizer(config);
  const w = Float64Array.of(0);
  const b = Float64Array.of(0);
  for (let k = 0; k < max; k++) {
    if (Math.hypot(w[0]! - bottom.w, b[0]! - bottom.b) < startDistance / ratio) return k;
    const g = lineMseAndGradient({ w: w[0]!, b: b[0]! }, xs, ys);
    optimizer.step([w, b], [Float64Array.of(g.dw), Float64Array.of(g.db)]);
  }
  return Number.POSITIVE_INFINITY;
}

export const measuredSgdSteps = measuredSteps({ name: 'sgd', learningRate: bestStep });
export const measuredMomentumSteps = measuredSteps({
  name: 'momentum',
  learningRate: momentumStep,
  momentum: momentumRho,
});
