/**
 * The landscapes and the race of the "Paysage de perte" island: gradients against centred
 * differences, critical points where the gradient vanishes, the minimum of the regression
 * against least squares; the racers use src/nn's optimisers (same steps as createOptimizer),
 * share the same batches, stop when they arrive, stall, diverge or run out of steps; Adam
 * reaches the minimum of the regression landscape from the default start.
 */
import { describe, expect, it } from 'vitest';
import {
  clampToDomain,
  distanceToMinimum,
  nearCritical,
  regressionSurface,
  SELLE_SURFACE,
  type Surface,
} from '../../../../src/components/islands/paysage/surfaces';
import { ARRIVAL, MAX_STEPS, Race, type BatchMode } from '../../../../src/components/islands/paysage/race';
import { paysageSchema, racerConfigs, type PaysageState } from '../../../../src/components/islands/paysage/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { createOptimizer } from '../../../../src/nn/math/optimizers';

const defaults = defaultState(paysageSchema);
const regression = regressionSurface(defaults.seed);

function race(s: Partial<PaysageState> = {}, surface: Surface = regression) {
  const st = { ...defaults, ...s };
  return new Race({
    surface,
    start: { w: st.w0, b: st.b0 },
    configs: racerConfigs(st),
    mode: st.mode as BatchMode,
    batchSize: st.lot,
    seed: st.seed,
  });
}
const byName = (r: Race) => Object.fromEntries(r.view().map((v) => [v.name, v]));

describe.each([
  ['regression', regression],
  ['selle', SELLE_SURFACE],
] as const)('surface %s', (_, surface) => {
  it('its gradient matches a centred difference of its loss', () => {
    const h = 1e-6;
    for (const [w, b] of [
      [0.3, -0.7],
      [1.5, 2],
      [-1, 0.2],
    ] as const) {
      const [gw, gb] = surface.gradient(w, b);
      expect(gw).toBeCloseTo((surface.loss(w + h, b) - surface.loss(w - h, b)) / (2 * h), 5);
      expect(gb).toBeCloseTo((surface.loss(w, b + h) - surface.loss(w, b - h)) / (2 * h), 5);
    }
  });

  it('its gradient vanishes at its critical points, the first being the lowest', () => {
    for (const c of surface.critical) {
      const [gw, gb] = surface.gradient(c.w, c.b);
      expect(Math.hypot(gw, gb)).toBeLessThan(1e-9);
      expect(surface.loss(c.w, c.b)).toBeGreaterThanOrEqual(
        surface.loss(surface.critical[0]!.w, surface.critical[0]!.b),
      );
    }
    expect(surface.critical[0]!.kind).toBe('minimum');
  });

  it('its default start lies in its window, and a far point is brought back in', () => {
    expect(clampToDomain(surface, surface.start.w, surface.start.b)).toEqual(surface.start);
    const far = clampToDomain(surface, 100, -100);
    expect(far).toEqual({ w: surface.domain.w[1], b: surface.domain.b[0] });
  });
});

describe('the regression landscape', () => {
  it('is the MSE of ŷ = w·x + b, whose minimum is the least-squares line near (2, 1)', () => {
    const m = regression.critical[0]!;
    expect(Math.abs(m.w - 2)).toBeLessThan(0.5);
    expect(Math.abs(m.b - 1)).toBeLessThan(0.5);
    expect(distanceToMinimum(regression, m.w, m.b)).toBe(0);
    expect(nearCritical(regression, m.w + 0.01, m.b, 0.05)?.kind).toBe('minimum');
  });

  it('the gradient over all the batches of an epoch averages to the full gradient', () => {
    const idx = Array.from({ length: regression.n }, (_, i) => i);
    const parts = [idx.slice(0, 5), idx.slice(5, 10), idx.slice(10, 15), idx.slice(15)];
    const mean = parts
      .map((p) => regression.gradient(0.5, 0.5, p))
      .reduce((a, g) => [a[0] + g[0] / 4, a[1] + g[1] / 4], [0, 0]);
    const full = regression.gradient(0.5, 0.5);
    expect(mean[0]).toBeCloseTo(full[0], 12);
    expect(mean[1]).toBeCloseTo(full[1], 12);
  });
});

