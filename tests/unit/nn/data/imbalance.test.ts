import { describe, expect, it } from 'vitest';
import { centreOfMass, totalInk } from '../../../../src/nn/data/image-transform';
import {
  augmentRare,
  concatSets,
  digitCounts,
  makeRare,
  overSample,
  underSample,
} from '../../../../src/nn/data/imbalance';
import type { MnistSet } from '../../../../src/nn/data/mnist';

/** Labels with counts[k] examples of digit k, interleaved (0, 1, …, 9, 0, 1, …) until each runs out. */
function labelsWith(counts: number[]): Uint8Array {
  const left = counts.slice();
  const out: number[] = [];
  while (left.some((n) => n > 0))
    left.forEach((n, k) => {
      if (n > 0) {
        out.push(k);
        left[k] = n - 1;
      }
    });
  return new Uint8Array(out);
}

const counts = [100, 80, 60, 120, 90, 200, 70, 50, 110, 40];
const labels = labelsWith(counts);
const all = Array.from(labels, (_, i) => i);
const inRange = (indices: number[]) => indices.every((r) => Number.isInteger(r) && r >= 0 && r < labels.length);

describe('digitCounts', () => {
  it('counts each digit, over all labels or a list of indices', () => {
    expect(digitCounts(labels)).toEqual(counts);
    expect(digitCounts(labels, [0, 1, 1, 10])).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('rejects an index out of range and a label that is not a digit', () => {
    expect(() => digitCounts(labels, [labels.length])).toThrow(/indice 920 hors de \[0, 919\] \(position 0\)/);
    expect(() => digitCounts([3, 12])).toThrow(/étiquette 12 à l’indice 1/);
  });
});

describe('makeRare', () => {
  it.each([
    [0.05, 10],
    [0.5, 100],
    [1, 200],
    [0.001, 1], // at least one example is kept
    [0, 0],
  ])('keeps a fraction %f of the 5s (%i of 200) and every other digit', (fraction, kept) => {
    const rare = makeRare(labels, all, 5, fraction, 7);
    expect(digitCounts(labels, rare)).toEqual(counts.map((n, k) => (k === 5 ? kept : n)));
    expect(inRange(rare)).toBe(true);
    // original order, no duplicates
    expect(rare).toEqual([...new Set(rare)].sort((a, b) => a - b));
  });

  it('is deterministic with the seed, and another seed keeps other 5s', () => {
    const a = makeRare(labels, all, 5, 0.1, 1);
    expect(makeRare(labels, all, 5, 0.1, 1)).toEqual(a);
    expect(makeRare(labels, all, 5, 0.1, 2)).not.toEqual(a);
  });

  it('works on a subset of indices', () => {
    const half = all.filter((r) => r % 2 === 0);
    const rare = makeRare(labels, half, 3, 0.5, 3);
    expect(rare.every((r) => r % 2 === 0)).toBe(true);
    expect(digitCounts(labels, rare)[3]).toBe(Math.round(digitCounts(labels, half)[3]! / 2));
  });

  it('rejects a bad digit or fraction', () => {
    expect(() => makeRare(labels, all, 10, 0.5, 1)).toThrow(/chiffre 10/);
    expect(() => makeRare(labels, all, 5, 1.5, 1)).toThrow(/part conservée 1.5/);
  });
});

describe('underSample', () => {
  it('cuts every digit to the rarest count, deterministically', () => {
    const under = underSample(labels, all, 4);
    expect(digitCounts(labels, under)).toEqual(new Array(10).fill(40));
    expect(inRange(under)).toBe(true);
    expect(new Set(under).size).toBe(under.length);
    expect(underSample(labels, all, 4)).toEqual(under);
    expect(underSample(labels, all, 5)).not.toEqual(under);
  });

  it('after makeRare, every digit falls to the rare digit’s count; absent digits stay absent', () => {
    const rare = makeRare(labels, all, 5, 0.05, 1);
    expect(digitCounts(labels, underSample(labels, rare, 1))).toEqual(new Array(10).fill(10));
    const no7 = all.filter((r) => labels[r] !== 7);
    expect(digitCounts(labels, underSample(labels, no7, 1))).toEqual([40, 40, 40, 40, 40, 40, 40, 0, 40, 40]);
    expect(underSample(labels, [], 1)).toEqual([]);
  });
});

describe('overSample', () => {
  it('repeats rarer digits (with replacement) up to the largest count', () => {
    const rare = makeRare(labels, all, 5, 0.05, 1);
    const over = overSample(labels, rare, 2);
    expect(digitCounts(labels, over)).toEqual(new Array(10).fill(120));
    expect(over.slice(0, rare.length)).toEqual(rare);
    expect(inRange(over)).toBe(true);
    // the extra 5s are copies of the 10 kept ones
    const kept5 = new Set(rare.filter((r) => labels[r] === 5));
    expect(over.filter((r) => labels[r] === 5).every((r) => kept5.has(r))).toBe(true);
    expect(overSample(labels, rare, 2)).toEqual(over);
    expect(overSample(labels, rare, 3)).not.toEqual(over);
  });
});

/** A set of n 8×8 images: image i has a 2×2 dot of ink in its middle; labels given. */
function smallSet(labels: number[]): MnistSet {
  const images = new Uint8Array(labels.length * 64);
  labels.forEach((_, i) => {
    for (const p of [27, 28, 35, 36]) images[i * 64 + p] = 200 + i;
  });
  return { count: labels.length, rows: 8, cols: 8, images, labels: new Uint8Array(labels) };
}

describe('augmentRare', () => {
  const set = smallSet([5, 1, 5, 2, 5, 3]);

  it('makes targetCount − kept moved images of the digit, deterministically', () => {
    const extra = augmentRare(set, [0, 1, 2, 3, 4, 5], 5, 10, 9);
    expect([extra.count, extra.rows, extra.cols]).toEqual([7, 8, 8]);
    expect(extra.images).toHaveLength(7 * 64);
    expect(Array.from(extra.labels)).toEqual(new Array(7).fill(5));
    expect(augmentRare(set, [0, 1, 2, 3, 4, 5], 5, 10, 9)).toEqual(extra);
    expect(augmentRare(set, [0, 1, 2, 3, 4, 5], 5, 10, 10).images).not.toEqual(extra.images);
  });

  it('moves by at most 2 pixels (plus the rotation about the centre) and keeps the ink', () => {
    const extra = augmentRare(set, [0, 2, 4], 5, 53, 1);
    for (let i = 0; i < extra.count; i++) {
      const img = extra.images.subarray(i * 64, (i + 1) * 64);
      const com = centreOfMass(img, 8, 8)!;
      // the dot is centred at (3.5, 3.5), on the rotation centre: only the shift moves it
      expect(Math.abs(com.row - 3.5)).toBeLessThanOrEqual(2.01);
      expect(Math.abs(com.col - 3.5)).toBeLessThanOrEqual(2.01);
      expect(totalInk(img) / (4 * 202)).toBeGreaterThan(0.85);
    }
  });

  it('uses only the kept examples of the digit', () => {
    // only image 2 (ink 202) is kept among the 5s: every copy carries its ink, never 200 or 204
    const extra = augmentRare(set, [1, 2, 3], 5, 4, 3, { maxShift: 0, maxDegrees: 0 });
    expect(extra.count).toBe(3);
    for (let i = 0; i < 3; i++) expect(extra.images[i * 64 + 27]).toBe(202);
  });

  it('makes nothing when there are enough, and refuses to augment from nothing', () => {
    expect(augmentRare(set, [0, 2, 4], 5, 2, 1).count).toBe(0);
    expect(() => augmentRare(set, [1, 3], 5, 4, 1)).toThrow(/aucun exemple du chiffre 5/);
    expect(() => augmentRare(set, [6], 5, 4, 1)).toThrow(/indice 6 hors de \[0, 5\]/);
  });

  it('concatSets appends the extra images to the training set', () => {
    const extra = augmentRare(set, [0, 2], 5, 4, 1);
    const both = concatSets(set, extra);
    expect(both.count).toBe(8);
    expect(Array.from(both.labels)).toEqual([5, 1, 5, 2, 5, 3, 5, 5]);
    expect(both.images.subarray(6 * 64)).toEqual(extra.images);
    expect(() => concatSets(set, { ...extra, rows: 4, cols: 16 })).toThrow(/même taille/);
  });
});
