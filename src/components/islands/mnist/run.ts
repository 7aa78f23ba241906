/**
 * The MNIST project's training on TensorFlow.js, without Svelte: tfjs is loaded on the first
 * "Entraîner" (once per backend), the model is built from the seed's initial weights, trained
 * epoch after epoch by `trainTfMlp` (batches made on the fly from the bytes, a yield to the
 * browser between steps), measured on the validation set after each epoch and on the 10,000
 * test images at the end; one clock (timing.ts) charges the run's time to its phases. Every tensor goes with the model on reset, on a new backend and on
 * unmount; `numTensors` is shown so that the reader (and the tests) can check it.
 */
import type { MnistSet, MlpWeights } from '../../../nn';
import type { TfMlp } from '../../../nn/tf';
import { disposeTfModel, engineFor, optimizerFor, resetTfModel, type TfEngine } from '../shared/tf-engine';
import { measure } from './measure';
import { LiveFigures } from './live-figures';
import { emptyMnistView, type MnistView } from './view';
import { emptyRunTiming, PhaseClock } from './timing';
import { describeConfig, mnistInitialWeights, mnistOptimizer, mnistSplitIndices } from './setup';
import { mnistSpec, type MnistState } from './state';

/** Training accuracy is measured on at most this many training images after each epoch. */
const TRAIN_ACCURACY_SAMPLE = 2000;
/** Within an epoch, the accuracy is measured on this many validation images (live-figures.ts). */
const PROBE_SAMPLE = 500;

export class MnistRun {
  readonly view: MnistView = emptyMnistView();
  private engine: TfEngine | null = null;
  private abort: AbortController | null = null;
  private generation = 0;
  private pausing = false;
  private resumeWith: ((next: 'resume' | 'stop') => void) | null = null;

  constructor(private readonly onChange: (view: MnistView) => void) {}

  private emit(): void {
    this.view.tensors = this.engine ? this.engine.tf.memory().numTensors : null;
    this.onChange(this.view);
  }

  /** The model, the curves and the evaluation go (the engine and the table of runs stay). */
  reset(): void {
    this.generation++;
    this.abort?.abort();
    this.pausing = false;
    this.resumeWith?.('stop');
    disposeTfModel(this.engine);
    Object.assign(this.view, {
      status: 'repos',
      message: '',
      epochs: [],
      batch: null,
      timing: emptyRunTiming(),
      interrupted: 0,
      weights: null,
      liveWeights: null,
      spec: null,
      test: null,
    });
    this.emit();
  }

  /** Stops after the current step (or from a pause); the weights reached are evaluated. */
  stop(): void {
    if (this.resumeWith) this.resumeWith('stop');
    else this.abort?.abort();
  }

  /** Suspends after the current step, keeping the model; `resume` goes on. */
  pause(): void {
    if (this.view.status !== 'entrainement') return;
    this.pausing = true;
    this.abort?.abort();
  }

  resume(): void {
    this.resumeWith?.('resume');
  }

  destroy(): void {
    this.generation++;
    this.abort?.abort();
    this.resumeWith?.('stop');
    disposeTfModel(this.engine);
    this.engine = null;
  }

  /** The engine for `s.moteur`, loaded once (the previous one's model is disposed). */
  async engineFor(s: Pick<MnistState, 'moteur'>): Promise<TfEngine> {
    this.engine = await engineFor(this.engine, s.moteur, this.view, () => this.emit());
    this.view.backend = this.engine.backend;
    return this.engine;
  }

