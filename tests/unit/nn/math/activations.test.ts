import { describe, expect, it } from 'vitest';
import {
  activationNames,
  activations,
  isActivationName,
  LEAKY_SLOPE,
  sigmoid,
  type ActivationName,
} from '../../../../src/nn/math/activations';
import { centredDifference, relativeError, sweep } from '../gradient-check';

/** Activations with a kink (or a jump) at 0, where no derivative exists. */
const kinkedAtZero: ReadonlySet<ActivationName> = new Set(['step', 'relu', 'leakyRelu']);

// Beyond |z| ≈ 5, 1 ± tanh(u) and 1 − σ(z) cancel to a few bits: a difference quotient of
// them is rounding noise, not a derivative.
const derivativePoints = sweep(-5, 5, 200);
const wideSweep = [...sweep(-50, 50, 20_000), -1000, 1000];

describe.each(activationNames)('activation %s', (name) => {
  const act = activations[name];

  it('is registered under its own name with a French label', () => {
    expect(act.name).toBe(name);
    expect(act.label.trim().length).toBeGreaterThan(0);
    expect(isActivationName(name)).toBe(true);
  });

  it('df matches the centred finite difference of f (away from kinks)', () => {
    const points = derivativePoints.filter((z) => !(kinkedAtZero.has(name) && Math.abs(z) < 1e-3));
    expect(points.length).toBeGreaterThan(190);
    for (const z of points) {
      const numeric = centredDifference(act.f, z);
      // Both are exactly 0 for step. Worst case elsewhere ≈ 1e-6 (GELU at z ≈ −4.9, rounding);
      // a wrong derivative is off by far more than 1e-5.
      expect(relativeError(act.df(z), numeric), `z = ${z}`).toBeLessThan(1e-5);
    }
  });

  it('stays within its declared range on a wide sweep, and f, df are finite there', () => {
    const [lo, hi] = act.range;
    for (const z of wideSweep) {
      const v = act.f(z);
      expect(Number.isFinite(v), `f(${z})`).toBe(true);
      expect(Number.isFinite(act.df(z)), `df(${z})`).toBe(true);
      expect(v, `f(${z})`).toBeGreaterThanOrEqual(lo);
      expect(v, `f(${z})`).toBeLessThanOrEqual(hi);
    }
  });

  it('declares a tight range: finite ends are approached, infinite ends are unbounded', () => {
    const [lo, hi] = act.range;
    const values = sweep(-100, 100, 200_000).map(act.f);
    const min = values.reduce((m, v) => Math.min(m, v), Infinity);
    const max = values.reduce((m, v) => Math.max(m, v), -Infinity);
    if (Number.isFinite(lo)) expect(min - lo).toBeLessThan(1e-3);
    else expect(act.f(-1e6)).toBeLessThan(-100);
    if (Number.isFinite(hi)) expect(hi - max).toBeLessThan(1e-3);
    else expect(act.f(1e6)).toBeGreaterThan(100);
  });
});

describe('activation identities', () => {
  const points = sweep(-10, 10, 2000);

  it('σ(0) = 1/2 and σ′(0) = 1/4 is the maximum of σ′', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(activations.sigmoid.df(0)).toBe(0.25);
    const maxDf = Math.max(...points.map(activations.sigmoid.df));
    expect(maxDf).toBeCloseTo(0.25, 12);
    for (const z of points) expect(activations.sigmoid.df(z)).toBeLessThanOrEqual(0.25);
  });

  it('σ(−z) = 1 − σ(z) and σ agrees with 1 / (1 + e^{−z}) where that is safe', () => {
    for (const z of points) {
      expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 14);
      expect(sigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 14);
    }
  });

  it('sigmoid is stable at |z| = 1000 (no NaN, saturates to 0 and 1)', () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(activations.sigmoid.df(1000)).toBe(0);
    expect(activations.sigmoid.df(-1000)).toBe(0);
  });

  it('tanh is zero-centred and odd, and tanh(z) = 2σ(2z) − 1', () => {
    expect(activations.tanh.f(0)).toBe(0);
    for (const z of points) {
      expect(activations.tanh.f(-z)).toBeCloseTo(-activations.tanh.f(z), 14);
      expect(activations.tanh.f(z)).toBeCloseTo(2 * sigmoid(2 * z) - 1, 12);
    }
  });

  it('ReLU, Leaky ReLU and step follow their piecewise definitions', () => {
    for (const z of points) {
      expect(activations.relu.f(z)).toBe(Math.max(0, z));
      expect(activations.leakyRelu.f(z)).toBe(z > 0 ? z : LEAKY_SLOPE * z);
      expect(activations.step.f(z)).toBe(z >= 0 ? 1 : 0);
    }
    // The documented convention at the kink: derivative 0 for ReLU and step.
    expect(activations.relu.df(0)).toBe(0);
    expect(activations.step.df(0)).toBe(0);
  });

  it('GELU is z·Φ(z) to within its tanh approximation, and its minimum is ≈ −0.17', () => {
    const values = sweep(-3, 0, 30_000).map(activations.gelu.f);
    expect(values.reduce((m, v) => Math.min(m, v), Infinity)).toBeCloseTo(-0.17, 2);
    expect(activations.gelu.f(0)).toBe(0);
    expect(activations.gelu.f(8)).toBeCloseTo(8, 10);
  });

  it('identity is f(z) = z with derivative 1', () => {
    for (const z of points) {
      expect(activations.identity.f(z)).toBe(z);
      expect(activations.identity.df(z)).toBe(1);
    }
  });

  it('isActivationName rejects unknown names and inherited properties', () => {
    for (const s of ['softplus', 'Sigmoid', '', 'toString', '__proto__', 'constructor']) {
      expect(isActivationName(s), s).toBe(false);
    }
  });
});
