/**
 * The live line chart's geometry: decade ticks of a loss, percent ticks of an accuracy, the
 * logarithmic epoch axis and its labels, thinning, skipped values, and a previous run (ghost)
 * that shares the scales.
 */
import { describe, expect, it } from 'vitest';
import { liveLineChart } from '../../../src/components/charts/live-line-chart';

const NNBSP = '\u202f';
/** The points of an SVG path "Mx,yLx,y…". */
const pointsOf = (d: string) =>
  d === ''
    ? []
    : d
        .slice(1)
        .split('L')
        .map((p) => p.split(',').map(Number) as [number, number]);
/** Point i of a path (negative: from the end); a missing one fails the test. */
function pointOf(d: string, i: number): [number, number] {
  const p = pointsOf(d).at(i);
  if (!p) throw new Error(`no point ${i} in "${d}"`);
  return p;
}

describe('loss on a log scale', () => {
  it('ticks one decade from below the smallest to above the largest loss, bottom to top', () => {
    const c = liveLineChart({ train: [0.8, 0.2, 0.05], validation: [0.9, 0.3, 0.012] });
    expect(c.yTicks.map((t) => t.text)).toEqual(['0,01', '0,1', '1']);
    expect(c.yTicks[0]!.at).toBe(c.bottom);
    expect(c.yTicks.at(-1)!.at).toBe(c.top);
    const first = pointOf(c.train, 0);
    const third = pointOf(c.train, 2);
    expect(first[0]).toBe(c.left);
    // 0.8 lies between the 0.1 and 1 ticks
    expect(first[1]).toBeLessThan(c.yTicks[1]!.at);
    expect(first[1]).toBeGreaterThan(c.yTicks[2]!.at);
    // 0.05 lies between the 0.01 and 0.1 ticks
    expect(third[1]).toBeLessThan(c.yTicks[0]!.at);
    expect(third[1]).toBeGreaterThan(c.yTicks[1]!.at);
  });

  it('spans at least one decade, and a default one when nothing is drawable', () => {
    expect(liveLineChart({ train: [0.5, 0.5] }).yTicks.map((t) => t.text)).toEqual(['0,1', '1']);
    const empty = liveLineChart({ train: [] });
    expect(empty.train).toBe('');
    expect(empty.validation).toBe('');
    expect(empty.yTicks.length).toBe(4);
  });

  it('skips values a log scale cannot show (zero, negative, NaN, ∞) and keeps the others in place', () => {
    const c = liveLineChart({ train: [1, 0, Number.NaN, 0.1, Infinity, -1, 0.01] });
    const xs = pointsOf(c.train).map(([x]) => x);
    expect(xs.length).toBe(3);
    const epochX = (epoch: number) => c.left + ((epoch - 1) * (c.right - c.left)) / (10 - 1);
    expect(xs).toEqual([1, 4, 7].map((e) => Number(epochX(e).toFixed(1))));
  });

  it('thins a long linear history to about 300 points, keeping the last epoch', () => {
    const train = Array.from({ length: 3000 }, (_, i) => 1 / (i + 1));
    const c = liveLineChart({ train });
    const pts = pointsOf(c.train);
    expect(pts.length).toBeLessThanOrEqual(302);
    expect(pts.length).toBeGreaterThan(250);
    expect(pointOf(c.train, -1)[0]).toBe(c.right);
    expect(c.axis).toBe('époque (3000)');
  });

  it('spans the linear epoch axis over at least minEpochs', () => {
    const c = liveLineChart({ train: [1, 0.5], minEpochs: 50 });
    const second = pointOf(c.train, 1);
    expect(second[0]).toBeCloseTo(c.left + (c.right - c.left) / 49, 1);
  });
});

