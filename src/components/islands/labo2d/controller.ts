/**
 * The lab's conductor, without any Svelte: it owns the run (reference engine in time-boxed
 * slices per animation frame, or TensorFlow.js in its training worker, tf-run.ts), the play /
 * pause / step / reset logic, and what the view shows (curves, heat map, metrics), pushed
 * through `onChange`.
 *
 * Nothing it does holds the page long. One loop of animation frames, while something is under
 * way, shares a budget of a few milliseconds per frame between three things: a slice of the
 * heat map (predicted a few rows at a time from a copy of the weights, see predictor.ts), the
 * view (pushed at most every REFRESH_MS, its render cost measured and counted), and, on the
 * reference engine, batches of training for whatever time is left — no more epochs than the
 * chosen speed allows (`pace.ts`). TensorFlow.js trains in its worker, at the chosen speed too,
 * and reports its losses and weights; the loop then only draws (the map of the reported weights).
 *
 * A run stops by itself after the settings' epoch budget. When settings change (or the lab is
 * reset), the run that had started becomes the ghost: its curves and its boundary stay, faint,
 * beside the new run's.
 */
import {
  cloneWeights,
  createTrainingStepper,
  type MlpSpec,
  type MlpWeights,
  type EpochReport,
  type TrainingStepper,
} from '../../../nn';
import { classesOf, labOptions, labSpec, labWeights, prepareData, type LabData } from './data';
import { CENTRES } from './heatmap';
import { createPredictJob, createPredictor, type PredictJob, type Predictor } from './predictor';
import { createPace, REFRESH_MS } from './pace';
import { epochsPerSecond, type LabState } from './state';
import { TfRun } from './tf-run';
import { emptyView, splitMetrics, type LabStatus, type LabView } from './view';

export type { LabGhost, LabStatus, LabView, SplitMetrics } from './view';
export { emptyView } from './view';
export { REFRESH_MS } from './pace';

/** The lab's work per animation frame (map slice, render, training), in ms. */
export const FRAME_BUDGET_MS = 8;
/** Longest slice of heat-map prediction per frame, in ms (the rest of the budget trains). */
export const MAP_SLICE_MS = 3;

export class LabController {
  readonly view: LabView = emptyView();
  s!: LabState;
  data!: LabData;
  spec!: MlpSpec;
  weights!: MlpWeights;
  private trainer: TrainingStepper | null = null;
  /** The reference engine's epochs the speed allows (TensorFlow.js paces itself in its worker). */
  private pace = createPace(Infinity);
  private readonly tf = new TfRun(this);
  private predictor!: Predictor;
  private frame = 0;
  private recent: number[] = [];
  /** The heat map and scores under way, and when it started. */
  private job: PredictJob | null = null;
  private jobStart = -Infinity;
  /** The weights changed since the last map started; the view changed since it was last pushed. */
  private stale = false;
  private unseen = false;
  private lastEmit = -Infinity;
  /** What the latest push cost (Svelte's update and the canvas), in ms. */
  private renderMs = 0;

  constructor(private readonly onChange: (view: LabView) => void) {}

  emit(): void {
    this.lastEmit = performance.now();
    this.unseen = false;
    this.onChange(this.view);
    // Svelte updates in a microtask queued by onChange: this one runs after it
    queueMicrotask(() => (this.renderMs = performance.now() - this.lastEmit));
  }

  record(r: EpochReport, engine: 'js' | 'tf'): void {
    this.view.train.push(r.loss);
    this.view.validation.push(r.valLoss ?? NaN);
    this.recent.push(r.ms);
    if (this.recent.length > 20) this.recent.shift();
    this.view.msPerEpoch[engine] = this.recent.reduce((a, b) => a + b, 0) / this.recent.length;
    this.stale = this.unseen = true;
  }

  get epoch(): number {
    return this.view.train.length;
  }

  get training(): boolean {
    return this.view.status === 'entrainement';
  }

  /** The inputs of a map: grid, training points, test points. */
  private mapJob(weights: MlpWeights): PredictJob {
    this.jobStart = performance.now();
    return createPredictJob(this.predictor, weights, [CENTRES, this.data.train.X, this.data.test.X]);
  }

  private publish(job: PredictJob): void {
    const [grid, train, test] = job.out as Float64Array[];
    this.view.probs = grid!;
    this.view.metrics = {
      train: splitMetrics(this.data.train.labels, classesOf({ rows: train!.length, cols: 1, data: train! })),
      test: splitMetrics(this.data.test.labels, classesOf({ rows: test!.length, cols: 1, data: test! })),
    };
    this.unseen = true;
  }

  /** The weights changed: a new map soon. */
  refreshLater(): void {
    this.stale = true;
    this.schedule();
  }

  /** Heat map and scores of the current weights, at once (new settings: shown at once, SSR included). */
  private refreshNow(): void {
    this.stale = false;
    const job = this.mapJob(this.weights);
    job.run(Infinity);
    this.job = null;
    this.publish(job);
  }

  /** The run shown, if it has begun, becomes the ghost (its settings, curves and last map). */
  private keepGhost(): void {
    const v = this.view;
    if (!this.s || !v.train.length) return;
    v.ghost = {
      settings: this.s,
      train: v.train,
      validation: v.validation,
      probs: v.probs,
      restoredEpoch: v.restoredEpoch,
      testAccuracy: v.metrics?.test.accuracy ?? null,
    };
  }

