/**
 * The MNIST images in the training worker, the only place they are held: the worker downloads,
 * checks and decodes the site's chunks itself (`loadMnist`, on the page's « load » message) and
 * keeps them on this shelf, where runs wait for the ones they need. The page hears, as notices
 * outside any run, the load's progress, each chunk's arrival with a copy of its labels only (a few
 * kB), the end (with its duration) or the loader's French message; it asks for the pixels of the
 * few images it draws (`images`), by id. A retry after a failure fetches only what is missing
 * (loadMnist keeps what passed its checks for the worker's life).
 */
import { assembleMnistSet, loadMnist, type MnistChunk, type MnistProgress, type MnistSet } from '../../../nn';
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

/** The chunks received so far; a run waits here for the ones it needs. */
export class Shelf {
  private readonly chunks: Record<MnistSetName, Map<number, MnistChunk>> = { train: new Map(), test: new Map() };
  private readonly cache: Record<MnistSetName, MnistSet | null> = { train: null, test: null };
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
      onProgress: (progress) => notify({ kind: 'progress', progress }),
      onChunk: (chunk, file) => {
        // after a retry the chunks already here come again: the page has their labels
        if (this.chunks[file.set].has(chunk.offset)) return;
        this.add(file.set, chunk);
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

  add(set: MnistSetName, chunk: MnistChunk): void {
    this.chunks[set].set(chunk.offset, chunk);
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /** Copies of the images asked for, one after the other; null if one of them has not arrived. */
  images(set: MnistSetName, indices: readonly number[]): Uint8Array | null {
    const chunks = [...this.chunks[set].values()];
    const size = (chunks[0]?.rows ?? 28) * (chunks[0]?.cols ?? 28);
    const out = new Uint8Array(indices.length * size);
    for (const [k, i] of indices.entries()) {
      const c = chunks.find((c) => i >= c.offset && i < c.offset + c.count);
      if (!c) return null;
      out.set(c.images.subarray((i - c.offset) * size, (i - c.offset + 1) * size), k * size);
    }
    return out;
  }

  /** Images of `set` loaded from image 0 without a gap. */
  private loaded(set: MnistSetName): number {
    const chunks = this.chunks[set];
    let loaded = 0;
    while (chunks.has(loaded)) loaded += chunks.get(loaded)!.count;
    return loaded;
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

  /** The first images of `set` that have arrived, as one set (a copy only when they changed). */
  private assembled(set: MnistSetName): MnistSet {
    const loaded = this.loaded(set);
    if (this.cache[set]?.count !== loaded) {
      const chunks = [...this.chunks[set].values()].filter((c) => c.offset < loaded);
      this.cache[set] = assembleMnistSet(chunks, { allowPrefix: true });
    }
    return this.cache[set]!;
  }

  /** The first `n` training images (or more), once their chunks have arrived. */
  async whenTrain(n: number, signal: AbortSignal): Promise<MnistSet> {
    await this.until(() => this.loaded('train') >= n, signal);
    return this.assembled('train');
  }

  /** The whole test set, once it has arrived. */
  async whenTest(signal: AbortSignal): Promise<MnistSet> {
    const complete = () => {
      const first = this.chunks.test.get(0);
      return first !== undefined && this.loaded('test') >= first.total;
    };
    await this.until(complete, signal);
    return this.assembled('test');
  }
}
