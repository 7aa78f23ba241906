/**
 * Plots, images and progress lines: each builds one structured message (plain arrays, so it
 * crosses postMessage) and sends it to the output sink. The page draws it; the text form
 * (text.ts) sums it up on one line.
 */
import { isMatrixLike } from './format-value';
import type { ImageMessage, PlotAxes, PlotSeries } from './messages';
import { emit } from './sink';
import type { Matrix } from '../math/matrix';

/** A series to plot: y values, with x (default 0, 1, 2, …) and a name (default `série 1`, `série 2`…). */
export interface SeriesInput {
  readonly name?: string;
  readonly x?: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

/** What plotLines and plotScatter accept: one series, several, or bare y values. */
export type PlotInput = SeriesInput | readonly SeriesInput[] | ArrayLike<number>;

/** A labelled point cloud, as the 2D generators return it: X is n×2, labels[i] a class. */
export interface LabelledPoints {
  readonly X: Matrix;
  readonly labels: ArrayLike<number>;
}

/** Only the known axis fields: a message must cross postMessage, and readers may pass anything. */
function axes(options: PlotAxes): PlotAxes {
  const { title, xLabel, yLabel } = options;
  return {
    ...(title !== undefined ? { title: String(title) } : {}),
    ...(xLabel !== undefined ? { xLabel: String(xLabel) } : {}),
    ...(yLabel !== undefined ? { yLabel: String(yLabel) } : {}),
  };
}

function isSeriesInput(v: unknown): v is SeriesInput {
  return typeof v === 'object' && v !== null && 'y' in v;
}

function finiteOrNaN(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => (typeof v === 'number' ? v : Number.NaN));
}

/** Normalises plot input to named series with x and y of equal length (French error otherwise). */
export function toSeries(input: PlotInput): PlotSeries[] {
  const list: readonly SeriesInput[] = isSeriesInput(input)
    ? [input]
    : Array.isArray(input) && input.length > 0 && input.every(isSeriesInput)
      ? (input as readonly SeriesInput[])
      : [{ y: input as ArrayLike<number> }];
  return list.map((s, i) => {
    const y = finiteOrNaN(s.y);
    const x = s.x ? finiteOrNaN(s.x) : y.map((_, j) => j);
    const name = s.name ?? `série ${i + 1}`;
    if (x.length !== y.length)
      throw new Error(
        `Graphique\u00a0: la série «\u202f${name}\u202f» a ${x.length} valeurs de x pour ${y.length} valeurs de y.`,
      );
    return { name, x, y };
  });
}

/** Trace des courbes — une série `{ name, x, y }`, plusieurs, ou simplement des valeurs y. */
export function plotLines(series: PlotInput, options: PlotAxes = {}): void {
  emit({ kind: 'plot', type: 'line', series: toSeries(series), ...axes(options) });
}

function pointsByClass(points: LabelledPoints): PlotSeries[] {
  const { X, labels } = points;
  if (X.cols !== 2 || labels.length !== X.rows)
    throw new Error(
      `Nuage de points\u00a0: X doit être n×2 avec n étiquettes (reçu ${X.rows}×${X.cols} et ${labels.length} étiquettes).`,
    );
  const classes = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  return classes.map((c) => {
    const rows = Array.from({ length: X.rows }, (_, i) => i).filter((i) => labels[i] === c);
    return { name: `classe ${c}`, x: rows.map((i) => X.data[2 * i]!), y: rows.map((i) => X.data[2 * i + 1]!) };
  });
}

/** Trace un nuage de points — des séries `{ name, x, y }` ou un jeu 2D `{ X, labels }`. Une couleur par classe. */
export function plotScatter(points: PlotInput | LabelledPoints, options: PlotAxes = {}): void {
  const series =
    typeof points === 'object' && points !== null && 'X' in points && 'labels' in points
      ? pointsByClass(points)
      : toSeries(points as PlotInput);
  emit({ kind: 'plot', type: 'scatter', series, ...axes(options) });
}

/** Trace une carte de chaleur — values[i][j] en ligne i, colonne j (tableau de lignes ou matrice). */
export function plotHeatmap(values: readonly (readonly number[])[] | Matrix, options: PlotAxes = {}): void {
  const rows = isMatrixLike(values)
    ? Array.from({ length: values.rows }, (_, i) =>
        Array.from(values.data.subarray(i * values.cols, (i + 1) * values.cols)),
      )
    : values.map((r) => Array.from(r));
  emit({ kind: 'plot', type: 'heatmap', values: rows, ...axes(options) });
}

export interface ImageOptions {
  /** Default 28 (MNIST); a Matrix gives its own cols. */
  readonly width?: number;
  /** Default 28; a Matrix gives its own rows. */
  readonly height?: number;
  readonly caption?: string;
}

/** The image message: pixels row by row scaled to 0..1 (values above 1 are read as 0..255). */
export function imageMessage(pixels: ArrayLike<number> | Matrix, options: ImageOptions = {}): ImageMessage {
  const matrix = isMatrixLike(pixels);
  const width = options.width ?? (matrix ? pixels.cols : 28);
  const height = options.height ?? (matrix ? pixels.rows : 28);
  const values = Array.from(matrix ? pixels.data : pixels);
  if (values.length !== width * height)
    throw new Error(`Image\u00a0: ${values.length} pixels pour ${width} × ${height} = ${width * height} attendus.`);
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  const scale = max > 1 ? 1 / 255 : 1;
  return {
    kind: 'image',
    width,
    height,
    pixels: values.map((v) => Math.min(1, Math.max(0, v * scale))),
    ...(options.caption ? { caption: options.caption } : {}),
  };
}

/** Affiche une image en niveaux de gris (28 × 28 par défaut), pixels de 0 (noir) à 1 (ou 0 à 255). */
export function showImage(pixels: ArrayLike<number> | Matrix, options: ImageOptions = {}): void {
  emit(imageMessage(pixels, options));
}

/** Affiche une ligne de progression, mise à jour sur place pour une même étiquette (`label`). */
export function progress(label: string, value: number, max: number, text?: string): void {
  emit({ kind: 'progress', label, value, max, ...(text ? { text } : {}) });
}