  /** Drops the ghost run. */
  clearGhost(): void {
    this.view.ghost = null;
    this.emit();
  }

  /** New settings: new data, new network, nothing trained; the run so far becomes the ghost. */
  reset(s: LabState): void {
    this.stop();
    this.keepGhost();
    this.s = s;
    this.data = prepareData(s);
    this.spec = labSpec(s);
    this.weights = labWeights(s);
    this.predictor = createPredictor(this.spec);
    this.trainer = null;
    this.recent = [];
    this.tf.reset(s);
    Object.assign(this.view, {
      status: 'repos',
      message: '',
      train: [],
      validation: [],
      progress: null,
      restoredEpoch: null,
    });
    this.refreshNow();
    this.emit();
  }

  stopWith(status: LabStatus, message = ''): void {
    this.view.status = status;
    this.view.message = message;
  }

  private restartIfOver(): void {
    if (!['repos', 'pause'].includes(this.view.status)) this.reset(this.s);
  }

  play(): void {
    if (this.training || this.view.status === 'chargement') return;
    this.restartIfOver();
    this.pace = createPace(epochsPerSecond[this.s.vitesse]);
    if (this.s.moteur === 'tf') this.tf.play();
    else {
      this.view.status = 'entrainement';
      this.emit();
      this.schedule();
    }
  }

  /** « Vitesse » changed: not another experiment, so the run (or the pause) goes on at the new speed. */
  setSpeed(vitesse: LabState['vitesse']): void {
    if (!this.s || this.s.vitesse === vitesse) return;
    this.s = { ...this.s, vitesse };
    this.pace.setRate(epochsPerSecond[vitesse]);
    this.tf.setRate(epochsPerSecond[vitesse]);
  }

  /** One epoch, then pause. */
  step(): void {
    if (this.training || this.view.status === 'chargement') return;
    this.restartIfOver();
    if (this.s.moteur === 'tf') this.tf.step();
    else {
      this.jsSlice(Infinity, 1);
      if (this.view.status === 'repos') this.view.status = 'pause';
      this.emit();
      this.refreshLater();
    }
  }

  /** The loop goes on without training: it finishes the map of where the run stopped. */
  pause(): void {
    this.tf.pause();
    if (this.training) this.view.status = 'pause';
    this.emit();
    this.refreshLater();
  }

  /** Ends everything under way: run, map, frames. */
  private stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.job = null;
  }

  destroy(): void {
    this.stop();
    this.tf.destroy();
  }

  /** The run reached its epoch budget: its end, said. */
  finishIfOver(): boolean {
    if (this.epoch < this.s.epoques) return false;
    this.stopWith('fini', `Fin de l’expérience\u00a0: ${this.s.epoques} époque${this.s.epoques > 1 ? 's' : ''}.`);
    return true;
  }

  /** Early stopping restored the weights of `epoch`: the figures shown are theirs. */
  restored(epoch: number | undefined): void {
    this.view.restoredEpoch = epoch ?? null;
  }

  /** Reference engine: batches for at most `budget` ms; stops the run when it ends. */
  private jsSlice(budget: number, maxEpochs = Infinity): void {
    this.trainer ??= createTrainingStepper(this.spec, this.weights, labOptions(this.s, this.data));
    const reports = this.trainer.slice(budget, Math.min(maxEpochs, this.s.epoques - this.epoch));
    for (const r of reports) this.record(r, 'js');
    this.pace.spend(reports.length);
    if (this.trainer.status === 'diverged') this.stopWith('divergence', this.trainer.reason);
    else if (this.trainer.status === 'earlyStopped') {
      this.restored(this.trainer.bestEpoch);
      this.stopWith('arret', this.trainer.reason);
    } else this.finishIfOver();
  }

  /** Keeps the loop going while a run, a map or a change not yet shown is under way. */
  schedule(): void {
    if (!this.frame && (this.training || this.job || this.unseen || this.stale))
      this.frame = requestAnimationFrame(this.tick);
  }

  // An arrow function, so that requestAnimationFrame keeps `this`.
  private tick = (): void => {
    this.frame = 0;
    const start = performance.now();
    let render = 0;
    let drawn = false;
    if (this.job?.run(start + MAP_SLICE_MS)) {
      this.publish(this.job);
      this.job = null;
      drawn = true;
    }
    // a new map is worth a push; without one (a slow map), the curves still move now and then
    if (this.unseen && (drawn || !this.training || start - this.lastEmit >= 3 * REFRESH_MS)) {
      this.emit();
      render = this.renderMs;
    }
    const js = this.training && this.s.moteur === 'js';
    const left = FRAME_BUDGET_MS - (performance.now() - start) - render;
    const allowed = js ? this.pace.allowed(start) : 0;
    if (js && left > 0 && allowed > 0) {
      this.jsSlice(left, allowed);
      if (!this.training) this.emit();
    }
    // the next map: a copy of the weights, as training (or the worker's reports) goes on while it is drawn
    if (!this.job && this.stale && (!this.training || performance.now() - this.jobStart >= REFRESH_MS)) {
      this.stale = false;
      this.job = this.mapJob(cloneWeights(this.weights));
    }
    this.schedule();
  };
}
