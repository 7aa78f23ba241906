/**
 * The numbers chapter 5 prints, through the same functions the MDX calls (the syllabus' worked
 * sequence 13,5 → 2; 3,5 → 1; 1 → 1,5; 0,375 → 1,25; … → 4/3 and 1/6), held against closed
 * forms, and the numbers its quiz states.
 */
import { describe, expect, it } from 'vitest';
import {
  bestThroughOrigin,
  createOptimizer,
  formatNumber,
  gradientDescent1d,
  learningRateAt,
  leastSquaresLine,
  lineMseAndGradient,
  lineStep,
  OPTIMIZER_DEFAULTS,
  TOY_1D,
} from '../../../src/nn';
import { advanceRun, startRun } from '../../../src/components/islands/pas/descent-1d';
import { regressionSurface, SELLE_SURFACE } from '../../../src/components/islands/paysage/surfaces';
import { paysageSchema, racerConfigs } from '../../../src/components/islands/paysage/state';
import { MAX_STEPS, Race } from '../../../src/components/islands/paysage/race';
import { defaultState } from '../../../src/components/islands/shared/url-state';

const { xs, ys } = TOY_1D;
const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;

describe('the one-parameter example: x = (1, 2, 3, 4), y = x + 1, ŷ = W·x', () => {
  const a2 = mean(xs.map((x) => x * x));
  const a1 = 2 * mean(xs.map((x, i) => x * ys[i]!));
  const a0 = mean(ys.map((y) => y * y));

  it('J(W) = 7,5W² − 20W + 13,5 and J′(W) = 15W − 20', () => {
    expect([a2, a1, a0]).toEqual([7.5, 20, 13.5]);
    for (const s of gradientDescent1d(6)) {
      expect(s.J).toBeCloseTo(a2 * s.W * s.W - a1 * s.W + a0, 12);
      expect(s.dJ).toBeCloseTo(2 * a2 * s.W - a1, 12);
    }
  });

  it('from W₀ = 0 with α = 0,1: J = 13,5 → W = 2; 3,5 → 1; 1 → 1,5; 0,375 → 1,25', () => {
    const seq = gradientDescent1d(8);
    expect(seq.slice(0, 4).map((s) => [s.J, s.nextW])).toEqual([
      [13.5, 2],
      [3.5, 1],
      [1, 1.5],
      [0.375, 1.25],
    ]);
    expect(seq).toHaveLength(8);
  });

  it('converges to W* = 4/3, J* = 1/6; a bias reaches J = 0 with w = b = 1', () => {
    const best = bestThroughOrigin(xs, ys);
    expect(best.W).toBeCloseTo(4 / 3, 14);
    expect(best.J).toBeCloseTo(1 / 6, 14);
    expect(gradientDescent1d(60).at(-1)!.nextW).toBeCloseTo(4 / 3, 12);
    const line = leastSquaresLine(xs, ys);
    expect(line.w).toBeCloseTo(1, 12);
    expect(line.b).toBeCloseTo(1, 12);
    expect(lineMseAndGradient(line, xs, ys).loss).toBeCloseTo(0, 20);
  });

  it('the learning-rate regimes: factor 1 − 15α, threshold 2/15, 43 steps at 0,01, one step at 1/15', () => {
    const factor = (eta: number) => 1 - eta * 2 * a2;
    expect(factor(0.1)).toBeCloseTo(-0.5, 14);
    expect(factor(0.01)).toBeCloseTo(0.85, 14);
    expect(Math.ceil(Math.log(1000) / -Math.log(factor(0.01)))).toBe(43);
    // 43 steps of the real sequence do divide the gap by more than 1 000, 42 do not.
    const gap = (k: number) => Math.abs(gradientDescent1d(k + 1, { learningRate: 0.01 }).at(-1)!.W - 4 / 3);
    expect(gap(43) / (4 / 3)).toBeLessThan(1e-3);
    expect(gap(42) / (4 / 3)).toBeGreaterThan(1e-3);
    expect(gradientDescent1d(1, { learningRate: 1 / 15 })[0]!.nextW).toBeCloseTo(4 / 3, 14);
    expect(factor(1.5)).toBeCloseTo(-21.5, 14);
    const boom = gradientDescent1d(4, { learningRate: 1.5 });
    expect(boom.map((s) => s.W)).toEqual([0, 30, -615, 13252.5]);
    expect(boom[3]!.J).toBeGreaterThan(1e9);
  });

  it('the decay ηₜ = 0,1/√(t + 1) gives 0,1, 0,05, 0,01; it rescues 0,14 in 10 steps, not 1,5', () => {
    const at = (t: number, eta = 0.1) => learningRateAt({ name: 'sgd', learningRate: eta, decay: 'inverseSqrt' }, t);
    expect([at(0), at(3), at(99)].map((v) => formatNumber(v))).toEqual(['0,1', '0,05', '0,01']);
    expect(at(1, 0.14)).toBeLessThan(2 / 15);
    const rescued = advanceRun(startRun(0), 0.14, true, 5000);
    expect(rescued.status).toBe('converge');
    expect(rescued.iterates.length - 1).toBe(10);
    expect(advanceRun(startRun(0), 1.5, true, 5000).status).toBe('diverge');
  });

  it('Adam’s first step from W = 0 with η = 0,1 moves by 0,1 (bias correction), where plain descent jumps to 2', () => {
    const o = createOptimizer({ name: 'adam', learningRate: 0.1 });
    const p = Float64Array.of(0);
    o.step([p], [Float64Array.of(-20)]);
    expect(p[0]).toBeCloseTo(0.1, 8);
    expect(OPTIMIZER_DEFAULTS.beta1).toBe(0.9);
    expect(OPTIMIZER_DEFAULTS.beta2).toBe(0.999);
  });
});

