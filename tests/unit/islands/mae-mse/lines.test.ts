/**
 * The two lines of the "MAE ou MSE ?" island: the least-absolute-deviations line beats every
 * nearby line on MAE (it is a true minimum), agrees with a fine brute-force search, and shrugs
 * off an outlier that drags the least-squares line along.
 */
import { describe, expect, it } from 'vitest';
import {
  fitWithOutlier,
  leastAbsoluteDeviationsLine,
  lineMae,
  lineMse,
  regularPoints,
  TRUE_LINE,
  type Line,
} from '../../../../src/components/islands/mae-mse/lines';
import { createRng, leastSquaresLine } from '../../../../src/nn';

function randomCloud(seed: number, n: number) {
  const rng = createRng(seed);
  const xs = Array.from({ length: n }, () => rng.uniform(-5, 5));
  const ys = xs.map((x) => 1.5 * x - 2 + rng.normal() * (rng.next() < 0.2 ? 8 : 1));
  return { xs, ys };
}

describe('leastAbsoluteDeviationsLine', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('beats 2000 nearby lines on MAE (cloud %i)', (seed) => {
    const { xs, ys } = randomCloud(seed, 5 + seed * 3);
    const best = leastAbsoluteDeviationsLine(xs, ys);
    const m = lineMae(best, xs, ys);
    const rng = createRng(100 + seed);
    for (let k = 0; k < 2000; k++) {
      const scale = 10 ** rng.uniform(-4, 0);
      const other: Line = { w: best.w + scale * rng.normal(), b: best.b + scale * rng.normal() };
      expect(lineMae(other, xs, ys)).toBeGreaterThanOrEqual(m - 1e-12);
    }
  });

  it('beats the least-squares line on MAE, which in turn wins on MSE', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { xs, ys } = randomCloud(seed, 15);
      const lad = leastAbsoluteDeviationsLine(xs, ys);
      const ls = leastSquaresLine(xs, ys);
      expect(lineMae(lad, xs, ys)).toBeLessThanOrEqual(lineMae(ls, xs, ys) + 1e-12);
      expect(lineMse(ls, xs, ys)).toBeLessThanOrEqual(lineMse(lad, xs, ys) + 1e-12);
    }
  });

  it('is no worse than the best line of a fine grid (an independent brute force)', () => {
    const { xs, ys } = randomCloud(11, 9);
    const best = lineMae(leastAbsoluteDeviationsLine(xs, ys), xs, ys);
    let grid = Infinity;
    for (let w = -1; w <= 4; w += 0.01)
      for (let b = -6; b <= 2; b += 0.01) grid = Math.min(grid, lineMae({ w, b }, xs, ys));
    expect(best).toBeLessThanOrEqual(grid + 1e-12);
    expect(grid - best).toBeLessThan(0.02);
  });

  it('passes exactly through points on a line, and through the middle of three', () => {
    expect(leastAbsoluteDeviationsLine([0, 1, 2, 3], [1, 3, 5, 7])).toEqual({ w: 2, b: 1 });
    // Two points agree, one is far off: the line goes through the two.
    const l = leastAbsoluteDeviationsLine([0, 1, 2], [0, 1, 50]);
    expect(lineMae(l, [0, 1, 2], [0, 1, 50])).toBeLessThanOrEqual(lineMae({ w: 1, b: 0 }, [0, 1, 2], [0, 1, 50]));
  });

  it('rejects fewer than two points and points that all share one x, in French', () => {
    expect(() => leastAbsoluteDeviationsLine([1], [2])).toThrow(/au moins deux points/);
    expect(() => leastAbsoluteDeviationsLine([1, 1, 1], [2, 3, 4])).toThrow(/tous les x sont égaux/);
  });
});

describe('fitWithOutlier', () => {
  it('the regular points are seeded: one seed, one cloud, near the true line', () => {
    expect(regularPoints(4, 12)).toEqual(regularPoints(4, 12));
    expect(regularPoints(4, 12)).not.toEqual(regularPoints(5, 12));
    const { xs, ys } = regularPoints(4, 30);
    const ls = leastSquaresLine(xs, ys);
    expect(Math.abs(ls.w - TRUE_LINE.w)).toBeLessThan(0.2);
  });

  it.each([1, 2, 3, 4, 5])('moving the outlier moves the MSE line more than the MAE line (seed %i)', (seed) => {
    const low = fitWithOutlier(seed, 12, 8.5, 8);
    const high = fitWithOutlier(seed, 12, 8.5, 15);
    const moveMse = Math.abs(high.mseLine.w - low.mseLine.w) + Math.abs(high.mseLine.b - low.mseLine.b);
    const moveMae = Math.abs(high.maeLine.w - low.maeLine.w) + Math.abs(high.maeLine.b - low.maeLine.b);
    expect(moveMse).toBeGreaterThan(moveMae);
    expect(moveMse).toBeGreaterThan(0.3);
  });

  it('reports the outlier residual ŷ − y and its share of each cost', () => {
    const f = fitWithOutlier(3, 12, 8.5, 14);
    expect(f.xs).toHaveLength(13);
    expect(f.xs[12]).toBe(8.5);
    expect(f.outlierResidualMse).toBeCloseTo(f.mseLine.w * 8.5 + f.mseLine.b - 14, 12);
    expect(f.outlierResidualMae).toBeCloseTo(f.maeLine.w * 8.5 + f.maeLine.b - 14, 12);
    expect(f.outlierResidualMse).toBeLessThan(0);
    expect(f.outlierShareMse).toBeGreaterThan(f.outlierShareMae);
    for (const s of [f.outlierShareMse, f.outlierShareMae]) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
