/**
 * The logic of the "Apprendre, c’est ajuster" island: the seeded cloud, the two handles that
 * carry the line, and the gradient descent, held against the least-squares closed form.
 */
import { describe, expect, it } from 'vitest';
import {
  cloud,
  descend,
  GRADIENT_TOLERANCE,
  HANDLE_X,
  HANDLE_Y_RANGE,
  handleHeights,
  lineThroughHandles,
  MAX_STEPS,
  moveHandle,
  startDescent,
  X_RANGE,
} from '../../../../src/components/islands/ajuster/descent';
import { ajusterSchema } from '../../../../src/components/islands/ajuster/state';
import { leastSquaresLine } from '../../../../src/nn/math/single-neuron';
import { lineMseAndGradient } from '../../../../src/nn/math/linear-regression';

describe('cloud', () => {
  it('is the same for the same settings, another for another seed, with x in its range', () => {
    const a = cloud({ points: 30, bruit: 0.5, seed: 4 });
    expect(cloud({ points: 30, bruit: 0.5, seed: 4 })).toEqual(a);
    expect(cloud({ points: 30, bruit: 0.5, seed: 5 })).not.toEqual(a);
    expect(a.xs).toHaveLength(30);
    for (const x of a.xs) expect(x >= X_RANGE[0] && x <= X_RANGE[1]).toBe(true);
  });

  it('without noise, lies exactly on y = x + 0,5', () => {
    const { xs, ys } = cloud({ points: 10, bruit: 0, seed: 1 });
    xs.forEach((x, i) => expect(ys[i]).toBeCloseTo(x + 0.5, 12));
  });
});

describe('handles', () => {
  it('the line through the handles of a line is that line (to the rounding of links, 1e-6)', () => {
    for (const p of [
      { w: -0.5, b: -1 },
      { w: 1.25, b: 0.75 },
      { w: 0, b: 3 },
    ]) {
      const back = lineThroughHandles(...handleHeights(p));
      expect(back.w).toBeCloseTo(p.w, 6);
      expect(back.b).toBeCloseTo(p.b, 6);
    }
  });

  it('moving one handle leaves the other where it was', () => {
    const p = { w: -0.5, b: -1 };
    const [left, right] = handleHeights(p);
    const moved = moveHandle(p, 1, 2);
    expect(handleHeights(moved)[0]).toBeCloseTo(left, 5);
    expect(handleHeights(moved)[1]).toBeCloseTo(2, 5);
    expect(handleHeights(moveHandle(p, 0, -3))[1]).toBeCloseTo(right, 5);
  });

  it('clamps a handle to the chart, and any pair of handle heights stays inside the URL bounds', () => {
    expect(handleHeights(moveHandle({ w: 0, b: 0 }, 0, 99))[0]).toBeCloseTo(HANDLE_Y_RANGE[1], 6);
    const [lo, hi] = HANDLE_Y_RANGE;
    for (const [a, b] of [
      [lo, hi],
      [hi, lo],
      [hi, hi],
      [lo, lo],
    ] as const) {
      const p = lineThroughHandles(a, b);
      expect(Math.abs(p.w)).toBeLessThanOrEqual(ajusterSchema.w.max);
      expect(Math.abs(p.b)).toBeLessThanOrEqual(ajusterSchema.b.max);
    }
    expect(HANDLE_X[0]).toBeLessThan(HANDLE_X[1]);
  });
});

describe.each([
  { points: 20, bruit: 0.5, seed: 1 },
  { points: 5, bruit: 1.5, seed: 3 },
  { points: 200, bruit: 1, seed: 8 },
  { points: 7, bruit: 0.2, seed: 11 },
])('gradient descent on the cloud $points points, noise $bruit, seed $seed', (settings) => {
  const data = cloud(settings);
  const best = leastSquaresLine(data.xs, data.ys);
  const bestLoss = lineMseAndGradient(best, data.xs, data.ys).loss;

  it('reaches the least-squares line: loss within 0,01 % of the minimum, w and b within 1e-3', () => {
    const end = descend(startDescent({ w: -0.5, b: -1 }, data), data, MAX_STEPS);
    expect(end.done).toBe(true);
    expect(end.step).toBeLessThan(MAX_STEPS);
    const { dw, db } = lineMseAndGradient(end.params, data.xs, data.ys);
    expect(Math.hypot(dw, db)).toBeLessThan(GRADIENT_TOLERANCE);
    expect(end.loss).toBeLessThanOrEqual(bestLoss * (1 + 1e-4));
    expect(end.params.w).toBeCloseTo(best.w, 3);
    expect(end.params.b).toBeCloseTo(best.b, 3);
  });

  it('never raises the loss, and several small calls equal one big call', () => {
    let p = startDescent({ w: 3, b: -4 }, data);
    let previous = p.loss;
    for (let i = 0; i < 50 && !p.done; i++) {
      p = descend(p, data, 3);
      expect(p.loss).toBeLessThanOrEqual(previous);
      previous = p.loss;
    }
    const direct = descend(startDescent({ w: 3, b: -4 }, data), data, p.step);
    expect(direct).toEqual(p);
  });
});