describe('two parameters on the same points: ŷ = w·x + b', () => {
  it('∇J(0, 0) = (−20, −7); one step of 0,1 leads to (2 ; 0,7)', () => {
    const g = lineMseAndGradient({ w: 0, b: 0 }, xs, ys);
    expect([g.dw, g.db]).toEqual([-20, -7]);
    const p = lineStep({ w: 0, b: 0 }, xs, ys, 0.1).params;
    expect(p.w).toBeCloseTo(2, 14);
    expect(p.b).toBeCloseTo(0.7, 14);
  });

  it('the valley’s curvature ratio is that of the Hessian 2[[E x², E x], [E x, 1]] (about 56)', () => {
    const h = [2 * mean(xs.map((x) => x * x)), 2 * mean(xs), 2];
    const half = Math.sqrt(((h[0]! - h[2]!) / 2) ** 2 + h[1]! ** 2);
    const [lMax, lMin] = [(h[0]! + h[2]!) / 2 + half, (h[0]! + h[2]!) / 2 - half];
    // Eigenvalues: their sum is the trace, their product the determinant.
    expect(lMax + lMin).toBeCloseTo(h[0]! + h[2]!, 12);
    expect(lMax * lMin).toBeCloseTo(h[0]! * h[2]! - h[1]! ** 2, 12);
    expect(Math.round(lMax / lMin)).toBe(56);
  });
});

describe('the regression neuron with C = MSE/2 (x = −1, 0, 1, 2; y = 2x + 1)', () => {
  const xr = [-1, 0, 1, 2];
  const yr = xr.map((x) => 2 * x + 1);
  it('∂C/∂w = (1/n) Σ (ŷᵢ − yᵢ) xᵢ and ∂C/∂b = (1/n) Σ (ŷᵢ − yᵢ), against centred differences', () => {
    const C = (w: number, b: number) => lineMseAndGradient({ w, b }, xr, yr).loss / 2;
    const [w, b, h] = [0.3, -0.2, 1e-6];
    const n = xr.length;
    const dw = xr.reduce((s, x, i) => s + (w * x + b - yr[i]!) * x, 0) / n;
    const db = xr.reduce((s, x, i) => s + (w * x + b - yr[i]!), 0) / n;
    expect(dw).toBeCloseTo((C(w + h, b) - C(w - h, b)) / (2 * h), 6);
    expect(db).toBeCloseTo((C(w, b + h) - C(w, b - h)) / (2 * h), 6);
  });

  it('η = 0,2 on C takes exactly the steps of η = 0,1 on the MSE (chapter 2), towards (2, 1)', () => {
    let onC = { w: 0, b: 0 };
    let onMse = { w: 0, b: 0 };
    for (let k = 0; k < 50; k++) {
      const g = lineMseAndGradient(onC, xr, yr);
      onC = { w: onC.w - 0.2 * (g.dw / 2), b: onC.b - 0.2 * (g.db / 2) };
      onMse = lineStep(onMse, xr, yr, 0.1).params;
      expect(onC.w).toBeCloseTo(onMse.w, 12);
      expect(onC.b).toBeCloseTo(onMse.b, 12);
    }
    expect(onC.w).toBeCloseTo(2, 3);
    expect(onC.b).toBeCloseTo(1, 3);
    const g0 = lineMseAndGradient({ w: 0, b: 0 }, xr, yr);
    expect([g0.loss / 2, g0.dw / 2, g0.db / 2]).toEqual([4.5, -3.5, -2]);
  });
});

