import { describe, expect, it } from 'vitest';
import {
  advance,
  initialParams,
  MAX_EPOCHS,
  startProgress,
  TARGET_LOSS,
} from '../../../../src/components/islands/neurone/gate-trainer';
import { logicGates, logisticAccuracy, logisticLossAndGradient, logisticStep } from '../../../../src/nn';

const seeds = [1, 2, 3, 7, 42];

describe('initialParams', () => {
  it('is deterministic per seed, starts with b = 0, and differs between seeds', () => {
    expect(initialParams(7)).toEqual(initialParams(7));
    expect(initialParams(7).b).toBe(0);
    expect(initialParams(7).w).toHaveLength(2);
    expect(initialParams(7).w).not.toEqual(initialParams(8).w);
  });
});

describe('startProgress', () => {
  it('reports the loss and accuracy of the starting point at epoch 0', () => {
    const params = initialParams(3);
    const p = startProgress('or', params);
    expect(p.epoch).toBe(0);
    expect(p.done).toBe(false);
    expect(p.loss).toBe(logisticLossAndGradient(params, logicGates.or).loss);
    expect(p.accuracy).toBe(logisticAccuracy(params, logicGates.or));
  });
});

describe.each(seeds)('island trainer from seed %i at learning rate 1', (seed) => {
  it.each(['and', 'or'] as const)('learns %s: every example right, loss below the target', (gate) => {
    const end = advance(startProgress(gate, initialParams(seed)), gate, 1, MAX_EPOCHS);
    expect(end.done).toBe(true);
    expect(end.accuracy).toBe(1);
    expect(end.loss).toBeLessThan(TARGET_LOSS);
    expect(end.epoch).toBeLessThan(MAX_EPOCHS);
    expect(logisticAccuracy(end.params, logicGates[gate])).toBe(1);
  });

  it('gives up on xor after MAX_EPOCHS, still misclassifying', () => {
    const end = advance(startProgress('xor', initialParams(seed)), 'xor', 1, 10 * MAX_EPOCHS);
    expect(end.done).toBe(true);
    expect(end.epoch).toBe(MAX_EPOCHS);
    expect(end.accuracy).toBeLessThan(1);
    expect(end.loss).toBeGreaterThanOrEqual(Math.LN2 - 1e-12);
  });
});

describe('advance', () => {
  it('in chunks (as the island animates) gives the same run as in one go', () => {
    const start = startProgress('and', initialParams(5));
    let chunked = start;
    while (!chunked.done) chunked = advance(chunked, 'and', 1, 7);
    const oneGo = advance(start, 'and', 1, MAX_EPOCHS);
    expect(chunked).toEqual(oneGo);
  });

  it('takes exactly the gradient steps of logisticStep', () => {
    const params = initialParams(9);
    let expected = params;
    for (let i = 0; i < 5; i++) expected = logisticStep(expected, logicGates.or, 0.3).params;
    const p = advance(startProgress('or', params), 'or', 0.3, 5);
    expect(p.epoch).toBe(5);
    expect(p.done).toBe(false);
    expect(p.params).toEqual(expected);
  });

  it('never runs past MAX_EPOCHS', () => {
    const end = advance(startProgress('xor', initialParams(1)), 'xor', 1, MAX_EPOCHS);
    expect(advance(end, 'xor', 1, 100).epoch).toBe(MAX_EPOCHS);
  });
});
