import { describe, expect, it } from 'vitest';
import {
  applyOperation,
  calculatorDataset,
  denormalizeTarget,
  normalizeInputs,
  normalizeTarget,
  targetScale,
  type CalculatorOperation,
} from '../../../../src/nn/data/calculator';
import { fromRows, toRows } from '../../../../src/nn/math/matrix';
import { createRng } from '../../../../src/nn/data/rng';

describe.each([
  ['sum', 0, 100, 200],
  ['product', 0, 100, 10_000],
  ['sum', 5, 10, 20],
  ['product', -3, 4, 16],
] as const)('%s on [%i, %i]', (operation, min, max, scale) => {
  const d = calculatorDataset(createRng(3), { operation, min, max, count: 2000 });

  it('has the shapes count×2, count, count×2, count×1', () => {
    expect([d.pairs.rows, d.pairs.cols, d.X.rows, d.X.cols, d.Y.rows, d.Y.cols]).toEqual([2000, 2, 2000, 2, 2000, 1]);
    expect(d.targets).toHaveLength(2000);
  });

  it('draws integers of [min, max], every one of them, with mean ≈ (min + max)/2', () => {
    const seen = new Set(d.pairs.data);
    for (const v of d.pairs.data) expect(Number.isInteger(v) && v >= min && v <= max).toBe(true);
    expect(seen.size).toBe(max - min + 1);
    const mean = d.pairs.data.reduce((a, b) => a + b, 0) / d.pairs.data.length;
    expect(Math.abs(mean - (min + max) / 2)).toBeLessThan(0.05 * (max - min));
  });

  it('targets are a+b or a·b; X = pairs/max; Y = targets/scale', () => {
    expect(targetScale(operation, max)).toBe(scale);
    toRows(d.pairs).forEach(([a, b], i) => {
      const t = operation === 'sum' ? a! + b! : a! * b!;
      expect(d.targets[i]).toBe(t);
      expect(d.X.data[2 * i]).toBeCloseTo(a! / max, 14);
      expect(d.X.data[2 * i + 1]).toBeCloseTo(b! / max, 14);
      expect(d.Y.data[i]).toBeCloseTo(t / scale, 14);
    });
  });

  it('denormalizeTarget inverts normalizeTarget', () => {
    for (const t of d.targets.slice(0, 50)) {
      expect(normalizeTarget(operation, max, t)).toBeCloseTo(t / scale, 14);
      expect(denormalizeTarget(operation, max, normalizeTarget(operation, max, t))).toBeCloseTo(t, 10);
    }
  });
});

describe('calculatorDataset', () => {
  it('keeps X and Y in [0, 1] when min ≥ 0, reaching 1 at (max, max)', () => {
    for (const operation of ['sum', 'product'] as const) {
      const d = calculatorDataset(createRng(1), { operation, min: 0, max: 10, count: 3000 });
      expect(Math.min(...d.X.data, ...d.Y.data)).toBe(0);
      expect(Math.max(...d.X.data, ...d.Y.data)).toBe(1);
    }
  });

  it('replays with the same seed, changes with another', () => {
    const opts = { operation: 'sum', min: 0, max: 100, count: 1000 } as const;
    const a = calculatorDataset(createRng(42), opts);
    expect(calculatorDataset(createRng(42), opts)).toEqual(a);
    expect(calculatorDataset(createRng(43), opts).pairs.data).not.toEqual(a.pairs.data);
  });

  it.each([
    [{ min: 100, max: 100 }, /min doit être < max \(reçu min = 100, max = 100\)/],
    [{ min: 5, max: 2 }, /min doit être < max/],
    [{ count: 0 }, /count doit être un entier ≥ 1 \(reçu 0\)/],
    [{ count: 2.5 }, /count .*reçu 2.5/],
    [{ min: -10, max: 0 }, /max doit être un nombre fini > 0 \(reçu 0\)/],
    [{ min: -10, max: -5 }, /max doit être un nombre fini > 0 \(reçu -5\)/],
    [{ min: 0.5 }, /entiers \(reçu min = 0.5, max = 100\)/],
    [{ operation: 'difference' }, /opération inconnue «\u202fdifference\u202f»/],
  ])('rejects %o', (override, message) => {
    const options = { operation: 'sum' as CalculatorOperation, min: 0, max: 100, count: 10, ...override };
    expect(() => calculatorDataset(createRng(1), options as never)).toThrow(message);
  });
});

describe('normalisation helpers', () => {
  it.each([
    ['sum', 100, 100, 0.5],
    ['sum', 100, 12, 0.06],
    ['product', 100, 2500, 0.25],
    ['product', 10, 100, 1],
  ] as const)('%s, max %i: %d ↔ %d', (operation, max, value, normalised) => {
    expect(normalizeTarget(operation, max, value)).toBeCloseTo(normalised, 14);
    expect(denormalizeTarget(operation, max, normalised)).toBeCloseTo(value, 12);
  });

  it('reads a trained net’s output back as a sum (0.5001 → 100.02 with max 100)', () => {
    expect(denormalizeTarget('sum', 100, 0.5001)).toBeCloseTo(100.02, 10);
  });

  it('normalizeInputs divides every entry by max', () => {
    expect(
      toRows(
        normalizeInputs(
          fromRows([
            [50, 50],
            [6, 0],
          ]),
          100,
        ),
      ),
    ).toEqual([
      [0.5, 0.5],
      [0.06, 0],
    ]);
  });

  it('applyOperation computes the raw target', () => {
    expect(applyOperation('sum', 6, 6)).toBe(12);
    expect(applyOperation('product', 6, 7)).toBe(42);
  });

  it.each([0, -1, NaN, Infinity])('rejects max = %s', (max) => {
    expect(() => normalizeTarget('sum', max, 1)).toThrow(/max doit être un nombre fini > 0/);
    expect(() => denormalizeTarget('product', max, 1)).toThrow(/max doit être un nombre fini > 0/);
    expect(() => normalizeInputs(fromRows([[1, 2]]), max)).toThrow(/max doit être/);
  });
});
