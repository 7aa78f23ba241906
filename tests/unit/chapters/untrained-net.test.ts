/**
 * The sanity check of chapter 4 on a real untrained 784 → 40 → 10 network: its initial cost is
 * close to ln 10, and closer once its last layer is scaled down (near-uniform softmax).
 */
import { describe, expect, it } from 'vitest';
import { randomBatch, untrainedCheck, UNTRAINED_SPEC } from '../../../src/components/charts/untrained-net';
import { parameterCount } from '../../../src/nn';

describe('untrained 784 → 40 → 10 classifier', () => {
  const check = untrainedCheck();

  it('starts within 0,05 of ln 10 once the last layer is scaled down', () => {
    expect(Math.abs(check.lossScaled - Math.LN10)).toBeLessThan(0.05);
  });

  it('gives every class almost exactly 1/10 then', () => {
    expect(check.maxProbabilityScaled).toBeGreaterThan(0.1);
    expect(check.maxProbabilityScaled).toBeLessThan(0.11);
  });

  it('lands further from ln 10 with plain He initialisation (spread logits)', () => {
    expect(check.lossHe).toBeGreaterThan(check.lossScaled);
    expect(Math.abs(check.lossHe - Math.LN10)).toBeGreaterThan(Math.abs(check.lossScaled - Math.LN10));
  });

  it.each([1, 7, 42])('is near ln 10 for other seeds too (seed %i)', (seed) => {
    expect(Math.abs(untrainedCheck(seed).lossScaled - Math.LN10)).toBeLessThan(0.05);
  });

  it('uses a batch of 100 inputs in [0, 1] with one-hot labels, and the stated network', () => {
    const { X, Y } = randomBatch(3, 100);
    expect([X.rows, X.cols, Y.rows, Y.cols]).toEqual([100, 784, 100, 10]);
    expect(Math.min(...X.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...X.data)).toBeLessThan(1);
    for (let i = 0; i < 100; i++) expect(Y.data.subarray(i * 10, i * 10 + 10).reduce((a, v) => a + v, 0)).toBe(1);
    expect(parameterCount(UNTRAINED_SPEC)).toBe(784 * 40 + 40 + 40 * 10 + 10);
    expect(check.batchSize).toBe(100);
    expect(check.classes).toBe(10);
  });

  it('is deterministic', () => {
    expect(untrainedCheck()).toEqual(check);
  });
});
