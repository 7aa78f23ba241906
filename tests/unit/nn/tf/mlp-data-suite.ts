/**
 * The fast engine's data path on one backend: Uint8Array data through a BatchSource, batched
 * predictions equal to one big predict, French errors on bad shapes, and no tensor leaked.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { initWeights } from '../../../../src/nn/math/init';
import { fromRows } from '../../../../src/nn/math/matrix';
import type { MlpSpec } from '../../../../src/nn/spec';
import { predictInBatches } from '../../../../src/nn/tf/predict';
import { trainTfMlp } from '../../../../src/nn/tf/train';
import { matrixToTensor } from '../../../../src/nn/tf/weights';
import { byteSource, model, sine, xor, xorSpec } from './tf-fixtures';

type Tf = typeof TfModule;

export function dataSuite(tf: Tf, backend: 'cpu' | 'wasm'): void {
  describe(`tfjs data path on the ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
    });

    it('trains from a Uint8Array BatchSource; predictInBatches matches one big predict', async () => {
      const train = byteSource(300, 64, 6);
      const spec: MlpSpec = {
        inputSize: 64,
        layers: [
          { units: 32, activation: 'relu' },
          { units: 10, activation: 'softmax' },
        ],
        loss: 'categoricalCrossEntropy',
      };
      const m = model(tf, spec, 6);
      const result = await trainTfMlp(tf, m, {
        source: train,
        validation: byteSource(50, 64, 7),
        optimizer: { name: 'adam', learningRate: 0.01 },
        epochs: 30,
        batchSize: 32,
        seed: 6,
        regularization: { kind: 'l2', alpha: 1e-4 },
        dropoutKeep: 0.9,
      });
      expect(result.status).toBe('done');
      expect(result.history[0]!.loss).toBeGreaterThan(1.5 * result.history.at(-1)!.loss);
      expect(result.history.at(-1)!.valLoss).toBeLessThan(result.history[0]!.valLoss!);
      const batched = await predictInBatches(tf, m, train, 64);
      const x = new Float32Array(300 * 64);
      train.fill(
        Array.from({ length: 300 }, (_, i) => i),
        x,
        new Float32Array(3000),
      );
      const whole = tf.tidy(() => m.predictTensor(tf.tensor2d(x, [300, 64])));
      const expected = await whole.data();
      whole.dispose();
      m.dispose();
      expect(batched).toHaveLength(3000);
      let gap = 0;
      batched.forEach((v, i) => (gap = Math.max(gap, Math.abs(v - expected[i]!))));
      expect(gap).toBeLessThan(1e-6);
    });

    it('predicts a 100×100 grid in batches: rows in order, each a probability', async () => {
      const m = model(tf, xorSpec, 8);
      const grid = fromRows(Array.from({ length: 10_000 }, (_, i) => [(i % 100) / 99, Math.floor(i / 100) / 99]));
      const p = await predictInBatches(tf, m, grid);
      const corners = tf.tidy(() =>
        m.predictTensor(
          matrixToTensor(
            tf,
            fromRows([
              [0, 0],
              [1, 0],
              [0, 1],
              [1, 1],
            ]),
          ),
        ),
      );
      const expected = await corners.data();
      corners.dispose();
      m.dispose();
      expect(p).toHaveLength(10_000);
      expect(p.every((v) => v > 0 && v < 1)).toBe(true);
      [0, 99, 9900, 9999].forEach((row, i) => expect(p[row]).toBeCloseTo(expected[i]!, 6));
    });

    it('rejects data of the wrong width, in French', async () => {
      const m = model(tf, xorSpec, 9);
      const options = {
        ...sine,
        optimizer: { name: 'sgd', learningRate: 0.1 },
        epochs: 1,
        batchSize: 4,
        seed: 1,
      } as const;
      await expect(trainTfMlp(tf, m, options)).rejects.toThrow(/1 colonnes, 2 attendues/);
      await expect(predictInBatches(tf, m, sine.X)).rejects.toThrow(/Entrées incompatibles/);
      await expect(
        trainTfMlp(tf, m, { ...xor, optimizer: options.optimizer, epochs: 1, batchSize: 4, seed: 1, patience: 2 }),
      ).rejects.toThrow(/validation/);
      m.dispose();
      expect(() => m.setWeights(initWeights(xorSpec, createRng(1), 'xavier'))).toThrow(/libéré/);
    });

    it('leaks no tensor over 20 create → gradients → train → predict → dispose cycles', async () => {
      const before = tf.memory().numTensors;
      const optimizers = ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam'] as const;
      for (let cycle = 0; cycle < 20; cycle++) {
        const m = model(tf, xorSpec, cycle);
        await m.lossAndGradients(xor.X, xor.Y);
        const controller = new AbortController();
        const result = await trainTfMlp(tf, m, {
          ...xor,
          validation: xor,
          optimizer: { name: optimizers[cycle % 5]!, learningRate: cycle === 19 ? 1e9 : 0.05, decay: 'inverseSqrt' },
          regularization: { kind: cycle % 2 ? 'l1' : 'l2', alpha: 1e-3 },
          dropoutKeep: 0.8,
          patience: 1,
          epochs: cycle % 4 === 3 ? 50 : 3,
          batchSize: 3,
          seed: cycle,
          signal: controller.signal,
          onBatch: (b) => cycle % 4 === 3 && b.epoch === 2 && controller.abort(),
        });
        expect(['done', 'stopped', 'earlyStopped', 'diverged']).toContain(result.status);
        await predictInBatches(tf, m, xor.X, 3);
        await m.getWeights();
        m.dispose();
        m.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}
