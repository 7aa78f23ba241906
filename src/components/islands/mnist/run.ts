/**
 * The MNIST project's training on TensorFlow.js, without Svelte: tfjs is loaded on the first
 * "Entraîner" (once per backend), the model is built from the seed's initial weights, trained
 * epoch after epoch by `trainTfMlp` (batches made on the fly from the bytes, a yield to the
 * browser between steps), measured on the validation set after each epoch and on the 10,000
 * test images at the end. Every tensor goes with the model on reset, on a new backend and on
 * unmount; `numTensors` is shown so that the reader (and the tests) can check it.
 */
import { createRng } from '../../../nn/data/rng';
import type { MnistSet } from '../../../nn/data/mnist';
import { initWeights } from '../../../nn/math/init';
import type { MlpSpec, MlpWeights } from '../../../nn/spec';
import type { BackendChoice } from '../../../nn/tf/backend';
import type { LoadProgress } from '../../../nn/tf/load';
import { disposeTfModel, loadTfEngine, optimizerFor, resetTfModel, type TfEngine } from '../shared/tf-engine';
import { evaluateProbabilities, type MnistEvaluation } from './evaluate';
import { MNIST_PIXELS, mnistSpec, mnistSplitCounts, type MnistState } from './state';

export type MnistStatus =
  'repos' | 'chargement' | 'entrainement' | 'pause' | 'evaluation' | 'fini' | 'divergence' | 'erreur';

export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly valLoss: number;
  readonly accuracy: number;
  readonly valAccuracy: number;
  readonly ms: number;
}

export interface MnistRunRecord {
  readonly config: string;
  readonly images: number;
  readonly epochs: number;
  readonly backend: string;
  readonly testAccuracy: number;
  readonly trainSeconds: number;
}

export interface MnistView {
  status: MnistStatus;
  message: string;
  progress: LoadProgress | null;
  backend: BackendChoice | null;
  epochs: EpochPoint[];
  /**
   * Within the current epoch: batches done, their mean loss, images per second, and the
   * accuracy on a small validation sample measured every few seconds (null before the first).
   */
  batch: {
    done: number;
    total: number;
    loss: number;
    imagesPerSecond: number;
    sampleAccuracy: number | null;
  } | null;
  trainMs: number;
  /** Training images per epoch of the current run. */
  imagesPerEpoch: number;
  tfLoadMs: number | null;
  evalMs: number | null;
  tensors: number | null;
  /** Tensors alive before the model was built: what a clean stop comes back to. */
  baselineTensors: number | null;
  weights: MlpWeights | null;
  /** The softmax regression's W (784 × 10) as it learns; null for an MLP. */
  liveWeights: Float32Array | null;
  spec: MlpSpec | null;
  test: MnistEvaluation | null;
  runs: MnistRunRecord[];
}

export const emptyMnistView = (): MnistView => ({
  status: 'repos',
  message: '',
  progress: null,
  backend: null,
  epochs: [],
  batch: null,
  trainMs: 0,
  imagesPerEpoch: 0,
  tfLoadMs: null,
  evalMs: null,
  tensors: null,
  baselineTensors: null,
  weights: null,
  liveWeights: null,
  spec: null,
  test: null,
  runs: [],
});

/** Validation first (floor(n·val) images), training the rest, from one seeded permutation of 0…n−1. */
export function mnistSplitIndices(s: Pick<MnistState, 'n' | 'val' | 'seed'>): {
  train: number[];
  validation: number[];
} {
  const order = createRng(s.seed).shuffle(Array.from({ length: s.n }, (_, i) => i));
  const { validation } = mnistSplitCounts(s);
  return { validation: order.slice(0, validation), train: order.slice(validation) };
}

/**
 * He for the ReLU family, Xavier otherwise, from seed + 1 (the split uses the seed itself). The
 * softmax regression starts from zero, as usual for it: its loss is convex, there is no symmetry
 * to break, and the pixels that never carry ink keep a zero weight — its weight images then show
 * only what was learnt.
 */
