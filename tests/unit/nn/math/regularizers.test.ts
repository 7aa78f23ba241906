import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { flattenWeights, unflattenWeights } from '../../../../src/nn/math/init';
import { dropoutMask, penalty, penaltyGradient } from '../../../../src/nn/math/regularizers';
import type { MlpSpec } from '../../../../src/nn/spec';
import type { Regularization } from '../../../../src/nn/training';
import { maxRelativeError, numericalGradient } from '../gradient-check';
import { randomWeights } from './mlp-fixtures';

const spec: MlpSpec = {
  inputSize: 3,
  layers: [
    { units: 4, activation: 'relu' },
    { units: 2, activation: 'identity' },
  ],
  loss: 'mse',
};
// weights kept away from 0, the kink of |w|
const raw = randomWeights(createRng(4), spec);
const weights = { W: raw.W.map((m) => ({ ...m, data: m.data.map((w) => (Math.abs(w) < 0.05 ? 0.2 : w)) })), b: raw.b };

describe.each<[Regularization]>([
  [{ kind: 'l2', alpha: 0.1 }],
  [{ kind: 'l2', alpha: 3 }],
  [{ kind: 'l1', alpha: 0.1 }],
  [{ kind: 'l1', alpha: 2.5 }],
])('penalty %o', (reg) => {
  it('its gradient equals the finite difference of αΩ (and is 0 on the biases)', () => {
    const grad = penaltyGradient(reg, weights);
    const analytic = Array.from(flattenWeights(spec, { W: grad, b: weights.b.map((b) => new Float64Array(b.length)) }));
    const numeric = numericalGradient(
      (flat) => penalty(reg, unflattenWeights(spec, flat)),
      Array.from(flattenWeights(spec, weights)),
    );
    expect(maxRelativeError(analytic, numeric)).toBeLessThan(1e-6);
  });

  it('is the closed form α·½Σw² (L2) or α·Σ|w| (L1) over the W matrices only', () => {
    const all = weights.W.flatMap((m) => Array.from(m.data));
    const expected =
      reg.kind === 'l2'
        ? (reg.alpha * all.reduce((a, w) => a + w * w, 0)) / 2
        : reg.alpha * all.reduce((a, w) => a + Math.abs(w), 0);
    expect(penalty(reg, weights)).toBeCloseTo(expected, 12);
    const withBiases = { W: weights.W, b: weights.b.map((b) => b.map(() => 100)) };
    expect(penalty(reg, withBiases)).toBe(penalty(reg, weights));
  });
});

describe('penalty', () => {
  it('rejects a negative α', () => {
    expect(() => penalty({ kind: 'l2', alpha: -1 }, weights)).toThrow(/α/);
  });
});

describe('dropoutMask (inverted dropout)', () => {
  it.each([[0.5], [0.8], [0.25]])('keep %d: entries 0 or 1/keep, kept fraction ≈ keep, mean ≈ 1', (keep) => {
    const mask = dropoutMask(createRng(3), 200, 100, keep);
    const values = Array.from(mask.data);
    expect(values.every((v) => v === 0 || v === 1 / keep)).toBe(true);
    const kept = values.filter((v) => v !== 0).length / values.length;
    expect(Math.abs(kept - keep)).toBeLessThan(0.02);
    expect(Math.abs(values.reduce((a, v) => a + v, 0) / values.length - 1)).toBeLessThan(0.05);
  });

  it('keep = 1 gives all ones', () => {
    expect(Array.from(dropoutMask(createRng(3), 4, 5, 1).data)).toEqual(new Array<number>(20).fill(1));
  });

  it('is replayed by its seed', () => {
    expect(dropoutMask(createRng(9), 10, 10, 0.5).data).toEqual(dropoutMask(createRng(9), 10, 10, 0.5).data);
    expect(dropoutMask(createRng(9), 10, 10, 0.5).data).not.toEqual(dropoutMask(createRng(10), 10, 10, 0.5).data);
  });

  it.each([[0], [1.2], [-0.5], [Number.NaN]])('rejects keep = %d', (keep) => {
    expect(() => dropoutMask(createRng(1), 2, 2, keep)).toThrow(/Dropout/);
  });
});
