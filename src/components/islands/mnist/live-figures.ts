/**
 * What the page shows within an epoch, without slowing the steps down: the running loss and
 * images per second (sent at most every BATCH_EMIT_MS), the accuracy on a small validation
 * sample every PROBE_MS and, for a softmax regression, its weights about once a second. The
 * last two are a prediction or a read queued behind the steps already issued, never awaited.
 */
import type { MnistView } from './view';

/** The within-epoch figures are sent to the page at most this often. */
const BATCH_EMIT_MS = 150;
/** Within an epoch, the accuracy on a validation sample is measured this often. */
const PROBE_MS = 2000;
/** A softmax regression's weights are read this often while it learns. */
const WEIGHTS_MS = 1000;

export interface LiveFiguresOptions {
  /** Batches per epoch, batch size and training images per epoch. */
  readonly batches: number;
  readonly batchSize: number;
  readonly images: number;
  /** The accuracy on the validation sample (a prediction queued behind the steps). */
  readonly probeAccuracy: () => Promise<number>;
  /** The weights to draw, or null when the model has hidden layers. */
  readonly readWeights: (() => Promise<Float32Array>) | null;
  readonly onBatch: (batch: NonNullable<MnistView['batch']>) => void;
  readonly onWeights: (weights: Float32Array) => void;
}

export class LiveFigures {
  private epochStart = performance.now();
  private lossSum = 0;
  private lastEmit = 0;
  private lastProbe = performance.now();
  private lastWeights = 0;
  private probing = false;
  private reading = false;
  private sampleAccuracy: number | null = null;

  constructor(private readonly o: LiveFiguresOptions) {}

  /** `trainTfMlp`'s onBatch: batch k of the epoch (from 0) had this loss. */
  batch(batch: number, loss: number): void {
    const { o } = this;
    if (batch === 0) {
      this.epochStart = performance.now();
      this.lossSum = 0;
    }
    this.lossSum += loss;
    const now = performance.now();
    if (now - this.lastEmit < BATCH_EMIT_MS && batch + 1 < o.batches) return;
    this.lastEmit = now;
    if (now - this.lastWeights > WEIGHTS_MS) this.readWeights(now);
    if (now - this.lastProbe > PROBE_MS) this.probe(now);
    const images = Math.min((batch + 1) * o.batchSize, o.images);
    o.onBatch({
      done: batch + 1,
      total: o.batches,
      loss: this.lossSum / (batch + 1),
      imagesPerSecond: (images * 1000) / Math.max(1, now - this.epochStart),
      sampleAccuracy: this.sampleAccuracy,
    });
  }

  private probe(now: number): void {
    if (this.probing) return;
    this.probing = true;
    this.lastProbe = now;
    void this.o
      .probeAccuracy()
      .then((a) => (this.sampleAccuracy = a))
      .catch(() => {})
      .finally(() => (this.probing = false));
  }

  private readWeights(now: number): void {
    const read = this.o.readWeights;
    if (!read || this.reading) return;
    this.reading = true;
    this.lastWeights = now;
    void read()
      .then(this.o.onWeights)
      .catch(() => {})
      .finally(() => (this.reading = false));
  }
}
