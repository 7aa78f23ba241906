/**
 * XOR with a hidden layer on the reference engine: the island's default run solves it, wider
 * hidden layers solve it from every seed tried, a run is replayed exactly by its seed, and the
 * hidden layer makes the four examples linearly separable.
 */
import { describe, expect, it } from 'vitest';
import { lossAndGradients, parameterBlocks, predict, sigmoid, toRows } from '../../../../src/nn';
import {
  advance,
  hiddenValues,
  MAX_EPOCHS,
  outputNeuron,
  probabilities,
  startRun,
  TARGET_LOSS,
  XOR_X,
  XOR_Y,
  type XorRun,
} from '../../../../src/components/islands/xor/xor-trainer';
import { xorSchema } from '../../../../src/components/islands/xor/state';

const finish = (run: XorRun, lr: number) => advance(run, lr, 10 * MAX_EPOCHS);

describe('xor trainer', () => {
  it('the island defaults (2 hidden neurons, seed 1, step 1) solve XOR: 4 out of 4', () => {
    const end = finish(startRun(xorSchema.h.default, xorSchema.seed.default), xorSchema.lr.default);
    expect(end.status).toBe('solved');
    expect(end.correct).toBe(4);
    expect(end.loss).toBeLessThan(TARGET_LOSS);
    expect(end.epoch).toBeLessThan(MAX_EPOCHS);
  });

  it('with 4 hidden neurons seeds 1 to 20 all solve it, with 3 nearly all', () => {
    const solved = (h: number) =>
      Array.from({ length: 20 }, (_, i) => finish(startRun(h, i + 1), 1)).filter((r) => r.status === 'solved').length;
    expect(solved(4)).toBe(20);
    expect(solved(3)).toBeGreaterThanOrEqual(16);
  });

  it('with 2 hidden neurons some seeds get stuck, and say so after MAX_EPOCHS', () => {
    const stuck = [1, 2, 3, 4, 5, 6, 7, 8]
      .map((seed) => finish(startRun(2, seed), 1))
      .filter((r) => r.status === 'stuck');
    expect(stuck.length).toBeGreaterThan(0);
    for (const r of stuck) {
      expect(r.epoch).toBe(MAX_EPOCHS);
      expect(r.correct).toBeLessThan(4);
    }
  });

  it('is replayed exactly from its seed, and in chunks as in one go', () => {
    const a = advance(startRun(3, 5), 1, 40);
    let b = startRun(3, 5);
    for (let i = 0; i < 8; i++) b = advance(b, 1, 5);
    expect(b.epoch).toBe(40);
    expect(toRows(predict(b.spec, b.weights, XOR_X))).toEqual(toRows(predict(a.spec, a.weights, XOR_X)));
    expect(startRun(3, 6).weights.W[0]!.data).not.toEqual(startRun(3, 5).weights.W[0]!.data);
  });

  it('each epoch is one gradient step θ ← θ − η∇J on the four examples', () => {
    const run = startRun(2, 9);
    const before = parameterBlocks(run.spec, run.weights).map((b) => Array.from(b));
    const g = lossAndGradients(run.spec, run.weights, XOR_X, XOR_Y);
    const grads = parameterBlocks(run.spec, { W: g.dW, b: g.db }).map((b) => Array.from(b));
    const after = advance(run, 0.5, 1);
    parameterBlocks(after.spec, after.weights).forEach((block, k) =>
      block.forEach((v, i) => expect(v).toBeCloseTo(before[k]![i]! - 0.5 * grads[k]![i]!, 14)),
    );
    expect(after.loss).toBeLessThan(run.loss);
  });

  it('once solved, the output neuron separates the hidden values by a line: σ(v·h + c) on the right side of 0,5', () => {
    const end = finish(startRun(2, 1), 1);
    const { v, c } = outputNeuron(end);
    const hidden = hiddenValues(end);
    const p = probabilities(end, XOR_X);
    hidden.forEach((h, i) => {
      const out = sigmoid(v[0]! * h[0]! + v[1]! * h[1]! + c);
      expect(out).toBeCloseTo(p[i]!, 12);
      expect(out >= 0.5 ? 1 : 0).toBe(XOR_Y.data[i]);
    });
  });
});
