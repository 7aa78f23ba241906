/**
 * A `BatchSource` over an `MnistSet`: the images stay bytes, each batch's floats are made on
 * the fly through a 256-entry lookup table (the scaling precomputed once, no per-pixel
 * division), the targets are one-hot rows of 10.
 */
import type { MnistSet, PixelScaling } from '../data/mnist';
import type { BatchSource } from './predict';

/**
 * Examples `indices` of `set` (all of them, in order, when omitted), as a source of `rows·cols`
 * scaled pixels ('unit' x/255 ∈ [0, 1], 'symmetric' 2x/255 − 1 ∈ [−1, 1], as `mnistBatch`)
 * and 10 one-hot targets: row r of a batch is example indices[batch[r]] of the set.
 */
export function mnistSource(set: MnistSet, indices?: readonly number[], scaling: PixelScaling = 'unit'): BatchSource {
  const pixels = set.rows * set.cols;
  if (set.images.length !== set.count * pixels || set.labels.length !== set.count)
    throw new Error(
      `mnistSource\u00a0: ${set.count} exemples annoncés, ${set.images.length} pixels et ${set.labels.length} étiquettes reçus.`,
    );
  const rows = indices ? Int32Array.from(indices) : null;
  rows?.forEach((r, i) => {
    if (!Number.isInteger(indices![i]) || r < 0 || r >= set.count)
      throw new Error(`mnistSource\u00a0: indice ${indices![i]} hors de [0, ${set.count - 1}] (position ${i}).`);
  });
  const [a, b] = scaling === 'unit' ? [1 / 255, 0] : [2 / 255, -1];
  const table = Float32Array.from({ length: 256 }, (_, v) => a * v + b);
  const { images, labels } = set;
  return {
    count: rows ? rows.length : set.count,
    inputs: pixels,
    outputs: 10,
    fill(batch, x, y) {
      const m = batch.length;
      y.fill(0, 0, m * 10);
      for (let r = 0; r < m; r++) {
        const example = rows ? rows[batch[r]!]! : batch[r]!;
        const from = example * pixels;
        const to = r * pixels;
        for (let p = 0; p < pixels; p++) x[to + p] = table[images[from + p]!]!;
        y[r * 10 + labels[example]!] = 1;
      }
    },
  };
}
