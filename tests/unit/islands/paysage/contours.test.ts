/**
 * Marching squares against closed forms: the level lines of w² + b² are circles, those of a
 * plane are straight lines; levels outside the range give nothing; the ambiguous cell is
 * resolved by its centre; the cache returns the same set for the same key.
 */
import { describe, expect, it } from 'vitest';
import {
  contourLevels,
  contoursFor,
  isoSegments,
  sampleGrid,
  shadeGrid,
} from '../../../../src/components/islands/paysage/contours';

const square = { w: [-2, 2], b: [-2, 2] } as const;

describe('sampleGrid', () => {
  it('samples (cells + 1)² nodes, row by row, corners included', () => {
    const g = sampleGrid((w, b) => 10 * w + b, square, 4);
    expect(g.values.length).toBe(25);
    expect(g.values[0]).toBe(-22);
    expect(g.values[4]).toBe(18);
    expect(g.values[20]).toBe(-18);
    expect(g.values[24]).toBe(22);
  });
});

describe('isoSegments', () => {
  it.each([0.3, 1.1, 2.2])('the level %s of w² + b² is a closed ring of radius √level', (level) => {
    const segs = isoSegments(
      sampleGrid((w, b) => w * w + b * b, square, 80),
      level,
    );
    expect(segs.length).toBeGreaterThan(20);
    for (const [w1, b1, w2, b2] of segs) {
      expect(Math.hypot(w1, b1)).toBeCloseTo(Math.sqrt(level), 2);
      expect(Math.hypot(w2, b2)).toBeCloseTo(Math.sqrt(level), 2);
    }
    // Closed: every endpoint is shared by exactly two segments.
    const key = (w: number, b: number) => `${w.toFixed(9)},${b.toFixed(9)}`;
    const count = new Map<string, number>();
    for (const [w1, b1, w2, b2] of segs)
      for (const k of [key(w1, b1), key(w2, b2)]) count.set(k, (count.get(k) ?? 0) + 1);
    expect([...count.values()].every((c) => c === 2)).toBe(true);
  });

  it('the level lines of a plane are exact straight lines', () => {
    const segs = isoSegments(
      sampleGrid((w, b) => w + 2 * b, square, 10),
      0.7,
    );
    expect(segs.length).toBeGreaterThan(5);
    for (const [w1, b1, w2, b2] of segs) {
      expect(w1 + 2 * b1).toBeCloseTo(0.7, 12);
      expect(w2 + 2 * b2).toBeCloseTo(0.7, 12);
    }
  });

  it('a level outside the values gives no segment', () => {
    const g = sampleGrid((w, b) => w * w + b * b, square, 20);
    expect(isoSegments(g, -1)).toEqual([]);
    expect(isoSegments(g, 100)).toEqual([]);
  });

  it('resolves the ambiguous cell with its centre (w·b ± 0,1 on one cell, level 0)', () => {
    // Corners (−1, −1) and (1, 1) are above 0, the two others below: both pairings are possible.
    const cell = { w: [-1, 1], b: [-1, 1] } as const;
    const round = (segs: readonly (readonly number[])[]) => segs.map((s) => s.map((v) => Math.round(v * 1e9) / 1e9));
    // Centre above: (−1, −1) and (1, 1) are joined through it; the corners (1, −1) and (−1, 1) are cut off.
    expect(
      round(
        isoSegments(
          sampleGrid((w, b) => w * b + 0.1, cell, 1),
          0,
        ),
      ),
    ).toEqual([
      [0.1, -1, 1, -0.1],
      [-0.1, 1, -1, 0.1],
    ]);
    // Centre below: (−1, −1) and (1, 1) are the ones cut off.
    expect(
      round(
        isoSegments(
          sampleGrid((w, b) => w * b - 0.1, cell, 1),
          0,
        ),
      ),
    ).toEqual([
      [-1, -0.1, -0.1, -1],
      [1, 0.1, 0.1, 1],
    ]);
  });
});

describe('contourLevels and the cache', () => {
  it('gives increasing levels strictly inside the range, closer near the minimum', () => {
    const levels = contourLevels(
      sampleGrid((w, b) => w * w + b * b, square, 20),
      5,
    );
    expect(levels).toHaveLength(5);
    expect(levels[0]).toBeGreaterThan(0);
    expect(levels[4]).toBeLessThan(8);
    for (let i = 1; i < 5; i++) expect(levels[i]!).toBeGreaterThan(levels[i - 1]!);
    expect(levels[1]! - levels[0]!).toBeLessThan(levels[4]! - levels[3]!);
  });

  it('computes a surface once per key, and adds the extra levels in order', () => {
    let calls = 0;
    const f = (w: number, b: number) => {
      calls++;
      return w * w + b * b;
    };
    const a = contoursFor('test:un', f, square, { cells: 10, count: 3, extra: [0.5] });
    const before = calls;
    expect(contoursFor('test:un', f, square, { cells: 10, count: 3, extra: [0.5] })).toBe(a);
    expect(calls).toBe(before);
    expect(a.levels).toHaveLength(4);
    expect(a.levels).toContain(0.5);
    expect([...a.levels].sort((x, y) => x - y)).toEqual(a.levels);
    expect(a.lines).toHaveLength(4);
  });
});

describe('shadeGrid', () => {
  it('is 0 at the lowest cell, 1 at the highest, √ of the normalised value elsewhere', () => {
    const shade = shadeGrid((w) => w, { w: [0, 4], b: [0, 1] }, 4);
    // Cell centres at w = 0,5; 1,5; 2,5; 3,5: normalised 0, 1/3, 2/3, 1.
    expect([...shade.slice(0, 4)].map((v) => Math.round(v * 1e12) / 1e12)).toEqual(
      [0, 1 / 3, 2 / 3, 1].map((v) => Math.round(Math.sqrt(v) * 1e12) / 1e12),
    );
    expect(shade.length).toBe(16);
  });
});
