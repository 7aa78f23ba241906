/**
 * What every tfjs island's page does with its worker's news about the engine, written once: the
 * worker's tensor count, the loading bar while tfjs and its backend load (the island's status
 * is then « chargement »), the backend that runs, and the French sentence of a failure. The
 * islands' run.ts (MNIST, the calculator, the 2D lab's tf-run.ts) fold their own reports and hand the rest here.
 */
import type { BackendChoice } from '../nn';
import type { LoadProgress } from '../nn/tf';
import type { FromTrainer } from './protocol';

/** The part of an island's view that the engine's news fill. */
export interface EngineView {
  status: string;
  progress: LoadProgress | null;
  backend: BackendChoice | null;
  tensors: number | null;
}

/**
 * Folds `m` into `view` when it is news of the engine (every reply carries the tensor count;
 * `progress` and `engine` are only that). Returns whether `m` needs nothing more. `loading`
 * false: the loading bar moves but the status stays (a run with its own status line).
 */
export function foldEngineNews(view: EngineView, m: FromTrainer<unknown, unknown>, loading = true): boolean {
  if (m.tensors !== null) view.tensors = m.tensors;
  if (m.type === 'progress') {
    if (loading) view.status = 'chargement';
    view.progress = m.progress;
    return true;
  }
  if (m.type === 'engine') {
    view.backend = m.backend;
    return true;
  }
  return false;
}

/** « L’entraînement n’a pas pu s’exécuter : <why>. Rechargez la page ou choisissez un autre moteur. » */
export function runFailure(subject: string, why: string): string {
  return `${subject} n’a pas pu s’exécuter\u00a0: ${why}. Rechargez la page ou choisissez un autre moteur.`;
}
