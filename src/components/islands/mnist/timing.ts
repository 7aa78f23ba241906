/**
 * Where the time of one MNIST run went, so that every figure says what it counts and they add
 * up: one clock, started on "Entraîner", charges each stretch of time to the phase that just
 * ended (`lap`), so the phases sum to the run's wall time by construction. An epoch's duration
 * is its batches plus the measures after it, the same definition for the fastest, the mean and
 * the slowest. Pure (the clock is injected), tested in tests/unit/islands/mnist/timing.test.ts.
 */
import { formatNumber } from '../../../nn';

/** The phases of a run, in the order they happen. */
export const RUN_PHASES = [
  'donnees',
  'moteur',
  'preparation',
  'lots',
  'mesures',
  'pause',
  'attenteTest',
  'test',
] as const;
export type RunPhase = (typeof RUN_PHASES)[number];
export type RunTiming = Record<RunPhase, number>;

export const emptyRunTiming = (): RunTiming => Object.fromEntries(RUN_PHASES.map((p) => [p, 0])) as RunTiming;

/** The run's clock: every millisecond since `start` is charged to exactly one phase. */
export class PhaseClock {
  readonly ms: RunTiming = emptyRunTiming();
  private last: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now();
  }

  /** Charges the time since the previous lap (or the start) to `phase`; returns that time. */
  lap(phase: RunPhase): number {
    const t = this.now();
    const spent = t - this.last;
    this.last = t;
    this.ms[phase] += spent;
    return spent;
  }
}

/** The run's wall time: the sum of its phases. */
export const totalMs = (t: RunTiming) => RUN_PHASES.reduce((a, p) => a + t[p], 0);

/** "0 époque", "1 époque", "2 époques" (a no-break space after the number): in French the plural starts at 2. */
export const epochCount = (n: number) => `${n}\u00a0${Math.abs(n) >= 2 ? 'époques' : 'époque'}`;

/** What the table of a run needs besides its phases. */
export interface TimingContext {
  /** Completed epochs. */
  readonly epochs: number;
  /** Epochs cut short by a pause or a stop (their batches count, they have no measures). */
  readonly interrupted: number;
  readonly validationImages: number;
  readonly trainSampleImages: number;
  readonly testImages: number;
}

export interface TimingRow {
  readonly phase: RunPhase;
  readonly label: string;
  readonly ms: number;
}

const n = (x: number) => formatNumber(x, { digits: 0 });

/**
 * The rows of "Où est passé le temps", in the order the phases happen: a phase that never ran
 * (0 ms exactly: no pause, no training for an imported model) is left out; the others sum to
 * the total.
 */
export function timingRows(t: RunTiming, c: TimingContext): TimingRow[] {
  const one = c.interrupted === 1;
  const epochs =
    c.interrupted === 0
      ? epochCount(c.epochs)
      : c.epochs === 0
        ? one
          ? 'une époque interrompue'
          : `${c.interrupted}\u00a0époques interrompues`
        : `${epochCount(c.epochs)} et ${one ? 'une interrompue' : `${c.interrupted} interrompues`}`;
  const labels: Record<RunPhase, string> = {
    donnees: 'Attente des images d’entraînement (téléchargement)',
    moteur: 'Chargement de TensorFlow.js et du moteur',
    preparation: 'Préparation\u00a0: découpage, poids initiaux, modèle',
    lots: `Entraînement, calcul des lots (${epochs})`,
    mesures: `Mesures après chaque époque (${n(c.validationImages)} images de validation, ${n(c.trainSampleImages)} d’entraînement)`,
    pause: 'En pause',
    attenteTest: 'Attente des images de test (téléchargement)',
    test: `Évaluation des ${n(c.testImages)} images de test`,
  };
  return RUN_PHASES.filter((p) => t[p] !== 0).map((phase) => ({ phase, label: labels[phase], ms: t[phase] }));
}

/**
 * `values` rounded to multiples of `unit` so that the rounded parts add up to the rounded sum
 * (largest remainders): what a reader adds on the page is the total printed below.
 */
export function roundToSum(values: readonly number[], unit: number): number[] {
  const units = values.map((v) => v / unit);
  const floors = units.map(Math.floor);
  const missing = Math.round(units.reduce((a, u) => a + u, 0)) - floors.reduce((a, f) => a + f, 0);
  const order = units.map((u, i) => ({ i, rest: u - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; k < missing; k++) floors[order[k]!.i]!++;
  return floors.map((f) => f * unit);
}

/** An epoch's duration: its batches, then the measures after it. */
export interface EpochTimes {
  readonly trainMs: number;
  readonly measureMs: number;
}

/** An epoch's whole duration: its batches, then its measures. */
export const epochMs = (e: EpochTimes) => e.trainMs + e.measureMs;

/**
 * The fastest and slowest epoch and the mean of each part, all by the same definition (batches +
 * measures), so that fastest ≤ mean ≤ slowest; null before the first epoch.
 */
export function epochSpread(
  epochs: readonly EpochTimes[],
): { fastest: EpochTimes; mean: EpochTimes; slowest: EpochTimes } | null {
  if (!epochs.length) return null;
  const by = (pick: (a: number, b: number) => boolean) =>
    epochs.reduce((best, e) => (pick(epochMs(e), epochMs(best)) ? e : best));
  const mean = (key: keyof EpochTimes) => epochs.reduce((a, e) => a + e[key], 0) / epochs.length;
  return {
    fastest: by((a, b) => a < b),
    mean: { trainMs: mean('trainMs'), measureMs: mean('measureMs') },
    slowest: by((a, b) => a > b),
  };
}
