/**
 * The MNIST figures' pixel maths: grey ink, the diverging scale of the weight images (its ends,
 * its symmetry, the tfjs kernel layout), and the three ways a byte is printed.
 */
import { describe, expect, it } from 'vitest';
import {
  NEGATIVE,
  POSITIVE,
  ZERO,
  divergingColour,
  formatPixel,
  inkRgba,
  maxAbs,
  scaledPixel,
  weightRgba,
} from '../../../../src/components/islands/mnist/pixels';

describe('inkRgba', () => {
  it('draws 0 as white paper and 255 as black ink, opaque', () => {
    const pixels = new Uint8Array(4).fill(0);
    pixels[1] = 255;
    pixels[2] = 100;
    expect([...inkRgba(pixels, 2, 2)]).toEqual([
      255, 255, 255, 255, 0, 0, 0, 255, 155, 155, 155, 255, 255, 255, 255, 255,
    ]);
  });
  it('reads only the first image of a longer subarray', () => {
    expect(inkRgba(new Uint8Array(784 * 3), 28, 28)).toHaveLength(784 * 4);
  });
  it('refuses an image too short, in French', () => {
    expect(() => inkRgba(new Uint8Array(700))).toThrow(/700 valeurs reçues, 784 attendues/);
  });
});

describe('divergingColour', () => {
  it.each([
    [-1, NEGATIVE],
    [0, ZERO],
    [1, POSITIVE],
    [-5, NEGATIVE],
    [5, POSITIVE],
    [Number.NaN, ZERO],
    [-Infinity, NEGATIVE],
  ])('t = %s', (t, rgb) => {
    expect(divergingColour(t)).toEqual([...rgb]);
  });
  it('is blue below 0 and red above, halfway at ±0.5', () => {
    const [r1, , b1] = divergingColour(-0.5);
    const [r2, , b2] = divergingColour(0.5);
    expect(b1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(b2);
    expect(divergingColour(0.5)[0]).toBe(Math.round((ZERO[0] + POSITIVE[0]) / 2));
  });
});

describe('maxAbs', () => {
  it('takes the largest finite |w|', () => {
    expect(maxAbs(new Float32Array([0.5, -2, 1, Number.NaN]))).toBe(2);
    expect(maxAbs([])).toBe(0);
  });
});

describe('weightRgba', () => {
  // 4 pixels × 3 classes, inputs × units row-major: w(p, k) = 10·p + k, pixel 0 negated
  const units = 3;
  const w = new Float64Array(4 * units).map((_, i) => 10 * Math.floor(i / units) + (i % units));
  for (let k = 0; k < units; k++) w[k] = -w[k]!;
  const scale = maxAbs(w);

  it('reads class k down the column k of the kernel', () => {
    const rgba = weightRgba(w, 2, units, scale, 2, 2);
    for (let p = 0; p < 4; p++)
      expect([...rgba.subarray(4 * p, 4 * p + 3)]).toEqual(divergingColour(w[p * units + 2]! / scale));
  });
  it('gives the largest |w| a full end colour, on the side of its sign', () => {
    const rgba = weightRgba(w, 2, units, scale, 2, 2);
    expect([...rgba.subarray(12, 15)]).toEqual([...POSITIVE]);
    expect([...weightRgba(new Float32Array([-3, 0, 0, 0]), 0, 1, 3, 2, 2).subarray(0, 3)]).toEqual([...NEGATIVE]);
  });
  it('draws all-zero weights white (scale 0)', () => {
    const rgba = weightRgba(new Float32Array(784 * 10), 4, 10, 0);
    expect(rgba.every((v, i) => v === (i % 4 === 3 ? 255 : ZERO[i % 4]))).toBe(true);
  });
  it('refuses a kernel of the wrong size or a class out of range', () => {
    expect(() => weightRgba(new Float32Array(784), 0, 10, 1)).toThrow(/784 poids reçus, 7840 attendus/);
    expect(() => weightRgba(w, 3, units, scale, 2, 2)).toThrow(/classe 3/);
  });
});

describe('scaledPixel and formatPixel', () => {
  it.each([
    [0, 'brut', 0, '0'],
    [255, 'brut', 255, '255'],
    [0, 'unit', 0, '0,00'],
    [255, 'unit', 1, '1,00'],
    [51, 'unit', 0.2, '0,20'],
    [0, 'symmetric', -1, '\u22121,00'],
    [255, 'symmetric', 1, '1,00'],
    [51, 'symmetric', -0.6, '\u22120,60'],
  ] as const)('%i %s → %f, « %s »', (v, scaling, x, text) => {
    expect(scaledPixel(v, scaling)).toBeCloseTo(x, 12);
    expect(formatPixel(v, scaling)).toBe(text);
  });
});
