import { describe, expect, it } from 'vitest';
import { linearDataset } from '../../../../src/nn/data/linear';
import { createRng } from '../../../../src/nn/data/rng';

describe('linearDataset', () => {
  it('without noise, every point lies on y = slope·x + intercept, x in [xMin, xMax)', () => {
    const { xs, ys } = linearDataset(createRng(1), { n: 500, slope: 2, intercept: 1, xMin: -4, xMax: 3 });
    expect(xs).toHaveLength(500);
    expect(ys).toHaveLength(500);
    xs.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(-4);
      expect(x).toBeLessThan(3);
      expect(ys[i]).toBeCloseTo(2 * x + 1, 12);
    });
  });

  it('defaults x to [−1, 1) and replays with the same seed', () => {
    const a = linearDataset(createRng(9), { n: 300, slope: -1, intercept: 0.5, noise: 0.1 });
    for (const x of a.xs) expect(Math.abs(x)).toBeLessThanOrEqual(1);
    expect(Math.min(...a.xs)).toBeLessThan(-0.9);
    expect(Math.max(...a.xs)).toBeGreaterThan(0.9);
    expect(linearDataset(createRng(9), { n: 300, slope: -1, intercept: 0.5, noise: 0.1 })).toEqual(a);
    expect(linearDataset(createRng(10), { n: 300, slope: -1, intercept: 0.5, noise: 0.1 })).not.toEqual(a);
  });

  it.each([0.05, 0.5, 2])('residuals have mean ≈ 0 and standard deviation ≈ noise = %f', (noise) => {
    const { xs, ys } = linearDataset(createRng(4), { n: 5000, slope: 3, intercept: -2, noise });
    const r = xs.map((x, i) => ys[i]! - (3 * x - 2));
    const m = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / (r.length - 1));
    expect(Math.abs(m)).toBeLessThan(0.1 * noise);
    expect(Math.abs(sd / noise - 1)).toBeLessThan(0.05);
  });
});
