/**
 * The calculator's side of its training worker (train-worker.ts, on the shared life cycle of
 * src/training): it starts, pauses, stops and resets runs and folds what the worker reports
 * into the view — the page only draws. tfjs and the model live in the worker (ended when the
 * island unmounts); after a pause or a run the weights come back, so that evaluation and
 * analysis run on the course's engine. `view.tensors` is the worker's `numTensors`.
 */
import type { BackendChoice, MlpSpec, MlpWeights } from '../../../nn';
import type { LoadProgress } from '../../../nn/tf';
import { TrainingClient } from '../../../training/client';
import { foldEngineNews, runFailure } from '../../../training/engine-news';
import type { FromTrainer } from '../../../training/protocol';
import workerUrl from './train-worker.ts?worker&url';
import type { CalcJob, CalcReport } from './train-task';
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
  private readonly client = new TrainingClient<CalcJob, never, CalcReport>(workerUrl, (m) => this.receive(m));

  constructor(private readonly onChange: (view: CalcView) => void) {}

  private emit(): void {
    this.onChange(this.view);
  }

  private receive(m: FromTrainer<CalcReport>): void {
    const { view } = this;
    if (foldEngineNews(view, m)) return this.emit();
    if (m.type === 'error') {
      view.progress = null;
      view.status = 'erreur';
      view.message = runFailure('L’entraînement', m.message);
    } else if (m.type === 'report') {
      const r = m.report;
      if (r.epoch) {
        view.train.push(r.epoch.loss);
        view.validation.push(r.epoch.valLoss ?? NaN);
        view.totalMs += r.epoch.ms;
        view.msPerEpoch = view.totalMs / view.train.length;
      }
      if (r.weights !== undefined) view.weights = r.weights;
      if (r.message !== undefined) view.message = r.message;
      if (r.status) view.status = r.status;
    }
    this.emit();
  }

  /** New settings or new weights: the model goes, the curves too (the engine stays). */
  reset(weights: MlpWeights | null = null): void {
    this.client.reset();
    Object.assign(this.view, {
      status: 'repos',
      message: '',
      progress: null,
      train: [],
      validation: [],
      msPerEpoch: null,
      totalMs: 0,
      // Until the worker says how many tensors are left.
      tensors: null,
      weights,
      trainedWith: null,
    });
    this.emit();
  }

  pause(): void {
    if (this.view.status === 'entrainement') this.client.pause();
  }

  destroy(): void {
    this.client.destroy();
  }

  /** Trains up to `s.epoques` epochs in all; after a pause, goes on with the paused model. */
  train(s: CalcState, spec: MlpSpec, initial: MlpWeights, data: CalcData): void {
    const { view } = this;
    if (view.status === 'entrainement' || view.status === 'chargement') return;
    const resuming = view.status === 'pause';
    if (!resuming && view.status !== 'repos') this.reset();
    const used = { optim: s.optim, lr: s.lr, lot: s.lot };
    const same = (t: TrainedWith | null) => t !== 'mixte' && JSON.stringify(t) === JSON.stringify(used);
    view.trainedWith = view.trainedWith === null || same(view.trainedWith) ? used : 'mixte';
    view.message = '';
    this.emit();
    void this.client.start(
      {
        spec,
        weights: resuming ? null : (view.weights ?? initial),
        X: data.train.X,
        Y: data.train.Y,
        validation: { X: data.validation.X, Y: data.validation.Y },
        optimizer: { name: s.optim, learningRate: s.lr },
        batchSize: s.lot,
        seed: s.seed,
        firstEpoch: view.train.length,
        epochs: Math.max(0, s.epoques - view.train.length),
      },
      s.moteur,
    );
  }

  /** Stops for good: the weights reached so far are evaluated. */
  stop(): void {
    if (this.view.status === 'pause' || this.view.status === 'entrainement') this.client.stop();
  }

  /** Imported weights: evaluated at once, as after a finished run. */
  load(weights: MlpWeights): void {
    this.reset(weights);
    this.view.status = 'fini';
    this.emit();
  }
}
