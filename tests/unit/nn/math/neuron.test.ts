/**
 * The neuron, and the worked numbers of chapter 2 (SYLLABUS.md) — those numbers are the
 * specification, so they are typed in; everything else is checked against a definition.
 * Imports go through the public surface `src/nn` on purpose: that is what chapters use.
 */
import { describe, expect, it } from 'vitest';
import {
  activationNames,
  activations,
  dot,
  formatNumber,
  neuronOutput,
  relu,
  sigmoid,
  weightedSum,
} from '../../../../src/nn';
import { createRng } from '../../../../src/nn';

describe('chapter 2 worked numbers', () => {
  const x = [7, -3, 2];

  it('w = (1/3, 1/3, 1/3) averages the inputs: 2', () => {
    expect(weightedSum([1 / 3, 1 / 3, 1 / 3], x)).toBeCloseTo(2, 14);
  });

  it('w = (0.6, 0.25, 0.15) gives 3.75, and sigmoid(3.75) ≈ 0.977', () => {
    const z = weightedSum([0.6, 0.25, 0.15], x);
    expect(z).toBeCloseTo(3.75, 14);
    expect(sigmoid(z)).toBeCloseTo(0.977, 3);
    expect(formatNumber(sigmoid(z), { digits: 3 })).toBe('0,977');
  });

  it('sigmoid(0.55·0.5 + (−0.35)·0.45 + 0.15) = 0.5664790559676278', () => {
    expect(sigmoid(0.55 * 0.5 + -0.35 * 0.45 + 0.15)).toBeCloseTo(0.5664790559676278, 15);
    expect(neuronOutput([0.55, -0.35], [0.5, 0.45], 0.15, 'sigmoid')).toBeCloseTo(0.5664790559676278, 15);
  });

  // SYLLABUS.md prints z = −0.9 here, but 0.2·2 − 0.5·3 + 0.1 = 0.4 − 1.5 + 0.1 = −1
  // (an erratum of the reference); the output is 0 either way.
  it('w = (0.2, −0.5), b = 0.1, x = (2, 3) with ReLU: z = −1, output 0', () => {
    const z = weightedSum([0.2, -0.5], [2, 3], 0.1);
    expect(z).toBeCloseTo(-1, 14);
    expect(relu(z)).toBe(0);
    expect(neuronOutput([0.2, -0.5], [2, 3], 0.1, 'relu')).toBe(0);
  });
});

describe('dot and weightedSum', () => {
  it('dot is Σ wᵢxᵢ (checked against random vectors summed independently)', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(8);
      const w = Array.from({ length: n }, () => rng.uniform(-5, 5));
      const xs = Array.from({ length: n }, () => rng.uniform(-5, 5));
      const expected = w.map((wi, i) => wi * xs[i]!).reduce((a, v) => a + v, 0);
      expect(dot(w, xs)).toBeCloseTo(expected, 12);
      expect(weightedSum(w, xs, 0.75)).toBeCloseTo(expected + 0.75, 12);
      expect(weightedSum(w, xs)).toBe(dot(w, xs));
    }
  });

  it('the empty dot product is 0, and a neuron without bias passes through the origin', () => {
    expect(dot([], [])).toBe(0);
    expect(weightedSum([0.3, -2], [0, 0])).toBe(0);
  });

  it.each([
    [[1, 2], [1]],
    [[1], [1, 2]],
    [[], [1]],
  ])('throws when lengths differ: w = %j, x = %j', (w, xs) => {
    expect(() => dot(w, xs)).toThrow(/poids pour .* entrées/);
    expect(() => weightedSum(w, xs, 1)).toThrow();
  });
});

describe.each(activationNames)('neuronOutput with %s', (name) => {
  it('is f(wᵀx + b)', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const w = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
      const xs = [rng.uniform(-2, 2), rng.uniform(-2, 2)];
      const b = rng.uniform(-1, 1);
      const z = w[0]! * xs[0]! + w[1]! * xs[1]! + b;
      expect(neuronOutput(w, xs, b, name)).toBeCloseTo(activations[name].f(z), 12);
    }
  });
});
