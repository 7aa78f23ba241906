/**
 * The MNIST files for the island's visit: one download of the site's chunks (training set
 * first, test set last), shared by every step; training waits only for the chunks that hold
 * the images it uses, evaluation for the test set. A failure stops the download with the
 * loader's French message; `load()` again retries, and fetches only what is missing.
 */
import {
  assembleMnistSet,
  loadMnist,
  MNIST_DATA_DIR,
  type MnistProgress,
  type MnistChunk,
  type MnistSet,
} from '../../../nn';

export type DataStatus = 'absent' | 'chargement' | 'pret' | 'erreur';

export interface DataView {
  status: DataStatus;
  progress: MnistProgress | null;
  error: string;
  /** Training images loaded so far, from image 0 without a gap. */
  trainLoaded: number;
  testLoaded: boolean;
  /** Milliseconds of the last complete load (from the first request to the last check). */
  ms: number | null;
}

interface Waiter {
  need: number | 'test';
  resolve: (set: MnistSet) => void;
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
  };
  private readonly train = new Map<number, MnistChunk>();
  private test: MnistChunk | null = null;
  private waiters: Waiter[] = [];
  private running: Promise<void> | null = null;

  /** `onChunk`: each chunk as it passes its checks (the island hands it to its training worker). */
  constructor(
    private readonly base: string,
    private readonly onChange: (view: DataView) => void,
    private readonly onChunk: (set: 'train' | 'test', chunk: MnistChunk) => void = () => {},
  ) {}

  /** Starts (or retries) the download; resolves when everything arrived, never rejects. */
  load(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  /** The first `n` training images (or more) as one set, once their chunks have arrived. */
  whenTrain(n: number): Promise<MnistSet> {
    return this.wait(n);
  }

  whenTest(): Promise<MnistSet> {
    return this.wait('test');
  }

  /** The training set loaded so far (null before the first chunk). */
  trainSoFar(): MnistSet | null {
    return this.view.trainLoaded > 0 ? this.assembleTrain() : null;
  }

  testSet(): MnistSet | null {
    return this.test;
  }

  private wait(need: number | 'test'): Promise<MnistSet> {
    const p = new Promise<MnistSet>((resolve, reject) => this.waiters.push({ need, resolve, reject }));
    this.settle();
    if (this.view.status !== 'chargement' && !this.ready(need)) void this.load();
    return p;
  }

  private ready(need: number | 'test'): boolean {
    return need === 'test' ? this.test !== null : this.view.trainLoaded >= need;
  }

  private trainCache: MnistSet | null = null;
  private assembleTrain(): MnistSet {
    if (this.trainCache?.count !== this.view.trainLoaded) {
      const chunks = [...this.train.values()].filter((c) => c.offset < this.view.trainLoaded);
      this.trainCache = assembleMnistSet(chunks, { allowPrefix: true });
    }
    return this.trainCache;
  }

  private settle(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!this.ready(w.need)) return true;
      w.resolve(w.need === 'test' ? this.test! : this.assembleTrain());
      return false;
    });
  }

  private emit(): void {
    this.onChange(this.view);
  }

  private async run(): Promise<void> {
    const started = performance.now();
    Object.assign(this.view, { status: 'chargement', error: '' });
    this.emit();
    try {
      await loadMnist(`${this.base}${MNIST_DATA_DIR}`, {
        onProgress: (p) => {
          this.view.progress = p;
          this.emit();
        },
        onChunk: (chunk, file) => {
          if (file.set === 'test') this.test = chunk;
          else this.train.set(chunk.offset, chunk);
          this.onChunk(file.set, chunk);
          let loaded = 0;
          while (this.train.has(loaded)) loaded += this.train.get(loaded)!.count;
          Object.assign(this.view, { trainLoaded: loaded, testLoaded: this.test !== null });
          this.settle();
          this.emit();
        },
      });
      Object.assign(this.view, { status: 'pret', ms: performance.now() - started });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      Object.assign(this.view, { status: 'erreur', error: error.message });
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w.reject(error);
    }
    this.emit();
  }
}
