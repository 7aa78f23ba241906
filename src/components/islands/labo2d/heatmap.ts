/**
 * The lab's decision surface: the network's probability of class 1 on a grid of cells over
 * the input square, painted into a <canvas> (one pixel per cell, scaled up), with the points on
 * top — training points as circles, test points as squares, class 1 filled and class 0 hollow,
 * so that neither the split nor the class relies on colour alone. The points do not move while
 * the network trains: they are drawn once into a layer of their own, and a repaint is two
 * image copies and 4096 colours written into a buffer kept from one repaint to the next.
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

function drawPoints(ctx: CanvasRenderingContext2D, size: number, train: LabSplit, test: LabSplit): void {
  const [lo, hi] = LAB_DOMAIN;
  const toPx = (v: number) => ((v - lo) / (hi - lo)) * size;
  const mark = (split: LabSplit, shape: 'circle' | 'square') => {
    for (let i = 0; i < split.X.rows; i++) {
      const x = toPx(split.X.data[2 * i]!);
      const y = size - toPx(split.X.data[2 * i + 1]!);
      const one = split.labels[i] === 1;
      ctx.beginPath();
      if (shape === 'circle') ctx.arc(x, y, size / 90, 0, 2 * Math.PI);
      else ctx.rect(x - size / 110, y - size / 110, size / 55, size / 55);
      ctx.fillStyle = one ? `rgb(${ONE.join(',')})` : '#fff';
      ctx.fill();
      ctx.lineWidth = Math.max(1, size / 300);
      ctx.strokeStyle = one ? '#fff' : `rgb(${ZERO.map((c) => Math.round(c * 0.6)).join(',')})`;
      ctx.stroke();
    }
  };
  mark(train, 'circle');
  mark(test, 'square');
}

/** Paints `probs` (GRID² values, or none: grey) and the points into a square canvas of any size. */
export type HeatMapPainter = (
  canvas: HTMLCanvasElement,
  probs: ArrayLike<number> | null,
  train: LabSplit,
  test: LabSplit,
) => void;

/** A painter for one canvas, keeping its buffers and its layer of points between repaints. */
export function createHeatMapPainter(): HeatMapPainter {
  const image = new ImageData(GRID, GRID);
  const cells = document.createElement('canvas');
  cells.width = GRID;
  cells.height = GRID;
  const points = document.createElement('canvas');
  let drawn: { train: LabSplit; test: LabSplit; size: number } | null = null;
  return (canvas, probs, train, test) => {
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
    ctx.drawImage(points, 0, 0);
  };
}
