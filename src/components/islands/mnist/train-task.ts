/**
 * The MNIST island's task in its training worker (train-worker.ts), on the shared life cycle
 * (src/training/session.ts): the chunks arrive once, as the page's loader passes them; a run
 * waits for the images it needs, builds the model from the seed, trains epoch after epoch on the
 * fly-made batches, measures on the validation split after each epoch (and, within an epoch, the
 * figures of live-figures.ts), then evaluates on the 10,000 test images and frees its tensors.
 * One clock, started at the click (timing.ts), charges the run's time to its phases. Reports are
 * patches of what the page shows (view.ts): the page only draws them.
 */
import { assembleMnistSet, type MlpWeights, type MnistChunk, type MnistSet } from '../../../nn';
import type { Tf, TfMlp } from '../../../nn/tf';
import type { RunContext, TrainingTask } from '../../../training/session';
import { IMBALANCE_IMAGES, runImbalanceExperiment, type ScenarioResult } from './imbalance-run';
import { LiveFigures } from './live-figures';
import { measure } from './measure';
import { describeConfig, mnistInitialWeights, mnistOptimizer, mnistSplitIndices } from './setup';
import { mnistSpec, type MnistState } from './state';
import { PhaseClock } from './timing';
import type { EpochPoint, MnistRunRecord, MnistView } from './view';

/** Training accuracy is measured on at most this many training images after each epoch. */
const TRAIN_ACCURACY_SAMPLE = 2000;
/** Within an epoch, the accuracy is measured on this many validation images (live-figures.ts). */
const PROBE_SAMPLE = 500;

export type MnistJob =
  | { readonly kind: 'train'; readonly s: MnistState }
  /** An imported model: evaluated on the test set as after a run. */
  | { readonly kind: 'load'; readonly s: MnistState; readonly weights: MlpWeights }
  | { readonly kind: 'imbalance'; readonly s: MnistState };

/** A chunk of the training or test set, as the page's loader checked it. */
export interface MnistInput {
  readonly set: 'train' | 'test';
  readonly chunk: MnistChunk;
}

/** What of the page's view the worker fills (the rest: engine, progress, tensors, the table of runs). */
export type WorkerView = Pick<
  MnistView,
  | 'status'
  | 'message'
  | 'epochs'
  | 'batch'
  | 'timing'
  | 'interrupted'
  | 'imagesPerEpoch'
  | 'validationImages'
  | 'trainSampleImages'
  | 'baselineTensors'
  | 'weights'
  | 'liveWeights'
  | 'spec'
  | 'test'
>;

export interface MnistReport {
  readonly view?: Partial<WorkerView>;
  /** A finished run, for the table of runs. */
  readonly run?: MnistRunRecord;
  /** One scenario of the imbalance experiment. */
  readonly scenario?: ScenarioResult;
}

/** The chunks received so far; a run waits here for the ones it needs. */
class Shelf {
  private readonly train = new Map<number, MnistChunk>();
  private test: MnistChunk | null = null;
  private cache: MnistSet | null = null;
  private waiters: (() => void)[] = [];

