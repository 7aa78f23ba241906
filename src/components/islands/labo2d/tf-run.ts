/**
 * The lab's runs on TensorFlow.js, for the controller: load the engine (once per backend), build
 * the model from the reference weights, train (`trainTfMlp` yields to the browser once 16 ms
 * have passed since its last yield, and after every epoch), and read the weights back for the
 * heat map — at most one read at a time, the map itself drawn by the controller's frames like
 * the reference engine's.
 */
import type { EpochReport } from '../../../nn';
import type { LabController } from './controller';
import { labOptions } from './data';
import type { LabState } from './state';
import { disposeTfModel, engineFor, resetTfModel, trainTfEpochs, type TfEngine } from '../shared/tf-engine';

export class TfRun {
  private engine: TfEngine | null = null;
  private abort: AbortController | null = null;
  private reading = false;

  constructor(private readonly c: LabController) {}

  tensors(): number | null {
    return this.engine ? this.engine.tf.memory().numTensors : null;
  }

  /** New settings: the model goes (the engine stays, unless another one is wanted). */
  reset(s: LabState): void {
    disposeTfModel(this.engine);
    if (this.engine && (s.moteur !== 'tf' || this.engine.request !== s.backend)) this.c.view.backend = null;
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
  }

  destroy(): void {
    this.stop();
    disposeTfModel(this.engine);
    this.engine = null;
  }

  async run(epochs: number): Promise<void> {
    const { c } = this;
    const { view } = c;
    try {
      const engine = (this.engine = await engineFor(this.engine, c.s.backend, view, () => c.emit()));
      view.backend = engine.backend;
      const model = engine.model ?? (await resetTfModel(engine, c.spec, c.weights));
      view.status = 'entrainement';
      this.abort = new AbortController();
      const signal = this.abort.signal;
      c.emit();
      c.schedule();
      const onEpoch = (r: EpochReport) => c.record(r, 'tf');
      // the chosen speed: after an epoch that came too early, wait until its turn
      const afterEpoch = async () => {
        c.spend(1);
        while (!signal.aborted && c.pace(performance.now()) < 1) await new Promise((r) => setTimeout(r, 20));
      };
      const options = { ...labOptions(c.s, c.data), afterEpoch };
      const first = c.epoch;
      const result = await trainTfEpochs(engine, options, first, epochs, signal, onEpoch);
      if (model.disposed) return;
      if (result.status === 'diverged') c.stopWith('divergence', result.reason);
      else if (result.status === 'earlyStopped') {
        // the run counts its epochs from `first`
        c.restored(result.bestEpoch === undefined ? undefined : first + result.bestEpoch);
        c.stopWith('arret', result.reason);
      } else if (!c.finishIfOver()) view.status = 'pause';
      c.emit();
      c.refreshLater();
    } catch (e) {
      view.progress = null;
      c.stopWith(
        'erreur',
        `La démo n’a pas pu s’exécuter\u00a0: ${e instanceof Error ? e.message : String(e)}. Rechargez la page ou choisissez un autre moteur.`,
      );
      c.emit();
    }
  }

  /** Copies the model's weights into the reference weights, then has them mapped. */
  readWeights(): void {
    const model = this.engine?.model;
    if (this.reading) return;
    this.c.forgetMap();
    if (!model || model.disposed) return;
    this.reading = true;
    model.getWeights().then(
      (w) => {
        this.reading = false;
        if (model.disposed) return;
        w.W.forEach((W, l) => this.c.weights.W[l]!.data.set(W.data));
        w.b.forEach((b, l) => this.c.weights.b[l]!.set(b));
        this.c.startMap(w);
      },
      // the model was disposed while its weights were read (reset): nothing to draw
      () => (this.reading = false),
    );
  }
}
