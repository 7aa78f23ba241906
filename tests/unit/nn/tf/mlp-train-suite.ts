/**
 * The fast engine's training loop on one backend: it really learns, it stops when asked, it
 * reports divergence in French, and it keeps the best weights when it stops early.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import type { Matrix } from '../../../../src/nn/math/matrix';
import type { MlpSpec } from '../../../../src/nn/spec';
import { DIVERGENCE_REASON, type EpochReport } from '../../../../src/nn/training';
import { createTfMlp, tfDense } from '../../../../src/nn/tf/model';
import { lossInBatches, matrixSource, predictInBatches } from '../../../../src/nn/tf/predict';
import { trainTfMlp, type TfTrainOptions } from '../../../../src/nn/tf/train';
import { createTfOptimizer } from '../../../../src/nn/tf/optimizer';
import { initWeights } from '../../../../src/nn/math/init';
import { randomMatrix } from '../math/mlp-fixtures';
import { model, sine, sineSpec, xor, xorSpec } from './tf-fixtures';

type Tf = typeof TfModule;

export function trainSuite(tf: Tf, backend: 'cpu' | 'wasm'): void {
  describe(`tfjs training on the ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
    });

    it('learns XOR (2-8-1 tanh, BCE, Adam): accuracy 1 within 300 epochs', async () => {
      const m = model(tf, xorSpec, 1);
      const result = await trainTfMlp(tf, m, {
        ...xor,
        optimizer: { name: 'adam', learningRate: 0.05 },
        epochs: 300,
        batchSize: 4,
        seed: 1,
      });
      const p = await predictInBatches(tf, m, xor.X);
      m.dispose();
      expect(result.status).toBe('done');
      expect(result.epochs).toBe(300);
      expect(Array.from(p, (v) => (v > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
      expect(result.history.at(-1)!.loss).toBeLessThan(0.1);
      for (const r of result.history) expect(r.ms).toBeGreaterThanOrEqual(0);
    });

    it('fits sin x on [−3, 3] (1-16-1 tanh, MSE, mini-batches of 16): the loss drops ≥ 10×', async () => {
      const m = model(tf, sineSpec, 2);
      const batches: number[] = [];
      const result = await trainTfMlp(tf, m, {
        ...sine,
        optimizer: { name: 'adam', learningRate: 0.02 },
        epochs: 150,
        batchSize: 16,
        seed: 2,
        onBatch: (b) => batches.push(b.batch),
      });
      m.dispose();
      expect(result.status).toBe('done');
      expect(batches).toHaveLength(150 * 4);
      expect(batches.slice(0, 4)).toEqual([0, 1, 2, 3]);
      expect(result.history[0]!.loss).toBeGreaterThan(10 * result.history.at(-1)!.loss);
    });

    it('an abort or onEpoch → "stop" ends with status "stopped" after the right number of epochs', async () => {
      const m = model(tf, sineSpec, 3);
      const controller = new AbortController();
      const base: TfTrainOptions = {
        ...sine,
        optimizer: { name: 'sgd', learningRate: 0.1 },
        epochs: 50,
        batchSize: 16,
        seed: 3,
      };
      const aborted = await trainTfMlp(tf, m, {
        ...base,
        signal: controller.signal,
        onBatch: (b) => b.epoch === 3 && b.batch === 1 && controller.abort(),
      });
      expect(aborted).toMatchObject({ status: 'stopped', epochs: 2 });
      const seen: EpochReport[] = [];
      const stopped = await trainTfMlp(tf, m, {
        ...base,
        onEpoch: (r) => (seen.push(r), r.epoch === 4 ? 'stop' : undefined),
      });
      expect(stopped).toMatchObject({ status: 'stopped', epochs: 4 });
      expect(seen.map((r) => r.epoch)).toEqual([1, 2, 3, 4]);
      const zero = await trainTfMlp(tf, m, { ...base, signal: controller.signal });
      expect(zero).toMatchObject({ status: 'stopped', epochs: 0, history: [] });
      m.dispose();
      expect(await trainTfMlp(tf, m, base)).toMatchObject({ status: 'stopped', epochs: 0 });
    });

    it('a huge learning rate ends with "diverged" and the French explanation', async () => {
      const m = model(tf, sineSpec, 4);
      const result = await trainTfMlp(tf, m, {
        ...sine,
        optimizer: { name: 'sgd', learningRate: 1e4 },
        epochs: 100,
        batchSize: 16,
        seed: 4,
      });
      m.dispose();
      expect(result.status).toBe('diverged');
      expect(result.reason).toBe(DIVERGENCE_REASON);
      expect(result.epochs).toBeLessThan(100);
    });

    it('early stopping keeps the weights of the best validation epoch', async () => {
      // a wide net on 24 noisy points, validated on 24 others: it overfits, the val loss turns up
      const rng = createRng(5);
      const X = randomMatrix(rng, 48, 1, -1, 1);
      const Y = { ...X, data: X.data.map((x) => x + 0.5 * rng.normal()) };
      const half = (m: Matrix, from: number): Matrix => ({ rows: 24, cols: 1, data: m.data.slice(from, from + 24) });
      const spec: MlpSpec = { ...sineSpec, layers: [{ units: 64, activation: 'tanh' }, sineSpec.layers[1]!] };
      const m = model(tf, spec, 5);
      const validation = { X: half(X, 24), Y: half(Y, 24) };
      const result = await trainTfMlp(tf, m, {
        X: half(X, 0),
        Y: half(Y, 0),
        validation,
        optimizer: { name: 'adam', learningRate: 0.05 },
        epochs: 500,
        batchSize: 8,
        seed: 5,
        patience: 5,
      });
      const valLosses = result.history.map((r) => r.valLoss!);
      const kept = await lossInBatches(tf, m, matrixSource(validation.X, validation.Y), 10);
      m.dispose();
      expect(result.status).toBe('earlyStopped');
      expect(result.reason).toMatch(/arrêt anticipé/);
      expect(result.bestEpoch).toBe(valLosses.indexOf(Math.min(...valLosses)) + 1);
      expect(result.epochs).toBe(result.bestEpoch! + 5);
      expect(kept).toBeCloseTo(valLosses[result.bestEpoch! - 1]!, 6);
      expect(kept).toBeLessThan(valLosses.at(-1)!);
    });
    it('afterEpoch is awaited after each epoch (outside its ms) and can stop the run', async () => {
      const m = model(tf, sineSpec, 6);
      const seen: number[] = [];
      const result = await trainTfMlp(tf, m, {
        ...sine,
        optimizer: { name: 'adam', learningRate: 0.01 },
        epochs: 10,
        batchSize: 16,
        seed: 6,
        afterEpoch: async (r) => {
          await new Promise((ok) => setTimeout(ok, 5));
          seen.push(r.epoch);
          return r.epoch === 3 ? 'stop' : undefined;
        },
      });
      m.dispose();
      expect(result).toMatchObject({ status: 'stopped', epochs: 3 });
      expect(seen).toEqual([1, 2, 3]);
    });

    it('a run resumed with its optimiser carries on as one run; a fresh optimiser does not', async () => {
      // Full batches: an epoch is one step whatever the shuffle, so only the optimiser differs.
      const adam = { name: 'adam', learningRate: 0.05 } as const;
      const base = { ...sine, optimizer: adam, batchSize: sine.X.rows };
      const weightsAfter = async (slices: number[], shared: boolean) => {
        const m = model(tf, sineSpec, 8);
        const instance = shared ? createTfOptimizer(tf, adam) : undefined;
        for (const [k, epochs] of slices.entries())
          await trainTfMlp(tf, m, { ...base, epochs, seed: k, ...(instance ? { optimizerInstance: instance } : {}) });
        const steps = instance?.t;
        instance?.dispose();
        const w = await m.getWeights();
        m.dispose();
        return { w: Array.from(w.W[0]!.data), steps };
      };
      const whole = await weightsAfter([6], false);
      const resumed = await weightsAfter([3, 3], true);
      const restarted = await weightsAfter([3, 3], false);
      expect(resumed.steps).toBe(6);
      resumed.w.forEach((v, i) => expect(v).toBeCloseTo(whole.w[i]!, 5));
      expect(Math.max(...restarted.w.map((v, i) => Math.abs(v - whole.w[i]!)))).toBeGreaterThan(1e-3);
      // Not the settings asked for: refused rather than silently used.
      const m = model(tf, sineSpec, 8);
      const sgd = createTfOptimizer(tf, { name: 'sgd', learningRate: 0.1 });
      await expect(trainTfMlp(tf, m, { ...base, epochs: 1, seed: 1, optimizerInstance: sgd })).rejects.toThrow(
        /optimiseur fourni/,
      );
      sgd.dispose();
      m.dispose();
    });

    it('yielding every step or every 16 ms trains the same (same batches, same losses)', async () => {
      const run = async (yieldEveryMs: number | undefined) => {
        const m = model(tf, sineSpec, 7);
        const losses: number[] = [];
        const base = { ...sine, optimizer: { name: 'adam', learningRate: 0.01 } as const, epochs: 5 };
        const result = await trainTfMlp(tf, m, {
          ...base,
          batchSize: 8,
          seed: 7,
          onBatch: (b) => losses.push(b.loss),
          ...(yieldEveryMs === undefined ? {} : { yieldEveryMs }),
        });
        m.dispose();
        return { losses, epochLosses: result.history.map((r) => r.loss) };
      };
      const everyStep = await run(0);
      expect(everyStep.losses).toHaveLength(5 * 8);
      expect(await run(undefined)).toEqual(everyStep);
    });

    it('tfDense: the gradients of plain matMul + add, with or without ∂J/∂X', () => {
      const rng = createRng(8);
      const X = tf.tensor2d(Float32Array.from(randomMatrix(rng, 6, 5, -1, 1).data), [6, 5]);
      const W = tf.variable(tf.tensor2d(Float32Array.from(randomMatrix(rng, 5, 3, -1, 1).data), [5, 3]));
      const b = tf.variable(tf.tensor1d([0.1, -0.2, 0.3]));
      const target = tf.tensor2d(Float32Array.from(randomMatrix(rng, 6, 3, -1, 1).data), [6, 3]);
      const loss = (z: TfModule.Tensor) => tf.mean(tf.square(tf.sub(tf.tanh(z), target))) as TfModule.Scalar;
      const plain = tf.grads((x, w, bias) =>
        loss(tf.add(tf.matMul(x as TfModule.Tensor2D, w as TfModule.Tensor2D), bias)),
      );
      const dense = tf.grads((x, w, bias) => loss(tfDense(tf, x as TfModule.Tensor2D, w, bias)));
      const [dx, dw, db] = plain([X, W, b]);
      const [dx2, dw2, db2] = dense([X, W, b]);
      for (const [u, v] of [
        [dx, dx2],
        [dw, dw2],
        [db, db2],
      ] as const)
        expect(Math.max(...tf.abs(tf.sub(u!, v!)).dataSync())).toBeLessThan(1e-6);
      const fast = tf.variableGrads(() => loss(tfDense(tf, X, W, b, false)), [W, b]);
      expect(Math.max(...tf.abs(tf.sub(fast.grads[W.name]!, dw!)).dataSync())).toBeLessThan(1e-6);
      expect(Math.max(...tf.abs(tf.sub(fast.grads[b.name]!, db!)).dataSync())).toBeLessThan(1e-6);
      // the model's training loss (constantInput) has the same gradients as its full one
      const spec: MlpSpec = {
        inputSize: 5,
        layers: [
          { units: 4, activation: 'relu' },
          { units: 3, activation: 'softmax' },
        ],
        loss: 'categoricalCrossEntropy',
      };
      const m = createTfMlp(tf, spec, initWeights(spec, createRng(9), 'he'));
      const Y = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3).toFloat() as TfModule.Tensor2D;
      const vars = m.variables as TfModule.Variable[];
      const full = tf.variableGrads(() => m.lossTensor(X, Y), vars);
      const train = tf.variableGrads(() => m.lossTensor(X, Y, { constantInput: true }), vars);
      for (const v of vars)
        expect(Math.max(...tf.abs(tf.sub(full.grads[v.name]!, train.grads[v.name]!)).dataSync())).toBeLessThan(1e-7);
      m.dispose();
      tf.dispose([X, W, b, target, Y, dx!, dw!, db!, dx2!, dw2!, db2!, fast.value, full.value, train.value]);
      tf.dispose([...Object.values(fast.grads), ...Object.values(full.grads), ...Object.values(train.grads)]);
    });
  });
}
