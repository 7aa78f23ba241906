/**
 * The one training life cycle of the tfjs islands, inside their worker: the engine (tfjs and its
 * backend, loaded once per backend with progress), the model and its optimiser (kept from run to
 * run until a reset, so a resumed run keeps Adam's moments), runs named by id (a newer start or a
 * reset makes the older run stale: it stops at its next step and its reports are dropped), and
 * epochs in slices: a pause ends the slice after the current step and waits; « Reprendre » starts
 * the next slice on the same model and optimiser, « Arrêter » ends the run there. What a run
 * does — its data, its measures, its reports — is the island's task (`TrainingTask`).
 */
import type { BackendChoice, BackendRequest, Capabilities, EpochReport, MlpSpec, MlpWeights, TrainResult } from '../nn';
import type { LoadProgress, Tf, TfMlp, TfOptimizer, TfTrainOptions } from '../nn/tf';
import { workerTime, type FromTrainer } from './protocol';

/** The epochs of one run: `trainTfMlp`'s options without those the life cycle owns. */
export type SliceOptions = (TfTrainOptions extends infer T
  ? T extends unknown
    ? Omit<T, 'epochs' | 'signal' | 'onEpoch' | 'afterEpoch' | 'onBatch' | 'optimizerInstance' | 'seed'>
    : never
  : never) & {
  /** Epochs to run in all (a pause does not count). */
  readonly epochs: number;
  /** Epochs done before this run: numbering and shuffling seeds (seed + epoch index) go on from there. */
  readonly firstEpoch?: number;
  readonly seed: number;
  /** Batch `batch` (from 0) of the current epoch had this loss. */
  readonly onBatch?: (batch: number, loss: number) => void;
  /** After each epoch (numbered from `firstEpoch` + 1), awaited, outside the epoch's `ms`. */
  readonly afterEpoch?: (report: EpochReport) => Promise<void> | void;
  /** The slice ended on a pause (awaited before waiting), then the run goes on. */
  readonly onPause?: () => Promise<void> | void;
  readonly onResume?: () => void;
};

export interface SliceOutcome {
  /** Its `bestEpoch` (early stopping) is numbered like the epoch reports, from `firstEpoch` + 1. */
  readonly result: TrainResult;
  /** Epochs completed by this run. */
  readonly epochs: number;
  /** Slices that ended within an epoch (a pause or a stop with some of its batches done). */
  readonly interrupted: number;
}

/** What a task's run gets from the life cycle. */
export interface RunContext<R> {
  /** The worker's clock when the reader clicked. */
  readonly clickedAt: number;
  /** False once the page has left this run (reset, a newer start, unmount). */
  live(): boolean;
  /** Aborted when the run becomes stale or is stopped (for work outside `train`). */
  readonly signal: AbortSignal;
  /** The engine for the run's backend, loaded once (the model goes when the backend changes). */
  engine(): Promise<{ tf: Tf; backend: BackendChoice }>;
  /** A fresh model from `weights` (the previous one and its optimiser go), or null: the current one. */
  model(spec: MlpSpec, weights: MlpWeights | null): Promise<TfMlp>;
  /** The epochs, in slices around pauses. */
  train(model: TfMlp, options: SliceOptions): Promise<SliceOutcome>;
  /** The model and its optimiser go (e.g. after the last evaluation). */
  disposeModel(): void;
  tensors(): number | null;
  /** Posts a report (dropped when the run is stale). */
  report(r: R, transfer?: Transferable[]): void;
}

/** Posts a task's notice to the page, outside any run (never dropped as stale). */
export type Notify<N> = (notice: N, transfer?: Transferable[]) => void;

export interface TrainingTask<J, I, R, N = never> {
  /** A message outside runs (e.g. « load the data »); `notify` answers, now or later. */
  input?(input: I, notify: Notify<N>): void;
  run(job: J, ctx: RunContext<R>): Promise<void>;
}

type Next = 'resume' | 'stop' | 'gone';

