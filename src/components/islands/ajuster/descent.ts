/**
 * The logic of the "Apprendre, c’est ajuster" island, without DOM: the seeded cloud of points,
 * the two handles that carry the line ŷ = w·x + b, and gradient descent on the mean squared
 * error run a few steps at a time (the island animates it between frames).
 */
import { createRng, linearDataset, lineMseAndGradient, lineStep, type LineParams } from '../../../nn';

/** The hidden rule behind the cloud: y = x + 0,5, plus noise. */
export const TRUE_LINE = { slope: 1, intercept: 0.5 } as const;
/** x is drawn uniformly in this interval. */
export const X_RANGE = [-2, 2] as const;
/** The two handles sit on the line at these abscissas; their heights fix the line. */
export const HANDLE_X = [-1.5, 1.5] as const;
/** A handle's height stays within the chart. */
export const HANDLE_Y_RANGE = [-5, 5] as const;

/** Learning rate of the descent: stable for any cloud of the island (x ∈ [−2, 2] needs η < 0,2). */
export const LEARNING_RATE = 0.05;
/** The descent has arrived when the gradient's length falls below this. */
export const GRADIENT_TOLERANCE = 1e-4;
/** A safety net: never loop forever. */
export const MAX_STEPS = 20_000;

/** The three moments of one learning step, shown one at a time at the start of the descent. */
export type Phase = 'predire' | 'mesurer' | 'ajuster';

export interface Cloud {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/** The points of the island, the same for the same (points, bruit, seed). */
export function cloud({ points, bruit, seed }: { points: number; bruit: number; seed: number }): Cloud {
  return linearDataset(createRng(seed), {
    n: points,
    slope: TRUE_LINE.slope,
    intercept: TRUE_LINE.intercept,
    noise: bruit,
    xMin: X_RANGE[0],
    xMax: X_RANGE[1],
  });
}

/** Heights of the left and right handles: the line's values at HANDLE_X. */
export function handleHeights({ w, b }: LineParams): [number, number] {
  return [w * HANDLE_X[0] + b, w * HANDLE_X[1] + b];
}

// Six decimals keep links short; a handle moved by hand never needs more.
const round6 = (v: number) => Math.round(v * 1e6) / 1e6 || 0;

/** The line through both handles: w = (y₂ − y₁)/(x₂ − x₁), b = y₁ − w·x₁. */
export function lineThroughHandles(yLeft: number, yRight: number): LineParams {
  const w = (yRight - yLeft) / (HANDLE_X[1] - HANDLE_X[0]);
  return { w: round6(w), b: round6(yLeft - w * HANDLE_X[0]) };
}

/** Moves one handle (0: left, 1: right) to height y, clamped to the chart; the other stays put. */
export function moveHandle(p: LineParams, handle: 0 | 1, y: number): LineParams {
  const heights = handleHeights(p);
  heights[handle] = Math.min(HANDLE_Y_RANGE[1], Math.max(HANDLE_Y_RANGE[0], y));
  return lineThroughHandles(heights[0], heights[1]);
}

export interface DescentProgress {
  readonly params: LineParams;
  /** Gradient steps taken since the descent started. */
  readonly step: number;
  /** Mean squared error at `params`. */
  readonly loss: number;
  /** The gradient is below GRADIENT_TOLERANCE (or MAX_STEPS were taken). */
  readonly done: boolean;
}

function progressAt(params: LineParams, step: number, { xs, ys }: Cloud): DescentProgress {
  const { loss, dw, db } = lineMseAndGradient(params, xs, ys);
  return { params, step, loss, done: Math.hypot(dw, db) < GRADIENT_TOLERANCE || step >= MAX_STEPS };
}

export const startDescent = (params: LineParams, data: Cloud): DescentProgress => progressAt(params, 0, data);

/** Takes up to `steps` gradient steps (w, b) ← (w, b) − η∇J, stopping as soon as the descent is done. */
export function descend(progress: DescentProgress, data: Cloud, steps: number): DescentProgress {
  let current = progress;
  for (let i = 0; i < steps && !current.done; i++) {
    const { params } = lineStep(current.params, data.xs, data.ys, LEARNING_RATE);
    current = progressAt(params, current.step + 1, data);
  }
  return current;
}
