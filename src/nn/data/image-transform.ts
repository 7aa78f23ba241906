/**
 * Pure geometry on grayscale images (MNIST digits, a reader's drawing): affine resampling with
 * bilinear interpolation (shift, rotation, scaling, used to augment data), area resizing
 * (anti-aliased shrinking), centre of mass and bounding box of the ink.
 * An image is row-major: pixel (r, c) at img[r·cols + c], 0 = background, high = ink.
 * Coordinates are pixel indices: pixel (r, c) holds the value at the point x = c, y = r
 * (y points down, as on a screen). No DOM.
 */

/** Any array of pixel values (Uint8Array, Float32Array, number[]…). */
export type Pixels = ArrayLike<number>;

/**
 * An affine map from an output point (x, y) to the source point it samples:
 * x_src = a·x + b·y + c, y_src = d·x + e·y + f, written [a, b, c, d, e, f].
 */
export type Affine = readonly [number, number, number, number, number, number];

/** La transformation identité (image inchangée). */
export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

function checkSize(img: Pixels, rows: number, cols: number, where: string): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1)
    throw new Error(`${where}\u00a0: taille ${rows}×${cols} invalide (entiers ≥ 1 attendus).`);
  if (img.length !== rows * cols)
    throw new Error(`${where}\u00a0: ${img.length} pixels reçus, ${rows * cols} attendus (${rows}×${cols}).`);
}

/**
 * Interpolation bilinéaire d’une image en (x, y).
 *
 * Bilinear value of `src` (rows×cols) at the real point (x, y); the image is surrounded by 0,
 * so a point beyond the last pixel centre fades to 0 within one pixel.
 */
export function sampleBilinear(src: Pixels, rows: number, cols: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < -1 || y0 < -1 || x0 >= cols || y0 >= rows) return 0;
  const tx = x - x0;
  const ty = y - y0;
  const at = (r: number, c: number) => (r >= 0 && r < rows && c >= 0 && c < cols ? src[r * cols + c]! : 0);
  const top = at(y0, x0) * (1 - tx) + at(y0, x0 + 1) * tx;
  const bottom = at(y0 + 1, x0) * (1 - tx) + at(y0 + 1, x0 + 1) * tx;
  return top * (1 - ty) + bottom * ty;
}

/**
 * Rééchantillonne une image par une transformation affine.
 *
 * out[r·outCols + c] = src sampled (bilinear, 0 outside) at inverse(x = c, y = r), rounded and
 * clamped to 0–255: `inverse` maps each output pixel back to the source, so no hole appears.
 * src is srcRows×srcCols → Uint8Array of outRows×outCols.
 */
export function affineResample(
  src: Pixels,
  srcRows: number,
  srcCols: number,
  outRows: number,
  outCols: number,
  inverse: Affine,
): Uint8Array {
  checkSize(src, srcRows, srcCols, 'affineResample');
  checkSize({ length: outRows * outCols }, outRows, outCols, 'affineResample (sortie)');
  const [a, b, c, d, e, f] = inverse;
  const out = new Uint8Array(outRows * outCols);
  for (let r = 0; r < outRows; r++)
    for (let k = 0; k < outCols; k++) {
      const v = sampleBilinear(src, srcRows, srcCols, a * k + b * r + c, d * k + e * r + f);
      out[r * outCols + k] = Math.min(255, Math.max(0, Math.round(v)));
    }
  return out;
}

/** A geometric change of an image, about its centre: first scaled, then rotated, then shifted. */
export interface ImageMove {
  /** Pixels to the right (negative: to the left). Default 0. */
  dx?: number;
  /** Pixels down (negative: up). Default 0. */
  dy?: number;
  /** Degrees, counter-clockwise as seen on the screen. Default 0. */
  degrees?: number;
  /** Size factor (> 0), 1 keeps the size. Default 1. */
  scale?: number;
}

/**
 * La transformation affine d’un déplacement d’image.
 *
 * The output → source map of a move about the centre ((cols − 1)/2, (rows − 1)/2): the source
 * point of (x, y) is centre + R(−θ)·((x, y) − centre − (dx, dy)) / scale, with R(θ) the visual
 * counter-clockwise rotation on a y-down screen.
 */
export function moveAffine(rows: number, cols: number, { dx = 0, dy = 0, degrees = 0, scale = 1 }: ImageMove): Affine {
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`moveAffine\u00a0: facteur d’échelle ${scale} invalide (> 0).`);
  const cx = (cols - 1) / 2;
  const cy = (rows - 1) / 2;
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t) / scale;
  const sin = Math.sin(t) / scale;
  // u = x − cx − dx, v = y − cy − dy; x_src = cx + cos·u − sin·v, y_src = cy + sin·u + cos·v
  const ox = -cx - dx;
  const oy = -cy - dy;
  return [cos, -sin, cx + cos * ox - sin * oy, sin, cos, cy + sin * ox + cos * oy];
}

