/**
 * The lab's decision surface: the network's probability of class 1 on a grid of cells over
 * the input square, painted into a <canvas> (one pixel per cell, scaled up), its boundary
 * (p = 0.5) drawn as a line, the previous run's boundary dashed beside it, and the points on top.
 * A point's class is its shape and its colour (class 0: orange disc, class 1: blue square), its
 * split the colour of its outline (training: white, test: black), so that neither relies on
 * colour alone and both read on either side of the boundary; `MARKERS` holds what the legend
 * draws. The points do not move while the network trains: they are drawn once into a layer of
 * their own, and a repaint is two image copies, 4096 colours written into a buffer kept from
 * one repaint to the next, and the boundary lines.
 */
import type { Matrix, MlpSpec, MlpWeights } from '../../../nn';
import { LAB_DOMAIN, type LabSplit } from './data';
import { predictAll } from './predictor';

/** Cells per side of the heat map. */
export const GRID = 64;

/** The centres of GRID×GRID cells over the domain, row by row from the top (y decreasing): (GRID²)×2. */
export function gridCentres(grid = GRID, [lo, hi] = LAB_DOMAIN): Matrix {
  const cell = (hi - lo) / grid;
  const data = new Float64Array(grid * grid * 2);
  for (let r = 0; r < grid; r++)
    for (let c = 0; c < grid; c++) {
      const k = 2 * (r * grid + c);
      data[k] = lo + (c + 0.5) * cell;
      data[k + 1] = hi - (r + 0.5) * cell;
    }
  return { rows: grid * grid, cols: 2, data };
}

export const CENTRES = gridCentres();

/** p(class 1) at every cell centre, reference engine (the same numbers as `predict`). */
export function gridProbabilities(spec: MlpSpec, weights: MlpWeights): Float64Array {
  return predictAll(spec, weights, [CENTRES])[0]!;
}

/** Class colours (orange for 0, blue for 1) and the neutral middle, as RGB. */
const ZERO = [230, 126, 34] as const;
const ONE = [41, 98, 185] as const;
const MIDDLE = [245, 245, 245] as const;

/** Writes the colour of p at rgba[at…at+3]: orange (0) → light grey (0.5) → blue (1). */
function writeColour(p: number, rgba: Uint8ClampedArray | number[], at: number): void {
  const t = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
  const lower = t < 0.5;
  const from = lower ? ZERO : MIDDLE;
  const to = lower ? MIDDLE : ONE;
  const u = lower ? t / 0.5 : (t - 0.5) / 0.5;
  for (let i = 0; i < 3; i++) rgba[at + i] = Math.round(from[i]! + (to[i]! - from[i]!) * u);
  rgba[at + 3] = 255;
}

/** The colour of a probability: orange (0) → light grey (0.5) → blue (1). */
export function colourOf(p: number): [number, number, number] {
  const rgba = [0, 0, 0, 0];
  writeColour(p, rgba, 0);
  return [rgba[0]!, rgba[1]!, rgba[2]!];
}

/**
 * The points' look, for the canvas and the legend alike (sizes for a 320 px map, scaled with
 * it): a disc of 9 px or a square of 8 px, outlined 2 px.
 */
export const MARKERS = {
  size: 320,
  classes: [
    { shape: 'disc', fill: `rgb(${ZERO.join(',')})`, radius: 4.5 },
    { shape: 'square', fill: `rgb(${ONE.join(',')})`, radius: 4 },
  ],
  stroke: { train: '#fff', test: '#000' },
  lineWidth: 2,
} as const;

/** Draws one marker centred on (x, y), at `scale` times its size for a 320 px map. */
export function drawMarker(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  label: 0 | 1,
  split: 'train' | 'test',
  scale: number,
): void {
  const m = MARKERS.classes[label];
  const r = m.radius * scale;
  ctx.beginPath();
  if (m.shape === 'disc') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else ctx.rect(x - r, y - r, 2 * r, 2 * r);
  ctx.fillStyle = m.fill;
  ctx.fill();
  ctx.lineWidth = MARKERS.lineWidth * scale;
  ctx.strokeStyle = MARKERS.stroke[split];
  ctx.stroke();
}

function drawPoints(ctx: CanvasRenderingContext2D, size: number, train: LabSplit, test: LabSplit): void {
  const [lo, hi] = LAB_DOMAIN;
  const toPx = (v: number) => ((v - lo) / (hi - lo)) * size;
  const scale = size / MARKERS.size;
  // test points last: they are the ones a reader checks against the boundary
  for (const [split, set] of [
    ['train', train],
    ['test', test],
  ] as const)
    for (let i = 0; i < set.X.rows; i++) {
      const x = toPx(set.X.data[2 * i]!);
      const y = size - toPx(set.X.data[2 * i + 1]!);
      drawMarker(ctx, x, y, set.labels[i] === 1 ? 1 : 0, split, scale);
    }
}

/**
 * The line p = 0.5 through a GRID×GRID map of probabilities (cell centres, rows from the top),
 * by marching squares: segments [x1, y1, x2, y2] in a `size`-pixel square, each crossing of an
 * edge between two centres placed by linear interpolation (a saddle is split by its centre's mean).
 */
