/**
 * The island's gradient check: centred differences agree with backpropagation on both worked
 * networks and on a softmax network; the relative error is scale-free and 0 for 0 vs 0.
 */
import { describe, expect, it } from 'vitest';
import { createRng, fromRows, initWeights, type MlpSpec } from '../../../../src/nn';
import {
  centredDifference,
  checkGradients,
  relativeError,
} from '../../../../src/components/islands/backprop-pas/gradient-check';
import {
  chainProblem,
  wideProblem,
  chainExample,
  wideExample,
} from '../../../../src/components/islands/backprop-pas/networks';

describe('relativeError', () => {
  it('is |a − b| / max(|a|, |b|), 0 for two zeros, symmetric and scale-free', () => {
    expect(relativeError(1, 1.5)).toBeCloseTo(1 / 3, 15);
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(0, 1e-9)).toBe(1);
    expect(relativeError(2, 3)).toBe(relativeError(3, 2));
    expect(relativeError(2e-8, 3e-8)).toBeCloseTo(relativeError(2, 3), 12);
  });
});

describe('centredDifference', () => {
  it('is exact for a quadratic, whatever h', () => {
    const f = (t: Float64Array) => 3 * t[0]! ** 2 - 2 * t[0]! * t[1]!;
    expect(centredDifference(f, Float64Array.of(1.5, 2), 0, 0.1)).toBeCloseTo(6 * 1.5 - 2 * 2, 12);
    expect(centredDifference(f, Float64Array.of(1.5, 2), 1, 0.1)).toBeCloseTo(-2 * 1.5, 12);
  });
});

describe('checkGradients', () => {
  it.each([
    ['chain', chainProblem(chainExample)],
    ['wide', wideProblem(wideExample)],
  ])('agrees with backpropagation on the %s network (relative error < 1e-7)', (_name, p) => {
    const checks = checkGradients(p.spec, p.weights, p.X, p.Y);
    expect(checks).toHaveLength(p.spec.inputSize === 1 ? 4 : 9);
    for (const c of checks) expect(c.relativeError).toBeLessThan(1e-7);
  });

  it('agrees on a softmax classifier with a hidden tanh layer', () => {
    const spec: MlpSpec = {
      inputSize: 3,
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 3, activation: 'softmax' },
      ],
      loss: 'categoricalCrossEntropy',
    };
    const weights = initWeights(spec, createRng(3), 'xavier');
    const X = fromRows([
      [0.5, -1, 2],
      [1, 0.3, -0.7],
    ]);
    const Y = fromRows([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    for (const c of checkGradients(spec, weights, X, Y)) expect(c.relativeError).toBeLessThan(1e-6);
  });

  it('flags a wrong gradient: a sign flip gives a relative error of 2', () => {
    const p = chainProblem(chainExample);
    const [c] = checkGradients(p.spec, p.weights, p.X, p.Y);
    expect(relativeError(-c!.analytic, c!.numeric)).toBeCloseTo(2, 6);
  });
});
