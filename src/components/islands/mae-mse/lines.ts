/**
 * The two best lines of the "MAE ou MSE ?" island: the one that minimises the mean squared
 * error (closed form, `leastSquaresLine` of src/nn) and the one that minimises the mean absolute
 * error (least absolute deviations, found exactly below). Pure: no DOM.
 */
import { createRng, linearDataset, leastSquaresLine, mae, mse } from '../../../nn';

export interface Line {
  readonly w: number;
  readonly b: number;
}

/** Predictions w·x + b of a line at every x. */
export const predictions = (line: Line, xs: readonly number[]): number[] => xs.map((x) => line.w * x + line.b);

/** Mean absolute error of a line on the points (xs, ys). */
export const lineMae = (line: Line, xs: readonly number[], ys: readonly number[]): number =>
  mae(ys, predictions(line, xs));

/** Mean squared error of a line on the points (xs, ys). */
export const lineMse = (line: Line, xs: readonly number[], ys: readonly number[]): number =>
  mse(ys, predictions(line, xs));

/**
 * The line minimising the mean absolute error (least absolute deviations).
 * Why an exhaustive search is exact: the MAE of a line is a convex, piecewise-linear function
 * of (w, b), so its minimum is reached at a vertex, where two residuals vanish — a line through
 * two data points of different x. Trying every such pair costs O(n³), nothing for the ≤ 40
 * points of the island. Ties (the minimum can be a whole segment) go to the first pair found,
 * so the same points always give the same line.
 */
export function leastAbsoluteDeviationsLine(xs: readonly number[], ys: readonly number[]): Line {
  const n = xs.length;
  if (n !== ys.length || n < 2)
    throw new Error('leastAbsoluteDeviationsLine\u00a0: au moins deux points, autant de x que de y');
  let best: Line | null = null;
  let bestMae = Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx === 0) continue;
      const w = (ys[j]! - ys[i]!) / dx;
      const line = { w, b: ys[i]! - w * xs[i]! };
      const m = lineMae(line, xs, ys);
      // A relative tolerance so that rounding noise does not decide between equal lines.
      if (best === null || m < bestMae - 1e-12 * Math.max(1, bestMae)) {
        best = line;
        bestMae = m;
      }
    }
  }
  if (!best) throw new Error('leastAbsoluteDeviationsLine\u00a0: tous les x sont égaux');
  return best;
}

/** Bounds of the island's plane: x in [0, 10], y in [−4, 16]. */
export const X_DOMAIN = [0, 10] as const;
export const Y_DOMAIN = [-4, 16] as const;

/** The true line the regular points scatter around, and their noise. */
export const TRUE_LINE: Line = { w: 0.8, b: 1 };
export const NOISE = 0.6;

/** n regular points, x uniform in [0,5 ; 9,5], y = 0,8x + 1 plus noise of std 0,6: one seed, one cloud. */
export function regularPoints(seed: number, n: number): { xs: number[]; ys: number[] } {
  return linearDataset(createRng(seed), {
    n,
    slope: TRUE_LINE.w,
    intercept: TRUE_LINE.b,
    noise: NOISE,
    xMin: 0.5,
    xMax: 9.5,
  });
}

export interface Fit {
  /** All points, the outlier last. */
  readonly xs: number[];
  readonly ys: number[];
  readonly mseLine: Line;
  readonly maeLine: Line;
  /** The outlier's residual ŷ − y from each line (prediction minus truth, as in the chapter). */
  readonly outlierResidualMse: number;
  readonly outlierResidualMae: number;
  /** Share of each cost due to the outlier alone: r²/Σr² for MSE, |r|/Σ|r| for MAE. */
  readonly outlierShareMse: number;
  readonly outlierShareMae: number;
}

/** Both lines fitted to the regular points plus the outlier (ox, oy). */
export function fitWithOutlier(seed: number, n: number, ox: number, oy: number): Fit {
  const regular = regularPoints(seed, n);
  const xs = [...regular.xs, ox];
  const ys = [...regular.ys, oy];
  const mseLine = leastSquaresLine(xs, ys);
  const maeLine = leastAbsoluteDeviationsLine(xs, ys);
  const residual = (line: Line) => line.w * ox + line.b - oy;
  const rMse = residual(mseLine);
  const rMae = residual(maeLine);
  const total = xs.length;
  const share = (part: number, mean: number) => (mean > 0 ? part / (total * mean) : 0);
  return {
    xs,
    ys,
    mseLine,
    maeLine,
    outlierResidualMse: rMse,
    outlierResidualMae: rMae,
    outlierShareMse: share(rMse ** 2, lineMse(mseLine, xs, ys)),
    outlierShareMae: share(Math.abs(rMae), lineMae(maeLine, xs, ys)),
  };
}