/** How often a run in the worker yields to its messages (a pause or stop waits at most this long). */
const WORKER_YIELD_MS = 50;

export class TrainingSession<J, I, R, N = never> {
  private engineState: { tf: Tf; backend: BackendChoice; request: BackendRequest } | null = null;
  private modelState: TfMlp | null = null;
  private optimizerState: TfOptimizer | null = null;
  private runId = -1;
  private runAbort = new AbortController();
  /** The run (or reset) under way; the next one waits for it. */
  private running: Promise<void> = Promise.resolve();
  private sliceAbort: AbortController | null = null;
  private pausing = false;
  private resumeWith: ((next: Next) => void) | null = null;

  constructor(
    private readonly task: TrainingTask<J, I, R, N>,
    private readonly post: (m: FromTrainer<R, N>, transfer?: Transferable[]) => void,
  ) {}

  private readonly notify: Notify<N> = (notice, transfer) =>
    this.post({ type: 'notice', notice, tensors: this.tensors() }, transfer);

  tensors(): number | null {
    return this.engineState ? this.engineState.tf.memory().numTensors : null;
  }

  input(input: I): void {
    this.task.input?.(input, this.notify);
  }

  /** The current run (if any) becomes stale: it stops at its next step or leaves its pause. */
  private leave(): void {
    this.runAbort.abort();
    this.sliceAbort?.abort();
    this.pausing = false;
    this.resumeWith?.('gone');
    this.resumeWith = null;
  }

  /**
   * Runs `work` once the previous run or reset has ended (a left run stops at its next step),
   * so that two runs never share the model at the same time.
   */
  private async exclusive(work: () => Promise<void>): Promise<void> {
    const previous = this.running;
    let finish!: () => void;
    this.running = new Promise<void>((resolve) => (finish = resolve));
    try {
      await previous;
      await work();
    } finally {
      finish();
    }
  }

  reset(runId: number): Promise<void> {
    this.leave();
    this.runId = runId;
    return this.exclusive(async () => {
      if (this.runId !== runId) return;
      this.disposeModel();
      this.post({ type: 'memory', runId, tensors: this.tensors() });
    });
  }

  pause(runId: number): void {
    if (runId !== this.runId || !this.sliceAbort || this.resumeWith) return;
    this.pausing = true;
    this.sliceAbort.abort();
  }

  resume(runId: number): void {
    if (runId === this.runId) this.resumeWith?.('resume');
  }

  stop(runId: number): void {
    if (runId !== this.runId) return;
    this.pausing = false;
    if (this.resumeWith) this.resumeWith('stop');
    else this.sliceAbort?.abort();
  }

  private disposeModel(): void {
    this.modelState?.dispose();
    this.optimizerState?.dispose();
    this.modelState = null;
    this.optimizerState = null;
  }

  start(runId: number, request: BackendRequest, caps: Capabilities, job: J, clickedAt: number): Promise<void> {
    this.leave();
    this.runId = runId;
    const abort = (this.runAbort = new AbortController());
    const live = () => this.runId === runId;
    return this.exclusive(async () => {
      if (live()) await this.run(runId, request, caps, job, clickedAt, abort.signal);
    });
  }

  private async run(
    runId: number,
    request: BackendRequest,
    caps: Capabilities,
    job: J,
    clickedAt: number,
    signal: AbortSignal,
  ): Promise<void> {
    const live = () => this.runId === runId;
    const tensors = () => this.tensors();
    const ctx: RunContext<R> = {
      clickedAt: workerTime(clickedAt),
      live,
      signal,
      tensors,
      engine: () => this.engine(runId, request, caps),
      model: async (spec, weights) => {
        if (weights === null) {
          if (!this.modelState || this.modelState.disposed)
            throw new Error('Le modèle TensorFlow.js n’existe plus (réinitialisez la démo).');
          return this.modelState;
        }
        const { tf } = await this.engine(runId, request, caps);
        const { createTfMlp } = await import('../nn/tf');
        this.disposeModel();
        this.modelState = createTfMlp(tf, spec, weights);
        return this.modelState;
      },
      train: (model, options) => this.train(runId, model, options),
      disposeModel: () => {
        if (live()) this.disposeModel();
      },
      report: (report, transfer) => {
        if (live()) this.post({ type: 'report', runId, report, tensors: tensors() }, transfer);
      },
    };
    try {
      await this.task.run(job, ctx);
    } catch (e) {
      if (live())
        this.post({
          type: 'error',
          runId,
          message: e instanceof Error ? e.message : String(e),
          tensors: tensors(),
        });
    }
    if (live()) this.post({ type: 'end', runId, tensors: tensors() });
  }

