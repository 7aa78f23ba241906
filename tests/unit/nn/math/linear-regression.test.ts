import { describe, expect, test } from 'vitest';
import { createRng, leastSquaresLine, lineMseAndGradient, lineStep, linearDataset } from '../../../../src/nn';
import { maxRelativeError, numericalGradient } from '../gradient-check';

const { xs, ys } = linearDataset(createRng(3), { n: 40, slope: 2, intercept: 1, noise: 0.3 });

describe('lineMseAndGradient', () => {
  test.each([
    [0, 0],
    [1.5, -0.7],
    [2.2, 1.1],
    [-3, 4],
  ])('its gradient at (w = %d, b = %d) matches the centred finite difference', (w, b) => {
    const { dw, db } = lineMseAndGradient({ w, b }, xs, ys);
    const numeric = numericalGradient((p) => lineMseAndGradient({ w: p[0]!, b: p[1]! }, xs, ys).loss, [w, b]);
    expect(maxRelativeError([dw, db], numeric)).toBeLessThan(1e-7);
  });

  test('the loss is the mean of squared residuals (an independent sum)', () => {
    const p = { w: 1.3, b: -0.2 };
    const expected = xs.map((x, i) => (p.w * x + p.b - ys[i]!) ** 2).reduce((a, v) => a + v, 0) / xs.length;
    expect(lineMseAndGradient(p, xs, ys).loss).toBeCloseTo(expected, 12);
  });

  test('rejects mismatched or empty data', () => {
    expect(() => lineMseAndGradient({ w: 0, b: 0 }, [1, 2], [1])).toThrow();
    expect(() => lineMseAndGradient({ w: 0, b: 0 }, [], [])).toThrow();
  });
});

describe('lineStep', () => {
  test('gradient descent reaches the least-squares line (the closed form)', () => {
    let p = { w: 0, b: 0 };
    for (let i = 0; i < 2000; i++) p = lineStep(p, xs, ys, 0.1).params;
    const best = leastSquaresLine(xs, ys);
    expect(p.w).toBeCloseTo(best.w, 8);
    expect(p.b).toBeCloseTo(best.b, 8);
  });

  test('each step with a small learning rate lowers the loss', () => {
    let p = { w: -1, b: 3 };
    let previous = Infinity;
    for (let i = 0; i < 50; i++) {
      const { params, loss } = lineStep(p, xs, ys, 0.05);
      expect(loss).toBeLessThan(previous);
      previous = loss;
      p = params;
    }
  });
});
