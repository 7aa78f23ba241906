/**
 * The formulas of the "Entropie croisée" island against centred finite differences in the
 * logit z, and against the losses of src/nn.
 */
import { describe, expect, it } from 'vitest';
import {
  crossEntropy,
  crossEntropyGradient,
  logitOf,
  pushRatio,
  squaredError,
  squaredErrorGradient,
} from '../../../../src/components/islands/entropie/formulas';
import { fromRows, losses, sigmoid } from '../../../../src/nn';

const ps = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];
const h = 1e-5;
/** Centred difference of a function of p, seen as a function of the logit z. */
const dz = (loss: (p: number) => number, p: number) => {
  const z = logitOf(p);
  return (loss(sigmoid(z + h)) - loss(sigmoid(z - h))) / (2 * h);
};

describe.each(ps)('at p = %f', (p) => {
  it('logitOf inverts the sigmoid', () => {
    expect(sigmoid(logitOf(p))).toBeCloseTo(p, 14);
  });

  it('the losses are those of src/nn for the target 1 (binary cross-entropy, MSE)', () => {
    const yHat = fromRows([[p]]);
    const one = fromRows([[1]]);
    expect(crossEntropy(p)).toBeCloseTo(losses.bce.value(yHat, one), 14);
    expect(squaredError(p)).toBeCloseTo(losses.mse.value(yHat, one), 14);
  });

  it('∂/∂z of −ln σ(z) is p − 1 (finite difference)', () => {
    expect(crossEntropyGradient(p)).toBeCloseTo(dz(crossEntropy, p), 8);
  });

  it('∂/∂z of (1 − σ(z))² is −2(1 − p)·p(1 − p) (finite difference)', () => {
    expect(squaredErrorGradient(p)).toBeCloseTo(dz(squaredError, p), 8);
    expect(squaredErrorGradient(p)).toBeCloseTo(-2 * (1 - p) * p * (1 - p), 14);
  });

  it('the ratio of the two gradients is 1 / (2p(1 − p)), never below 2', () => {
    expect(pushRatio(p)).toBeCloseTo(1 / (2 * p * (1 - p)), 9);
    expect(pushRatio(p)).toBeGreaterThanOrEqual(2 - 1e-12);
  });
});

it('confidently wrong (p = 0,01): cross-entropy pushes about 50 times harder', () => {
  expect(Math.round(pushRatio(0.01))).toBe(51);
  expect(Math.floor(pushRatio(0.01))).toBe(50);
  expect(crossEntropyGradient(0.01)).toBeCloseTo(-0.99, 14);
  expect(squaredErrorGradient(0.01)).toBeCloseTo(-0.019602, 12);
});
