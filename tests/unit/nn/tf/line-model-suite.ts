/**
 * The tests of the TensorFlow.js line model, run once per backend (one test file per backend,
 * so each gets its own tfjs engine). The oracles are the reference engine: the closed-form
 * least-squares line, and the same gradient descent written out in float64.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { linearDataset } from '../../../../src/nn/data/linear';
import { leastSquaresLine } from '../../../../src/nn/math/single-neuron';
import { createLineModel, type EpochReport, type LineModel } from '../../../../src/nn/tf/line-model';

type Tf = typeof TfModule;

const SEED = 3;
const data = linearDataset(createRng(1), { n: 100, slope: 2, intercept: 1, noise: 0.05 });
const { xs, ys } = data;
const mse = (w: number, b: number) => xs.reduce((s, x, i) => s + (w * x + b - ys[i]!) ** 2, 0) / xs.length;
const never = () => new AbortController().signal;

async function run(model: LineModel, learningRate: number, untilEpoch: number, signal = never()) {
  const reports: EpochReport[] = [];
  const outcome = await model.train({ learningRate, untilEpoch, signal, onEpoch: (r) => reports.push(r) });
  return { outcome, reports, last: reports.at(-1) };
}

export function lineModelSuite(tf: Tf, backend: 'cpu' | 'wasm'): void {
  describe(`line model on the ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
      expect(tf.getBackend()).toBe(backend);
    });

    it('learns 2x + 1: w ≈ 2, b ≈ 1, the least-squares line, with a decreasing loss', async () => {
      const model = createLineModel(tf, xs, ys, SEED);
      const { outcome, reports, last } = await run(model, 0.2, 200);
      model.dispose();
      expect(outcome).toEqual({ status: 'done', epoch: 200 });
      expect(reports.map((r) => r.epoch)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      const ls = leastSquaresLine(xs, ys);
      expect(Math.abs(last!.w - 2)).toBeLessThan(0.05);
      expect(Math.abs(last!.b - 1)).toBeLessThan(0.05);
      expect(Math.abs(last!.w - ls.w)).toBeLessThan(1e-3);
      expect(Math.abs(last!.b - ls.b)).toBeLessThan(1e-3);
      // lr 0.2 is below 1/L for this quadratic: full-batch descent never goes up (float32 slack)
      for (let i = 1; i < reports.length; i++) {
        expect(reports[i]!.loss).toBeLessThanOrEqual(reports[i - 1]!.loss * (1 + 1e-5) + 1e-7);
      }
      expect(reports[0]!.loss).toBeGreaterThan(100 * reports.at(-1)!.loss);
      expect(reports.at(-1)!.loss).toBeCloseTo(mse(ls.w, ls.b), 5);
      for (const r of reports) expect(r.msPerEpoch).toBeGreaterThanOrEqual(0);
    });

    it('takes the same steps as gradient descent written out in float64', async () => {
      const model = createLineModel(tf, xs, ys, SEED);
      const { reports } = await run(model, 0.2, 25);
      model.dispose();
      let w = Math.fround(0.1 * createRng(SEED).normal());
      let b = 0;
      for (const r of reports) {
        expect(r.loss).toBeCloseTo(mse(w, b), 4);
        const residuals = xs.map((x, i) => w * x + b - ys[i]!);
        const dw = (2 / xs.length) * residuals.reduce((s, e, i) => s + e * xs[i]!, 0);
        const db = (2 / xs.length) * residuals.reduce((s, e) => s + e, 0);
        w -= 0.2 * dw;
        b -= 0.2 * db;
        expect(r.w).toBeCloseTo(w, 4);
        expect(r.b).toBeCloseTo(b, 4);
      }
    });

    it('pausing with an AbortController then resuming ends exactly where a straight run does', async () => {
      const straight = createLineModel(tf, xs, ys, SEED);
      const reference = await run(straight, 0.2, 200);
      straight.dispose();

      const paused = createLineModel(tf, xs, ys, SEED);
      const controller = new AbortController();
      const first = await paused.train({
        learningRate: 0.2,
        untilEpoch: 200,
        signal: controller.signal,
        onEpoch: (r) => r.epoch === 60 && controller.abort(),
      });
      expect(first).toEqual({ status: 'stopped', epoch: 60 });
      expect(paused.epoch).toBe(60);
      const second = await run(paused, 0.2, 200);
      paused.dispose();
      expect(second.outcome).toEqual({ status: 'done', epoch: 200 });
      expect(second.reports[0]!.epoch).toBe(61);
      expect(second.last!.w).toBe(reference.last!.w);
      expect(second.last!.b).toBe(reference.last!.b);
      expect(second.last!.loss).toBe(reference.last!.loss);
    });

    it('reports divergence in French and stops when the learning rate is huge', async () => {
      const model = createLineModel(tf, xs, ys, SEED);
      const { outcome, reports, last } = await run(model, 50, 200);
      model.dispose();
      expect(outcome.status).toBe('diverged');
      expect(outcome.epoch).toBeLessThan(200);
      expect(outcome.epoch).toBe(reports.length);
      expect(model.epoch).toBe(outcome.epoch);
      if (outcome.status === 'diverged') expect(outcome.reason).toMatch(/pas d’apprentissage est trop grand/);
      expect([last!.loss, last!.w, last!.b].every(Number.isFinite)).toBe(false);
    });

    it('does nothing when the signal is already aborted, or after dispose', async () => {
      const model = createLineModel(tf, xs, ys, SEED);
      const controller = new AbortController();
      controller.abort();
      expect((await run(model, 0.2, 50, controller.signal)).reports).toHaveLength(0);
      expect((await run(model, 0.2, 5)).outcome).toEqual({ status: 'done', epoch: 5 });
      expect((await run(model, 0.2, 5)).reports).toHaveLength(0); // already there
      model.dispose();
      const after = await run(model, 0.2, 50);
      expect(after.outcome).toEqual({ status: 'stopped', epoch: 5 });
      expect(after.reports).toHaveLength(0);
    });

    it('leaks no tensor over 20 create / train / abort / dispose cycles', async () => {
      const before = tf.memory().numTensors;
      for (let cycle = 0; cycle < 20; cycle++) {
        const model = createLineModel(tf, xs, ys, cycle);
        expect(tf.memory().numTensors).toBeGreaterThan(before);
        const controller = new AbortController();
        const outcome = await model.train({
          learningRate: 0.2,
          untilEpoch: 100,
          signal: controller.signal,
          onEpoch: (r) => r.epoch === 3 && controller.abort(),
        });
        expect(outcome).toEqual({ status: 'stopped', epoch: 3 });
        model.dispose();
        model.dispose(); // idempotent
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
