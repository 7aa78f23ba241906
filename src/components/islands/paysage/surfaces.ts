/**
 * The two loss landscapes of the "Paysage de perte" island, over two parameters (w, b):
 * - `regression`: the mean squared error of the neuron ŷ = w·x + b on seeded noisy points of
 *   y = 2x + 1 (x in [0,5 ; 2,5]), a tilted, elongated bowl whose gradient can come from all the points,
 *   a mini-batch or a single point;
 * - `selle`: f(w, b) = w² + b⁴/4 − b² + b/4 + 3/2, not convex: a saddle point, a local minimum and a
 *   global minimum, all on the line w = 0.
 * Pure: no DOM.
 */
import { createRng, linearDataset, lineMseAndGradient, leastSquaresLine } from '../../../nn';

export type SurfaceId = 'regression' | 'selle';
export type CriticalKind = 'minimum' | 'minimum-local' | 'selle';

export interface CriticalPoint {
  readonly w: number;
  readonly b: number;
  readonly kind: CriticalKind;
}

export interface Surface {
  readonly id: SurfaceId;
  /** The chart's window: [min, max] of w and of b. */
  readonly domain: { readonly w: readonly [number, number]; readonly b: readonly [number, number] };
  /** The start a reader gets when switching to this surface. */
  readonly start: { readonly w: number; readonly b: number };
  /** Number of examples behind the loss (0: a plain function, no batches). */
  readonly n: number;
  loss(w: number, b: number): number;
  /** ∇f at (w, b); with `batch` (indices of examples), the gradient of the loss on those examples only. */
  gradient(w: number, b: number, batch?: readonly number[]): [number, number];
  /** The global minimum first, then the other points where the gradient vanishes. */
  readonly critical: readonly CriticalPoint[];
}

/** The regression landscape: 20 points, x uniform in [0,5 ; 2,5], noise of standard deviation 0,3 on y. */
export const REGRESSION_DATA = { n: 20, slope: 2, intercept: 1, noise: 0.3, xMin: 0.5, xMax: 2.5 } as const;

export function regressionSurface(seed: number): Surface {
  const { xs, ys } = linearDataset(createRng(seed), REGRESSION_DATA);
  const best = leastSquaresLine(xs, ys);
  return {
    id: 'regression',
    domain: { w: [-1, 5], b: [-2, 4] },
    start: { w: -0.5, b: 3.5 },
    n: xs.length,
    loss: (w, b) => lineMseAndGradient({ w, b }, xs, ys).loss,
    gradient(w, b, batch) {
      const bx = batch ? batch.map((i) => xs[i]!) : xs;
      const by = batch ? batch.map((i) => ys[i]!) : ys;
      const { dw, db } = lineMseAndGradient({ w, b }, bx, by);
      return [dw, db];
    },
    critical: [{ w: best.w, b: best.b, kind: 'minimum' }],
  };
}

/** The tilt b/4 makes the two valleys unequal: the one at b < 0 is deeper. */
const TILT = 0.25;
/**
 * Lifts the whole surface so that even its global minimum (≈ −1,36 without it) stays above 0:
 * a loss below zero would puzzle a beginner, and a constant changes no gradient.
 */
const LIFT = 3 / 2;
const selleLoss = (w: number, b: number) => w * w + b ** 4 / 4 - b * b + TILT * b + LIFT;
/** ∂f/∂b = b³ − 2b + 1/4. */
const dSelleDb = (b: number) => b ** 3 - 2 * b + TILT;

/** A root of ∂f/∂b by Newton's method from `b0` (converges in a few steps from these starts). */
function rootOfDb(b0: number): number {
  let b = b0;
  for (let i = 0; i < 60; i++) b -= dSelleDb(b) / (3 * b * b - 2);
  return b;
}

export const SELLE_SURFACE: Surface = {
  id: 'selle',
  domain: { w: [-2.5, 2.5], b: [-2.5, 2.5] },
  start: { w: 2, b: 0.15 },
  n: 0,
  loss: selleLoss,
  gradient: (w, b) => [2 * w, dSelleDb(b)],
  critical: [
    { w: 0, b: rootOfDb(-1.5), kind: 'minimum' },
    { w: 0, b: rootOfDb(1.4), kind: 'minimum-local' },
    { w: 0, b: rootOfDb(0), kind: 'selle' },
  ],
};

/** The surface of an island state (the regression one depends on the seed of its points). */
export const surfaceFor = (id: SurfaceId, seed: number): Surface =>
  id === 'regression' ? regressionSurface(seed) : SELLE_SURFACE;

/** Distance from (w, b) to the global minimum. */
export function distanceToMinimum(s: Surface, w: number, b: number): number {
  const m = s.critical[0]!;
  return Math.hypot(w - m.w, b - m.b);
}

/** The critical point within `radius` of (w, b), if any. */
export function nearCritical(s: Surface, w: number, b: number, radius: number): CriticalPoint | null {
  return s.critical.find((c) => Math.hypot(w - c.w, b - c.b) < radius) ?? null;
}

/** (w, b) brought back inside the surface's window. */
export function clampToDomain(s: Surface, w: number, b: number): { w: number; b: number } {
  const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
  return { w: clamp(w, s.domain.w), b: clamp(b, s.domain.b) };
}
