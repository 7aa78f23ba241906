/**
 * MNIST (project 2, chapter 9): the reader of the original IDX files, the site's compact
 * chunk format (what the build writes under `public/` and the islands fetch), and the batch
 * builder. Images stay `Uint8Array` (1 byte per pixel); floats are made per batch only.
 */
import type { Matrix } from '../math/matrix';

/** A parsed IDX file: dims (e.g. [60000, 28, 28]) and the body, row-major, Π dims bytes. */
export interface IdxArray {
  readonly type: 'ubyte';
  readonly dims: number[];
  /** A view into the input bytes (no copy). */
  readonly data: Uint8Array;
}

const hex = (v: number, digits = 2) => `0x${v.toString(16).padStart(digits, '0')}`;

/**
 * Lit un fichier IDX (format d’origine de MNIST).
 *
 * Reads an IDX file (big-endian): bytes 0–1 zero, byte 2 the type (only 0x08, unsigned byte),
 * byte 3 the number of dims d; then d big-endian uint32 sizes; then exactly Π sizes bytes.
 * MNIST labels start 00 00 08 01 (1 dim), images 00 00 08 03 (3 dims: count, rows, cols).
 * Throws (in French) on a wrong magic, another type, a truncated file or trailing bytes.
 */
export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4)
    throw new Error(`Fichier IDX trop court\u00a0: 4 octets d’en-tête attendus au moins, ${bytes.length} reçus.`);
  if (bytes[0] !== 0 || bytes[1] !== 0)
    throw new Error(
      `Fichier IDX invalide\u00a0: les deux premiers octets doivent valoir 0x00 0x00, reçu ${hex(bytes[0]!)} ${hex(bytes[1]!)}.`,
    );
  const type = bytes[2]!;
  if (type !== 0x08)
    throw new Error(`Fichier IDX\u00a0: type ${hex(type)} non pris en charge (seul 0x08, octet non signé, est lu).`);
  const ndims = bytes[3]!;
  if (ndims < 1) throw new Error('Fichier IDX invalide\u00a0: 0 dimension annoncée (au moins 1 attendue).');
  const headerLength = 4 + 4 * ndims;
  if (bytes.length < headerLength)
    throw new Error(
      `Fichier IDX tronqué\u00a0: en-tête de ${headerLength} octets attendu (${ndims} dimensions), ${bytes.length} reçus.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: ndims }, (_, k) => view.getUint32(4 + 4 * k, false));
  const bodyLength = dims.reduce((a, b) => a * b, 1);
  const received = bytes.length - headerLength;
  if (received !== bodyLength)
    throw new Error(
      `Fichier IDX ${received < bodyLength ? 'tronqué' : 'avec des octets en trop'}\u00a0: ` +
        `${headerLength + bodyLength} octets attendus (dimensions ${dims.join('×')}), ${bytes.length} reçus.`,
    );
  return { type: 'ubyte', dims, data: bytes.subarray(headerLength) };
}

/** A set of images with their labels: images[i·rows·cols + r·cols + c], 0 = white, 255 = black ink. */
export interface MnistSet {
  readonly count: number;
  /** 28 for MNIST. */
  readonly rows: number;
  /** 28 for MNIST. */
  readonly cols: number;
  /** count·rows·cols pixel bytes, image by image, row by row. */
  readonly images: Uint8Array;
  /** count digits 0–9. */
  readonly labels: Uint8Array;
}

function checkLabels(labels: Uint8Array, where: string): void {
  const k = labels.findIndex((v) => v > 9);
  if (k >= 0) throw new Error(`${where}\u00a0: étiquette ${labels[k]} à la position ${k}, chiffre de 0 à 9 attendu.`);
}

/**
 * Lit les fichiers IDX de MNIST.
 *
 * An MNIST pair of IDX files: images (3 dims: count×rows×cols) and labels (1 dim: count).
 * Checks the dimensions, the equal counts and that every label is a digit. Views, no copy.
 */
export function readMnistPair(imagesIdx: Uint8Array, labelsIdx: Uint8Array): MnistSet {
  const images = parseIdx(imagesIdx);
  const labels = parseIdx(labelsIdx);
  if (images.dims.length !== 3)
    throw new Error(`MNIST\u00a0: le fichier d’images doit avoir 3 dimensions, il en a ${images.dims.length}.`);
  if (labels.dims.length !== 1)
    throw new Error(`MNIST\u00a0: le fichier d’étiquettes doit avoir 1 dimension, il en a ${labels.dims.length}.`);
  const [count, rows, cols] = images.dims as [number, number, number];
  if (labels.dims[0] !== count)
    throw new Error(`MNIST\u00a0: ${count} images mais ${labels.dims[0]} étiquettes (il en faut autant).`);
  checkLabels(labels.data, 'MNIST');
  return { count, rows, cols, images: images.data, labels: labels.data };
}

/** A slice of a set, for the site's chunk files: images offset … offset + count − 1 of `total`. */
export interface MnistChunk extends MnistSet {
  /** Index of the chunk's first image in the full set. */
  readonly offset: number;
  /** Number of images in the full set (60,000 or 10,000). */
  readonly total: number;
}

/**
 * Signature des lots MNIST.
 *
 * "NPNM": Neurone Par Neurone, MNIST.
 */
export const MNIST_CHUNK_MAGIC = 'NPNM';
/** Version des lots MNIST. */
export const MNIST_CHUNK_VERSION = 1;
/**
 * Taille de l’en-tête d’un lot MNIST.
 *
 * magic (4) + version, count, rows, cols, offset, total (6 × uint32).
 */
export const MNIST_CHUNK_HEADER_BYTES = 28;

const uint32Fields = ['count', 'rows', 'cols', 'offset', 'total'] as const;

function checkChunkFields(chunk: Omit<MnistChunk, 'images' | 'labels'>, where: string): void {
  for (const key of uint32Fields) {
    const v = chunk[key];
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new Error(`${where}\u00a0: ${key} doit être un entier de 0 à 2³² − 1 (reçu ${v}).`);
  }
  if (chunk.rows < 1 || chunk.cols < 1)
    throw new Error(`${where}\u00a0: images de ${chunk.rows}×${chunk.cols} pixels (au moins 1×1 attendu).`);
  if (chunk.offset + chunk.count > chunk.total)
    throw new Error(
      `${where}\u00a0: les images ${chunk.offset} à ${chunk.offset + chunk.count - 1} dépassent le total de ${chunk.total}.`,
    );
}

/**
 * Écrit un lot MNIST.
 *
 * The site's chunk file: "NPNM", then version (1), count, rows, cols, offset, total as
 * little-endian uint32 (28 bytes in all); then the count labels (1 byte each); then the
 * count·rows·cols pixels. Length: 28 + count·(1 + rows·cols) bytes.
 */
export function encodeMnistChunk(chunk: MnistChunk): Uint8Array {
  checkChunkFields(chunk, 'encodeMnistChunk');
  const { count, rows, cols } = chunk;
  if (chunk.labels.length !== count)
    throw new Error(`encodeMnistChunk\u00a0: ${chunk.labels.length} étiquettes pour ${count} images.`);
  if (chunk.images.length !== count * rows * cols)
    throw new Error(
      `encodeMnistChunk\u00a0: ${chunk.images.length} pixels reçus, ${count * rows * cols} attendus (${count} images de ${rows}×${cols}).`,
    );
  checkLabels(chunk.labels, 'encodeMnistChunk');
  const out = new Uint8Array(MNIST_CHUNK_HEADER_BYTES + count * (1 + rows * cols));
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = MNIST_CHUNK_MAGIC.charCodeAt(k);
  view.setUint32(4, MNIST_CHUNK_VERSION, true);
  uint32Fields.forEach((key, k) => view.setUint32(8 + 4 * k, chunk[key], true));
  out.set(chunk.labels, MNIST_CHUNK_HEADER_BYTES);
  out.set(chunk.images, MNIST_CHUNK_HEADER_BYTES + count);
  return out;
}

/**
 * Lit un lot MNIST.
 *
 * Reads a chunk written by `encodeMnistChunk`, checking the magic, the version, the fields, the
 * exact length and the labels. `images` and `labels` are views into `bytes` (no copy).
 */
export function decodeMnistChunk(bytes: Uint8Array): MnistChunk {
  const where = 'Fichier MNIST du site';
  if (bytes.length < MNIST_CHUNK_HEADER_BYTES)
    throw new Error(
      `${where} tronqué\u00a0: en-tête de ${MNIST_CHUNK_HEADER_BYTES} octets attendu, ${bytes.length} reçus.`,
    );
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_CHUNK_MAGIC)
    throw new Error(
      `${where}\u00a0: signature «\u202f${MNIST_CHUNK_MAGIC}\u202f» attendue, «\u202f${magic}\u202f» trouvée.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MNIST_CHUNK_VERSION)
    throw new Error(
      `${where}\u00a0: version ${version} non prise en charge (version ${MNIST_CHUNK_VERSION} attendue).`,
    );
  const [count, rows, cols, offset, total] = uint32Fields.map((_, k) => view.getUint32(8 + 4 * k, true)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const fields = { count, rows, cols, offset, total };
  checkChunkFields(fields, where);
  const expected = MNIST_CHUNK_HEADER_BYTES + count * (1 + rows * cols);
  if (bytes.length !== expected)
    throw new Error(
      `${where} ${bytes.length < expected ? 'tronqué' : 'avec des octets en trop'}\u00a0: ` +
        `${expected} octets attendus (${count} images de ${rows}×${cols}), ${bytes.length} reçus.`,
    );
  const labels = bytes.subarray(MNIST_CHUNK_HEADER_BYTES, MNIST_CHUNK_HEADER_BYTES + count);
  checkLabels(labels, where);
  return { ...fields, labels, images: bytes.subarray(MNIST_CHUNK_HEADER_BYTES + count) };
}

