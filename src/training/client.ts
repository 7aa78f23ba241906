/**
 * The page's side of an island's training worker: started on first use as a plain module worker
 * (the site's own code, so no sandbox, unlike the code blocks), ended by `destroy` when the
 * island unmounts. `start` probes the browser once (a canvas for WebGL: only the page has one)
 * and names the run; pause, resume, stop and reset name it too. Replies about another run than
 * the current one are dropped (the stale-run guard); the others, and `memory` replies and the
 * task's notices (outside any run), go to `onMessage`. Browser only.
 */
import type { BackendRequest, Capabilities } from '../nn';
import type { FromTrainer, ToTrainer } from './protocol';

let caps: Promise<Capabilities> | null = null;
/** What the browser offers, probed once per page. */
function probe(): Promise<Capabilities> {
  caps ??= import('../components/islands/shared/tf-probe').then((m) => m.probeCapabilities());
  return caps;
}

export class TrainingClient<J, I, R, N = never> {
  private worker: Worker | null = null;
  private runId = 0;

  constructor(
    private readonly url: string,
    private readonly onMessage: (m: FromTrainer<R, N>) => void,
  ) {}

  private get w(): Worker {
    if (this.worker) return this.worker;
    const worker = (this.worker = new Worker(this.url, { type: 'module' }));
    worker.onmessage = (e: MessageEvent<FromTrainer<R, N>>) => {
      const m = e.data;
      if (m.type === 'ready' || m.type === 'memory' || m.type === 'notice' || m.runId === this.runId) this.onMessage(m);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.onMessage({
        type: 'error',
        runId: this.runId,
        message: `le moteur d’entraînement n’a pas pu démarrer (${e.message || 'erreur du worker'})`,
        tensors: null,
      });
    };
    return worker;
  }

  private post(m: ToTrainer<J, I>, transfer: Transferable[] = []): void {
    this.w.postMessage(m, transfer);
  }

  /** A new run (the previous one becomes stale); resolves once the worker has it. */
  async start(job: J, backend: BackendRequest): Promise<void> {
    const runId = ++this.runId;
    const clickedAt = performance.timeOrigin + performance.now();
    const found = await probe();
    if (runId === this.runId) this.post({ type: 'start', runId, backend, caps: found, job, clickedAt });
  }

  pause(): void {
    this.post({ type: 'pause', runId: this.runId });
  }

  resume(): void {
    this.post({ type: 'resume', runId: this.runId });
  }

  stop(): void {
    this.post({ type: 'stop', runId: this.runId });
  }

  /** The run ends silently, the model goes; a `memory` reply follows. */
  reset(): void {
    if (!this.worker) return;
    this.post({ type: 'reset', runId: ++this.runId });
  }

  /** A message for the task outside runs (it starts the worker); `transfer`: buffers the page gives up. */
  input(input: I, transfer: Transferable[] = []): void {
    this.post({ type: 'input', input }, transfer);
  }

  /** Whether the worker has been started (inputs sent before that would start it for nothing). */
  get started(): boolean {
    return this.worker !== null;
  }

  /** The worker ends, and every tensor with it. */
  destroy(): void {
    this.runId++;
    this.worker?.terminate();
    this.worker = null;
  }
}
