/**
 * `fastMlp(spec)`, as the reader calls it: the course's fast engine (src/nn/tf — `createTfMlp`,
 * `trainTfMlp` with its own dense-layer gradient, `mnistSource`, `predictInBatches`,
 * `lossInBatches`) behind a small model object, on the TensorFlow.js that `loadFastEngine()`
 * loads (one per worker). Nothing is computed here: no second training loop, only friendly
 * inputs (an `MnistSet`, or x and y as in `fit`), defaults taken from `mlp` and `fit`, and tensors
 * given back (`dispose`), since the worker stays open from one run to the next.
 */
import {
  mlp,
  plannedSteps,
  toMatrix,
  toTargets,
  progress,
  type EpochReport,
  type FitEpochReport,
  type InitScheme,
  type Matrix,
  type MatrixInput,
  type MlpSpec,
  type MnistSet,
  type OptimizerConfig,
  type OptimizerName,
  type PixelScaling,
  type TrainStatus,
} from '../nn/index';
import type { BatchSource, Tf, TfMlp } from '../nn/tf/index';

/** Data for the fast engine: an MNIST set (pixels scaled to [0, 1], one-hot digits), or x and y. */
export type FastMlpData =
  | MnistSet
  | { readonly x: MatrixInput; readonly y: MatrixInput }
  | { readonly X: Matrix; readonly labels: ArrayLike<number> };

export interface FastFitOptions {
  /** Number of epochs (default 10). */
  readonly epochs?: number;
  /** Examples per batch (default 128). */
  readonly batchSize?: number;
  /** Learning rate (default 0.001). */
  readonly lr?: number;
  /** 'sgd', 'momentum', 'adagrad', 'rmsprop', 'adam' (default), or a full OptimizerConfig. */
  readonly optimizer?: OptimizerName | OptimizerConfig;
  /** 'linear': the rate falls linearly to 0 over the run's steps; 'inverseSqrt'; 'none' (default). */
  readonly decay?: 'none' | 'inverseSqrt' | 'linear';
  /** Seed of the shuffling (default 0): one seed, one run. */
  readonly seed?: number;
  /** Show a progress line `époque : 3/10 perte 0.25` that updates in place. */
  readonly progress?: boolean;
  /** Called after every epoch; returning false (or calling report.stop()) stops training. */
  readonly onEpoch?: (report: FitEpochReport) => void | boolean;
}

/** What `fit` returns: the loss and duration of every epoch, and why training ended. */
export interface FastFitHistory {
  readonly loss: number[];
  /** Milliseconds of each epoch (batches only). */
  readonly ms: number[];
  readonly epochs: number;
  readonly status: TrainStatus;
  readonly reason?: string;
}

/** A multilayer perceptron on the fast engine; every method is async (the engine may run on a GPU). */
export interface FastMlpModel {
  readonly spec: MlpSpec;
  /** Entraîne le modèle sur le moteur rapide (lots mélangés, un pas d’optimiseur par lot). */
  fit(data: FastMlpData, options?: FastFitOptions): Promise<FastFitHistory>;
  /** Les sorties du réseau, une ligne par exemple (n × sorties, Float32Array ligne par ligne). */
  predict(data: FastMlpData | { readonly x: MatrixInput }): Promise<Float32Array>;
  /** La classe prédite de chaque exemple : l’indice de la plus grande sortie (seuil 0,5 pour une sortie). */
  predictClasses(data: FastMlpData | { readonly x: MatrixInput }): Promise<number[]>;
  /** La perte moyenne et l’exactitude sur des données étiquetées. */
  evaluate(data: FastMlpData): Promise<{ loss: number; accuracy: number }>;
  /** Rend au moteur la mémoire des poids. À appeler quand le modèle ne sert plus. */
  dispose(): void;
}

type Engine = typeof import('../nn/tf/index');

const isMnistSet = (data: object): data is MnistSet =>
  'images' in data && 'labels' in data && 'count' in data && 'rows' in data;

/** The data as the engine's batch source (MNIST bytes stay bytes: batches are made on the fly). */
function sourceOf(engine: Engine, spec: MlpSpec, data: FastMlpData | { readonly x: MatrixInput }): BatchSource {
  const k = spec.layers[spec.layers.length - 1]!.units;
  if (isMnistSet(data)) return engine.mnistSource(data, undefined, 'unit' satisfies PixelScaling);
  if ('X' in data) return engine.matrixSource(data.X, toTargets(data.labels, k, 'fastMlp'));
  const X = toMatrix(data.x, spec.inputSize);
  return engine.matrixSource(X, 'y' in data ? toTargets(data.y, k, 'fastMlp') : undefined);
}