  private async engine(runId: number, request: BackendRequest, caps: Capabilities) {
    const current = this.engineState;
    if (current && current.request === request) return current;
    this.disposeModel();
    const progress = (p: LoadProgress | null) => {
      if (runId === this.runId) this.post({ type: 'progress', runId, progress: p, tensors: this.tensors() });
    };
    const { loadTf } = await import('../nn/tf');
    const { tf, backend } = await loadTf(request, () => Promise.resolve(caps), progress);
    this.engineState = { tf, backend, request };
    progress(null);
    if (runId === this.runId) this.post({ type: 'engine', runId, backend, tensors: this.tensors() });
    return this.engineState;
  }

  /** The optimiser for `config`: the same one from run to run, a new one when the settings changed. */
  private async optimizer(tf: Tf, config: SliceOptions['optimizer']): Promise<TfOptimizer> {
    const current = this.optimizerState;
    if (current && JSON.stringify(current.config) === JSON.stringify(config)) return current;
    current?.dispose();
    const { createTfOptimizer } = await import('../nn/tf');
    this.optimizerState = createTfOptimizer(tf, config);
    return this.optimizerState;
  }

  private async train(runId: number, model: TfMlp, o: SliceOptions): Promise<SliceOutcome> {
    const { tf } = this.engineState!;
    const { trainTfMlp } = await import('../nn/tf');
    const optimizerInstance = await this.optimizer(tf, o.optimizer);
    const first = o.firstEpoch ?? 0;
    const live = () => this.runId === runId;
    let done = 0;
    let interrupted = 0;
    this.pausing = false;
    let result: TrainResult;
    const { onBatch, afterEpoch, onPause, onResume, ...rest } = o;
    const options = { ...rest, firstEpoch: undefined };
    let sliceStart: number;
    for (;;) {
      const abort = (this.sliceAbort = new AbortController());
      sliceStart = first + done;
      let inEpoch = 0;
      result = await trainTfMlp(tf, model, {
        // In a worker a yield only lets pause and stop messages in: every 50 ms is soon enough.
        yieldEveryMs: WORKER_YIELD_MS,
        ...options,
        optimizerInstance,
        epochs: o.epochs - done,
        seed: o.seed + first + done,
        signal: abort.signal,
        onBatch: ({ batch, loss }) => {
          inEpoch = batch + 1;
          onBatch?.(batch, loss);
        },
        afterEpoch: async (report) => {
          if (!live()) return 'stop';
          done++;
          inEpoch = 0;
          await afterEpoch?.({ ...report, epoch: first + done });
          return undefined;
        },
      });
      if (this.sliceAbort === abort) this.sliceAbort = null;
      if (inEpoch > 0) interrupted++;
      if (!live() || result.status !== 'stopped' || !this.pausing) break;
      this.pausing = false;
      // Waiting starts now, so that a stop or resume sent while `onPause` works is not lost.
      const waiting = new Promise<Next>((resolve) => (this.resumeWith = resolve));
      await onPause?.();
      const next = await waiting;
      this.resumeWith = null;
      if (next !== 'resume' || done >= o.epochs) break;
      onResume?.();
    }
    // early stopping counted its best epoch within the last slice: numbered like the reports
    const best = result.bestEpoch === undefined ? {} : { bestEpoch: sliceStart + result.bestEpoch };
    return { result: { ...result, epochs: done, ...best }, epochs: done, interrupted };
  }
}
