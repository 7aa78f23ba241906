import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';

const draw = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};
const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const variance = (v: readonly number[]) => {
  const m = mean(v);
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
};

describe('createRng', () => {
  it('replays the same sequence for the same seed, and keeps the seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(createRng(42).seed).toBe(42);
  });

  it('gives different sequences for different seeds', () => {
    const seqs = [0, 1, 2, 3, 2 ** 31 - 1].map((s) => draw(s, 10).join());
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it.each([NaN, Infinity, -Infinity])('throws on the seed %s', (seed) => {
    expect(() => createRng(seed)).toThrow(/graine/);
  });
});

describe.each([1, 7, 2024])('seed %i', (seed) => {
  it('next() is uniform in [0, 1): bounds, mean 1/2, variance 1/12, all deciles filled', () => {
    const u = draw(seed, 20_000);
    for (const v of u) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    // standard errors: mean ≈ 0.002, variance ≈ 0.0005; tolerances are ≥ 10 of them
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(variance(u) - 1 / 12)).toBeLessThan(0.005);
    const deciles = new Array<number>(10).fill(0);
    for (const v of u) deciles[Math.floor(v * 10)]!++;
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(250);
  });

  it('uniform(min, max) stays in [min, max) and int(n) hits every integer of [0, n)', () => {
    const rng = createRng(seed);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.uniform(-3, 5);
      expect(v).toBeGreaterThanOrEqual(-3);
      expect(v).toBeLessThan(5);
      const k = rng.int(7);
      expect(Number.isInteger(k)).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('normal() has mean ≈ 0, variance ≈ 1 and ≈ 68.27 % within one σ over 20,000 draws', () => {
    const rng = createRng(seed);
    const z = Array.from({ length: 20_000 }, () => rng.normal());
    // standard errors: mean ≈ 0.007, variance ≈ 0.01, share ≈ 0.003
    expect(Math.abs(mean(z))).toBeLessThan(0.05);
    expect(Math.abs(variance(z) - 1)).toBeLessThan(0.06);
    const within = z.filter((v) => Math.abs(v) < 1).length / z.length;
    expect(Math.abs(within - 0.6827)).toBeLessThan(0.02);
    for (const v of z) expect(Number.isFinite(v)).toBe(true);
  });

  it('shuffle() returns a new permutation, deterministic per seed, leaving the input intact', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const frozen = Object.freeze(items.slice());
    const a = createRng(seed).shuffle(frozen);
    expect(a).not.toBe(frozen);
    expect(frozen).toEqual(items);
    expect(a.slice().sort((p, q) => p - q)).toEqual(items);
    expect(a).not.toEqual(items); // 1 chance in 20! of a false alarm
    expect(createRng(seed).shuffle(items)).toEqual(a);
    expect(createRng(seed + 1).shuffle(items)).not.toEqual(a);
  });
});

describe('shuffle', () => {
  it('puts each element at each position about equally often', () => {
    const rng = createRng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[rng.shuffle(['a', 'b', 'c', 'd']).indexOf('a')]!++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(250);
  });

  it('handles empty and one-element arrays', () => {
    expect(createRng(1).shuffle([])).toEqual([]);
    expect(createRng(1).shuffle(['x'])).toEqual(['x']);
  });
});
