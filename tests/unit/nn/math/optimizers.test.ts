import { describe, expect, it } from 'vitest';
import { createOptimizer, learningRateAt } from '../../../../src/nn/math/optimizers';
import { plannedSteps, type OptimizerConfig } from '../../../../src/nn/training';

/**
 * Two parameters θ = (θ₁, θ₂) of J(θ) = θ₁² + 10θ₂² (gradient (2θ₁, 20θ₂)), in two blocks of one.
 * Each case gives its update rule written out for one scalar, as the oracle.
 */
type Rule = (theta: number, g: number, state: { m: number; s: number }, t: number) => number;

const eta = 0.1;
const eps = 1e-8;
const gradAt = (theta: readonly number[]) => [2 * theta[0]!, 20 * theta[1]!];

const cases: [string, OptimizerConfig, Rule][] = [
  ['sgd', { name: 'sgd', learningRate: eta }, (th, g) => th - eta * g],
  [
    'momentum (ρ = 0.9 by default)',
    { name: 'momentum', learningRate: eta },
    (th, g, st) => {
      st.m = 0.9 * st.m + g;
      return th - eta * st.m;
    },
  ],
  [
    'momentum ρ = 0.5',
    { name: 'momentum', learningRate: eta, momentum: 0.5 },
    (th, g, st) => {
      st.m = 0.5 * st.m + g;
      return th - eta * st.m;
    },
  ],
  [
    'adagrad',
    { name: 'adagrad', learningRate: eta },
    (th, g, st) => {
      st.s += g * g;
      return th - (eta * g) / (Math.sqrt(st.s) + eps);
    },
  ],
  [
    'rmsprop (ρ = 0.9)',
    { name: 'rmsprop', learningRate: eta },
    (th, g, st) => {
      st.s = 0.9 * st.s + 0.1 * g * g;
      return th - (eta * g) / (Math.sqrt(st.s) + eps);
    },
  ],
  [
    'adam (β₁ = 0.9, β₂ = 0.999)',
    { name: 'adam', learningRate: eta },
    (th, g, st, t) => {
      st.m = 0.9 * st.m + 0.1 * g;
      st.s = 0.999 * st.s + 0.001 * g * g;
      const mHat = st.m / (1 - 0.9 ** t);
      const vHat = st.s / (1 - 0.999 ** t);
      return th - (eta * mHat) / (Math.sqrt(vHat) + eps);
    },
  ],
  [
    'sgd with inverseSqrt decay',
    { name: 'sgd', learningRate: eta, decay: 'inverseSqrt' },
    (th, g, _st, t) => th - (eta / Math.sqrt(t)) * g,
  ],
];

describe.each(cases)('%s', (_label, config, rule) => {
  it.each([[1], [2], [5]])('%i steps on J = θ₁² + 10θ₂² match the update written out by hand', (steps) => {
    const optimizer = createOptimizer(config);
    const params = [Float64Array.of(1), Float64Array.of(-0.5)];
    let expected = [1, -0.5];
    const states = [
      { m: 0, s: 0 },
      { m: 0, s: 0 },
    ];
    for (let t = 1; t <= steps; t++) {
      const current = [params[0]![0]!, params[1]![0]!];
      const g = gradAt(current);
      optimizer.step(
        params,
        g.map((v) => Float64Array.of(v)),
      );
      const ge = gradAt(expected);
      expected = expected.map((th, i) => rule(th, ge[i]!, states[i]!, t));
      expect(optimizer.t).toBe(t);
      expect(params[0]![0]).toBeCloseTo(expected[0]!, 12);
      expect(params[1]![0]).toBeCloseTo(expected[1]!, 12);
    }
  });

  it('rejects blocks that change shape after the first step, or gradients of another shape', () => {
    const optimizer = createOptimizer(config);
    expect(() => optimizer.step([new Float64Array(2)], [new Float64Array(3)])).toThrow(/Optimiseur/);
    optimizer.step([new Float64Array(2)], [Float64Array.of(1, 1)]);
    expect(() => optimizer.step([new Float64Array(3)], [new Float64Array(3)])).toThrow(/changé de forme/);
    expect(() =>
      optimizer.step([new Float64Array(2), new Float64Array(1)], [new Float64Array(2), new Float64Array(1)]),
    ).toThrow(/changé de forme/);
  });
});

