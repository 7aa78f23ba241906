/**
 * The MNIST island's side of its training worker (train-worker.ts, on the shared life cycle of
 * src/training): it passes the data store's messages (load, pixels wanted) and hands it the
 * worker's data notices (data-store.ts), starts, pauses, resumes, stops and resets runs, and
 * folds what the worker reports into the view (view.ts) — the page only draws. The images, tfjs,
 * the model and every tensor live in the worker, which ends when the island unmounts;
 * `view.tensors` is the worker's `numTensors`, as its replies say.
 */
import type { MlpWeights } from '../../../nn';
import { TrainingClient } from '../../../training/client';
import { foldEngineNews, runFailure } from '../../../training/engine-news';
import type { FromTrainer } from '../../../training/protocol';
import workerUrl from './train-worker.ts?worker&url';
import type { MnistJob, MnistReport } from './train-task';
import type { MnistInput, MnistNotice } from './data-shelf';
import type { ScenarioResult } from './imbalance-run';
import { emptyMnistView, type MnistView } from './view';
import { emptyRunTiming } from './timing';
import type { MnistState } from './state';

/** What the imbalance experiment hears: a scenario's result, the end, a stop, or an error. */
export type ImbalanceNews = ScenarioResult | 'fini' | 'arret' | Error;

export class MnistRun {
  readonly view: MnistView = emptyMnistView();
  private readonly client: TrainingClient<MnistJob, MnistInput, MnistReport, MnistNotice>;
  private job: MnistJob['kind'] | null = null;
  private onScenario: ((r: ImbalanceNews) => void) | null = null;

  /** `onData`: the worker's news about the data (for the data store), or an Error if the worker failed outside a run. */
  constructor(
    private readonly onChange: (view: MnistView) => void,
    private readonly onData: (notice: MnistNotice | Error) => void,
  ) {
    this.client = new TrainingClient(workerUrl, (m) => this.receive(m));
  }

  private emit(): void {
    this.onChange(this.view);
  }

  private receive(m: FromTrainer<MnistReport, MnistNotice>): void {
    const { view } = this;
    if (m.type === 'notice') return this.onData(m.notice);
    const imbalance = this.job === 'imbalance';
    // the experiment has its own status line: the training's view keeps its own
    if (foldEngineNews(view, m, !imbalance)) return this.emit();
    switch (m.type) {
      case 'report':
        if (m.report.view) Object.assign(view, m.report.view);
        if (m.report.run) view.runs = [...view.runs, m.report.run];
        if (m.report.scenario) this.onScenario?.(m.report.scenario);
        break;
      case 'error':
        // outside any run, only the worker itself can have failed (it did not start): the data with it
        if (this.job === null) this.onData(new Error(`Les images n’ont pas pu être chargées\u00a0: ${m.message}.`));
        view.progress = null;
        if (imbalance) {
          this.onScenario?.(new Error(m.message));
          this.onScenario = null;
        } else {
          view.status = 'erreur';
          view.message =
            this.job === 'load'
              ? `Le modèle importé n’a pas pu être évalué\u00a0: ${m.message}.`
              : runFailure('L’entraînement', m.message);
        }
        break;
      case 'end':
        if (imbalance) {
          this.onScenario?.('fini');
          this.onScenario = null;
        }
        break;
    }
    this.emit();
  }

  /** The data store's message to the worker (a load, pixels wanted); the first one starts the worker. */
  input(input: MnistInput): void {
    this.client.input(input);
  }

  /** The model, the curves and the evaluation go (the engine and the table of runs stay). */
  reset(): void {
    this.client.reset();
    this.leave();
    Object.assign(this.view, {
      status: 'repos',
      message: '',
      progress: null,
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
    this.client.stop();
  }

  /** Suspends after the current step, keeping the model; `resume` goes on. */
  pause(): void {
    if (this.view.status === 'entrainement') this.client.pause();
  }

  resume(): void {
    this.client.resume();
  }

  destroy(): void {
    this.client.destroy();
  }

  /** The current job is left: an imbalance experiment under way hears that it stopped. */
  private leave(): void {
    if (this.job === 'imbalance') this.onScenario?.('arret');
    this.onScenario = null;
    this.job = null;
  }

  private begin(kind: MnistJob['kind']): void {
    this.reset();
    this.job = kind;
  }

  /**
   * A whole run in the worker: a fresh model from the seed, `s.epoques` epochs on the training
   * split of the first `s.n` images (the worker waits for their chunks, then for the test set).
   * `whenData` starts the download if needed; if it fails, the run is left (the data step shows why).
   */
  train(s: MnistState, whenData: () => Promise<unknown>): void {
    if (['entrainement', 'pause', 'chargement', 'evaluation'].includes(this.view.status)) return;
    this.begin('train');
    this.view.status = 'chargement';
    this.emit();
    void this.client.start({ kind: 'train', s }, s.moteur);
    whenData().catch(() => this.reset());
  }

  /** Imported weights: evaluated on the test set as after a run. */
  load(s: MnistState, weights: MlpWeights, whenTest: () => Promise<unknown>): void {
    this.begin('load');
    void this.client.start({ kind: 'load', s, weights }, s.moteur);
    whenTest().catch(() => this.reset());
  }

  /** Stops the experiment: its run is left and the worker's model goes. */
  stopImbalance(): void {
    if (this.job !== 'imbalance') return;
    this.client.reset();
    this.leave();
  }

  /** Step 7's experiment in the worker: each scenario's result, then 'fini' (or an error). */
  imbalance(s: MnistState, whenData: () => Promise<unknown>, on: (r: ImbalanceNews) => void): void {
    // The training's view stays (its evaluation and drawings); only the worker's model goes.
    this.leave();
    this.job = 'imbalance';
    this.onScenario = on;
    void this.client.start({ kind: 'imbalance', s }, s.moteur);
    whenData().catch((e: unknown) => on(e instanceof Error ? e : new Error(String(e))));
  }
}