describe('the saddle landscape', () => {
  it('has a saddle, a local minimum and the global minimum, as its Hessian says', () => {
    const kinds = SELLE_SURFACE.critical.map((c) => c.kind);
    expect(kinds).toEqual(['minimum', 'minimum-local', 'selle']);
    // ∂²f/∂w² = 2 everywhere; ∂²f/∂b² = 3b² − 2: positive at minima, negative at the saddle.
    for (const c of SELLE_SURFACE.critical) expect(3 * c.b * c.b - 2 > 0).toBe(c.kind !== 'selle');
  });

  it('never shows a loss below zero: even its global minimum lies above 0', () => {
    const m = SELLE_SURFACE.critical[0]!;
    expect(SELLE_SURFACE.loss(m.w, m.b)).toBeGreaterThan(0);
  });
});

describe('the race', () => {
  it('each racer takes exactly the steps of createOptimizer with its settings', () => {
    const r = race();
    r.advance(5);
    const configs = racerConfigs(defaults);
    for (const v of r.view()) {
      const opt = createOptimizer(configs[v.name]);
      const p = Float64Array.of(defaults.w0, defaults.b0);
      for (let k = 0; k < 5; k++) {
        opt.step([p], [Float64Array.from(regression.gradient(p[0]!, p[1]!))]);
        expect(v.path[k + 1]).toEqual([p[0], p[1]]);
      }
      expect(v.steps).toBe(5);
    }
  });

  it('Adam reaches the minimum of the regression landscape from the default start (acceptance)', () => {
    const r = race();
    r.advance(MAX_STEPS);
    const adam = byName(r)['adam']!;
    expect(adam.status).toBe('arrive');
    expect(adam.distance).toBeLessThan(ARRIVAL);
    expect(adam.steps).toBeLessThan(MAX_STEPS);
  });

  it('with the defaults, momentum arrives before SGD, and every racer arrives', () => {
    const r = race();
    r.advance(MAX_STEPS);
    const v = byName(r);
    expect(r.done).toBe(true);
    expect(v['momentum']!.steps).toBeLessThan(v['sgd']!.steps);
    for (const name of ['sgd', 'momentum', 'adam']) expect(v[name]!.status).toBe('arrive');
  });

  it('a learning rate too large for SGD is reported as a divergence (no exception)', () => {
    const r = race({ lrSgd: 1 });
    r.advance(MAX_STEPS);
    expect(byName(r)['sgd']!.status).toBe('diverge');
  });

  it('noisy batches: the same seed replays the same race; runs to the end; stochastic mode takes n steps per epoch', () => {
    const a = race({ mode: 'stochastique' });
    const b = race({ mode: 'stochastique' });
    a.advance(50);
    b.advance(50);
    expect(a.view()).toEqual(b.view());
    expect(a.stepsPerEpoch).toBe(regression.n);
    expect(race({ mode: 'mini-lot', lot: 6 }).stepsPerEpoch).toBe(Math.ceil(regression.n / 6));
    a.advance(MAX_STEPS);
    expect(a.view().every((v) => v.status === 'temps-ecoule' || v.status === 'diverge')).toBe(true);
    const other = race({ mode: 'stochastique', seed: 2 });
    other.advance(50);
    expect(other.view()[0]!.path).not.toEqual(b.view()[0]!.path);
  });

  it('on the saddle landscape, a start just above the col ends in the local minimum', () => {
    const r = race({ surface: 'selle', w0: 2, b0: 0.15 }, SELLE_SURFACE);
    r.advance(MAX_STEPS);
    const sgd = byName(r)['sgd']!;
    expect(sgd.near?.kind).toBe('minimum-local');
    expect(['immobile', 'temps-ecoule']).toContain(sgd.status);
  });

  it('on the saddle landscape from (2 ; 2,5), only momentum’s inertia carries it to the global minimum (as the chapter says)', () => {
    const r = race({ surface: 'selle', w0: 2, b0: 2.5 }, SELLE_SURFACE);
    r.advance(MAX_STEPS);
    const v = byName(r);
    expect(v['momentum']!.status).toBe('arrive');
    for (const name of ['sgd', 'rmsprop', 'adam']) expect(v[name]!.near?.kind).toBe('minimum-local');
  });

  it('a racer starting on the minimum has arrived at once', () => {
    const m = regression.critical[0]!;
    const r = race({ w0: m.w, b0: m.b });
    expect(r.done).toBe(true);
  });
});
