/**
 * Level lines of a function of two parameters by marching squares: the function is sampled on a
 * grid; in each cell, the sides whose two corners lie on either side of the level are cut where
 * linear interpolation puts the level, and the cuts are joined by segments. Pure: no DOM.
 */

export interface Window {
  readonly w: readonly [number, number];
  readonly b: readonly [number, number];
}

/** Values at the (cells + 1)² nodes of a regular grid over `window`, row by row (b, then w). */
export interface Grid {
  readonly window: Window;
  readonly cells: number;
  readonly values: Float64Array;
}

/** A segment [w₁, b₁, w₂, b₂] in the function's own coordinates. */
export type Segment = readonly [number, number, number, number];

export function sampleGrid(f: (w: number, b: number) => number, window: Window, cells: number): Grid {
  const n = cells + 1;
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const b = window.b[0] + ((window.b[1] - window.b[0]) * j) / cells;
    for (let i = 0; i < n; i++) values[j * n + i] = f(window.w[0] + ((window.w[1] - window.w[0]) * i) / cells, b);
  }
  return { window, cells, values };
}

/** The segments of the level line f = `level`. */
export function isoSegments({ window, cells, values }: Grid, level: number): Segment[] {
  const n = cells + 1;
  const dw = (window.w[1] - window.w[0]) / cells;
  const db = (window.b[1] - window.b[0]) / cells;
  const out: Segment[] = [];
  // Where the level cuts the side from (w₁, b₁, value v₁) to (w₂, b₂, v₂), if it does.
  const cut = (w1: number, b1: number, v1: number, w2: number, b2: number, v2: number): [number, number] | null => {
    if (v1 >= level === v2 >= level) return null;
    const t = (level - v1) / (v2 - v1);
    return [w1 + t * (w2 - w1), b1 + t * (b2 - b1)];
  };
  for (let j = 0; j < cells; j++) {
    for (let i = 0; i < cells; i++) {
      const v00 = values[j * n + i]!;
      const v10 = values[j * n + i + 1]!;
      const v01 = values[(j + 1) * n + i]!;
      const v11 = values[(j + 1) * n + i + 1]!;
      const w0 = window.w[0] + i * dw;
      const b0 = window.b[0] + j * db;
      const [w1, b1] = [w0 + dw, b0 + db];
      const bottom = cut(w0, b0, v00, w1, b0, v10);
      const right = cut(w1, b0, v10, w1, b1, v11);
      const top = cut(w0, b1, v01, w1, b1, v11);
      const left = cut(w0, b0, v00, w0, b1, v01);
      const points = [bottom, right, top, left].filter((p) => p !== null);
      if (points.length === 2) out.push([...points[0]!, ...points[1]!]);
      else if (points.length === 4) {
        // Ambiguous cell: two opposite corners on each side. The centre decides which pair is joined.
        const centreAbove = (v00 + v10 + v01 + v11) / 4 >= level;
        if (centreAbove === v00 >= level) {
          out.push([...bottom!, ...right!], [...top!, ...left!]);
        } else {
          out.push([...left!, ...bottom!], [...right!, ...top!]);
        }
      }
    }
  }
  return out;
}

/**
 * `count` levels between the grid's minimum and maximum, closer together near the minimum:
 * minimum + (range)·(k/(count + 1))², so that the rings of a bowl come out evenly spaced.
 */
export function contourLevels(grid: Grid, count: number): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of grid.values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Array.from({ length: count }, (_, k) => lo + (hi - lo) * ((k + 1) / (count + 1)) ** 2);
}

export interface ContourSet {
  readonly levels: readonly number[];
  readonly lines: readonly (readonly Segment[])[];
  /**
   * A coarse shading under the lines: `shadeCells`² cells, row by row (b, then w), each with
   * √((f − min)/(max − min)) at its centre, 0 at the lowest cell and 1 at the highest.
   */
  readonly shade: Float64Array;
  readonly shadeCells: number;
}

/** √((f − min)/(max − min)) at the centres of cells² cells covering `window`. */
export function shadeGrid(f: (w: number, b: number) => number, window: Window, cells: number): Float64Array {
  const dw = (window.w[1] - window.w[0]) / cells;
  const db = (window.b[1] - window.b[0]) / cells;
  const out = new Float64Array(cells * cells);
  for (let j = 0; j < cells; j++)
    for (let i = 0; i < cells; i++) out[j * cells + i] = f(window.w[0] + (i + 0.5) * dw, window.b[0] + (j + 0.5) * db);
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of out) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return out.map((v) => (hi > lo ? Math.sqrt((v - lo) / (hi - lo)) : 0));
}

const cache = new Map<string, ContourSet>();

/**
 * The level lines of a surface, computed once per `key` (a surface and its data); `extra` adds
 * levels of interest (the value at a saddle point draws the cross of lines meeting there).
 */
export function contoursFor(
  key: string,
  f: (w: number, b: number) => number,
  window: Window,
  { cells = 72, count = 11, extra = [] }: { cells?: number; count?: number; extra?: readonly number[] } = {},
): ContourSet {
  const hit = cache.get(key);
  if (hit) return hit;
  const grid = sampleGrid(f, window, cells);
  const levels = [...contourLevels(grid, count), ...extra].sort((a, b) => a - b);
  const shadeCells = 36;
  const set = {
    levels,
    lines: levels.map((l) => isoSegments(grid, l)),
    shade: shadeGrid(f, window, shadeCells),
    shadeCells,
  };
  // A handful of entries is plenty (two surfaces, a few seeds); keep memory bounded.
  if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  cache.set(key, set);
  return set;
}