/**
 * Déplace une image (échelle, rotation, translation).
 *
 * The image moved (scaled, rotated, shifted about its centre), same size, bilinear, 0 outside.
 */
export function transformImage(img: Pixels, rows: number, cols: number, move: ImageMove): Uint8Array {
  return affineResample(img, rows, cols, rows, cols, moveAffine(rows, cols, move));
}

/**
 * Décale une image de dx pixels à droite et dy vers le bas.
 *
 * The image shifted by dx pixels to the right and dy down; what leaves the frame is lost.
 */
export function shiftImage(img: Pixels, rows: number, cols: number, dx: number, dy: number): Uint8Array {
  return transformImage(img, rows, cols, { dx, dy });
}

/**
 * Tourne une image autour de son centre.
 *
 * The image rotated by `degrees` counter-clockwise (as seen on screen) about its centre.
 */
export function rotateImage(img: Pixels, rows: number, cols: number, degrees: number): Uint8Array {
  return transformImage(img, rows, cols, { degrees });
}

/**
 * Agrandit ou réduit une image autour de son centre.
 *
 * The image scaled by `factor` about its centre (same frame: > 1 zooms in, < 1 shrinks).
 */
export function scaleImage(img: Pixels, rows: number, cols: number, factor: number): Uint8Array {
  return transformImage(img, rows, cols, { scale: factor });
}

/**
 * For each output index i of a 1-D resize n → m: the source cells it covers,
 * [i·n/m, (i+1)·n/m), with their overlap lengths divided by n/m (so the weights sum to 1).
 */
function areaWeights(n: number, m: number): { index: number; weight: number }[][] {
  const step = n / m;
  return Array.from({ length: m }, (_, i) => {
    const lo = i * step;
    const hi = (i + 1) * step;
    const cells: { index: number; weight: number }[] = [];
    for (let j = Math.floor(lo); j < Math.min(n, Math.ceil(hi)); j++) {
      const overlap = Math.min(hi, j + 1) - Math.max(lo, j);
      if (overlap > 1e-12) cells.push({ index: j, weight: overlap / step });
    }
    return cells;
  });
}

/**
 * Redimensionne une image en moyennant les pixels couverts.
 *
 * Area resize (box filter): each output pixel is the mean of the source area it covers,
 * partial pixels weighted by their overlap. Shrinking thus anti-aliases (a thin stroke turns
 * gray instead of vanishing); enlarging repeats pixels. srcRows×srcCols → Float32Array outRows×outCols.
 */
export function resizeArea(
  src: Pixels,
  srcRows: number,
  srcCols: number,
  outRows: number,
  outCols: number,
): Float32Array {
  checkSize(src, srcRows, srcCols, 'resizeArea');
  checkSize({ length: outRows * outCols }, outRows, outCols, 'resizeArea (sortie)');
  const wx = areaWeights(srcCols, outCols);
  const wy = areaWeights(srcRows, outRows);
  // Separable: columns first (srcRows×outCols), then rows.
  const mid = new Float32Array(srcRows * outCols);
  for (let r = 0; r < srcRows; r++)
    for (let k = 0; k < outCols; k++) {
      let s = 0;
      for (const { index, weight } of wx[k]!) s += weight * src[r * srcCols + index]!;
      mid[r * outCols + k] = s;
    }
  const out = new Float32Array(outRows * outCols);
  for (let r = 0; r < outRows; r++)
    for (const { index, weight } of wy[r]!)
      for (let k = 0; k < outCols; k++) out[r * outCols + k]! += weight * mid[index * outCols + k]!;
  return out;
}

/** La somme des pixels d’une image (son encre). */
export function totalInk(img: Pixels): number {
  let s = 0;
  for (let i = 0; i < img.length; i++) s += img[i]!;
  return s;
}

/**
 * Le centre de masse d’une image.
 *
 * The ink-weighted mean position: row = Σ r·v / Σ v, col = Σ c·v / Σ v (pixel indices, so
 * the centre of a 28×28 image is 13.5). null when there is no ink (Σ v ≤ 0).
 */
export function centreOfMass(img: Pixels, rows: number, cols: number): { row: number; col: number } | null {
  checkSize(img, rows, cols, 'centreOfMass');
  let s = 0;
  let sr = 0;
  let sc = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = img[r * cols + c]!;
      s += v;
      sr += r * v;
      sc += c * v;
    }
  return s > 0 ? { row: sr / s, col: sc / s } : null;
}

/** Inclusive pixel bounds: rows top..bottom, columns left..right. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Le cadre de l’encre d’une image, ou null.
 *
 * The smallest box holding every pixel above `threshold` (default 0); null when there is none.
 */
export function boundingBox(img: Pixels, rows: number, cols: number, threshold = 0): Box | null {
  checkSize(img, rows, cols, 'boundingBox');
  let top = rows;
  let left = cols;
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      if (img[r * cols + c]! > threshold) {
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
  return bottom < 0 ? null : { top, left, bottom, right };
}