  /**
   * A whole run: a fresh model from the seed, `s.epoques` epochs on the training split of the
   * first `s.n` images of `train` (awaited here: they may still be arriving), then the test set
   * (awaited only then). Every millisecond from the call to the end is charged to one phase of
   * `view.timing` (timing.ts): waiting for the images, engine, preparation, batches, measures,
   * pause, waiting for the test images, evaluation.
   */
  async train(s: MnistState, train: () => Promise<MnistSet>, test: () => Promise<MnistSet>): Promise<void> {
    const { view } = this;
    if (['entrainement', 'pause', 'chargement', 'evaluation'].includes(view.status)) return;
    this.reset();
    const generation = this.generation;
    const live = () => generation === this.generation;
    const clock = new PhaseClock();
    view.timing = clock.ms;
    view.status = 'chargement';
    this.emit();
    let images: MnistSet;
    try {
      images = await train();
    } catch {
      // The data step shows the loader's French message and its "Réessayer" button.
      if (live()) this.reset();
      return;
    }
    if (!live()) return;
    clock.lap('donnees');
    try {
      const engine = await this.engineFor(s);
      if (!live()) return;
      clock.lap('moteur');
      const { tf } = engine;
      const { trainTfMlp, mnistSource } = await import('../../../nn/tf');
      view.baselineTensors = tf.memory().numTensors;
      const spec = mnistSpec(s);
      const model = await resetTfModel(engine, spec, mnistInitialWeights(s));
      const split = mnistSplitIndices(s);
      /** A part of the training images, as a batch source and its labels. */
      const part = (indices: readonly number[]) => ({
        source: mnistSource(images, indices, s.echelle),
        labels: Uint8Array.from(indices, (i) => images.labels[i]!),
      });
      const trainSource = mnistSource(images, split.train, s.echelle);
      const val = part(split.validation);
      const fitSample = part(split.train.slice(0, TRAIN_ACCURACY_SAMPLE));
      const probe = part(split.validation.slice(0, PROBE_SAMPLE));

      Object.assign(view, {
        message: '',
        spec,
        imagesPerEpoch: split.train.length,
        validationImages: split.validation.length,
        trainSampleImages: fitSample.labels.length,
      });
      // Batches done in the current epoch: a pause or a stop with some done interrupts it.
      let batchesInEpoch = 0;
      const figures = new LiveFigures({
        batches: Math.ceil(split.train.length / s.lot),
        batchSize: s.lot,
        images: split.train.length,
        probeAccuracy: async () => {
          if (model.disposed) throw new Error('modèle libéré');
          return (await measure(tf, model, probe.source, probe.labels)).accuracy;
        },
        // A softmax regression's weights are drawn as they learn.
        readWeights:
          spec.layers.length === 1
            ? async () => {
                if (model.disposed) throw new Error('modèle libéré');
                return (await model.W[0]!.data()) as Float32Array;
              }
            : null,
        onBatch: (batch) => {
          view.batch = batch;
          this.emit();
        },
        onWeights: (w) => {
          if (live()) view.liveWeights = w;
        },
      });
      // Epochs in slices: a pause ends the slice, "Reprendre" starts the next one on the same
      // model and optimiser (Adam's moments kept), "Arrêter" during a pause goes to evaluation.
      const optimizer = mnistOptimizer(s, split.train.length);
      const optimizerInstance = await optimizerFor(engine, optimizer);
      clock.lap('preparation');
      let result: Awaited<ReturnType<typeof trainTfMlp>>;
      for (;;) {
        const done = view.epochs.length;
        this.abort = new AbortController();
        view.status = 'entrainement';
        this.emit();
        result = await trainTfMlp(tf, model, {
          source: trainSource,
          optimizer,
          optimizerInstance,
          batchSize: s.lot,
          epochs: s.epoques - done,
          seed: s.seed + done,
          signal: this.abort.signal,
          onBatch: ({ batch, loss }) => {
            batchesInEpoch = batch + 1;
            figures.batch(batch, loss);
          },
          afterEpoch: async (report) => {
            if (!live()) return 'stop';
            const trainMs = clock.lap('lots');
            batchesInEpoch = 0;
            const onVal = await measure(tf, model, val.source, val.labels);
            const onFit = await measure(tf, model, fitSample.source, fitSample.labels);
            if (spec.layers.length === 1) view.liveWeights = (await model.W[0]!.data()) as Float32Array;
            view.epochs = [
              ...view.epochs,
              {
                epoch: view.epochs.length + 1,
                loss: report.loss,
                valLoss: onVal.loss,
                accuracy: onFit.accuracy,
                valAccuracy: onVal.accuracy,
                trainMs,
                measureMs: clock.lap('mesures'),
              },
            ];
            this.emit();
            return undefined;
          },
        });
        clock.lap('lots');
        if (batchesInEpoch > 0) view.interrupted++;
        batchesInEpoch = 0;
        if (!live() || result.status !== 'stopped' || !this.pausing) break;
        this.pausing = false;
        view.status = 'pause';
        view.batch = null;
        this.emit();
        const next = await new Promise<'resume' | 'stop'>((resolve) => (this.resumeWith = resolve));
        this.resumeWith = null;
        clock.lap('pause');
        if (next === 'stop' || view.epochs.length >= s.epoques) break;
      }
      if (!live()) return;
      if (result.status === 'diverged') {
        Object.assign(view, { status: 'divergence', message: result.reason ?? '', batch: null });
        this.emit();
        return;
      }
      view.weights = await model.getWeights();
      view.batch = null;
      clock.lap('lots');
      if (!(await this.evaluateOnTest(engine, model, s, test, live, clock))) return;
      view.runs = [
        ...view.runs,
        {
          config: describeConfig(s),
          images: split.train.length,
          epochs: view.epochs.length,
          backend: engine.backend.name,
          testAccuracy: view.test!.accuracy,
          trainSeconds: (view.timing.lots + view.timing.mesures) / 1000,
        },
      ];
    } catch (e) {
      if (!live()) return;
      view.progress = null;
      view.status = 'erreur';
      view.message = `L’entraînement n’a pas pu s’exécuter\u00a0: ${e instanceof Error ? e.message : String(e)}. Rechargez la page ou choisissez un autre moteur.`;
    }
    this.emit();
  }

  /**
   * The model on the test set (awaited only now: it may still be arriving), then the tensors go —
   * the JS engine answers the drawings from `view.weights`. False when a reset came in between.
   */
  private async evaluateOnTest(
    engine: TfEngine,
    model: TfMlp,
    s: MnistState,
    test: () => Promise<MnistSet>,
    live: () => boolean,
    clock: PhaseClock,
  ): Promise<boolean> {
    this.view.status = 'evaluation';
    this.emit();
    const testSet = await test();
    if (!live()) return false;
    clock.lap('attenteTest');
    const { mnistSource } = await import('../../../nn/tf');
    this.view.test = await measure(engine.tf, model, mnistSource(testSet, undefined, s.echelle), testSet.labels);
    disposeTfModel(engine);
    clock.lap('test');
    this.view.status = 'fini';
    return true;
  }

  /** Imported weights: evaluated on the test set as after a run. */
  async load(s: MnistState, weights: MlpWeights, test: () => Promise<MnistSet>): Promise<void> {
    this.reset();
    const generation = this.generation;
    const live = () => generation === this.generation;
    const clock = new PhaseClock();
    this.view.timing = clock.ms;
    try {
      const engine = await this.engineFor(s);
      clock.lap('moteur');
      const spec = mnistSpec(s);
      const model = await resetTfModel(engine, spec, weights);
      Object.assign(this.view, { weights, spec });
      clock.lap('preparation');
      if (!(await this.evaluateOnTest(engine, model, s, test, live, clock))) return;
    } catch (e) {
      if (!live()) return;
      this.view.status = 'erreur';
      this.view.message = `Le modèle importé n’a pas pu être évalué\u00a0: ${e instanceof Error ? e.message : String(e)}.`;
    }
    this.emit();
  }
}
