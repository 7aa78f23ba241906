/**
 * The lab's conductor, without any Svelte: it owns the run (reference engine in time-boxed
 * slices per animation frame, or TensorFlow.js yielding every step), the play / pause / step /
 * reset logic, and what the view shows (curves, heat map, metrics), pushed through `onChange`.
 */
import { accuracy, confusionMatrix } from '../../../nn/metrics';
import { predict } from '../../../nn/math/mlp';
import type { BackendChoice } from '../../../nn/tf/backend';
import type { LoadProgress } from '../../../nn/tf/load';
import type { MlpSpec, MlpWeights } from '../../../nn/spec';
import type { EpochReport } from '../../../nn/training';
import { classesOf, labOptimizer, labRegularization, labSpec, labWeights, prepareData, type LabData } from './data';
import { gridProbabilities } from './heatmap';
import type { LabState } from './state';
import { createSlicedTrainer, type SliceOptions, type SlicedTrainer } from './trainer';
import { disposeTfModel, loadTfEngine, resetTfModel, trainTfEpochs, type TfEngine } from './tf-engine';

/** Longest stretch of reference-engine training per animation frame, in ms. */
export const FRAME_BUDGET_MS = 12;
/** The heat map and metrics are recomputed at most this often while training, in ms. */
export const REFRESH_MS = 150;
/** A run stops by itself after this many epochs. */
export const MAX_EPOCHS = 10_000;

export type LabStatus = 'repos' | 'chargement' | 'entrainement' | 'pause' | 'fini' | 'arret' | 'divergence' | 'erreur';

export interface SplitMetrics {
  readonly accuracy: number;
  /** 2×2, rows = truth, columns = prediction. */
  readonly confusion: number[][];
}

export interface LabView {
  status: LabStatus;
  message: string;
  train: number[];
  validation: number[];
  probs: Float64Array | null;
  metrics: { train: SplitMetrics; test: SplitMetrics } | null;
  /** Mean time per epoch of the latest epochs, per engine (kept when the engine changes). */
  msPerEpoch: { js: number | null; tf: number | null };
  backend: BackendChoice | null;
  progress: LoadProgress | null;
  tensors: number | null;
}

export function emptyView(): LabView {
  return {
    status: 'repos',
    message: '',
    train: [],
    validation: [],
    probs: null,
    metrics: null,
    msPerEpoch: { js: null, tf: null },
    backend: null,
    progress: null,
    tensors: null,
  };
}

function splitMetrics(spec: MlpSpec, weights: MlpWeights, split: LabData['train']): SplitMetrics {
  const predicted = classesOf(predict(spec, weights, split.X));
  return { accuracy: accuracy(split.labels, predicted), confusion: confusionMatrix(split.labels, predicted, 2) };
}

export class LabController {
  readonly view: LabView = emptyView();
  private s!: LabState;
  data!: LabData;
  private spec!: MlpSpec;
  private weights!: MlpWeights;
  private trainer: SlicedTrainer | null = null;
  private tfEngine: TfEngine | null = null;
  private frame = 0;
  private abort: AbortController | null = null;
  private lastRefresh = 0;
  private recent: number[] = [];

  constructor(private readonly onChange: (view: LabView) => void) {}

  private options(): SliceOptions {
    const { s, data } = this;
    const reg = labRegularization(s);
    return {
      X: data.train.X,
      Y: data.train.Y,
      validation: { X: data.validation.X, Y: data.validation.Y },
      optimizer: labOptimizer(s),
      batchSize: s.lot,
      seed: s.seed,
      ...(reg ? { regularization: reg } : {}),
      ...(s.garde < 1 ? { dropoutKeep: s.garde } : {}),
      ...(s.patience > 0 ? { patience: s.patience } : {}),
    };
  }

  private emit(): void {
    this.view.tensors = this.tfEngine ? this.tfEngine.tf.memory().numTensors : null;
    this.onChange(this.view);
  }

  /** Heat map and metrics from the current weights. */
  private refresh(): void {
    this.lastRefresh = performance.now();
    this.view.probs = gridProbabilities(this.spec, this.weights);
    this.view.metrics = {
      train: splitMetrics(this.spec, this.weights, this.data.train),
      test: splitMetrics(this.spec, this.weights, this.data.test),
    };
  }

  private record(r: EpochReport, engine: 'js' | 'tf'): void {
    this.view.train.push(r.loss);
    this.view.validation.push(r.valLoss ?? NaN);
    this.recent.push(r.ms);
    if (this.recent.length > 20) this.recent.shift();
    this.view.msPerEpoch[engine] = this.recent.reduce((a, b) => a + b, 0) / this.recent.length;
  }

  get epoch(): number {
    return this.view.train.length;
  }

  /** New settings: new data, new network, nothing trained. */
  reset(s: LabState): void {
    this.stop();
    this.s = s;
    this.data = prepareData(s);
    this.spec = labSpec(s);
    this.weights = labWeights(s);
    this.trainer = null;
    this.recent = [];
    disposeTfModel(this.tfEngine);
    if (this.tfEngine && (s.moteur !== 'tf' || this.tfEngine.request !== s.backend)) this.view.backend = null;
    Object.assign(this.view, { status: 'repos', message: '', train: [], validation: [], progress: null });
    this.refresh();
    this.emit();
  }

