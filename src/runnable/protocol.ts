/**
 * Messages between the page (H-UI's controller) and the runnable-code worker (`worker.ts`).
 * The worker stays alive between runs; « Arrêter » terminates it and the page starts a new one.
 *
 * One deviation from the first contract (RUNNABLE.md §4), so that a block printing in a loop
 * does not flood the page with one postMessage per line: the worker sends output in batches,
 * at most one `output` message per ~16 ms (one frame), each carrying an ARRAY `messages` in
 * emission order. In a batch, consecutive progress updates of the same label are merged into
 * the last one (the page would draw only that one anyway).
 */
import type { OutputMessage } from '../nn/index';
import type { RunResult } from './run-code';

/** Page → worker: run `source` (then `check`, in the same scope, for an exercise). */
export interface RunRequest {
  readonly type: 'run';
  /** Chosen by the page; echoed in every reply about this run. */
  readonly runId: string;
  readonly source: string;
  readonly check?: string;
  /** Absolute URL of the site's base (ends with '/'): where tfjs's .wasm files are served from. */
  readonly siteBase: string;
  readonly maxLines?: number;
}

export type ToWorker = RunRequest;

/** Worker → page: the module has loaded and can take a `run`. */
export interface ReadyReply {
  readonly type: 'ready';
}

/** Worker → page: output of a run, in order; several messages per post (see above). */
export interface OutputReply {
  readonly type: 'output';
  readonly runId: string;
  readonly messages: readonly OutputMessage[];
}

/** Worker → page: the run has ended (every `output` of it was posted before). */
export interface DoneReply {
  readonly type: 'done';
  readonly runId: string;
  readonly result: RunResult;
}

export type FromWorker = ReadyReply | OutputReply | DoneReply;

/** How long the worker gathers output before posting it (one frame). */
export const OUTPUT_BATCH_MS = 16;