describe('the landscapes of the demo, as the chapter describes them', () => {
  const s = defaultState(paysageSchema);
  const surface = regressionSurface(s.seed);
  it('SGD diverges just above 2/λmax and converges just below; momentum beats SGD from the default start', () => {
    const L = surface.loss;
    const { w, b } = surface.critical[0]!;
    const hww = L(w + 1, b) - 2 * L(w, b) + L(w - 1, b);
    const hbb = L(w, b + 1) - 2 * L(w, b) + L(w, b - 1);
    const hwb = (L(w + 1, b + 1) - L(w + 1, b - 1) - L(w - 1, b + 1) + L(w - 1, b - 1)) / 4;
    const lMax = (hww + hbb) / 2 + Math.sqrt(((hww - hbb) / 2) ** 2 + hwb ** 2);
    const run = (lrSgd: number) => {
      const st = { ...s, lrSgd };
      const r = new Race({
        surface,
        start: { w: st.w0, b: st.b0 },
        configs: racerConfigs(st),
        mode: 'lot',
        batchSize: st.lot,
        seed: st.seed,
      });
      r.advance(MAX_STEPS * 4);
      return Object.fromEntries(r.view().map((v) => [v.name, v]));
    };
    expect(run((2 / lMax) * 1.05)['sgd']!.status).toBe('diverge');
    expect(run((2 / lMax) * 0.95)['sgd']!.status).not.toBe('diverge');
    const defaults = run(s.lrSgd);
    expect(defaults['momentum']!.steps).toBeLessThan(defaults['sgd']!.steps / 2);
  });

  it('the saddle surface: col, local minimum and global minimum on w = 0, in that order of height', () => {
    const [min, local, col] = SELLE_SURFACE.critical;
    const f = (c: { w: number; b: number }) => SELLE_SURFACE.loss(c.w, c.b);
    expect(f(min!)).toBeLessThan(f(local!));
    expect(f(local!)).toBeLessThan(f(col!));
    expect(col!.b).toBeGreaterThan(0);
    expect(Math.round(1000 * Math.log10(2))).toBe(301);
  });
});

describe('the numbers of the quiz', () => {
  it('a step of 0,05 from W = 1 leads to 1,25; 2/40 = 0,05; 10 000/50 = 200; 0,2/√4 = 0,1; 1/(1 − 0,9) = 10', () => {
    expect(gradientDescent1d(1, { w0: 1, learningRate: 0.05 })[0]!.nextW).toBeCloseTo(1.25, 14);
    expect(2 / 40).toBe(0.05);
    expect(10_000 / 50).toBe(200);
    expect(learningRateAt({ name: 'sgd', learningRate: 0.2, decay: 'inverseSqrt' }, 3)).toBeCloseTo(0.1, 15);
    expect(1 / (1 - OPTIMIZER_DEFAULTS.momentum)).toBeCloseTo(10, 12);
    expect(Math.ceil(60_000 / 64)).toBe(938);
  });

  it('momentum’s velocity under a constant gradient tends to g/(1 − ρ)', () => {
    const o = createOptimizer({ name: 'momentum', learningRate: 1e-9, momentum: 0.9 });
    const p = Float64Array.of(0);
    let before = 0;
    for (let k = 0; k < 400; k++) {
      before = p[0]!;
      o.step([p], [Float64Array.of(1)]);
    }
    expect((before - p[0]!) / 1e-9).toBeCloseTo(10, 6);
  });
});
