/**
 * The race of the "Paysage de perte" island, without DOM: SGD, momentum, RMSProp and Adam start
 * from the same point of a surface and take steps in lockstep, each with its own optimiser from
 * src/nn (createOptimizer). On the regression surface every step uses the same batch for all of
 * them: all the points, a mini-batch, or one point, drawn from a seeded shuffle, epoch by epoch.
 */
import {
  createOptimizer,
  type Optimizer,
  type OptimizerConfig,
  type OptimizerName,
  createRng,
  type Rng,
} from '../../../nn';
import { distanceToMinimum, nearCritical, type CriticalPoint, type Surface } from './surfaces';

export type RacerName = Extract<OptimizerName, 'sgd' | 'momentum' | 'rmsprop' | 'adam'>;
export const RACERS: readonly RacerName[] = ['sgd', 'momentum', 'rmsprop', 'adam'];

export type BatchMode = 'lot' | 'mini-lot' | 'stochastique';

/**
 * A racer has arrived when it is this close to the global minimum. Only with exact gradients:
 * a noisy racer may cross that circle by chance and leave it again, so it runs to the end.
 */
export const ARRIVAL = 0.01;
/** A racer has left the map for good beyond this many window widths from its centre. */
const ESCAPE = 5;
/** A deterministic racer moving less than this per step has stopped (at a saddle or a local minimum). */
const STILL = 1e-7;
/** The race ends after this many steps. */
export const MAX_STEPS = 600;

export type RacerStatus = 'en-course' | 'arrive' | 'immobile' | 'diverge' | 'temps-ecoule';

export interface RacerView {
  readonly name: RacerName;
  /** Every position since the start, the start included. */
  readonly path: readonly (readonly [number, number])[];
  readonly steps: number;
  readonly loss: number;
  readonly distance: number;
  readonly status: RacerStatus;
  /** The critical point the racer sits on, if any (a local minimum, a saddle…). */
  readonly near: CriticalPoint | null;
}

interface Racer {
  name: RacerName;
  optimizer: Optimizer;
  params: Float64Array;
  path: [number, number][];
  steps: number;
  status: RacerStatus;
}

export interface RaceSettings {
  readonly surface: Surface;
  readonly start: { readonly w: number; readonly b: number };
  readonly configs: Readonly<Record<RacerName, OptimizerConfig>>;
  readonly mode: BatchMode;
  /** Examples per mini-batch (mode 'mini-lot'). */
  readonly batchSize: number;
  readonly seed: number;
}

export class Race {
  readonly settings: RaceSettings;
  private readonly racers: Racer[];
  private readonly rng: Rng;
  private order: number[] = [];
  private cursor = 0;
  /** Steps taken by the race (the same for every racer still running). */
  step = 0;

  constructor(settings: RaceSettings) {
    this.settings = settings;
    this.rng = createRng(settings.seed);
    this.racers = RACERS.map((name) => ({
      name,
      optimizer: createOptimizer(settings.configs[name]),
      params: Float64Array.of(settings.start.w, settings.start.b),
      path: [[settings.start.w, settings.start.b]],
      steps: 0,
      status: 'en-course',
    }));
    for (const r of this.racers) this.judge(r, Infinity);
  }

  get done(): boolean {
    return this.racers.every((r) => r.status !== 'en-course');
  }

  /** Steps per epoch: 1 with all the points, ⌈n / B⌉ with mini-batches of B, n with one point. */
  get stepsPerEpoch(): number {
    const { surface, mode } = this.settings;
    if (surface.n === 0 || mode === 'lot') return 1;
    return Math.ceil(surface.n / this.batchSize());
  }

  private batchSize(): number {
    const { surface, mode, batchSize } = this.settings;
    return mode === 'stochastique' ? 1 : Math.min(surface.n, Math.max(1, batchSize));
  }

  /** The examples of the next step (undefined: all of them), reshuffled at each new epoch. */
  private nextBatch(): number[] | undefined {
    const { surface, mode } = this.settings;
    if (surface.n === 0 || mode === 'lot') return undefined;
    if (this.cursor >= this.order.length) {
      this.order = this.rng.shuffle(Array.from({ length: surface.n }, (_, i) => i));
      this.cursor = 0;
    }
    const batch = this.order.slice(this.cursor, this.cursor + this.batchSize());
    this.cursor += batch.length;
    return batch;
  }

  private judge(r: Racer, moved: number): void {
    const [w, b] = [r.params[0]!, r.params[1]!];
    const { surface, mode } = this.settings;
    const { w: dw, b: db } = surface.domain;
    const exact = surface.n === 0 || mode === 'lot';
    const far = Math.abs(w - (dw[0] + dw[1]) / 2) > ESCAPE * (dw[1] - dw[0]);
    const farB = Math.abs(b - (db[0] + db[1]) / 2) > ESCAPE * (db[1] - db[0]);
    if (!Number.isFinite(w) || !Number.isFinite(b) || !Number.isFinite(surface.loss(w, b)) || far || farB)
      r.status = 'diverge';
    else if (exact && distanceToMinimum(surface, w, b) < ARRIVAL) r.status = 'arrive';
    else if (exact && moved < STILL) r.status = 'immobile';
    else if (r.steps >= MAX_STEPS) r.status = 'temps-ecoule';
  }

  /** Up to `count` steps of every racer still running. */
  advance(count: number): void {
    for (let k = 0; k < count && !this.done; k++) {
      const batch = this.nextBatch();
      for (const r of this.racers) {
        if (r.status !== 'en-course') continue;
        const [w, b] = [r.params[0]!, r.params[1]!];
        const g = this.settings.surface.gradient(w, b, batch);
        r.optimizer.step([r.params], [Float64Array.from(g)]);
        r.steps++;
        r.path.push([r.params[0]!, r.params[1]!]);
        this.judge(r, Math.hypot(r.params[0]! - w, r.params[1]! - b));
      }
      this.step++;
    }
  }

  /** Plain values for the chart and the table. */
  view(): RacerView[] {
    const { surface } = this.settings;
    return this.racers.map((r) => {
      const [w, b] = [r.params[0]!, r.params[1]!];
      return {
        name: r.name,
        path: r.path.slice(),
        steps: r.steps,
        loss: surface.loss(w, b),
        distance: distanceToMinimum(surface, w, b),
        status: r.status,
        near: nearCritical(surface, w, b, 0.05),
      };
    });
  }
}
