/**
 * The MNIST images in the training worker, the only place they are held: the worker downloads,
 * checks and decodes the site's chunks itself (`loadMnist`, on the page's « load » message) and
 * keeps them on this shelf, where runs wait for the ones they need. The page hears, as notices
 * outside any run, the load's progress, each chunk's arrival with a copy of its labels only (a few
 * kB), the end (with its duration) or the loader's French message; it asks for the pixels of the
 * few images it draws (`images`), by id. Each image is held once: a set's pixels live in one
 * buffer of its full size, each chunk copied to its place on arrival and then let go (loadMnist
 * with `cache: false` keeps none), and a run trains on a prefix view of that buffer, never a copy
 * (47 MB for the training set). A retry after a failure fetches only what is missing (`has`).
 */
import { loadMnist, type MnistChunk, type MnistProgress, type MnistSet } from '../../../nn';
import type { Notify } from '../../../training/session';

export type MnistSetName = 'train' | 'test';

/** Page → worker, outside runs. */
export type MnistInput =
  /** Load the files from `url` (the folder holding manifest.json, absolute); again after a failure. */
  | { readonly kind: 'load'; readonly url: string }
  /** The pixels of these images of `set`, answered by an `images` notice with the same id. */
  | { readonly kind: 'images'; readonly id: number; readonly set: MnistSetName; readonly indices: readonly number[] };

/** Worker → page, outside runs. */
export type MnistNotice =
  | { readonly kind: 'progress'; readonly progress: MnistProgress }
  /** A chunk passed its checks: its place, its set's size, a copy of its labels (the images stay here). */
  | {
      readonly kind: 'chunk';
      readonly set: MnistSetName;
      readonly offset: number;
      readonly total: number;
      readonly labels: Uint8Array;
    }
  /** Every chunk arrived, `ms` after the load was asked for (in the worker). */
  | { readonly kind: 'done'; readonly ms: number }
  /** The load failed: the loader's French message (a new `load` retries). */
  | { readonly kind: 'error'; readonly message: string }
  /** The images asked for, rows·cols bytes each in the order asked; null with `message` if some are not here. */
  | {
      readonly kind: 'images';
      readonly id: number;
      readonly images: Uint8Array | null;
      readonly message?: string;
    };

/** One set on the shelf: its pixels and labels at their places, and which chunks have arrived. */
interface SetOnShelf {
  readonly rows: number;
  readonly cols: number;
  readonly total: number;
  /** total·rows·cols bytes, allocated at the first chunk; a chunk's images go at offset·rows·cols. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  /** offset → count of the chunks arrived. */
  readonly arrived: Map<number, number>;
  /** The images arrived from image 0 without a gap, and the set they make (views, rebuilt when it grows). */
  loaded: number;
  prefix: MnistSet | null;
}

/** The images received so far; a run waits here for the ones it needs. */
export class Shelf {
  private readonly sets: Record<MnistSetName, SetOnShelf | null> = { train: null, test: null };
  private waiters: (() => void)[] = [];
  private loading = false;

  /** `loader`: loadMnist (the tests give it their files). */
  constructor(private readonly loader: typeof loadMnist = loadMnist) {}

  /** The page's message: a load (one at a time) or a request for pixels. */
  input(input: MnistInput, notify: Notify<MnistNotice>): void {
    if (input.kind === 'load') this.load(input.url, notify);
    else {
      const images = this.images(input.set, input.indices);
      notify(
        images
          ? { kind: 'images', id: input.id, images }
          : { kind: 'images', id: input.id, images: null, message: 'images pas encore chargées' },
        images ? [images.buffer] : [],
      );
    }
  }

  private load(url: string, notify: Notify<MnistNotice>): void {
    if (this.loading) return;
    this.loading = true;
    const started = performance.now();
    this.loader(url, {
      // the chunks are copied here and let go: loadMnist keeps none, and a retry skips those here
      cache: false,
      has: (file) => this.sets[file.set]?.arrived.has(file.offset) ?? false,
      onProgress: (progress) => notify({ kind: 'progress', progress }),
      onChunk: (chunk, file) => {
        if (!this.add(file.set, chunk)) return;
        const labels = chunk.labels.slice();
        const { offset, total } = chunk;
        notify({ kind: 'chunk', set: file.set, offset, total, labels }, [labels.buffer]);
      },
    })
      .then(
        () => notify({ kind: 'done', ms: performance.now() - started }),
        (e: unknown) => notify({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => (this.loading = false));
  }

  /** Copies `chunk` to its place in its set's buffer; false if it was already here. */
  private add(set: MnistSetName, chunk: MnistChunk): boolean {
    const { rows, cols, total, offset, count } = chunk;
    const held = (this.sets[set] ??= {
      rows,
      cols,
      total,
      images: new Uint8Array(total * rows * cols),
      labels: new Uint8Array(total),
      arrived: new Map(),
      loaded: 0,
      prefix: null,
    });
    if (held.arrived.has(offset)) return false;
    // loadMnist checked each chunk against one manifest: this guards the shelf's own arithmetic
    if (rows !== held.rows || cols !== held.cols || total !== held.total || offset + count > total)
      throw new Error(`Le lot à l’image ${offset} ne vient pas du même ensemble d’images.`);
    held.images.set(chunk.images, offset * rows * cols);
    held.labels.set(chunk.labels, offset);
    held.arrived.set(offset, count);
    while (held.arrived.has(held.loaded)) held.loaded += held.arrived.get(held.loaded)!;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
    return true;
  }

  /** Copies of the images asked for, one after the other; null if one of them has not arrived. */
  images(set: MnistSetName, indices: readonly number[]): Uint8Array | null {
    const held = this.sets[set];
    const size = (held?.rows ?? 28) * (held?.cols ?? 28);
    const chunks = [...(held?.arrived ?? [])];
    const out = new Uint8Array(indices.length * size);
    for (const [k, i] of indices.entries()) {
      if (!held || !chunks.some(([offset, count]) => i >= offset && i < offset + count)) return null;
      out.set(held.images.subarray(i * size, (i + 1) * size), k * size);
    }
    return out;
  }

  private async until(ready: () => boolean, signal: AbortSignal): Promise<void> {
    while (!ready()) {
      if (signal.aborted) throw new Error('abandonné');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  }

  /** The first images of `set` that have arrived, as one set: views into the shelf's buffer, no copy. */
  private prefix(set: MnistSetName): MnistSet {
    const held = this.sets[set]!;
    const { rows, cols, loaded } = held;
    if (held.prefix?.count !== loaded)
      held.prefix = {
        count: loaded,
        rows,
        cols,
        images: held.images.subarray(0, loaded * rows * cols),
        labels: held.labels.subarray(0, loaded),
      };
    return held.prefix;
  }

  /** The first `n` training images (or more), once their chunks have arrived. */
  async whenTrain(n: number, signal: AbortSignal): Promise<MnistSet> {
    await this.until(() => this.sets.train !== null && this.sets.train.loaded >= n, signal);
    return this.prefix('train');
  }

  /** The whole test set, once it has arrived. */
  async whenTest(signal: AbortSignal): Promise<MnistSet> {
    const complete = () => this.sets.test !== null && this.sets.test.loaded >= this.sets.test.total;
    await this.until(complete, signal);
    return this.prefix('test');
  }
}
