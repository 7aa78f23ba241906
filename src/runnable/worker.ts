/**
 * The runnable-code worker (a module worker): says `ready`, then runs each `run` with the same
 * `runCode` as the Node doc-tests, posting its output in batches (one post per ~16 ms at most,
 * see protocol.ts) and then `done`. It stays alive between runs, so later runs skip loading;
 * the page terminates it to stop a run (an infinite loop never yields).
 */
import type { OutputMessage } from '../nn/index';
import { OUTPUT_BATCH_MS, type FromWorker, type ToWorker } from './protocol';
import { runCode, type RunResult } from './run-code';

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

/** Gathers one run's output; posts it when a frame's time has passed (checked on each message, since synchronous code never lets a timer fire) or at the end. */
function batcher(runId: string) {
  let batch: OutputMessage[] = [];
  // The first message goes out at once: a print followed by a silent infinite loop still shows.
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    if (batch.length === 0) return;
    scope.postMessage({ type: 'output', runId, messages: batch });
    batch = [];
  };
  const push = (message: OutputMessage) => {
    const previous = batch[batch.length - 1];
    // A progress line redrawn in place: only its latest state is worth sending.
    if (message.kind === 'progress' && previous?.kind === 'progress' && previous.label === message.label)
      batch[batch.length - 1] = message;
    else batch.push(message);
    if (performance.now() - last >= OUTPUT_BATCH_MS) flush();
    else timer ??= setTimeout(flush, OUTPUT_BATCH_MS);
  };
  return { push, flush };
}

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.type !== 'run') return;
  const output = batcher(request.runId);
  let result: RunResult;
  try {
    result = await runCode(request.source, {
      emit: output.push,
      ...(request.check === undefined ? {} : { check: request.check }),
      ...(request.maxLines === undefined ? {} : { maxLines: request.maxLines }),
      siteBase: request.siteBase,
    });
  } catch (e) {
    // runCode reports the reader's errors itself; this is the runtime failing.
    result = {
      ok: false,
      error: { kind: 'runtime', message: `Erreur interne\u00a0: ${e instanceof Error ? e.message : String(e)}` },
      checks: [],
      truncated: false,
    };
  }
  output.flush();
  scope.postMessage({ type: 'done', runId: request.runId, result });
};

scope.postMessage({ type: 'ready' });
