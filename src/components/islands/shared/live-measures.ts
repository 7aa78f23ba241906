/**
 * The live measures of a TensorFlow.js run, as the training islands list them under their buttons
 * (LiveMeasures.svelte draws them): one row a figure, with the test id and the unrounded value the
 * browser tests read. The rows every tfjs island shows (the engine, the tensors in memory) and the
 * dash of a figure not there yet are written here once; each island adds its own figures.
 */
import { backendLabels, formatNumber, type BackendChoice } from '../../../nn';

export interface Measure {
  /** What the figure is (the <dt>). */
  readonly label: string;
  /** The figure as the reader sees it (the <dd>). */
  readonly text: string;
  readonly testid?: string;
  /** The unrounded value, for the browser tests (`data-valeur`). */
  readonly value?: number | null;
  /** The tensors in memory before any run, for the leak test (`data-base`). */
  readonly base?: number | null;
}

/** What a figure not measured yet reads. */
export const NO_FIGURE = '—';

/** The last epoch's figure of a curve, null before the first epoch. */
export const lastOf = <T>(a: readonly T[]): T | null => (a.length ? a[a.length - 1]! : null);

/** A live figure the French way with `digits` decimals at most, a dash when missing or not finite. */
export function figureText(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined || !Number.isFinite(v) ? NO_FIGURE : formatNumber(v, { digits });
}

/** The engine the worker started, named as the menu names it; « pas encore chargé » before. */
export function engineMeasure(backend: BackendChoice | null, testid: string, label = 'Moteur'): Measure {
  return { label, text: backend ? backendLabels[backend.name] : 'pas encore chargé', testid };
}

/** The worker's `numTensors`: a count that grows run after run says a tensor leaks. */
export function tensorsMeasure(tensors: number | null, testid: string, base?: number | null): Measure {
  return { label: 'Tenseurs en mémoire', text: tensors === null ? NO_FIGURE : String(tensors), testid, base };
}
