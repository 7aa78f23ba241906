/**
 * How the MNIST figures turn numbers into pixels and text: a digit's bytes as grey ink, a
 * weight as a diverging colour (blue < 0 < red), a byte scaled the way the network receives it.
 * Pure: the components hand the RGBA buffers to a canvas.
 */
import { formatNumber } from '../../../nn';

/** An RGBA buffer the size of an image (what `ImageData` takes). */
export type Rgba = Uint8ClampedArray<ArrayBuffer>;

/** Checks that `pixels` holds at least one rows×cols image and returns that many values. */
function imageLength(pixels: ArrayLike<number>, rows: number, cols: number, where: string): number {
  const n = rows * cols;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1)
    throw new Error(`${where}\u00a0: taille d’image ${rows}×${cols} invalide (entiers ≥ 1 attendus).`);
  if (pixels.length < n)
    throw new Error(`${where}\u00a0: ${pixels.length} valeurs reçues, ${n} attendues (image de ${rows}×${cols}).`);
  return n;
}

/**
 * A digit as dark ink on white paper: byte v (0 background, 255 ink) → grey 255 − v, opaque.
 * Reads the first rows·cols bytes of `pixels` (an image, or a longer subarray starting at one).
 */
export function inkRgba(pixels: ArrayLike<number>, rows = 28, cols = 28): Rgba {
  const n = imageLength(pixels, rows, cols, 'inkRgba');
  const out = new Uint8ClampedArray(4 * n);
  for (let k = 0; k < n; k++) {
    const grey = 255 - pixels[k]!;
    out[4 * k] = grey;
    out[4 * k + 1] = grey;
    out[4 * k + 2] = grey;
    out[4 * k + 3] = 255;
  }
  return out;
}

/** The diverging scale's ends and middle: blue for −1, white for 0, red for +1 (ColorBrewer RdBu). */
export const NEGATIVE = [33, 102, 172] as const;
export const ZERO = [247, 247, 247] as const;
export const POSITIVE = [178, 24, 43] as const;

/** Writes the colour of t ∈ [−1, 1] at rgba[at…at+3] (clamped; NaN is drawn as 0). */
function writeDiverging(t: number, rgba: Uint8ClampedArray | number[], at: number): void {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(-1, t)) : t === Infinity ? 1 : t === -Infinity ? -1 : 0;
  const end = u < 0 ? NEGATIVE : POSITIVE;
  const a = Math.abs(u);
  for (let i = 0; i < 3; i++) rgba[at + i] = Math.round(ZERO[i]! + (end[i]! - ZERO[i]!) * a);
  rgba[at + 3] = 255;
}

/** The RGB colour of t ∈ [−1, 1] on the diverging scale (for legends and tests). */
export function divergingColour(t: number): [number, number, number] {
  const rgba = [0, 0, 0, 0];
  writeDiverging(t, rgba, 0);
  return [rgba[0]!, rgba[1]!, rgba[2]!];
}

/** max |wᵢ| over finite values; 0 for an empty or all-zero array. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (Number.isFinite(a) && a > m) m = a;
  }
  return m;
}

/**
 * Class k's weights drawn as an image: `weights` is the dense kernel of a softmax regression
 * as tfjs stores it, inputs × units row-major, so w(p, k) = weights[p·units + k] for pixel p.
 * Each pixel is coloured by w(p, k) / scale on the diverging scale (scale 0: all white).
 */
export function weightRgba(
  weights: ArrayLike<number>,
  k: number,
  units: number,
  scale: number,
  rows = 28,
  cols = 28,
): Rgba {
  const n = rows * cols;
  if (weights.length !== n * units)
    throw new Error(
      `weightRgba\u00a0: ${weights.length} poids reçus, ${n * units} attendus (${n} entrées × ${units} classes).`,
    );
  if (!Number.isInteger(k) || k < 0 || k >= units)
    throw new Error(`weightRgba\u00a0: classe ${k} hors de [0, ${units - 1}].`);
  const out = new Uint8ClampedArray(4 * n);
  const inv = scale > 0 ? 1 / scale : 0;
  for (let p = 0; p < n; p++) writeDiverging(weights[p * units + k]! * inv, out, 4 * p);
  return out;
}

/** How PixelTable shows a byte: 'brut' 0–255, 'unit' x/255 ∈ [0, 1], 'symmetric' (x/255 − 0.5)/0.5 ∈ [−1, 1]. */
export type PixelDisplay = 'brut' | 'unit' | 'symmetric';

/** The value the network receives for byte v under a scaling. */
export function scaledPixel(v: number, scaling: PixelDisplay): number {
  if (scaling === 'brut') return v;
  if (scaling === 'unit') return v / 255;
  return (v / 255 - 0.5) / 0.5;
}

/** That value as printed in the table: an integer for 'brut', else 2 decimals, French style. */
export function formatPixel(v: number, scaling: PixelDisplay): string {
  const x = scaledPixel(v, scaling);
  return scaling === 'brut' ? String(x) : formatNumber(x, { digits: 2, fixed: true });
}
