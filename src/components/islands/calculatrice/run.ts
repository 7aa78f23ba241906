/**
 * The calculator's training on TensorFlow.js, without Svelte: tfjs is loaded on the first
 * "Entraîner" (once per backend), the model is built from the seed's initial weights, trained
 * epoch after epoch (`trainTfMlp` yields to the browser once 16 ms have passed since its last
 * yield, and after every epoch), paused, resumed or stopped; after each run its weights are
 * read back so that evaluation and analysis run on the course's engine. Every tensor goes with
 * the model on reset, on a new backend and on unmount.
 */
import type { BackendChoice, MlpSpec, MlpWeights } from '../../../nn';
import type { LoadProgress } from '../../../nn/tf';
import { disposeTfModel, engineFor, resetTfModel, trainTfEpochs, type TfEngine } from '../shared/tf-engine';
import type { TrainedWith } from './book';
import type { CalcData } from './logic';
import type { CalcState } from './state';

export type CalcStatus = 'repos' | 'chargement' | 'entrainement' | 'pause' | 'fini' | 'divergence' | 'erreur';

export interface CalcView {
  status: CalcStatus;
  message: string;
  progress: LoadProgress | null;
  backend: BackendChoice | null;
  train: number[];
  validation: number[];
  msPerEpoch: number | null;
  totalMs: number;
  tensors: number | null;
  /** The trained (or imported) weights, read after each run; null before. */
  weights: MlpWeights | null;
  /** The optimiser, rate and batch size the weights were trained with (null: none, or imported). */
  trainedWith: TrainedWith | null;
}

export const emptyCalcView = (): CalcView => ({
  status: 'repos',
  message: '',
  progress: null,
  backend: null,
  train: [],
  validation: [],
  msPerEpoch: null,
  totalMs: 0,
  tensors: null,
  weights: null,
  trainedWith: null,
});

export class CalcRun {
  readonly view: CalcView = emptyCalcView();
  private engine: TfEngine | null = null;
  private abort: AbortController | null = null;
  private generation = 0;
  private stopping = false;

  constructor(private readonly onChange: (view: CalcView) => void) {}

  private emit(): void {
    this.view.tensors = this.engine ? this.engine.tf.memory().numTensors : null;
    this.onChange(this.view);
  }

  /** New settings or new weights: the model goes, the curves too (the engine stays). */
  reset(weights: MlpWeights | null = null): void {
    this.generation++;
    this.abort?.abort();
    disposeTfModel(this.engine);
    Object.assign(this.view, {
      status: 'repos',
      message: '',
      train: [],
      validation: [],
      msPerEpoch: null,
      totalMs: 0,
      weights,
      trainedWith: null,
    });
    this.emit();
  }

  pause(): void {
    this.abort?.abort();
  }

  destroy(): void {
    this.generation++;
    this.abort?.abort();
    disposeTfModel(this.engine);
    this.engine = null;
  }

  /** Trains up to `s.epoques` epochs in all (resumes after a pause). */
  async train(s: CalcState, spec: MlpSpec, initial: MlpWeights, data: CalcData): Promise<void> {
    const { view } = this;
    if (view.status === 'entrainement' || view.status === 'chargement') return;
    if (!['repos', 'pause'].includes(view.status)) this.reset();
    const generation = this.generation;
    try {
      const engine = (this.engine = await engineFor(this.engine, s.moteur, view, () => this.emit()));
      view.backend = engine.backend;
      if (generation !== this.generation) return;
      const model = engine.model ?? (await resetTfModel(engine, spec, view.weights ?? initial));
      view.status = 'entrainement';
      view.message = '';
      const used = { optim: s.optim, lr: s.lr, lot: s.lot };
      const same = (t: TrainedWith | null) => t !== 'mixte' && JSON.stringify(t) === JSON.stringify(used);
      view.trainedWith = view.trainedWith === null || same(view.trainedWith) ? used : 'mixte';
      this.stopping = false;
      this.abort = new AbortController();
      this.emit();
      const options = {
        X: data.train.X,
        Y: data.train.Y,
        validation: { X: data.validation.X, Y: data.validation.Y },
        optimizer: { name: s.optim, learningRate: s.lr },
        batchSize: s.lot,
        seed: s.seed,
      };
      const result = await trainTfEpochs(
        engine,
        options,
        view.train.length,
        s.epoques - view.train.length,
        this.abort.signal,
        (r) => {
          view.train.push(r.loss);
          view.validation.push(r.valLoss ?? NaN);
          view.totalMs += r.ms;
          view.msPerEpoch = view.totalMs / view.train.length;
          this.emit();
        },
      );
      if (generation !== this.generation || model.disposed) return;
      if (result.status === 'diverged') {
        view.status = 'divergence';
        view.message = result.reason ?? '';
        view.weights = null;
      } else {
        view.weights = await model.getWeights();
        view.status = this.stopping || view.train.length >= s.epoques ? 'fini' : 'pause';
      }
    } catch (e) {
      view.progress = null;
      view.status = 'erreur';
      view.message = `L’entraînement n’a pas pu s’exécuter\u00a0: ${e instanceof Error ? e.message : String(e)}. Rechargez la page ou choisissez un autre moteur.`;
    }
    this.emit();
  }

  /** Stops for good: the weights reached so far are evaluated. */
  stop(): void {
    if (this.view.status === 'pause') {
      this.view.status = 'fini';
      this.emit();
    } else if (this.view.status === 'entrainement') {
      this.stopping = true;
      this.abort?.abort();
    }
  }

  /** Imported weights: evaluated at once, as after a finished run. */
  load(weights: MlpWeights): void {
    this.reset(weights);
    this.view.status = 'fini';
    this.emit();
  }
}
