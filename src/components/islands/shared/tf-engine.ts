/**
 * The islands' glue to TensorFlow.js (2D lab, calculator, MNIST): loaded on demand
 * (`nn/tf/load.ts`, dynamic import), one model built from given initial weights (the reference
 * engine's), trained by `trainTfMlp` (which yields to the browser at least every 16 ms),
 * disposed on reset and unmount. Browser only.
 */
import type {
  BackendChoice,
  BackendRequest,
  MlpSpec,
  MlpWeights,
  EpochReport,
  OptimizerConfig,
  TrainResult,
} from '../../../nn';
import type { LoadProgress, Tf, TfMlp, TfTrainOptions, TfOptimizer } from '../../../nn/tf';

/**
 * What a run needs besides its length, stop signal and callback (given per call); distributed
 * over the union of data forms (matrices or a BatchSource) so that each keeps its shape.
 */
export type TfRunOptions = TfTrainOptions extends infer T
  ? T extends unknown
    ? Omit<T, 'epochs' | 'signal' | 'onEpoch'>
    : never
  : never;

export interface TfEngine {
  readonly tf: Tf;
  readonly backend: BackendChoice;
  readonly request: BackendRequest;
  model: TfMlp | null;
  /** The model's optimiser, kept between runs so that a resumed run keeps Adam's moments. */
  optimizer: TfOptimizer | null;
}

/** Loads tfjs and the requested backend (once per page for tfjs itself). */
export async function loadTfEngine(request: BackendRequest, onProgress: (p: LoadProgress) => void): Promise<TfEngine> {
  const [{ loadTf }, { probeCapabilities }] = await Promise.all([import('../../../nn/tf'), import('./tf-probe')]);
  const { tf, backend } = await loadTf(request, probeCapabilities, onProgress);
  return { tf, backend, request, model: null, optimizer: null };
}

/**
 * `current` when it already runs `request`; otherwise its model goes and the engine for
 * `request` is loaded, the island's view saying "chargement" with each stage's progress.
 */
export async function engineFor<S extends string>(
  current: TfEngine | null,
  request: BackendRequest,
  view: { status: S | 'chargement'; progress: LoadProgress | null },
  emit: () => void,
): Promise<TfEngine> {
  if (current && current.request === request) return current;
  disposeTfModel(current);
  view.status = 'chargement';
  emit();
  const engine = await loadTfEngine(request, (p) => {
    view.progress = p;
    emit();
  });
  view.progress = null;
  return engine;
}

/** A fresh model with `weights` (the previous one is disposed). */
export async function resetTfModel(engine: TfEngine, spec: MlpSpec, weights: MlpWeights): Promise<TfMlp> {
  disposeTfModel(engine);
  const { createTfMlp } = await import('../../../nn/tf');
  engine.model = createTfMlp(engine.tf, spec, weights);
  return engine.model;
}

export function disposeTfModel(engine: TfEngine | null): void {
  engine?.model?.dispose();
  engine?.optimizer?.dispose();
  if (engine) Object.assign(engine, { model: null, optimizer: null });
}

/**
 * The optimiser of the engine's model for `config`: the same one from run to run (a pause, then
 * "Reprendre", carries on with its state), a new one when the settings changed in between.
 */
export async function optimizerFor(engine: TfEngine, config: OptimizerConfig): Promise<TfOptimizer> {
  if (engine.optimizer && JSON.stringify(engine.optimizer.config) === JSON.stringify(config)) return engine.optimizer;
  engine.optimizer?.dispose();
  const { createTfOptimizer } = await import('../../../nn/tf');
  engine.optimizer = createTfOptimizer(engine.tf, config);
  return engine.optimizer;
}

/**
 * Trains up to `epochs` epochs. Each call is a new `trainTfMlp` run on the engine's optimiser
 * (kept from the previous call when the settings are the same), shuffling with
 * `seed + firstEpoch`; `onEpoch` gets epoch numbers that continue the island's count.
 */
export async function trainTfEpochs(
  engine: TfEngine,
  options: TfRunOptions,
  firstEpoch: number,
  epochs: number,
  signal: AbortSignal,
  onEpoch: (r: EpochReport) => void,
): Promise<TrainResult> {
  const model = engine.model;
  if (!model) throw new Error('Le modèle TensorFlow.js n’existe pas (réinitialisez la démo).');
  const { trainTfMlp } = await import('../../../nn/tf');
  const optimizerInstance = await optimizerFor(engine, options.optimizer);
  return trainTfMlp(engine.tf, model, {
    ...options,
    optimizerInstance,
    seed: options.seed + firstEpoch,
    epochs,
    signal,
    onEpoch: (r) => onEpoch({ ...r, epoch: firstEpoch + r.epoch }),
  });
}
