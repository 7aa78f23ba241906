/**
 * The lab's runs on TensorFlow.js, the page's side of its training worker (train-worker.ts, on
 * the shared life cycle of src/training): it starts, pauses, resumes and resets runs, and folds
 * what the worker reports into the lab — losses per epoch, and the weights (at the pace the heat
 * map redraws, at a pause, at the end) copied into the lab's weights, which the lab maps and
 * scores with the course's engine as for its own runs. tfjs and the model live in the worker,
 * ended when the island unmounts; `view.tensors` is the worker's `numTensors`. It knows the lab
 * only through `TfHost`, so the controller and this file do not import each other.
 */
import type { BackendRequest, EpochReport, MlpSpec, MlpWeights } from '../../../nn';
import { TrainingClient } from '../../../training/client';
import { foldEngineNews, runFailure } from '../../../training/engine-news';
import type { FromTrainer } from '../../../training/protocol';
import workerUrl from './train-worker.ts?worker&url';
import { labOptions, type LabData } from './data';
import { epochsPerSecond, type LabState } from './state';
import type { LabInput, LabJob, LabReport } from './train-task';
import type { LabStatus, LabView } from './view';

/** What a TensorFlow.js run needs of the lab (the controller). */
export interface TfHost {
  readonly view: LabView;
  readonly s: LabState;
  readonly data: LabData;
  readonly spec: MlpSpec;
  readonly weights: MlpWeights;
  /** Epochs shown so far. */
  readonly epoch: number;
  record(r: EpochReport, engine: 'tf'): void;
  stopWith(status: LabStatus, message?: string): void;
  restored(epoch: number | undefined): void;
  finishIfOver(): boolean;
  emit(): void;
  schedule(): void;
  refreshLater(): void;
}

export class TfRun {
  private readonly client = new TrainingClient<LabJob, LabInput, LabReport>(workerUrl, (m) => this.receive(m));
  /** A run is under way in the worker (started, not ended): a paused one is resumed. */
  private running = false;
  /** The backend asked for by the latest run. */
  private request: BackendRequest | null = null;

  constructor(private readonly c: TfHost) {}

  /** New settings: the model goes (the engine stays, unless another one is wanted). */
  reset(s: LabState): void {
    this.running = false;
    if (this.client.started) {
      this.client.reset();
      // until the worker says how many tensors are left
      this.c.view.tensors = null;
    }
    if (s.moteur !== 'tf' || this.request !== s.backend) this.c.view.backend = null;
  }

  /** The run pauses in the worker after its current step; `play` resumes it. */
  pause(): void {
    if (this.running) this.client.pause();
  }

  destroy(): void {
    this.running = false;
    this.client.destroy();
  }

  /** « Vitesse » changed: the run under way in the worker goes at `rate` epochs per second from now. */
  setRate(rate: number): void {
    if (this.running) this.client.input({ rate });
  }

  /** Up to the settings' epoch budget: the paused run goes on, or a new one starts. */
  play(): void {
    const { c } = this;
    if (!this.running) {
      this.start(c.s.epoques - c.epoch);
      return;
    }
    this.client.resume();
    c.view.status = 'entrainement';
    c.emit();
    c.schedule();
  }

  /** One epoch (a paused run is left for a run of one epoch on the same model). */
  step(): void {
    this.start(1);
  }

  private start(epochs: number): void {
    const { c } = this;
    this.running = true;
    this.request = c.s.backend;
    c.view.status = 'chargement';
    c.emit();
    void this.client.start(
      {
        spec: c.spec,
        // the worker's model carries on (with its optimiser's state) once the run has begun
        weights: c.epoch === 0 ? c.weights : null,
        options: labOptions(c.s, c.data),
        firstEpoch: c.epoch,
        epochs,
        rate: epochsPerSecond[c.s.vitesse],
      },
      c.s.backend,
    );
  }

  private receive(m: FromTrainer<LabReport>): void {
    const { c } = this;
    const { view } = c;
    if (foldEngineNews(view, m)) return c.emit();
    if (m.type === 'report') return this.report(m.report);
    if (m.type === 'error') {
      this.running = false;
      view.progress = null;
      c.stopWith('erreur', runFailure('La démo', m.message));
    } else if (m.type === 'end') this.running = false;
    c.emit();
  }

  private report(r: LabReport): void {
    const { c } = this;
    const { view } = c;
    if (r.started) {
      view.backend = r.started;
      view.progress = null;
      view.status = 'entrainement';
      c.emit();
    }
    if (r.epoch) {
      // drawn by the lab's frames, like the reference engine's epochs
      c.record(r.epoch, 'tf');
      c.schedule();
    }
    if (r.weights) {
      r.weights.W.forEach((W, l) => c.weights.W[l]!.data.set(W.data));
      r.weights.b.forEach((b, l) => c.weights.b[l]!.set(b));
      c.refreshLater();
    }
    if (r.end) {
      this.running = false;
      const { status, reason, bestEpoch } = r.end;
      if (status === 'diverged') c.stopWith('divergence', reason);
      else if (status === 'earlyStopped') {
        c.restored(bestEpoch);
        c.stopWith('arret', reason);
      } else if (!c.finishIfOver()) view.status = 'pause';
      c.emit();
      c.refreshLater();
    }
  }
}
