import { describe, expect, it } from 'vitest';
import {
  CIRCLE_INNER_RADIUS,
  CIRCLE_RING,
  GAUSS_CENTRE,
  GAUSS_SIGMA,
  MOON_CENTRES,
  MOON_RADIUS,
  SPIRAL_TURNS,
  XOR_MARGIN,
  generator2dLabels,
  generator2dNames,
  generators2d,
  isGenerator2dName,
  type Dataset2d,
  type Generator2dName,
} from '../../../../src/nn/data/generators2d';
import { createRng } from '../../../../src/nn/data/rng';

const TOL = 1e-9;
const make = (name: Generator2dName, seed: number, n: number, noise: number) =>
  generators2d[name](createRng(seed), n, noise);
const points = (d: Dataset2d) =>
  Array.from(d.labels, (label, i) => ({ x: d.X.data[2 * i]!, y: d.X.data[2 * i + 1]!, label }));

/** The geometric property of class `label` without noise (independent of the generator code). */
const property: Record<Generator2dName, (x: number, y: number, label: number) => boolean> = {
  circle: (x, y, label) => {
    const r = Math.hypot(x, y);
    return label === 0 ? r <= CIRCLE_INNER_RADIUS + TOL : r >= CIRCLE_RING[0] - TOL && r <= CIRCLE_RING[1] + TOL;
  },
  xor: (x, y, label) =>
    Math.sign(x * y) === (label === 1 ? 1 : -1) && Math.abs(x) >= XOR_MARGIN && Math.abs(y) >= XOR_MARGIN,
  gauss: (x, y, label) => {
    const c = label === 0 ? -GAUSS_CENTRE : GAUSS_CENTRE;
    return Math.hypot(x - c, y - c) <= 3 * GAUSS_SIGMA + TOL && Math.sign(x + y) === (label === 0 ? -1 : 1);
  },
  spiral: (x, y, label) => {
    // θ − (1.75·2π·r + label·π) must be a multiple of 2π
    const r = Math.hypot(x, y);
    const d = Math.atan2(y, x) - (SPIRAL_TURNS * 2 * Math.PI * r + label * Math.PI);
    const k = Math.round(d / (2 * Math.PI));
    return r <= 1 && Math.abs(d - 2 * Math.PI * k) < 1e-6;
  },
  moons: (x, y, label) => {
    const [cx, cy] = MOON_CENTRES[label as 0 | 1];
    const onCircle = Math.abs(Math.hypot(x - cx, y - cy) - MOON_RADIUS) < TOL;
    return onCircle && (label === 0 ? y >= cy - TOL : y <= cy + TOL);
  },
};

/** Documented bounding boxes without noise: [xMin, xMax, yMin, yMax]. */
const ranges: Record<Generator2dName, readonly [number, number, number, number]> = {
  circle: [-1, 1, -1, 1],
  xor: [-1, 1, -1, 1],
  gauss: [-0.95, 0.95, -0.95, 0.95],
  spiral: [-1, 1, -1, 1],
  moons: [-1, 1, -0.5, 0.5],
};

describe.each(generator2dNames)('generator %s', (name) => {
  it('gives an n×2 matrix and n labels i mod 2 (balanced, interleaved)', () => {
    for (const n of [1, 2, 301]) {
      const d = make(name, 1, n, 0.1);
      expect(d.X.rows).toBe(n);
      expect(d.X.cols).toBe(2);
      expect(d.X.data).toHaveLength(2 * n);
      expect(d.labels).toBeInstanceOf(Int32Array);
      expect(Array.from(d.labels)).toEqual(Array.from({ length: n }, (_, i) => i % 2));
    }
  });

  it('replays with the same seed and changes with another', () => {
    const a = make(name, 7, 200, 0.1);
    expect(make(name, 7, 200, 0.1)).toEqual(a);
    expect(make(name, 8, 200, 0.1).X.data).not.toEqual(a.X.data);
  });

  it('without noise, every point has the property of its class and not that of the other', () => {
    for (const { x, y, label } of points(make(name, 3, 2000, 0))) {
      expect(property[name](x, y, label), `(${x}, ${y}) classe ${label}`).toBe(true);
      expect(property[name](x, y, 1 - label), `(${x}, ${y}) autre classe`).toBe(false);
    }
  });

  it('without noise, stays in the documented box and nearly fills it', () => {
    const [x0, x1, y0, y1] = ranges[name];
    const pts = points(make(name, 5, 3000, 0));
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(x0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(x1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(y0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(y1);
    // the box is not much larger than needed
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0.75 * (x1 - x0));
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(0.75 * (y1 - y0));
  });

  it.each([0.05, 0.3])('noise %f: the same points plus jitter of mean 0 and standard deviation noise', (noise) => {
    const clean = make(name, 11, 4000, 0);
    const noisy = make(name, 11, 4000, noise);
    expect(noisy.labels).toEqual(clean.labels);
    const d = noisy.X.data.map((v, k) => v - clean.X.data[k]!);
    const m = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / (d.length - 1));
    // 8,000 draws: standard error of the mean ≈ noise/90, of the sd ≈ 0.8 %
    expect(Math.abs(m)).toBeLessThan(0.05 * noise);
    expect(Math.abs(sd / noise - 1)).toBeLessThan(0.04);
  });

  it('has a French label', () => {
    expect(generator2dLabels[name]).toMatch(/\S/);
    expect(isGenerator2dName(name)).toBe(true);
  });
});

describe('generators2d registry', () => {
  it('lists exactly the five generators', () => {
    expect(Object.keys(generators2d).sort()).toEqual([...generator2dNames].sort());
    expect(generator2dNames).toHaveLength(5);
    expect(isGenerator2dName('spirale')).toBe(false);
  });

  it('gives different datasets for different names with the same seed', () => {
    const sets = generator2dNames.map((name) => make(name, 2, 50, 0).X.data.join());
    expect(new Set(sets).size).toBe(sets.length);
  });

  it.each([
    [0, 0.1, /n doit être un entier ≥ 1 \(reçu 0\)/],
    [2.5, 0.1, /n doit être un entier ≥ 1 \(reçu 2.5\)/],
    [10, -0.1, /bruit doit être un nombre fini ≥ 0 \(reçu -0.1\)/],
    [10, NaN, /bruit .*NaN/],
  ])('rejects n = %s, noise = %s', (n, noise, message) => {
    for (const name of generator2dNames) expect(() => make(name, 1, n, noise)).toThrow(message);
  });
});
