/**
 * The lab's « Vitesse » as a budget of epochs, for both engines: the reference engine's frames
 * (controller.ts) and TensorFlow.js in its worker (train-task.ts) train only as many epochs as
 * the credit allows. The credit grows with the time since it was last counted (at most a tenth
 * of a second's worth, so a hidden tab or a slow frame does not burst).
 */
/**
 * The view (curves, heat map, scores) is pushed at most this often while training, in ms; the
 * TensorFlow.js worker sends its weights at this pace too.
 */
export const REFRESH_MS = 100;

export interface EpochPace {
  /** How many more epochs the speed allows at `now` (ms). */
  allowed(now: number): number;
  /** `n` epochs were trained out of the credit. */
  spend(n: number): void;
  /** The reader changed « Vitesse » during the run: the new rate holds from now on. */
  setRate(rate: number): void;
}

/** `rate`: epochs per second (Infinity: no limit). */
export function createPace(rate: number): EpochPace {
  let credit = 0;
  let at = -Infinity;
  return {
    allowed(now) {
      if (rate === Infinity) return Infinity;
      const dt = Math.min(100, Math.max(0, now - at));
      at = now;
      credit = Math.min(credit + (rate * dt) / 1000, Math.max(1, rate / 10));
      return Math.floor(credit);
    },
    spend(n) {
      if (rate !== Infinity) credit = Math.max(0, credit - n);
    },
    setRate(next) {
      // The credit saved at the old rate is not spent in a burst at a faster one.
      credit = Math.min(credit, 1);
      rate = next;
    },
  };
}