export function mnistInitialWeights(s: Pick<MnistState, 'couches' | 'act' | 'seed'>): MlpWeights {
  if (s.couches.length === 0)
    return {
      W: [{ rows: MNIST_PIXELS, cols: 10, data: new Float64Array(MNIST_PIXELS * 10) }],
      b: [new Float64Array(10)],
    };
  const scheme = s.act === 'relu' || s.act === 'leakyRelu' ? 'he' : 'xavier';
  return initWeights(mnistSpec(s), createRng(s.seed + 1), scheme);
}

/** "784 → 128 → 10, relu, adam 0,001, lots de 128" for the table of runs. */
export function describeConfig(s: MnistState): string {
  const layers = [784, ...s.couches, 10].join(' → ');
  const act = s.couches.length ? `${s.act}, ` : '';
  return `${layers}, ${act}${s.optim} ${String(s.lr).replace('.', ',')}, lots de ${s.lot}`;
}

/** Training accuracy is measured on at most this many training images after each epoch. */
const TRAIN_ACCURACY_SAMPLE = 2000;
/** The within-epoch figures are sent to the page at most this often. */
const BATCH_EMIT_MS = 150;
/** Within an epoch, the accuracy on this many validation images is measured every PROBE_MS. */
const PROBE_SAMPLE = 500;
const PROBE_MS = 2000;

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
    if (this.engine && this.engine.request === s.moteur) return this.engine;
    disposeTfModel(this.engine);
    const started = performance.now();
    this.view.status = 'chargement';
    this.emit();
    this.engine = await loadTfEngine(s.moteur, (p) => {
      this.view.progress = p;
      this.emit();
    });
    this.view.progress = null;
    this.view.tfLoadMs = performance.now() - started;
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
      const [{ trainTfMlp }, { predictInBatches }, { mnistSource }] = await Promise.all([
        import('../../../nn/tf/train'),
        import('../../../nn/tf/predict'),
        import('../../../nn/tf/mnist-source'),
      ]);
      view.baselineTensors = tf.memory().numTensors;
      const spec = mnistSpec(s);
      const model = await resetTfModel(engine, spec, mnistInitialWeights(s));
      const split = mnistSplitIndices(s);
      const trainSource = mnistSource(train, split.train, s.echelle);
      const valSource = mnistSource(train, split.validation, s.echelle);
      const sample = split.train.slice(0, TRAIN_ACCURACY_SAMPLE);
      const sampleSource = mnistSource(train, sample, s.echelle);
      const labelsOf = (indices: readonly number[]) => Uint8Array.from(indices, (i) => train.labels[i]!);
      const valLabels = labelsOf(split.validation);
      const sampleLabels = labelsOf(sample);
      const probe = split.validation.slice(0, PROBE_SAMPLE);
      const probeSource = mnistSource(train, probe, s.echelle);
      const probeLabels = labelsOf(probe);

      Object.assign(view, { message: '', spec, imagesPerEpoch: split.train.length });
      const batches = Math.ceil(split.train.length / s.lot);
      let epochStart = performance.now();
      let lastEmit = 0;
      let lossSum = 0;
      // A softmax regression's weights are drawn as they learn: read about once a second,
      // without waiting (the read queues behind the steps already issued).
      let lastWeightsRead = 0;
      let reading = false;
      // The same idea for a quick accuracy within the epoch: a prediction queued behind the steps.
      let lastProbe = performance.now();
      let probing = false;
      let sampleAccuracy: number | null = null;
      const probeAccuracy = () => {
        if (probing || model.disposed) return;
        probing = true;
        lastProbe = performance.now();
        void predictInBatches(tf, model, probeSource)
          .then((p) => {
            sampleAccuracy = evaluateProbabilities(p, probeLabels).accuracy;
          })
          .catch(() => {})
          .finally(() => (probing = false));
      };
      const readWeights = () => {
        if (spec.layers.length !== 1 || reading || model.disposed) return;
        reading = true;
        lastWeightsRead = performance.now();
        void model.W[0]!.data()
          .then((w) => {
            if (live()) view.liveWeights = w as Float32Array;
          })
          .catch(() => {})
          .finally(() => (reading = false));
      };
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
          onBatch: ({ batch, loss }) => {
            if (batch === 0) {
              epochStart = performance.now();
              lossSum = 0;
            }
            lossSum += loss;
            const now = performance.now();
            if (now - lastEmit < BATCH_EMIT_MS && batch + 1 < batches) return;
            lastEmit = now;
            if (now - lastWeightsRead > 1000) readWeights();
            if (now - lastProbe > PROBE_MS) probeAccuracy();
            const images = Math.min((batch + 1) * s.lot, split.train.length);
            view.batch = {
              done: batch + 1,
              total: batches,
              loss: lossSum / (batch + 1),
              imagesPerSecond: (images * 1000) / Math.max(1, now - epochStart),
              sampleAccuracy,
            };
            this.emit();
          },
          afterEpoch: async (report) => {
            if (!live()) return 'stop';
            const measureStart = performance.now();
            const val = evaluateProbabilities(await predictInBatches(tf, model, valSource), valLabels);
            const fit = evaluateProbabilities(await predictInBatches(tf, model, sampleSource), sampleLabels);
            if (spec.layers.length === 1) view.liveWeights = (await model.W[0]!.data()) as Float32Array;
            view.trainMs += report.ms;
            view.epochs = [
              ...view.epochs,
              {
                epoch: view.epochs.length + 1,
                loss: report.loss,
                valLoss: val.loss,
                accuracy: fit.accuracy,
                valAccuracy: val.accuracy,
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
      view.status = 'evaluation';
      view.batch = null;
      this.emit();
      const testSet = await test();
      if (!live()) return;
      const evalStart = performance.now();
      const probabilities = await predictInBatches(tf, model, mnistSource(testSet, undefined, s.echelle));
      view.test = evaluateProbabilities(probabilities, testSet.labels);
      view.evalMs = performance.now() - evalStart;
      // The JS engine answers the drawings from the weights read above: the tensors can go.
      disposeTfModel(engine);
      view.status = 'fini';
      view.runs = [
        ...view.runs,
        {
          config: describeConfig(s),
          images: split.train.length,
          epochs: view.epochs.length,
          backend: engine.backend.name,
          testAccuracy: view.test.accuracy,
          trainSeconds: view.trainMs / 1000,
        },
      ];
    } catch (e) {
      if (!live()) return;
      view.progress = null;
      view.status = 'erreur';
      view.message = `L’entraînement n’a pas pu s’exécuter : ${e instanceof Error ? e.message : String(e)}. Rechargez la page ou choisissez un autre moteur.`;
    }
    this.emit();
  }

  /** Imported weights: evaluated on the test set as after a run. */
  async load(s: MnistState, weights: MlpWeights, test: () => Promise<MnistSet>): Promise<void> {
    this.reset();
    const generation = this.generation;
    try {
      const engine = await this.engineFor(s);
      const { predictInBatches } = await import('../../../nn/tf/predict');
      const { mnistSource } = await import('../../../nn/tf/mnist-source');
      const spec = mnistSpec(s);
      const model = await resetTfModel(engine, spec, weights);
      Object.assign(this.view, { status: 'evaluation', weights, spec });
      this.emit();
      const testSet = await test();
      if (generation !== this.generation) return;
      const evalStart = performance.now();
      const probabilities = await predictInBatches(engine.tf, model, mnistSource(testSet, undefined, s.echelle));
      this.view.test = evaluateProbabilities(probabilities, testSet.labels);
      this.view.evalMs = performance.now() - evalStart;
      disposeTfModel(engine);
      this.view.status = 'fini';
    } catch (e) {
      if (generation !== this.generation) return;
      this.view.status = 'erreur';
      this.view.message = `Le modèle importé n’a pas pu être évalué : ${e instanceof Error ? e.message : String(e)}.`;
    }
    this.emit();
  }
}
