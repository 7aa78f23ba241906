/**
 * The worker's side of the protocol: `serveTraining(task)` is the whole body of an island's
 * training worker (e.g. islands/mnist/train-worker.ts). It says `ready`, then hands each message
 * to the one `TrainingSession`; the page ends the worker (`terminate`) when the island unmounts.
 */
import type { FromTrainer, ToTrainer } from './protocol';
import { TrainingSession, type TrainingTask } from './session';

export function serveTraining<J, I, R, N = never>(task: TrainingTask<J, I, R, N>): void {
  const scope = globalThis as unknown as {
    postMessage(message: FromTrainer<R, N>, transfer?: Transferable[]): void;
    onmessage: ((event: MessageEvent<ToTrainer<J, I>>) => void) | null;
  };
  const session = new TrainingSession(task, (m, transfer) => scope.postMessage(m, transfer ?? []));
  scope.onmessage = (event) => {
    const m = event.data;
    switch (m.type) {
      case 'start':
        void session.start(m.runId, m.backend, m.caps, m.job, m.clickedAt);
        break;
      case 'pause':
        session.pause(m.runId);
        break;
      case 'resume':
        session.resume(m.runId);
        break;
      case 'stop':
        session.stop(m.runId);
        break;
      case 'reset':
        void session.reset(m.runId);
        break;
      case 'input':
        session.input(m.input);
        break;
    }
  };
  scope.postMessage({ type: 'ready', tensors: null });
}
