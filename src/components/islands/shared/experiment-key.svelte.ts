/**
 * A trained model belongs to the settings it was trained with: when those change (another
 * network, other data, another engine), the island starts a new experiment. The training
 * islands share this watch instead of each writing its own effect.
 */
import { untrack } from 'svelte';

export interface ExperimentKey {
  /** Take the current settings as the model's own, without a reset (a model file just set them). */
  accept(): void;
}

/**
 * Call during a component's initialisation: runs `reset` each time `key` (the settings the
 * model depends on, as one string) changes, never on mount.
 */
export function resetOnNewExperiment(key: () => string, reset: () => void): ExperimentKey {
  let last = untrack(key);
  $effect(() => {
    const current = key();
    if (current === last) return;
    last = current;
    untrack(reset);
  });
  return { accept: () => (last = untrack(key)) };
}
