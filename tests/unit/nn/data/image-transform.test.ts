import { describe, expect, it } from 'vitest';
import {
  IDENTITY,
  affineResample,
  boundingBox,
  centreOfMass,
  moveAffine,
  resizeArea,
  rotateImage,
  sampleBilinear,
  scaleImage,
  shiftImage,
  totalInk,
  transformImage,
} from '../../../../src/nn/data/image-transform';
import { createRng } from '../../../../src/nn/data/rng';

/** A rows×cols image with `value` at each listed [row, col]. */
function dots(rows: number, cols: number, points: [number, number][], value = 255): Uint8Array {
  const img = new Uint8Array(rows * cols);
  for (const [r, c] of points) img[r * cols + c] = value;
  return img;
}

/** A random-looking 8×8 image, ink in the middle 4×4 only. */
function blob(seed: number): Uint8Array {
  const rng = createRng(seed);
  const img = new Uint8Array(64);
  for (let r = 2; r < 6; r++) for (let c = 2; c < 6; c++) img[r * 8 + c] = rng.int(256);
  return img;
}

describe('affineResample and its helpers', () => {
  it('the identity leaves the image unchanged', () => {
    const img = blob(1);
    expect(affineResample(img, 8, 8, 8, 8, IDENTITY)).toEqual(img);
    expect(transformImage(img, 8, 8, {})).toEqual(img);
  });

  it('samples between pixels bilinearly, 0 outside', () => {
    const img = new Uint8Array([0, 100, 200, 40]);
    expect(sampleBilinear(img, 2, 2, 0.5, 0)).toBeCloseTo(50);
    expect(sampleBilinear(img, 2, 2, 0.5, 0.5)).toBeCloseTo(85);
    expect(sampleBilinear(img, 2, 2, 1.5, 1)).toBeCloseTo(20); // half the last pixel, half outside
    expect(sampleBilinear(img, 2, 2, -3, 0)).toBe(0);
    expect(sampleBilinear(img, 2, 2, 0, 2)).toBe(0);
  });

  it('a 1-pixel shift moves a dot by one pixel (right and down)', () => {
    const img = dots(5, 5, [[2, 2]]);
    expect(shiftImage(img, 5, 5, 1, 0)).toEqual(dots(5, 5, [[2, 3]]));
    expect(shiftImage(img, 5, 5, 0, 1)).toEqual(dots(5, 5, [[3, 2]]));
    expect(shiftImage(img, 5, 5, -2, -1)).toEqual(dots(5, 5, [[1, 0]]));
  });

  it('a half-pixel shift splits a dot between two pixels', () => {
    const out = shiftImage(dots(3, 4, [[1, 1]], 200), 3, 4, 0.5, 0);
    expect(Array.from(out.subarray(4, 8))).toEqual([0, 100, 100, 0]);
  });

  it('what leaves the frame is lost', () => {
    expect(totalInk(shiftImage(dots(4, 4, [[0, 3]]), 4, 4, 1, 0))).toBe(0);
  });

  it('shift then inverse shift gives the image back (integer shifts, ink inside)', () => {
    const img = blob(2);
    expect(shiftImage(shiftImage(img, 8, 8, 2, -1), 8, 8, -2, 1)).toEqual(img);
  });

  it('rotates by 90° counter-clockwise as seen on screen', () => {
    // an L in a 4×4 frame: top row of the left column, and the bottom row
    const img = dots(4, 4, [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [3, 1],
      [3, 2],
    ]);
    // counter-clockwise: the left column becomes the bottom row, the bottom row the right column
    const expected = dots(4, 4, [
      [3, 0],
      [3, 1],
      [3, 2],
      [3, 3],
      [2, 3],
      [1, 3],
    ]);
    expect(rotateImage(img, 4, 4, 90)).toEqual(expected);
    expect(rotateImage(rotateImage(img, 4, 4, 90), 4, 4, -90)).toEqual(img);
    expect(rotateImage(img, 4, 4, 360)).toEqual(img);
  });

  it.each([7, 15, 30, 45])('a rotation by %i° keeps the ink (within 3 %) and the centre of mass', (deg) => {
    const img = new Uint8Array(28 * 28);
    for (let r = 8; r < 20; r++) for (let c = 11; c < 17; c++) img[r * 28 + c] = 255;
    const out = rotateImage(img, 28, 28, deg);
    expect(Math.abs(totalInk(out) - totalInk(img)) / totalInk(img)).toBeLessThan(0.03);
    const com = centreOfMass(out, 28, 28)!;
    expect(com.row).toBeCloseTo(13.5, 1);
    expect(com.col).toBeCloseTo(13.5, 1);
  });

  it('scaling by 2 about the centre doubles the distance of a dot from the centre', () => {
    // 9×9: centre (4, 4); a dot at (4, 5) goes to (4, 6)
    const out = scaleImage(dots(9, 9, [[4, 5]]), 9, 9, 2);
    expect(boundingBox(out, 9, 9)).toEqual({ top: 3, left: 5, bottom: 5, right: 7 });
    expect(centreOfMass(out, 9, 9)).toEqual({ row: 4, col: 6 });
  });

  it('moveAffine rejects a non-positive scale; wrong sizes are reported', () => {
    expect(() => moveAffine(4, 4, { scale: 0 })).toThrow(/échelle 0/);
    expect(() => shiftImage(new Uint8Array(5), 2, 2, 1, 0)).toThrow(/5 pixels reçus, 4 attendus/);
  });
});

describe('resizeArea', () => {
  it('averages 2×2 blocks when halving', () => {
    const img = new Uint8Array([0, 100, 200, 200, 50, 50, 0, 0]);
    expect(Array.from(resizeArea(img, 2, 4, 1, 2))).toEqual([50, 100]);
  });

  it('weights partial pixels by their overlap (3 → 2)', () => {
    // output 0 covers [0, 1.5): pixel 0 and half of pixel 1
    expect(Array.from(resizeArea([30, 90, 60], 1, 3, 1, 2))).toEqual([50, 70]);
  });

  it('repeats pixels when enlarging and keeps the mean ink', () => {
    const img = blob(3);
    const big = resizeArea(img, 8, 8, 24, 24);
    expect(big[0]).toBe(img[0]);
    expect(big[(3 * 3 + 1) * 24 + 3 * 3 + 2]).toBe(img[3 * 8 + 3]);
    expect(totalInk(big) / 9).toBeCloseTo(totalInk(img), 2);
  });
});

describe('centreOfMass and boundingBox', () => {
  it('find the ink-weighted mean position and the box of the ink', () => {
    const img = dots(6, 5, [[1, 1]], 100);
    img[4 * 5 + 3] = 100; // the same weight at (4, 3)
    expect(centreOfMass(img, 6, 5)).toEqual({ row: 2.5, col: 2 });
    expect(boundingBox(img, 6, 5)).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
  });

  it('ignore pixels at or below the threshold', () => {
    const img = dots(3, 3, [[0, 0]], 10);
    img[4] = 200;
    expect(boundingBox(img, 3, 3, 10)).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
  });

  it('return null for an empty image', () => {
    expect(centreOfMass(new Uint8Array(9), 3, 3)).toBeNull();
    expect(boundingBox(new Uint8Array(9), 3, 3)).toBeNull();
  });
});