  add({ set, chunk }: MnistInput): void {
    if (set === 'test') this.test = chunk;
    else this.train.set(chunk.offset, chunk);
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  private trainLoaded(): number {
    let loaded = 0;
    while (this.train.has(loaded)) loaded += this.train.get(loaded)!.count;
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

  /** The first `n` training images (or more), once their chunks have arrived. */
  async whenTrain(n: number, signal: AbortSignal): Promise<MnistSet> {
    await this.until(() => this.trainLoaded() >= n, signal);
    const loaded = this.trainLoaded();
    if (this.cache?.count !== loaded) {
      const chunks = [...this.train.values()].filter((c) => c.offset < loaded);
      this.cache = assembleMnistSet(chunks, { allowPrefix: true });
    }
    return this.cache;
  }

  async whenTest(signal: AbortSignal): Promise<MnistSet> {
    await this.until(() => this.test !== null, signal);
    return this.test!;
  }
}

export function mnistTask(): TrainingTask<MnistJob, MnistInput, MnistReport> {
  const shelf = new Shelf();
  return {
    input: (input) => shelf.add(input),
    run: (job, ctx) =>
      job.kind === 'train'
        ? train(job.s, ctx, shelf)
        : job.kind === 'load'
          ? load(job.s, job.weights, ctx, shelf)
          : imbalance(job.s, ctx, shelf),
  };
}

type Ctx = RunContext<MnistReport>;

/** The clock of a run, started at the reader's click. */
function clockFrom(ctx: Ctx): PhaseClock {
  let started = false;
  return new PhaseClock(() => (started ? performance.now() : ((started = true), ctx.clickedAt)));
}

async function train(s: MnistState, ctx: Ctx, shelf: Shelf): Promise<void> {
  const clock = clockFrom(ctx);
  // Every patch carries the clock, so the page's table of phases is always the run's so far.
  const send = (view: Partial<WorkerView>, transfer?: Transferable[]) =>
    ctx.report({ view: { ...view, timing: clock.ms } }, transfer);
  send({ status: 'chargement' });
  const images = await shelf.whenTrain(s.n, ctx.signal);
  clock.lap('donnees');
  const { tf, backend } = await ctx.engine();
  clock.lap('moteur');
  ctx.disposeModel();
  const baselineTensors = ctx.tensors();
  const spec = mnistSpec(s);
  const model = await ctx.model(spec, mnistInitialWeights(s));
  const { mnistSource } = await import('../../../nn/tf');
  const split = mnistSplitIndices(s);
  /** A part of the training images, as a batch source and its labels. */
  const part = (indices: readonly number[]) => ({
    source: mnistSource(images, indices, s.echelle),
    labels: Uint8Array.from(indices, (i) => images.labels[i]!),
  });
  const val = part(split.validation);
  const fitSample = part(split.train.slice(0, TRAIN_ACCURACY_SAMPLE));
  const probe = part(split.validation.slice(0, PROBE_SAMPLE));
  const softmax = spec.layers.length === 1;
  // A copy: on the CPU backend `data()` hands over the variable's own storage, which must not be
  // transferred to the page (it would leave the model without weights).
  const readW = async () => {
    if (model.disposed) throw new Error('modèle libéré');
    return Float32Array.from((await model.W[0]!.data()) as Float32Array);
  };
  const figures = new LiveFigures({
    batches: Math.ceil(split.train.length / s.lot),
    batchSize: s.lot,
    images: split.train.length,
    probeAccuracy: async () => {
      if (model.disposed) throw new Error('modèle libéré');
      return (await measure(tf, model, probe.source, probe.labels)).accuracy;
    },
    // A softmax regression's weights are drawn as they learn.
    readWeights: softmax ? readW : null,
    onBatch: (batch) => send({ batch }),
    onWeights: (w) => send({ liveWeights: w }, [w.buffer]),
  });
  const epochs: EpochPoint[] = [];
  send({
    status: 'entrainement',
    message: '',
    spec,
    baselineTensors,
    imagesPerEpoch: split.train.length,
    validationImages: split.validation.length,
    trainSampleImages: fitSample.labels.length,
  });
  clock.lap('preparation');
  const outcome = await ctx.train(model, {
    source: mnistSource(images, split.train, s.echelle),
    optimizer: mnistOptimizer(s, split.train.length),
    batchSize: s.lot,
    epochs: s.epoques,
    seed: s.seed,
    onBatch: (batch, loss) => figures.batch(batch, loss),
    afterEpoch: async (report) => {
      const trainMs = clock.lap('lots');
      const onVal = await measure(tf, model, val.source, val.labels);
      const onFit = await measure(tf, model, fitSample.source, fitSample.labels);
      const liveWeights = softmax ? await readW() : undefined;
      epochs.push({
        epoch: report.epoch,
        loss: report.loss,
        valLoss: onVal.loss,
        accuracy: onFit.accuracy,
        valAccuracy: onVal.accuracy,
        trainMs,
        measureMs: clock.lap('mesures'),
      });
      send({ epochs: [...epochs], ...(liveWeights ? { liveWeights } : {}) }, liveWeights ? [liveWeights.buffer] : []);
    },
    onPause: () => {
      clock.lap('lots');
      send({ status: 'pause', batch: null });
    },
    onResume: () => {
      clock.lap('pause');
      send({ status: 'entrainement' });
    },
  });
  clock.lap('lots');
  if (!ctx.live()) return;
  send({ interrupted: outcome.interrupted });
  if (outcome.result.status === 'diverged') {
    ctx.disposeModel();
    send({ status: 'divergence', message: outcome.result.reason ?? '', batch: null });
    return;
  }
  const weights = await model.getWeights();
  send({ weights, batch: null });
  clock.lap('lots');
  const test = await evaluateOnTest(tf, model, s, ctx, shelf, clock);
  ctx.report({
    run: {
      config: describeConfig(s),
      images: split.train.length,
      epochs: epochs.length,
      backend: backend.name,
      testAccuracy: test.accuracy,
      trainSeconds: (clock.ms.lots + clock.ms.mesures) / 1000,
    },
  });
}

/** The model on the test set (awaited only now: it may still be arriving), then its tensors go. */
async function evaluateOnTest(tf: Tf, model: TfMlp, s: MnistState, ctx: Ctx, shelf: Shelf, clock: PhaseClock) {
  ctx.report({ view: { status: 'evaluation', timing: clock.ms } });
  const testSet = await shelf.whenTest(ctx.signal);
  clock.lap('attenteTest');
  const { mnistSource } = await import('../../../nn/tf');
  const test = await measure(tf, model, mnistSource(testSet, undefined, s.echelle), testSet.labels);
  ctx.disposeModel();
  clock.lap('test');
  ctx.report({ view: { status: 'fini', test, timing: clock.ms } });
  return test;
}

async function load(s: MnistState, weights: MlpWeights, ctx: Ctx, shelf: Shelf): Promise<void> {
  const clock = clockFrom(ctx);
  const { tf } = await ctx.engine();
  clock.lap('moteur');
  const spec = mnistSpec(s);
  const model = await ctx.model(spec, weights);
  ctx.report({ view: { weights, spec } });
  clock.lap('preparation');
  await evaluateOnTest(tf, model, s, ctx, shelf, clock);
}

/** Step 7's experiment, on this worker's engine: one report per scenario. */
async function imbalance(s: MnistState, ctx: Ctx, shelf: Shelf): Promise<void> {
  const [set, testSet] = await Promise.all([shelf.whenTrain(IMBALANCE_IMAGES, ctx.signal), shelf.whenTest(ctx.signal)]);
  const { tf } = await ctx.engine();
  await runImbalanceExperiment(tf, ctx, set, testSet, s, (scenario) => ctx.report({ scenario }));
}
