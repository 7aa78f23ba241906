import type { Rng } from './rng';

/**
 * Des points bruités autour d’une droite.
 *
 * n points of the line y = slope·x + intercept with x uniform in [xMin, xMax] and Gaussian
 * noise of standard deviation `noise` on y. Used by the "2x + 1" demo.
 */
export function linearDataset(
  rng: Rng,
  {
    n,
    slope,
    intercept,
    noise = 0,
    xMin = -1,
    xMax = 1,
  }: {
    n: number;
    slope: number;
    intercept: number;
    noise?: number;
    xMin?: number;
    xMax?: number;
  },
): { xs: number[]; ys: number[] } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(xMin, xMax);
    xs.push(x);
    ys.push(slope * x + intercept + noise * rng.normal());
  }
  return { xs, ys };
}