describe('logarithmic epoch axis', () => {
  it('runs from 1 to the planned epochs with a labelled tick each power of ten', () => {
    const c = liveLineChart({ train: [1, 0.5, 0.3], epochs: 2000 });
    expect(c.xTicks.map((t) => t.text)).toEqual(['1', '10', '100', `1${NNBSP}000`]);
    expect(c.xTicks[0]!.at).toBe(c.left);
    const decade = c.xTicks[1]!.at - c.xTicks[0]!.at;
    expect(c.xTicks[2]!.at - c.xTicks[1]!.at).toBeCloseTo(decade, 9);
    expect(c.right - c.xTicks[0]!.at).toBeCloseTo(decade * Math.log10(2000), 9);
    expect(c.axis).toBe('époque, échelle logarithmique (3 sur 2000)');
    // room under the plot for the tick labels
    expect(c.height - c.bottom).toBeGreaterThan(30);
  });

  it('keeps one point per half pixel where late epochs crowd, and the last one', () => {
    const train = Array.from({ length: 5000 }, (_, i) => 1 / Math.sqrt(i + 1));
    const pts = pointsOf(liveLineChart({ train, epochs: 5000 }).train);
    expect(pts.length).toBeLessThan(800);
    for (let i = 1; i < pts.length - 1; i++) expect(pts[i]![0] - pts[i - 1]![0]).toBeGreaterThanOrEqual(0.45);
    expect(pts.at(-1)![0]).toBe(332);
  });

  it('has no epoch ticks on a linear axis', () => {
    expect(liveLineChart({ train: [1, 0.5] }).xTicks).toEqual([]);
  });
});

describe('a previous run (ghost)', () => {
  it('is drawn on the same scales, which widen to hold it', () => {
    const ghost = { train: [5, 2, 1, 0.6, 0.4], validation: [6, 3, 2, 1.5, 1.4] };
    const alone = liveLineChart({ train: [0.5, 0.2], validation: [0.6, 0.4], epochs: 100 });
    const both = liveLineChart({ train: [0.5, 0.2], validation: [0.6, 0.4], epochs: 100, ghost });
    expect(alone.ghost).toBeNull();
    expect(alone.yTicks.map((t) => t.text)).toEqual(['0,1', '1']);
    expect(both.yTicks.map((t) => t.text)).toEqual(['0,1', '1', '10']);
    // the ghost's first loss, 5, sits between the ticks 1 and 10
    const [gx, gy] = pointOf(both.ghost!.train, 0);
    expect(gx).toBe(both.left);
    expect(gy).toBeLessThan(both.yTicks[1]!.at);
    expect(gy).toBeGreaterThan(both.yTicks[2]!.at);
    expect(pointsOf(both.ghost!.validation).length).toBe(5);
  });

  it('lengthens the epoch axis when it ran longer than the current run', () => {
    const c = liveLineChart({ train: [1, 0.5], ghost: { train: Array(40).fill(0.3) } });
    expect(c.axis).toBe('époque (2)');
    expect(pointOf(c.ghost!.train, -1)[0]).toBe(c.right);
  });
});

describe('accuracy as a fraction', () => {
  it('ticks each 10 % from the tenth below the lowest value to 100 %, in French', () => {
    const c = liveLineChart({ scale: 'fraction', train: [0.82, 0.91], validation: [0.75, 0.9], minEpochs: 5 });
    expect(c.yTicks.map((t) => t.text)).toEqual(['70', '80', '90', '100'].map((p) => `${p}${NNBSP}%`));
    expect(c.yTicks.at(-1)!.at).toBe(c.top);
    expect(c.points.length).toBe(2);
    expect(c.points[0]!.x).toBe(c.left);
    expect(c.points[0]!.y).toBeCloseTo(c.bottom - (0.05 / 0.3) * (c.bottom - c.top), 9);
  });

  it('starts at 90 % at the most, and never below 0 %', () => {
    expect(liveLineChart({ scale: 'fraction', train: [0.99] }).yTicks.map((t) => t.text)).toEqual([
      `90${NNBSP}%`,
      `100${NNBSP}%`,
    ]);
    expect(liveLineChart({ scale: 'fraction', train: [0.05, Number.NaN] }).yTicks[0]!.text).toBe(`0${NNBSP}%`);
  });

  it('keeps a zero accuracy, which a log scale would drop', () => {
    expect(pointsOf(liveLineChart({ scale: 'fraction', train: [0, 0.5] }).train).length).toBe(2);
  });
});