/** The index of each row's largest output (k > 1), or output ≥ 0.5 (k = 1). */
function classesOf(outputs: ArrayLike<number>, k: number): number[] {
  const n = outputs.length / k;
  return Array.from({ length: n }, (_, i) => {
    if (k === 1) return outputs[i]! >= 0.5 ? 1 : 0;
    let best = 0;
    for (let j = 1; j < k; j++) if (outputs[i * k + j]! > outputs[i * k + best]!) best = j;
    return best;
  });
}

/** The true class of each example of labelled data. */
function labelsOf(spec: MlpSpec, data: FastMlpData): ArrayLike<number> {
  const k = spec.layers[spec.layers.length - 1]!.units;
  if (isMnistSet(data)) return data.labels;
  if ('X' in data) return data.labels;
  const Y = toTargets(data.y, k, 'fastMlp');
  return k === 1 ? Array.from(Y.data, (v) => (v >= 0.5 ? 1 : 0)) : classesOf(Y.data, k);
}

/** The reader's `fastMlp`, on the engine `loadFastEngine` loads. */
export function makeFastMlp(loadFastEngine: () => Promise<Tf>) {
  /**
   * Crée un perceptron multicouche sur le moteur rapide (TensorFlow.js), poids tirés avec une graine.
   *
   * Same spec and defaults as `mlp` (seed 0; He for ReLU hidden layers, else Xavier).
   */
  return async function fastMlp(spec: MlpSpec & { readonly seed?: number; readonly init?: InitScheme }) {
    const tf = await loadFastEngine();
    const engine: Engine = await import('../nn/tf/index');
    const initial = mlp(spec);
    const model: TfMlp = engine.createTfMlp(tf, initial.spec, initial.weights);
    const k = initial.spec.layers[initial.spec.layers.length - 1]!.units;

    const predict = (data: FastMlpData | { readonly x: MatrixInput }) =>
      engine.predictInBatches(tf, model, sourceOf(engine, model.spec, data));

    const fastModel: FastMlpModel = {
      spec: model.spec,
      async fit(data, options = {}) {
        const source = sourceOf(engine, model.spec, data);
        const epochs = options.epochs ?? 10;
        const batchSize = Math.min(options.batchSize ?? 128, Math.max(1, source.count));
        const base: OptimizerConfig =
          typeof options.optimizer === 'object'
            ? options.optimizer
            : { name: options.optimizer ?? 'adam', learningRate: options.lr ?? 0.001 };
        const decay = options.decay ?? base.decay;
        // A linear decay reaches 0 at the end of this run: epochs × batches per epoch.
        const optimizer: OptimizerConfig =
          decay === 'linear'
            ? {
                ...base,
                decay,
                decaySteps: base.decaySteps ?? plannedSteps(epochs, source.count, batchSize),
              }
            : decay === undefined
              ? base
              : { ...base, decay };
        const result = await engine.trainTfMlp(tf, model, {
          source,
          optimizer,
          epochs,
          batchSize,
          seed: options.seed ?? 0,
          onEpoch: (report: EpochReport) => {
            if (options.progress) progress('époque', report.epoch, epochs, `perte ${report.loss.toFixed(4)}`);
            let stopped = false;
            const answer = options.onEpoch?.({ ...report, stop: () => void (stopped = true) });
            return stopped || answer === false ? 'stop' : undefined;
          },
        });
        return {
          loss: result.history.map((r) => r.loss),
          ms: result.history.map((r) => r.ms),
          epochs: result.epochs,
          status: result.status,
          ...(result.reason ? { reason: result.reason } : {}),
        };
      },
      predict,
      async predictClasses(data) {
        return classesOf(await predict(data), k);
      },
      async evaluate(data) {
        const source = sourceOf(engine, model.spec, data);
        const loss = await engine.lossInBatches(tf, model, source);
        const predicted = classesOf(await engine.predictInBatches(tf, model, source), k);
        const truth = labelsOf(model.spec, data);
        const right = predicted.reduce((n, c, i) => n + (c === truth[i] ? 1 : 0), 0);
        return { loss, accuracy: right / Math.max(1, predicted.length) };
      },
      dispose: () => model.dispose(),
    };
    return fastModel;
  };
}
