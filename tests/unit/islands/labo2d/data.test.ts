/**
 * The lab's data and heat map: the split, the grid and its colours, and the boundary line
 * (p = 0.5) drawn through the grid by marching squares.
 */
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { labSchema } from '../../../../src/components/islands/labo2d/state';
import { labSpec, labWeights, prepareData } from '../../../../src/components/islands/labo2d/data';
import {
  boundarySegments,
  chainSegments,
  colourOf,
  GRID,
  gridCentres,
  gridProbabilities,
} from '../../../../src/components/islands/labo2d/heatmap';

const base = defaultState(labSchema);

describe('lab data and heat map', () => {
  it('splits every point once: train share, then validation and test halves', () => {
    const d = prepareData({ ...base, points: 200, part: 0.6 });
    expect([d.train.X.rows, d.validation.X.rows, d.test.X.rows]).toEqual([120, 40, 40]);
  });
  it('a grid of 64×64 cell centres, probabilities in [0, 1], colours from orange to blue', () => {
    const c = gridCentres();
    expect(c.rows).toBe(GRID * GRID);
    const p = gridProbabilities(labSpec(base), labWeights(base));
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    expect(colourOf(0)).toEqual([230, 126, 34]);
    expect(colourOf(1)).toEqual([41, 98, 185]);
    expect(colourOf(NaN)).toEqual([245, 245, 245]);
  });
});

describe('the boundary line', () => {
  const map = (f: (x: number, y: number) => number, grid = 8) =>
    Float64Array.from({ length: grid * grid }, (_, k) => f(k % grid, Math.floor(k / grid)));

  it('a vertical boundary halfway between two columns of centres: one segment per row gap, at x = 4 cells', () => {
    // columns 0–3 below 0.5, 4–7 above: the line crosses between centres 3.5 and 4.5 → x = 4 cells
    const segments = boundarySegments(
      map((c) => (c < 4 ? 0.2 : 0.8)),
      80,
      8,
    );
    expect(segments).toHaveLength(7);
    for (const [x1, y1, x2, y2] of segments) {
      expect([x1, x2]).toEqual([40, 40]);
      expect(Math.abs(y2! - y1!)).toBeCloseTo(10);
    }
  });
  it('places the crossing by linear interpolation', () => {
    const segments = boundarySegments(
      map((c) => 0.1 * c + 0.15),
      80,
      8,
    ); // 0.5 at c = 3.5
    expect(segments.every(([x1, , x2]) => Math.abs(x1! - 40) < 1e-9 && Math.abs(x2! - 40) < 1e-9)).toBe(true);
  });
  it('draws nothing when one class covers the map, and a closed loop around an island', () => {
    expect(
      boundarySegments(
        map(() => 0.9),
        80,
        8,
      ),
    ).toEqual([]);
    const island = boundarySegments(
      map((c, r) => (c === 4 && r === 4 ? 0.9 : 0.1)),
      80,
      8,
    );
    expect(island).toHaveLength(4);
    // every end point is shared by two segments: the loop is closed
    const ends = island.flatMap(([a, b, c, d]) => [`${a},${b}`, `${c},${d}`]);
    for (const e of ends) expect(ends.filter((x) => x === e)).toHaveLength(2);
  });
  it('splits a saddle by its centre', () => {
    // 2×2 grid: diagonal corners alike, centre mean above 0.5 → the two high corners join
    const segments = boundarySegments(Float64Array.from([0.9, 0.2, 0.2, 0.9]), 20, 2);
    expect(segments).toHaveLength(2);
  });
});

describe('the boundary’s segments chained into lines', () => {
  it('joins segments end to end, whatever their order and direction, one line per piece', () => {
    const segments = [
      [2, 0, 3, 0],
      [0, 0, 1, 0],
      [2, 0, 1, 0], // reversed
      [10, 10, 11, 11],
    ];
    const lines = chainSegments(segments);
    expect(lines).toHaveLength(2);
    const long = lines.find((l) => l.length === 8)!;
    const xs = long.filter((_, k) => k % 2 === 0);
    expect(xs[0]! < xs[3]! ? xs : xs.reverse()).toEqual([0, 1, 2, 3]);
  });
  it('a closed loop around an island is one line', () => {
    const grid = 8;
    const probs = Float64Array.from({ length: grid * grid }, (_, k) => (k === 4 * grid + 4 ? 0.9 : 0.1));
    expect(chainSegments(boundarySegments(probs, 80, grid))).toHaveLength(1);
  });
});
