/**
 * The page's view of the MNIST data, which the training worker downloads, checks and holds
 * (data-shelf.ts): one load for the visit (training set first, test set last), asked for by
 * `load()` and followed through the worker's notices — the progress, each chunk's labels, the end
 * or the loader's French message. The page keeps the labels only (what the class counts, the
 * filters and the confusion matrix need); a component that draws digits asks for just their
 * pixels (`images`), which the worker copies and sends. A failure stops the download; `load()`
 * again retries, and the worker fetches only what is missing.
 */
import { concatBytes, MNIST_DATA_DIR, type MnistProgress } from '../../../nn';
import type { MnistInput, MnistNotice, MnistSetName } from './data-shelf';

export type DataStatus = 'absent' | 'chargement' | 'pret' | 'erreur';

export interface DataView {
  status: DataStatus;
  progress: MnistProgress | null;
  error: string;
  /** Training images loaded so far, from image 0 without a gap. */
  trainLoaded: number;
  testLoaded: boolean;
  /** Milliseconds of the last complete load, in the worker (from the request to the last check). */
  ms: number | null;
  /** The labels of the `trainLoaded` first training images (null before the first chunk). */
  trainLabels: Uint8Array | null;
  /** The test set's labels (null until it has arrived). */
  testLabels: Uint8Array | null;
}

/** The pixels of some images of one set, rows·cols bytes each, in the order asked. */
export type ImagesOf = (indices: readonly number[]) => Promise<Uint8Array>;

interface Waiter {
  need: number | 'test';
  resolve: () => void;
  reject: (e: Error) => void;
}

export class MnistDataStore {
  readonly view: DataView = {
    status: 'absent',
    progress: null,
    error: '',
    trainLoaded: 0,
    testLoaded: false,
    ms: null,
    trainLabels: null,
    testLabels: null,
  };
  /** Each chunk's labels, by set and offset. */
  private readonly chunks: Record<MnistSetName, Map<number, Uint8Array>> = { train: new Map(), test: new Map() };
  /** Images in each whole set, as the chunks say. */
  private readonly totals: Record<MnistSetName, number> = { train: 0, test: 0 };
  private waiters: Waiter[] = [];
  private running: { promise: Promise<void>; done: () => void } | null = null;
  private nextId = 0;
  private readonly requests = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

  /**
   * `base`: the site's base (import.meta.env.BASE_URL); `send`: a message to the training
   * worker (which it starts); the worker's notices come back through `receive`.
   */
  constructor(
    private readonly base: string,
    private readonly send: (input: MnistInput) => void,
    private readonly onChange: (view: DataView) => void,
  ) {}

  /** Starts (or retries) the download in the worker; resolves when it ended, never rejects. */
  load(): Promise<void> {
    if (this.running) return this.running.promise;
    let done!: () => void;
    const promise = new Promise<void>((resolve) => (done = resolve));
    this.running = { promise, done };
    Object.assign(this.view, { status: 'chargement', error: '' });
    this.emit();
    // absolute: the worker's own URL would be the base of a relative one
    this.send({ kind: 'load', url: new URL(`${this.base}${MNIST_DATA_DIR}`, globalThis.location?.href).href });
    return promise;
  }

  /** Resolves once the first `n` training images (or more) are in the worker; rejects if the load fails. */
  whenTrain(n: number): Promise<void> {
    return this.wait(n);
  }

  whenTest(): Promise<void> {
    return this.wait('test');
  }

  /** The pixels of images `indices` of `set`, copied by the worker (ask only for what is drawn). */
  images(set: MnistSetName, indices: readonly number[]): Promise<Uint8Array> {
    const id = ++this.nextId;
    const reply = new Promise<Uint8Array>((resolve, reject) => this.requests.set(id, { resolve, reject }));
    this.send({ kind: 'images', id, set, indices: [...indices] });
    return reply;
  }

  /** A notice of the training worker about the data. */
  receive(n: MnistNotice): void {
    switch (n.kind) {
      case 'progress':
        this.view.progress = n.progress;
        break;
      case 'chunk': {
        this.chunks[n.set].set(n.offset, n.labels);
        this.totals[n.set] = n.total;
        const trainLabels = this.labels('train', this.view.trainLabels);
        // the test set whole or not at all: its images are evaluated together
        const test = this.labels('test', this.view.testLabels);
        const testLabels = test?.length === this.totals.test ? test : null;
        Object.assign(this.view, {
          trainLabels,
          trainLoaded: trainLabels?.length ?? 0,
          testLabels,
          testLoaded: testLabels !== null,
        });
        this.settle();
        break;
      }
      case 'done':
        Object.assign(this.view, { status: 'pret', ms: n.ms });
        this.end();
        break;
      case 'error':
        this.fail(new Error(n.message));
        break;
      case 'images': {
        const request = this.requests.get(n.id);
        this.requests.delete(n.id);
        if (n.images) request?.resolve(n.images);
        else request?.reject(new Error(n.message ?? 'images indisponibles'));
        return; // the view did not change
      }
    }
    this.emit();
  }

  /** The worker could not go on (e.g. it failed to start): the load, if any, fails with `e`. */
  fail(e: Error): void {
    if (this.view.status !== 'chargement') return;
    Object.assign(this.view, { status: 'erreur', error: e.message });
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w.reject(e);
    this.end();
    this.emit();
  }

  private end(): void {
    this.running?.done();
    this.running = null;
  }

  /** The labels of the chunks of `set` that follow each other from image 0 (`last`: the previous answer). */
  private labels(set: MnistSetName, last: Uint8Array | null): Uint8Array | null {
    const chunks = this.chunks[set];
    const parts: Uint8Array[] = [];
    let loaded = 0;
    for (let c = chunks.get(0); c; c = chunks.get(loaded)) {
      parts.push(c);
      loaded += c.length;
    }
    if (loaded === 0) return null;
    if (loaded === last?.length) return last;
    return parts.length === 1 ? parts[0]! : concatBytes(parts);
  }

  private wait(need: number | 'test'): Promise<void> {
    const p = new Promise<void>((resolve, reject) => this.waiters.push({ need, resolve, reject }));
    this.settle();
    if (this.view.status !== 'chargement' && !this.ready(need)) void this.load();
    return p;
  }

  private ready(need: number | 'test'): boolean {
    return need === 'test' ? this.view.testLoaded : this.view.trainLoaded >= need;
  }

  private settle(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!this.ready(w.need)) return true;
      w.resolve();
      return false;
    });
  }

  private emit(): void {
    this.onChange(this.view);
  }
}