/** Pixel scaling: 'unit' x/255 ∈ [0, 1]; 'symmetric' (x/255 − 0.5)/0.5 ∈ [−1, 1]. */
export type PixelScaling = 'unit' | 'symmetric';

/**
 * Un lot MNIST — pixels X, étiquettes one-hot Y.
 *
 * A float batch from a set: X is n×(rows·cols) scaled pixels, Y is n×10 one-hot
 * (Yᵢₖ = 1 when labels[indices[i]] = k), labels the n digits — for n = indices.length.
 */
export function mnistBatch(
  set: MnistSet,
  indices: readonly number[],
  scaling: PixelScaling = 'unit',
): { X: Matrix; Y: Matrix; labels: Uint8Array } {
  const pixels = set.rows * set.cols;
  const n = indices.length;
  const X = new Float64Array(n * pixels);
  const Y = new Float64Array(n * 10);
  const labels = new Uint8Array(n);
  const [a, b] = scaling === 'unit' ? [1 / 255, 0] : [2 / 255, -1];
  indices.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0 || r >= set.count)
      throw new Error(`mnistBatch\u00a0: indice ${r} hors de [0, ${set.count - 1}] (position ${i}).`);
    for (let p = 0; p < pixels; p++) X[i * pixels + p] = a * set.images[r * pixels + p]! + b;
    labels[i] = set.labels[r]!;
    Y[i * 10 + labels[i]!] = 1;
  });
  return { X: { rows: n, cols: pixels, data: X }, Y: { rows: n, cols: 10, data: Y }, labels };
}
