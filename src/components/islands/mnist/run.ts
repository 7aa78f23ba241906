/**
 * The MNIST project's training on TensorFlow.js, without Svelte: tfjs is loaded on the first
 * "Entraîner" (once per backend), the model is built from the seed's initial weights, trained
 * epoch after epoch by `trainTfMlp` (batches made on the fly from the bytes, a yield to the
 * browser between steps), measured on the validation set after each epoch and on the 10,000
 * test images at the end. Every tensor goes with the model on reset, on a new backend and on
 * unmount; `numTensors` is shown so that the reader (and the tests) can check it.
 */
import type { MnistSet } from '../../../nn/data/mnist';
import type { MlpWeights } from '../../../nn/spec';
import type { TfMlp } from '../../../nn/tf/model';
import { disposeTfModel, engineFor, optimizerFor, resetTfModel, type TfEngine } from '../shared/tf-engine';
import { measure } from './measure';
import { LiveFigures } from './live-figures';
import { emptyMnistView, type MnistView } from './view';
import { describeConfig, mnistInitialWeights, mnistSplitIndices } from './setup';
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
      trainMs: 0,
      evalMs: null,
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
    const previous = this.engine;
    const started = performance.now();
    this.engine = await engineFor(previous, s.moteur, this.view, () => this.emit());
    if (this.engine !== previous) this.view.tfLoadMs = performance.now() - started;
    this.view.backend = this.engine.backend;
    return this.engine;
  }

  /**
   * A whole run: a fresh model from the seed, `s.epoques` epochs on the training split of the
   * first `s.n` images of `train`, then the test set (awaited only then: it may still be arriving).
   */
  async train(s: MnistState, train: MnistSet, test: () => Promise<MnistSet>): Promise<void> {
    const { view } = this;
    if (['entrainement', 'pause', 'chargement', 'evaluation'].includes(view.status)) return;
    this.reset();
    const generation = this.generation;
    const live = () => generation === this.generation;
    try {
      const engine = await this.engineFor(s);
      if (!live()) return;
      const { tf } = engine;
      const [{ trainTfMlp }, { mnistSource }] = await Promise.all([
        import('../../../nn/tf/train'),
        import('../../../nn/tf/mnist-source'),
      ]);
      view.baselineTensors = tf.memory().numTensors;
      const spec = mnistSpec(s);
      const model = await resetTfModel(engine, spec, mnistInitialWeights(s));
      const split = mnistSplitIndices(s);
      /** A part of the training images, as a batch source and its labels. */
      const part = (indices: readonly number[]) => ({
        source: mnistSource(train, indices, s.echelle),
        labels: Uint8Array.from(indices, (i) => train.labels[i]!),
      });
      const trainSource = mnistSource(train, split.train, s.echelle);
      const val = part(split.validation);
      const fitSample = part(split.train.slice(0, TRAIN_ACCURACY_SAMPLE));
      const probe = part(split.validation.slice(0, PROBE_SAMPLE));

      Object.assign(view, { message: '', spec, imagesPerEpoch: split.train.length });
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
      const optimizer = { name: s.optim, learningRate: s.lr } as const;
      let result: Awaited<ReturnType<typeof trainTfMlp>>;
      for (;;) {
        const done = view.epochs.length;
        this.abort = new AbortController();
        view.status = 'entrainement';
        this.emit();
        result = await trainTfMlp(tf, model, {
          source: trainSource,
          optimizer,
          optimizerInstance: await optimizerFor(engine, optimizer),
          batchSize: s.lot,
          epochs: s.epoques - done,
          seed: s.seed + done,
          signal: this.abort.signal,
          onBatch: ({ batch, loss }) => figures.batch(batch, loss),
          afterEpoch: async (report) => {
            if (!live()) return 'stop';
            const measureStart = performance.now();
            const onVal = await measure(tf, model, val.source, val.labels);
            const onFit = await measure(tf, model, fitSample.source, fitSample.labels);
            if (spec.layers.length === 1) view.liveWeights = (await model.W[0]!.data()) as Float32Array;
            view.trainMs += report.ms;
            view.epochs = [
              ...view.epochs,
              {
                epoch: view.epochs.length + 1,
                loss: report.loss,
                valLoss: onVal.loss,
                accuracy: onFit.accuracy,
                valAccuracy: onVal.accuracy,
                ms: report.ms + performance.now() - measureStart,
              },
            ];
            this.emit();
            return undefined;
          },
        });
        if (!live() || result.status !== 'stopped' || !this.pausing) break;
        this.pausing = false;
        view.status = 'pause';
        view.batch = null;
        this.emit();
        const next = await new Promise<'resume' | 'stop'>((resolve) => (this.resumeWith = resolve));
        this.resumeWith = null;
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
      if (!(await this.evaluateOnTest(engine, model, s, test, live))) return;
      view.runs = [
        ...view.runs,
        {
          config: describeConfig(s),
          images: split.train.length,
          epochs: view.epochs.length,
          backend: engine.backend.name,
          testAccuracy: view.test!.accuracy,
          trainSeconds: view.trainMs / 1000,
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
  ): Promise<boolean> {
    this.view.status = 'evaluation';
    this.emit();
    const testSet = await test();
    if (!live()) return false;
    const { mnistSource } = await import('../../../nn/tf/mnist-source');
    const evalStart = performance.now();
    this.view.test = await measure(engine.tf, model, mnistSource(testSet, undefined, s.echelle), testSet.labels);
    this.view.evalMs = performance.now() - evalStart;
    disposeTfModel(engine);
    this.view.status = 'fini';
    return true;
  }

  /** Imported weights: evaluated on the test set as after a run. */
  async load(s: MnistState, weights: MlpWeights, test: () => Promise<MnistSet>): Promise<void> {
    this.reset();
    const generation = this.generation;
    const live = () => generation === this.generation;
    try {
      const engine = await this.engineFor(s);
      const spec = mnistSpec(s);
      const model = await resetTfModel(engine, spec, weights);
      Object.assign(this.view, { weights, spec });
      if (!(await this.evaluateOnTest(engine, model, s, test, live))) return;
    } catch (e) {
      if (!live()) return;
      this.view.status = 'erreur';
      this.view.message = `Le modèle importé n’a pas pu être évalué\u00a0: ${e instanceof Error ? e.message : String(e)}.`;
    }
    this.emit();
  }
}
