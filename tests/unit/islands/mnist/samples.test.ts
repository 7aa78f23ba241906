/** The sample grid's seeded choice: a true permutation, reproducible, nested across filters. */
import { describe, expect, it } from 'vitest';
import { countMatching, pickSamples, seededOrder } from '../../../../src/components/islands/mnist/samples';

const labels = Uint8Array.from({ length: 500 }, (_, i) => (i * 7) % 10);

describe('seededOrder', () => {
  it('is a permutation of 0…n−1', () => {
    const order = seededOrder(1000, 3);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
  it('depends on the seed only', () => {
    expect([...seededOrder(200, 7)]).toEqual([...seededOrder(200, 7)]);
    expect([...seededOrder(200, 7)]).not.toEqual([...seededOrder(200, 8)]);
  });
  it('handles an empty set and refuses a bad size', () => {
    expect(seededOrder(0, 1)).toHaveLength(0);
    expect(() => seededOrder(-1, 1)).toThrow(/taille -1 invalide/);
  });
});

describe('pickSamples', () => {
  const order = seededOrder(labels.length, 42);
  it('takes the first `count` images of the order', () => {
    expect(pickSamples(order, labels, 'tous', 40)).toEqual([...order.subarray(0, 40)]);
  });
  it('keeps only the chosen digit, in the same order as « Tous »', () => {
    const threes = pickSamples(order, labels, 3, 12);
    expect(threes).toHaveLength(12);
    expect(threes.every((i) => labels[i] === 3)).toBe(true);
    const all = pickSamples(order, labels, 'tous', labels.length);
    expect(all.filter((i) => labels[i] === 3).slice(0, 12)).toEqual(threes);
  });
  it('returns fewer when the set has fewer', () => {
    expect(pickSamples(order, labels, 3, 1000)).toHaveLength(countMatching(labels, 3));
  });
});

describe('countMatching', () => {
  it('counts a digit, or everything', () => {
    expect(countMatching(labels, 'tous')).toBe(500);
    expect(countMatching(labels, 0)).toBe(50);
  });
});
