import { describe, expect, it } from 'vitest';
import { gelu } from '../../../../src/nn/math/activations';
import { erf, geluApproximationGap, geluExact, normalCdf } from '../../../../src/nn/math/gelu-exact';

describe('erf and the exact GELU', () => {
  it('erf matches tabulated values (Python’s math.erf) on both sides of its switch at 3', () => {
    const table: [number, number][] = [
      [0, 0],
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [2.999, 0.9999777698314002],
      [3, 0.9999779095030014],
      [3.5, 0.9999992569016276],
      [4, 0.9999999845827421],
      [6, 1],
    ];
    for (const [x, v] of table) {
      expect(erf(x)).toBeCloseTo(v, 12);
      expect(erf(-x)).toBeCloseTo(-v, 12);
    }
  });

  it('1 − erf(5) is erfc(5) = 1.5375e-12 (the continued fraction, not a series that lost it)', () => {
    expect((1 - erf(5)) / 1.5374597944280349e-12).toBeCloseTo(1, 3);
  });

  it('Φ(0) = ½, Φ(1.959964) ≈ 0.975, and GELU(z) − GELU(−z) = z', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    for (const z of [-3, -0.7, 0.2, 1.5, 4]) expect(geluExact(z) - geluExact(-z)).toBeCloseTo(z, 12);
  });

  it('the tanh approximation stays within 5e-4 of the exact form; the gap peaks near |z| ≈ 2.70', () => {
    const { max, at } = geluApproximationGap();
    expect(max).toBeGreaterThan(4.5e-4);
    expect(max).toBeLessThan(5e-4);
    expect(at).toBeCloseTo(2.7, 2);
    // The gap is even in z, so scanning z ≥ 0 is enough.
    for (const z of [0.3, 1.1, 2.7, 5]) expect(geluExact(-z) - gelu(-z)).toBeCloseTo(geluExact(z) - gelu(z), 14);
  });
});
