/**
 * The MNIST island's task in its training worker (train-worker.ts), on the shared life cycle
 * (src/training/session.ts): the worker loads the MNIST chunks itself and keeps them (data-shelf.ts,
 * on the page's « load »; the page gets only the labels and the pixels it draws); a run waits for
 * the images it needs, builds the model from the seed, trains epoch after epoch on the
 * fly-made batches, measures on the validation split after each epoch (and, within an epoch, the
 * figures of live-figures.ts), then evaluates on the 10,000 test images and frees its tensors.
 * One clock, started at the click (timing.ts), charges the run's time to its phases. Reports are
 * patches of what the page shows (view.ts): the page only draws them.
 */
import type { MlpWeights } from '../../../nn';
import type { Tf, TfMlp } from '../../../nn/tf';
import type { RunContext, TrainingTask } from '../../../training/session';
import { Shelf, type MnistInput, type MnistNotice } from './data-shelf';
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

export function mnistTask(): TrainingTask<MnistJob, MnistInput, MnistReport, MnistNotice> {
  const shelf = new Shelf();
  return {
    input: (input, notify) => shelf.input(input, notify),
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