describe('momentum keeps its velocity across steps', () => {
  it('two steps with the same gradient g move by ηg then η(ρg + g)', () => {
    const optimizer = createOptimizer({ name: 'momentum', learningRate: 0.1, momentum: 0.9 });
    const theta = [Float64Array.of(0)];
    optimizer.step(theta, [Float64Array.of(2)]);
    expect(theta[0]![0]).toBeCloseTo(-0.2, 14);
    optimizer.step(theta, [Float64Array.of(2)]);
    expect(theta[0]![0]).toBeCloseTo(-0.2 - 0.1 * (0.9 * 2 + 2), 14);
  });
});

describe('Adam’s first step', () => {
  it.each([[1e-3], [1], [1e3], [-1e3]])('has size ≈ η whatever the gradient’s scale (g = %d)', (g) => {
    const optimizer = createOptimizer({ name: 'adam', learningRate: 0.01 });
    const theta = [Float64Array.of(5, -5)];
    optimizer.step(theta, [Float64Array.of(g, 2 * g)]);
    for (const [i, start] of [5, -5].entries()) {
      expect(Math.abs(theta[0]![i]! - start) / 0.01).toBeCloseTo(1, 4);
      expect(Math.sign(start - theta[0]![i]!)).toBe(Math.sign(g));
    }
  });
});

describe('learning-rate decay', () => {
  it('inverseSqrt gives η/√(t + 1) from t = 0; none keeps η', () => {
    const config: OptimizerConfig = { name: 'sgd', learningRate: 0.3, decay: 'inverseSqrt' };
    [0.3, 0.3 / Math.SQRT2, 0.15, 0.1].forEach((expected, i) =>
      expect(learningRateAt(config, [0, 1, 3, 8][i]!)).toBeCloseTo(expected, 15),
    );
    expect(learningRateAt({ name: 'sgd', learningRate: 0.3 }, 8)).toBe(0.3);
  });

  it('linear gives η(1 − t/T), down to 0 at t = T and after; it needs T', () => {
    const config: OptimizerConfig = { name: 'adam', learningRate: 0.004, decay: 'linear', decaySteps: 4 };
    [0.004, 0.003, 0.002, 0.001, 0, 0].forEach((expected, t) =>
      expect(learningRateAt(config, t)).toBeCloseTo(expected, 15),
    );
    for (const decaySteps of [undefined, 0, 2.5])
      expect(() => learningRateAt({ ...config, decaySteps }, 0)).toThrow(/décroissance linéaire/);
  });

  it('three SGD steps with g = 1 move by η(1 + 1/√2 + 1/√3)', () => {
    const optimizer = createOptimizer({ name: 'sgd', learningRate: 0.3, decay: 'inverseSqrt' });
    const theta = [Float64Array.of(0)];
    for (let i = 0; i < 3; i++) optimizer.step(theta, [Float64Array.of(1)]);
    expect(theta[0]![0]).toBeCloseTo(-0.3 * (1 + 1 / Math.SQRT2 + 1 / Math.sqrt(3)), 14);
  });
});

describe('createOptimizer', () => {
  it.each([[0], [-1], [Number.NaN], [Infinity]])('rejects the learning rate %d', (learningRate) => {
    expect(() => createOptimizer({ name: 'sgd', learningRate })).toThrow(/pas d’apprentissage/);
  });
  it('rejects an unknown name', () => {
    expect(() => createOptimizer({ name: 'lion' as 'sgd', learningRate: 0.1 })).toThrow(/inconnu/);
  });
});

describe('plannedSteps', () => {
  it('counts a short last batch as a step, in every epoch', () => {
    // 48,000 images in batches of 128: 375 steps an epoch; 1,000 in batches of 128: 7 full + 1 short
    expect(plannedSteps(4, 48_000, 128)).toBe(1500);
    expect(plannedSteps(3, 1000, 128)).toBe(24);
  });
  it('is at least 1, so a linear decay always has a T', () => {
    expect(plannedSteps(0, 1000, 128)).toBe(1);
    expect(plannedSteps(2, 0, 128)).toBe(1);
  });
});