  private stopWith(status: LabStatus, message = ''): void {
    this.view.status = status;
    this.view.message = message;
  }

  play(): void {
    if (this.view.status === 'entrainement' || this.view.status === 'chargement') return;
    if (!['repos', 'pause'].includes(this.view.status)) this.reset(this.s);
    if (this.s.moteur === 'tf') void this.runTf(MAX_EPOCHS - this.epoch);
    else {
      this.view.status = 'entrainement';
      this.emit();
      this.frame = requestAnimationFrame(this.tick);
    }
  }

  /** One epoch, then pause. */
  step(): void {
    if (this.view.status === 'entrainement' || this.view.status === 'chargement') return;
    if (!['repos', 'pause'].includes(this.view.status)) this.reset(this.s);
    if (this.s.moteur === 'tf') void this.runTf(1);
    else {
      this.jsSlice(0, 1);
      if (this.view.status === 'repos') this.view.status = 'pause';
      this.refresh();
      this.emit();
    }
  }

  pause(): void {
    this.stop();
    if (this.view.status === 'entrainement') this.view.status = 'pause';
    this.emit();
  }

  private stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.abort?.abort();
    this.abort = null;
  }

  destroy(): void {
    this.stop();
    disposeTfModel(this.tfEngine);
    this.tfEngine = null;
  }

  /** Reference engine: epochs for at most `budget` ms; stops the run when it ends. */
  private jsSlice(budget: number, maxEpochs = Infinity): void {
    this.trainer ??= createSlicedTrainer(this.spec, this.weights, this.options());
    const reports = this.trainer.slice(budget, Math.min(maxEpochs, MAX_EPOCHS - this.epoch));
    for (const r of reports) this.record(r, 'js');
    if (this.trainer.status === 'diverged') this.stopWith('divergence', this.trainer.reason);
    else if (this.trainer.status === 'earlyStopped') this.stopWith('arret', this.trainer.reason);
    else if (this.epoch >= MAX_EPOCHS) this.stopWith('fini', `Fin de l’expérience : ${MAX_EPOCHS} époques.`);
  }

  // An arrow function, so that requestAnimationFrame keeps `this`.
  private tick = (): void => {
    this.frame = 0;
    if (this.view.status !== 'entrainement') return;
    // A frame either trains or redraws, never both: neither exceeds the budget much.
    if (performance.now() - this.lastRefresh >= REFRESH_MS) this.refresh();
    else this.jsSlice(FRAME_BUDGET_MS);
    if (this.view.status !== 'entrainement') this.refresh();
    this.emit();
    if (this.view.status === 'entrainement') this.frame = requestAnimationFrame(this.tick);
  };

  private async runTf(epochs: number): Promise<void> {
    try {
      if (!this.tfEngine || this.tfEngine.request !== this.s.backend) {
        disposeTfModel(this.tfEngine);
        this.view.status = 'chargement';
        this.emit();
        this.tfEngine = await loadTfEngine(this.s.backend, (p) => {
          this.view.progress = p;
          this.emit();
        });
        this.view.progress = null;
      }
      const engine = this.tfEngine;
      this.view.backend = engine.backend;
      const model = engine.model ?? (await resetTfModel(engine, this.spec, this.weights));
      this.view.status = 'entrainement';
      this.abort = new AbortController();
      const signal = this.abort.signal;
      this.emit();
      const result = await trainTfEpochs(engine, this.options(), this.epoch, epochs, signal, (r) => {
        this.record(r, 'tf');
        if (performance.now() - this.lastRefresh >= REFRESH_MS) {
          this.lastRefresh = performance.now();
          void this.readTfWeights(model);
        }
        this.emit();
      });
      if (model.disposed) return;
      await this.readTfWeights(model);
      if (result.status === 'diverged') this.stopWith('divergence', result.reason);
      else if (result.status === 'earlyStopped') this.stopWith('arret', result.reason);
      else if (this.epoch >= MAX_EPOCHS) this.stopWith('fini', `Fin de l’expérience : ${MAX_EPOCHS} époques.`);
      else this.view.status = 'pause';
      this.emit();
    } catch (e) {
      this.view.progress = null;
      this.stopWith(
        'erreur',
        `La démo n’a pas pu s’exécuter : ${e instanceof Error ? e.message : String(e)}. Rechargez la page ou choisissez un autre moteur.`,
      );
      this.emit();
    }
  }

  /** Copies the tfjs weights into the reference weights, then redraws from them. */
  private async readTfWeights(model: TfEngine['model'] & object): Promise<void> {
    try {
      const w = await model.getWeights();
      if (model.disposed) return;
      w.W.forEach((W, l) => this.weights.W[l]!.data.set(W.data));
      w.b.forEach((b, l) => this.weights.b[l]!.set(b));
      this.refresh();
      this.emit();
    } catch {
      // the model was disposed while its weights were read (reset): nothing to draw
    }
  }
}
