/**
 * A reader's drawing made into an MNIST-like digit, the way MNIST itself was made (LeCun et al.):
 * the ink's bounding box is scaled so that its longer side is 20 pixels (aspect ratio kept,
 * anti-aliased), then placed in a 28×28 frame so that its centre of mass falls on pixel (14, 14).
 * A network trained on MNIST has only ever seen digits prepared this way. No DOM.
 */
import { boundingBox, centreOfMass, resizeArea, type Pixels } from './image-transform';

/** Côté d’une image MNIST, en pixels. */
export const MNIST_SIDE = 28;
/** Côté du cadre du chiffre, en pixels. */
export const MNIST_BOX = 20;
/**
 * Position du centre de masse du chiffre.
 *
 * Where the centre of mass goes, in pixel indices (row and column). Measured on the 10,000 test
 * images: every digit's centre of mass lies in [13.5, 14.5], that is, a rounded shift to 14.
 */
export const MNIST_CENTRE = 14;

export interface MnistPreprocessOptions {
  /** The input value of full ink (255 for bytes or a canvas alpha, 1 for floats in [0, 1]). Default 255. */
  maxValue?: number;
  /** Pixels above this (input units) count as ink for the bounding box. Default 0. */
  threshold?: number;
}

/**
 * Ramène une image au format MNIST.
 *
 * `gray` (rows×cols, row-major, ink high) → a 28×28 Uint8Array (0 background, 255 ink):
 * crop to the ink's bounding box (pixels > threshold); area-resize it to h′×w′ with
 * max(h′, w′) = 20 and the shorter side round(20·short/long) (at least 1); shift it by
 * round(14 − centre of mass) in each direction, clamped so that the digit stays whole in the
 * frame. Values are scaled by 255 / maxValue and clamped to 0–255.
 * Returns null for an empty drawing (no pixel above the threshold).
 */
export function toMnistImage(
  gray: Pixels,
  rows: number,
  cols: number,
  { maxValue = 255, threshold = 0 }: MnistPreprocessOptions = {},
): Uint8Array | null {
  if (!(maxValue > 0) || !Number.isFinite(maxValue))
    throw new Error(`toMnistImage\u00a0: valeur d’encre maximale ${maxValue} invalide (> 0 attendu).`);
  const box = boundingBox(gray, rows, cols, threshold);
  if (!box) return null;
  const h = box.bottom - box.top + 1;
  const w = box.right - box.left + 1;
  const unit = 255 / maxValue;
  const crop = new Float32Array(h * w);
  for (let r = 0; r < h; r++)
    for (let c = 0; c < w; c++) crop[r * w + c] = Math.max(0, gray[(box.top + r) * cols + box.left + c]! * unit);

  const scale = MNIST_BOX / Math.max(h, w);
  const h2 = Math.max(1, Math.min(MNIST_BOX, Math.round(h * scale)));
  const w2 = Math.max(1, Math.min(MNIST_BOX, Math.round(w * scale)));
  const small = resizeArea(crop, h, w, h2, w2);
  const com = centreOfMass(small, h2, w2);
  if (!com) return null;

  const place = (centre: number, size: number) =>
    Math.min(MNIST_SIDE - size, Math.max(0, Math.round(MNIST_CENTRE - centre)));
  const top = place(com.row, h2);
  const left = place(com.col, w2);
  const out = new Uint8Array(MNIST_SIDE * MNIST_SIDE);
  for (let r = 0; r < h2; r++)
    for (let c = 0; c < w2; c++)
      out[(top + r) * MNIST_SIDE + left + c] = Math.min(255, Math.max(0, Math.round(small[r * w2 + c]!)));
  return out;
}
