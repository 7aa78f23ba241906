/**
 * The geometry of the live per-epoch line chart (LiveLineChart.svelte): scales, ticks and SVG
 * paths, computed here so that the component only draws and a Node test can hold the numbers.
 * A training curve (solid) and an optional validation curve (dashed), per epoch, either as
 * losses on a log scale (one tick a decade) or as fractions (accuracies) shown in percent up to
 * 100 %. The epoch axis is linear, or logarithmic from 1 to the run's budget, where an
 * over-fitted validation curve bottoms out within its first tens of epochs that a linear axis
 * of thousands squeezes into a few pixels. A previous run (`ghost`) shares the scales.
 */
import { formatNumber, formatPercent, formatPowerOfTen } from '../../nn';
import { linearScale } from './scale';

export interface Curves {
  readonly train: readonly number[];
  readonly validation?: readonly number[];
}

export interface LiveLineChartInput extends Curves {
  /** 'log': positive values (losses), one tick a decade; 'fraction': values in [0, 1], in percent. */
  readonly scale?: 'log' | 'fraction';
  /** The run's planned epochs: a logarithmic epoch axis from 1 to this (or the longest curve). */
  readonly epochs?: number;
  /** Without `epochs`, the linear epoch axis spans at least this many epochs. */
  readonly minEpochs?: number;
  /** A previous run, drawn faintly on the same scales. */
  readonly ghost?: Curves | null;
}

/** A tick: its place in pixels along its axis and its French label. */
export interface Tick {
  readonly at: number;
  readonly text: string;
}

export interface LiveLineChartLayout {
  readonly width: number;
  readonly height: number;
  /** The plot area's edges in pixels. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly yTicks: readonly Tick[];
  readonly xTicks: readonly Tick[];
  /** SVG path data ('' when a curve has no drawable point). */
  readonly train: string;
  readonly validation: string;
  readonly ghost: { readonly train: string; readonly validation: string } | null;
  /** The validation values as dots (the MNIST chart marks each epoch's measure). */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** The epoch axis' caption, with how many epochs are drawn. */
  readonly axis: string;
}

const WIDTH = 340;
const LEFT = 44;
const RIGHT = WIDTH - 8;
const TOP = 8;
/** Long linear histories are thinned to about this many points a curve. */
const MAX_POINTS = 300;
/** On a log epoch axis late epochs crowd together: one point per this many pixels. */
const MIN_GAP_PX = 0.5;

export function liveLineChart(input: LiveLineChartInput): LiveLineChartLayout {
  const { train, validation = [], scale = 'log', epochs, minEpochs = 10, ghost = null } = input;
  const logX = epochs !== undefined;
  const height = logX ? 206 : 190;
  const bottom = height - (logX ? 38 : 24);
  const all = [train, validation, ghost?.train ?? [], ghost?.validation ?? []];

  const last = Math.max(logX ? 10 : minEpochs, train.length, epochs ?? 0, ghost?.train.length ?? 0);
  const sx = logX
    ? (epoch: number) => linearScale([0, Math.log10(last)], [LEFT, RIGHT])(Math.log10(epoch))
    : linearScale([1, last], [LEFT, RIGHT]);

  const y = scale === 'log' ? logAxis(all, bottom) : fractionAxis(all, bottom);

  const path = (values: readonly number[]): string => {
    const stride = logX ? 1 : Math.max(1, Math.ceil(values.length / MAX_POINTS));
    const pts: string[] = [];
    let lastX = -Infinity;
    values.forEach((v, i) => {
      const x = sx(i + 1);
      const end = i === values.length - 1;
      const keep = logX ? x - lastX >= MIN_GAP_PX || end : i % stride === 0 || end;
      if (keep && y.drawable(v)) {
        pts.push(`${x.toFixed(1)},${y.at(v).toFixed(1)}`);
        lastX = x;
      }
    });
    return pts.length ? `M${pts.join('L')}` : '';
  };

  const xTicks: Tick[] = [];
  if (logX) for (let t = 1; t <= last; t *= 10) xTicks.push({ at: sx(t), text: formatNumber(t, { digits: 0 }) });

  return {
    width: WIDTH,
    height,
    left: LEFT,
    right: RIGHT,
    top: TOP,
    bottom,
    yTicks: y.ticks,
    xTicks,
    train: path(train),
    validation: path(validation),
    ghost: ghost ? { train: path(ghost.train), validation: path(ghost.validation ?? []) } : null,
    points: validation.flatMap((v, i) => (y.drawable(v) ? [{ x: sx(i + 1), y: y.at(v) }] : [])),
    axis: logX ? `époque, échelle logarithmique (${train.length} sur ${last})` : `époque (${train.length})`,
  };
}

interface ValueAxis {
  drawable(v: number): boolean;
  at(v: number): number;
  ticks: Tick[];
}

/** Losses: from the decade below the smallest to the decade above the largest (one pass, no spread). */
function logAxis(series: readonly (readonly number[])[], bottom: number): ValueAxis {
  const drawable = (v: number) => Number.isFinite(v) && v > 0;
  let min = Infinity;
  let max = -Infinity;
  for (const values of series)
    for (const v of values)
      if (drawable(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
  const lo = min <= max ? Math.floor(Math.log10(min)) : -2;
  const hi = min <= max ? Math.max(lo + 1, Math.ceil(Math.log10(max))) : 1;
  const s = linearScale([lo, hi], [bottom, TOP]);
  return {
    drawable,
    at: (v) => s(Math.log10(v)),
    ticks: Array.from({ length: hi - lo + 1 }, (_, i) => ({ at: s(lo + i), text: formatPowerOfTen(lo + i) })),
  };
}

/** Accuracies: from the tenth just below the lowest (90 % at the most) to 100 %, a tick each 10 %. */
function fractionAxis(series: readonly (readonly number[])[], bottom: number): ValueAxis {
  const drawable = (v: number) => Number.isFinite(v);
  let lowest = 0.9;
  for (const values of series) for (const v of values) if (drawable(v) && v < lowest) lowest = v;
  const tenths = Math.max(0, Math.floor(lowest * 10));
  const s = linearScale([tenths / 10, 1], [bottom, TOP]);
  return {
    drawable,
    at: s,
    ticks: Array.from({ length: 10 - tenths + 1 }, (_, i) => {
      const t = (tenths + i) / 10;
      return { at: s(t), text: formatPercent(t, 0) };
    }),
  };
}
