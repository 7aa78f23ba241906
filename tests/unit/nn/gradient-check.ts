/**
 * Finite-difference oracles for derivative tests (centred difference, relative error),
 * the same check the course teaches in chapter 6.
 */

/** Centred difference (f(x + h) − f(x − h)) / 2h: error O(h²) instead of O(h). */
export function centredDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** |a − b| / max(1e-8, |a| + |b|): scale-free, and 0 when both are 0. */
export function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
}

/** ∇f(x) by centred differences, one coordinate at a time. */
export function numericalGradient(f: (x: readonly number[]) => number, x: readonly number[], h = 1e-5): number[] {
  return x.map((_, i) => {
    const shifted = (delta: number) => f(x.map((v, j) => (j === i ? v + delta : v)));
    return (shifted(h) - shifted(-h)) / (2 * h);
  });
}

/** Largest element-wise relative error between two vectors of the same length. */
export function maxRelativeError(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`maxRelativeError: lengths ${a.length} and ${b.length}`);
  return a.reduce((m, ai, i) => Math.max(m, relativeError(ai, b[i]!)), 0);
}

/** n + 1 evenly spaced points from `from` to `to`. */
export function sweep(from: number, to: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
}
