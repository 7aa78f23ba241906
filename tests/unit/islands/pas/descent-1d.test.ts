/**
 * The logic of the "Le pas d’apprentissage" island against closed forms: the parabola
 * J(W) = 7,5W² − 20W + 13,5, the gap factor 1 − ηJ″, the threshold 2/J″; runs that converge,
 * diverge (reported, never thrown) or crawl; the decay; the slider's rounding.
 */
import { describe, expect, it } from 'vitest';
import * as d from '../../../../src/components/islands/pas/descent-1d';
import { gradientDescent1d } from '../../../../src/nn/math/gradient-descent-1d';

const run = (lr: number, decay = false, w0 = 0) => d.advanceRun(d.startRun(w0), lr, decay, 100_000);

describe('the parabola of chapter 5', () => {
  it('is J(W) = 7,5W² − 20W + 13,5, minimum W* = 4/3, J* = 1/6, curvature 15', () => {
    for (const W of [-2, 0, 0.5, 4 / 3, 3]) expect(d.cost(W)).toBeCloseTo(7.5 * W * W - 20 * W + 13.5, 12);
    expect(d.MINIMUM.W).toBeCloseTo(4 / 3, 14);
    expect(d.MINIMUM.J).toBeCloseTo(1 / 6, 14);
    expect(d.CURVATURE).toBe(15);
    expect(d.DIVERGENCE_THRESHOLD).toBeCloseTo(2 / 15, 15);
    expect(d.ONE_STEP_RATE).toBeCloseTo(1 / 15, 15);
  });

  it('the curvature is the second derivative (centred difference of J′)', () => {
    const h = 1e-4;
    const slope = (W: number) => (d.cost(W + h) - d.cost(W - h)) / (2 * h);
    expect((slope(1 + h) - slope(1 - h)) / (2 * h)).toBeCloseTo(d.CURVATURE, 3);
  });
});

describe('runs', () => {
  it('follow src/nn’s worked sequence step by step (η = 0,1: 0 → 2 → 1 → 1,5 → 1,25)', () => {
    const r = d.advanceRun(d.startRun(0), 0.1, false, 8);
    const ref = gradientDescent1d(9);
    r.iterates.forEach((it, t) => {
      expect(it.W).toBe(ref[t]!.W);
      expect(it.J).toBe(ref[t]!.J);
      expect(it.dJ).toBe(ref[t]!.dJ);
    });
    expect(r.iterates.slice(0, 5).map((it) => it.W)).toEqual([0, 2, 1, 1.5, 1.25]);
  });

  it('η = 0,1 converges to W ≈ 4/3', () => {
    const r = run(0.1);
    expect(r.status).toBe('converge');
    expect(r.iterates.at(-1)!.W).toBeCloseTo(4 / 3, 5);
  });

  it('η = 1/15 lands on the minimum in one step', () => {
    const r = run(d.ONE_STEP_RATE);
    expect(r.status).toBe('converge');
    expect(r.iterates.length - 1).toBe(1);
  });

  it.each([1.5, 0.14, 2])('η = %s diverges, reported as a status (no exception, no endless loop)', (lr) => {
    const r = run(lr);
    expect(r.status).toBe('diverge');
    expect(Math.abs(r.iterates.at(-1)!.W)).toBeGreaterThan(d.DIVERGENCE_BOUND);
    expect(r.iterates.length - 1).toBeLessThan(200);
  });

  it('η = 0,13, just below 2/15, still converges; η = 0,001 converges only slowly', () => {
    expect(run(0.13).status).toBe('converge');
    const slow = run(0.001);
    expect(slow.status).toBe('converge');
    expect(slow.iterates.length - 1).toBeGreaterThan(900);
  });

  it('a crawl that runs out of steps ends as "limite"', () => {
    const r = run(0.001, true);
    expect(r.status).toBe('limite');
    expect(r.iterates.length - 1).toBe(d.MAX_STEPS);
  });

  it('the decay ηₜ = η/√(t + 1) rescues η = 0,14 but not η = 1,5', () => {
    expect(d.rateAt(0.14, true, 0)).toBe(0.14);
    expect(d.rateAt(0.14, true, 3)).toBeCloseTo(0.07, 15);
    expect(d.rateAt(0.14, false, 3)).toBe(0.14);
    expect(run(0.14, true).status).toBe('converge');
    expect(run(1.5, true).status).toBe('diverge');
  });

  it('a finished run does not move', () => {
    const r = run(0.1);
    expect(d.advanceRun(r, 0.1, false, 10)).toBe(r);
  });

  it('never throws, even from a non-finite start', () => {
    expect(d.startRun(Number.NaN).status).toBe('diverge');
  });
});

describe('regimes and the slider grain', () => {
  it.each([
    [0.005, 'lent'],
    [1 / 15, 'direct'],
    [0.05, 'monotone'],
    [0.1, 'oscillant'],
    [0.14, 'divergent'],
    [1.5, 'divergent'],
  ] as const)('η = %s is %s', (lr, regime) => {
    expect(d.regimeOf(lr)).toBe(regime);
  });

  it('the gap factor is 1 − 15η (−0,5 at 0,1; −21,5 at 1,5)', () => {
    expect(d.gapFactor(0.1)).toBeCloseTo(-0.5, 14);
    expect(d.gapFactor(1.5)).toBeCloseTo(-21.5, 14);
  });

  it.each([
    [10 ** Math.log10(1.5), 1.5],
    [10 ** -1, 0.1],
    [0.0012345, 0.0012],
    [1.996, 2],
    [0.13333, 0.13],
  ])('roundRate(%s) = %s', (v, expected) => {
    expect(d.roundRate(v)).toBe(expected);
  });

  it('every notch of the slider gives a rate within [0,001 ; 2]', () => {
    for (let v = -3; v <= Math.log10(2); v += 0.005) {
      const r = Math.min(2, Math.max(0.001, d.roundRate(10 ** v)));
      expect(r).toBeGreaterThanOrEqual(0.001);
      expect(r).toBeLessThanOrEqual(2);
    }
  });
});
