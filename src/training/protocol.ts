/**
 * Messages between an island (client.ts) and its training worker (serve.ts + session.ts), in the
 * style of the code blocks' protocol (runnable/protocol.ts): plain data only, every reply about a
 * run names it by `runId`, so a late message of a run the page has left (reset, a new start) is
 * dropped on both sides — the stale-run guard. Every reply also carries the worker's
 * `tf.memory().numTensors` (null before tfjs is loaded), which the islands print and the tests read.
 *
 * J: the island's jobs, I: its inputs (messages outside any run, e.g. « load the MNIST files »),
 * R: its reports (what the page draws), N: its notices (what the task tells the page outside any
 * run, e.g. the data's progress: not named by a run, so never dropped as stale).
 */
import type { BackendChoice, BackendRequest, Capabilities } from '../nn';
import type { LoadProgress } from '../nn/tf';

/** Page → worker. */
export type ToTrainer<J, I> =
  | {
      readonly type: 'start';
      readonly runId: number;
      readonly backend: BackendRequest;
      /** What the page's probe found (WebGL is probed with a canvas, which only the page has). */
      readonly caps: Capabilities;
      readonly job: J;
      /** When the reader clicked, in ms since the epoch (`timeOrigin + now()`): clocks start there. */
      readonly clickedAt: number;
    }
  | { readonly type: 'pause' | 'resume' | 'stop'; readonly runId: number }
  /** The run ends (silently) and the model and optimiser go; the engine stays. */
  | { readonly type: 'reset'; readonly runId: number }
  | { readonly type: 'input'; readonly input: I };

interface Reply {
  /** `tf.memory().numTensors` in the worker when it posted (null: tfjs not loaded yet). */
  readonly tensors: number | null;
}

/** Worker → page. */
export type FromTrainer<R, N = never> =
  | (Reply & { readonly type: 'ready' })
  /** The task's news outside any run (see `TrainingTask.input`). */
  | (Reply & { readonly type: 'notice'; readonly notice: N })
  /** After a reset: what is left. */
  | (Reply & { readonly type: 'memory'; readonly runId: number })
  /** The engine is loading (null: done). */
  | (Reply & { readonly type: 'progress'; readonly runId: number; readonly progress: LoadProgress | null })
  | (Reply & { readonly type: 'engine'; readonly runId: number; readonly backend: BackendChoice })
  | (Reply & { readonly type: 'report'; readonly runId: number; readonly report: R })
  /** The run's task threw: a French sentence for the reader. */
  | (Reply & { readonly type: 'error'; readonly runId: number; readonly message: string })
  /** The run's task has returned (its last report was posted before). */
  | (Reply & { readonly type: 'end'; readonly runId: number });

/** Where the run's time went is measured from the click: the worker's clock at `clickedAt`. */
export const workerTime = (clickedAt: number) => clickedAt - performance.timeOrigin;
