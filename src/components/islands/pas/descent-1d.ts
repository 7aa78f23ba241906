/**
 * The logic of the "Le pas d’apprentissage" island, without DOM: chapter 5's one-parameter cost
 * J(W) = (1/n) Σ (W xᵢ − yᵢ)² on the toy set x = (1, 2, 3, 4), y = x + 1 (a parabola), gradient
 * descent W ← W − ηₜ J′(W) on it, run a few steps at a time, and how the run ends: it converges,
 * it diverges (detected, never a crash), or it is still crawling when the step budget runs out.
 */
import { bestThroughOrigin, throughOriginMse, TOY_1D } from '../../../nn';

export const XS = TOY_1D.xs;
export const YS = TOY_1D.ys;

/** J(W) on the toy set. */
export const cost = (W: number): number => throughOriginMse(W, XS, YS).J;

/** The minimum W* = Σxᵢyᵢ / Σxᵢ² (4/3) and J(W*) (1/6). */
export const MINIMUM = bestThroughOrigin(XS, YS);

/**
 * J″(W) = (2/n) Σ xᵢ², the same everywhere on a parabola (15 here). A step multiplies the gap
 * W − W* by 1 − η J″: the descent converges when that factor lies in (−1, 1), that is η < 2/J″.
 */
export const CURVATURE = (2 / XS.length) * XS.reduce((s, x) => s + x * x, 0);
/** Above this learning rate, every step lands farther from the minimum than it started (2/15). */
export const DIVERGENCE_THRESHOLD = 2 / CURVATURE;
/** At this learning rate, one step lands exactly on the minimum (1/15). */
export const ONE_STEP_RATE = 1 / CURVATURE;

/** The run has arrived when |J′(W)| falls below this (|W − W*| below 10⁻⁶). */
export const GRADIENT_TOLERANCE = CURVATURE * 1e-6;
/** The run has diverged once |W| passes this bound (J is then above 10⁹), or W stops being finite. */
export const DIVERGENCE_BOUND = 1e4;
/** A step budget: at η = 0,001 the descent needs about 900 steps, with decay far more. */
export const MAX_STEPS = 1000;

/** ηₜ at step t (from 0): η, or η/√(t + 1) when the rate decays. */
export const rateAt = (lr: number, decay: boolean, t: number): number => (decay ? lr / Math.sqrt(t + 1) : lr);

export interface Iterate {
  /** Step number (0: the starting point). */
  readonly t: number;
  readonly W: number;
  readonly J: number;
  /** J′(W). */
  readonly dJ: number;
}

export type RunStatus = 'en-cours' | 'converge' | 'diverge' | 'limite';

export interface Run {
  readonly iterates: readonly Iterate[];
  readonly status: RunStatus;
}

function iterate(t: number, W: number): Iterate {
  if (!Number.isFinite(W)) return { t, W, J: Infinity, dJ: NaN };
  const { J, dJ } = throughOriginMse(W, XS, YS);
  return { t, W, J, dJ };
}

function statusOf(last: Iterate): RunStatus {
  if (!Number.isFinite(last.W) || !Number.isFinite(last.J) || Math.abs(last.W) > DIVERGENCE_BOUND) return 'diverge';
  if (Math.abs(last.dJ) < GRADIENT_TOLERANCE) return 'converge';
  if (last.t >= MAX_STEPS) return 'limite';
  return 'en-cours';
}

export function startRun(w0: number): Run {
  const first = iterate(0, w0);
  return { iterates: [first], status: statusOf(first) };
}

/** Takes up to `steps` steps W ← W − ηₜ J′(W), stopping as soon as the run has ended. */
export function advanceRun(run: Run, lr: number, decay: boolean, steps: number): Run {
  if (run.status !== 'en-cours') return run;
  const iterates = run.iterates.slice();
  let status: RunStatus = run.status;
  for (let i = 0; i < steps && status === 'en-cours'; i++) {
    const last = iterates[iterates.length - 1]!;
    const next = iterate(last.t + 1, last.W - rateAt(lr, decay, last.t) * last.dJ);
    iterates.push(next);
    status = statusOf(next);
  }
  return { iterates, status };
}

/** 1 − η J″: what one step (without decay) does to the gap W − W*. */
export const gapFactor = (lr: number): number => 1 - lr * CURVATURE;

/** How the current learning rate behaves on this parabola, before any step is taken. */
export type Regime = 'lent' | 'direct' | 'monotone' | 'oscillant' | 'divergent';

export function regimeOf(lr: number): Regime {
  const k = gapFactor(lr);
  if (Math.abs(k) < 1e-9) return 'direct';
  if (k > 0.5) return 'lent';
  if (k > 0) return 'monotone';
  if (k > -1) return 'oscillant';
  return 'divergent';
}

/** Rounds to two significant digits, the grain of the learning-rate slider (10^v → 0,0013, 1,5). */
export function roundRate(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return v;
  const e = Math.floor(Math.log10(v)) - 1;
  return Number((Math.round(v / 10 ** e) * 10 ** e).toPrecision(2));
}