export function boundarySegments(probs: ArrayLike<number>, size: number, grid = GRID): number[][] {
  const cell = size / grid;
  const segments: number[][] = [];
  const at = (r: number, c: number) => probs[r * grid + c]! - 0.5;
  for (let r = 0; r + 1 < grid; r++)
    for (let c = 0; c + 1 < grid; c++) {
      // corners clockwise from top-left, and the crossing on each edge (top, right, bottom, left)
      const v = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      const xy = [
        [c, r],
        [c + 1, r],
        [c + 1, r + 1],
        [c, r + 1],
      ];
      const cross: (number[] | null)[] = [0, 1, 2, 3].map((e) => {
        const a = v[e]!;
        const b = v[(e + 1) % 4]!;
        if (a > 0 === b > 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
        const t = a / (a - b);
        const [x1, y1] = xy[e]!;
        const [x2, y2] = xy[(e + 1) % 4]!;
        return [(x1! + t * (x2! - x1!) + 0.5) * cell, (y1! + t * (y2! - y1!) + 0.5) * cell];
      });
      const edges = [0, 1, 2, 3].filter((e) => cross[e]);
      if (edges.length === 2) segments.push([...cross[edges[0]!]!, ...cross[edges[1]!]!]);
      else if (edges.length === 4) {
        // saddle: the centre's sign says which corners join
        const centre = v.reduce((a, b) => a + b, 0) / 4;
        const pairs =
          centre > 0 === v[0]! > 0
            ? [
                [0, 1],
                [2, 3],
              ]
            : [
                [3, 0],
                [1, 2],
              ];
        for (const [a, b] of pairs) segments.push([...cross[a!]!, ...cross[b!]!]);
      }
    }
  return segments;
}

/**
 * The segments joined end to end into polylines [x0, y0, x1, y1, …] (a dash pattern restarts
 * with each sub-path: drawn one cell at a time, a dashed line would look solid).
 */
export function chainSegments(segments: readonly number[][]): number[][] {
  const key = (x: number, y: number) => `${x.toFixed(3)},${y.toFixed(3)}`;
  const at = new Map<string, number[]>();
  segments.forEach(([x1, y1, x2, y2], i) => {
    for (const k of [key(x1!, y1!), key(x2!, y2!)]) at.set(k, [...(at.get(k) ?? []), i]);
  });
  const used = new Uint8Array(segments.length);
  // from the point (x, y), follow unused segments, appending their far ends to `line`
  const walk = (x: number, y: number, line: number[]) => {
    for (;;) {
      const next = (at.get(key(x, y)) ?? []).find((j) => !used[j]);
      if (next === undefined) return;
      used[next] = 1;
      const [a, b, c, d] = segments[next]!;
      [x, y] = key(a!, b!) === key(x, y) ? [c!, d!] : [a!, b!];
      line.push(x, y);
    }
  };
  const lines: number[][] = [];
  segments.forEach(([x1, y1, x2, y2], i) => {
    if (used[i]) return;
    used[i] = 1;
    const forward = [x1!, y1!, x2!, y2!];
    walk(x2!, y2!, forward);
    const backward: number[] = [];
    walk(x1!, y1!, backward);
    const head: number[] = [];
    for (let k = backward.length - 2; k >= 0; k -= 2) head.push(backward[k]!, backward[k + 1]!);
    lines.push([...head, ...forward]);
  });
  return lines;
}

function strokeLines(ctx: CanvasRenderingContext2D, lines: readonly number[][]): void {
  ctx.beginPath();
  for (const line of lines) {
    ctx.moveTo(line[0]!, line[1]!);
    for (let k = 2; k < line.length; k += 2) ctx.lineTo(line[k]!, line[k + 1]!);
  }
  ctx.stroke();
}

/** The current boundary, solid and dark; the ghost's, dashed, dark over a light halo. */
function drawBoundaries(
  ctx: CanvasRenderingContext2D,
  size: number,
  probs: ArrayLike<number> | null,
  ghost: ArrayLike<number> | null,
): void {
  const scale = size / MARKERS.size;
  ctx.save();
  ctx.lineCap = 'round';
  if (ghost) {
    const lines = chainSegments(boundarySegments(ghost, size));
    ctx.setLineDash([7 * scale, 5 * scale]);
    ctx.lineWidth = 4 * scale;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.7)';
    strokeLines(ctx, lines);
    ctx.lineWidth = 2 * scale;
    ctx.strokeStyle = 'rgba(20, 20, 20, 0.9)';
    strokeLines(ctx, lines);
  }
  if (probs) {
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5 * scale;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.85)';
    strokeLines(ctx, chainSegments(boundarySegments(probs, size)));
  }
  ctx.restore();
}

/**
 * Paints `probs` (GRID² values, or none: grey), its boundary, the ghost's boundary (the previous
 * run's GRID² values, if any) and the points into a square canvas of any size.
 */
export type HeatMapPainter = (
  canvas: HTMLCanvasElement,
  probs: ArrayLike<number> | null,
  train: LabSplit,
  test: LabSplit,
  ghost?: ArrayLike<number> | null,
) => void;

/** A painter for one canvas, keeping its buffers and its layer of points between repaints. */
export function createHeatMapPainter(): HeatMapPainter {
  const image = new ImageData(GRID, GRID);
  const cells = document.createElement('canvas');
  cells.width = GRID;
  cells.height = GRID;
  const points = document.createElement('canvas');
  let drawn: { train: LabSplit; test: LabSplit; size: number } | null = null;
  return (canvas, probs, train, test, ghost = null) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const size = canvas.width;
    if (drawn?.train !== train || drawn.test !== test || drawn.size !== size) {
      points.width = size;
      points.height = size;
      const p = points.getContext('2d');
      if (!p) return;
      drawPoints(p, size, train, test);
      drawn = { train, test, size };
    }
    for (let k = 0; k < GRID * GRID; k++) writeColour(probs ? probs[k]! : 0.5, image.data, 4 * k);
    cells.getContext('2d')!.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(cells, 0, 0, size, size);
    drawBoundaries(ctx, size, probs, ghost);
    ctx.drawImage(points, 0, 0);
  };
}
