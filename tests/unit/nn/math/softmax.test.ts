import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { softmax, softmaxBackward } from '../../../../src/nn/math/softmax';
import { maxRelativeError, numericalGradient } from '../gradient-check';

const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
/** The textbook formula, safe only for moderate z: the oracle for the stable form. */
const naiveSoftmax = (z: readonly number[]) => {
  const e = z.map(Math.exp);
  return e.map((v) => v / sum(e));
};

describe('softmax, chapter 2 worked example', () => {
  it('(2, 1, −1, 3) for (cat, dog, bird, fish) → (0.242, 0.089, 0.012, 0.657), sum 1', () => {
    const p = softmax([2, 1, -1, 3]);
    [0.242, 0.089, 0.012, 0.657].forEach((expected, i) => expect(p[i]).toBeCloseTo(expected, 3));
    expect(sum(p)).toBeCloseTo(1, 14);
  });
});

describe('softmax', () => {
  const rng = createRng(5);
  const randomVectors = Array.from({ length: 30 }, () =>
    Array.from({ length: 1 + rng.int(10) }, () => rng.uniform(-10, 10)),
  );

  it('agrees with e^{z_k} / Σ e^{z_j} on moderate inputs, and sums to 1', () => {
    for (const z of randomVectors) {
      const p = softmax(z);
      expect(maxRelativeError(p, naiveSoftmax(z))).toBeLessThan(1e-12);
      expect(sum(p)).toBeCloseTo(1, 14);
      for (const pk of p) expect(pk).toBeGreaterThan(0);
    }
  });

  it('is invariant to adding a constant to every score', () => {
    for (const z of randomVectors) {
      for (const c of [-500, -3.5, 7, 800]) {
        expect(maxRelativeError(softmax(z.map((v) => v + c)), softmax(z))).toBeLessThan(1e-9);
      }
    }
  });

  it('is stable for (1000, 1001): no overflow, equals softmax(0, 1)', () => {
    const p = softmax([1000, 1001]);
    for (const pk of p) expect(Number.isFinite(pk)).toBe(true);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.E), 14);
    expect(p[1]).toBeCloseTo(Math.E / (1 + Math.E), 14);
    expect(softmax([-1000, -1001])[0]).toBeCloseTo(Math.E / (1 + Math.E), 14);
  });

  it('keeps the order of the scores and gives equal scores equal probabilities', () => {
    const p = softmax([0.5, 2, -1, 2]);
    expect(p[1]).toBe(p[3]);
    expect(p[1]).toBeGreaterThan(p[0]!);
    expect(p[0]).toBeGreaterThan(p[2]!);
    expect(softmax([4])).toEqual([1]);
  });

  it('throws on an empty vector', () => {
    expect(() => softmax([])).toThrow(/vide/);
  });
});

describe.each([1, 2, 4, 10])('softmaxBackward, %i classes', (k) => {
  const rng = createRng(100 + k);
  const cases = Array.from({ length: 10 }, () => ({
    z: Array.from({ length: k }, () => rng.uniform(-3, 3)),
    g: Array.from({ length: k }, () => rng.uniform(-2, 2)),
  }));

  it('equals the numerical gradient of L(z) = Σ gᵢ softmax(z)ᵢ', () => {
    for (const { z, g } of cases) {
      const loss = (v: readonly number[]) => sum(softmax(v).map((p, i) => g[i]! * p));
      const analytic = softmaxBackward(softmax(z), g);
      const numeric = numericalGradient(loss, z);
      expect(analytic).toHaveLength(k);
      for (let i = 0; i < k; i++) {
        // absolute floor: with one class the gradient is exactly 0
        expect(Math.abs(analytic[i]! - numeric[i]!), `z = ${z}, i = ${i}`).toBeLessThan(
          1e-7 + 1e-6 * Math.abs(numeric[i]!),
        );
      }
    }
  });

  it('with cross-entropy −log p_y gives the closed form p − onehot(y)', () => {
    for (const { z } of cases) {
      const y = rng.int(k);
      const p = softmax(z);
      const g = p.map((pi, i) => (i === y ? -1 / pi : 0));
      const expected = p.map((pi, i) => pi - (i === y ? 1 : 0));
      softmaxBackward(p, g).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    }
  });
});
