/**
 * The two engines held against each other, on one backend: for the same spec and the same
 * weights, the TensorFlow.js MLP (float32) gives the reference engine's (float64) outputs, loss
 * and every parameter gradient; each optimiser takes the reference's step from the same
 * gradients; a short training run follows the same batches to the same weights.
 *
 * Tolerance: |tf − ref| ≤ 1e-5 · max(1, |ref|) entry by entry (absolute 1e-5 for values up to 1,
 * relative 1e-5 beyond). The largest scaled gap of each case is printed per backend.
 */
import type * as TfModule from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { backward } from '../../../../src/nn/math/backprop';
import { initWeights, parameterBlocks } from '../../../../src/nn/math/init';
import { losses } from '../../../../src/nn/math/losses';
import { forward } from '../../../../src/nn/math/mlp';
import { createOptimizer } from '../../../../src/nn/math/optimizers';
import { trainMlp } from '../../../../src/nn/math/train';
import { parameterCount } from '../../../../src/nn/spec';
import type { OptimizerConfig } from '../../../../src/nn/training';
import { matrixToTensor } from '../../../../src/nn/tf/weights';
import { createTfMlp } from '../../../../src/nn/tf/model';
import { createTfOptimizer } from '../../../../src/nn/tf/optimizer';
import { trainTfMlp } from '../../../../src/nn/tf/train';
import { named, tableCases } from './mlp-engines-cases';

type Tf = typeof TfModule;

const TOLERANCE = 1e-5;

/** max over entries of |a − b| / max(1, |b|) (b: the reference). */
function scaledGap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let gap = 0;
  for (let i = 0; i < a.length; i++) gap = Math.max(gap, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return gap;
}

export function enginesSuite(tf: Tf, backend: 'cpu' | 'wasm'): void {
  const gaps: Record<string, string>[] = [];

  describe(`reference engine vs tfjs on the ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
    });
    afterAll(() => {
      console.log(`largest scaled gaps, ${backend}:`);
      console.table(gaps);
    });

    it('the 2-16-16-16-1 net has 609 parameters', () => {
      expect(parameterCount(named[1]!.spec)).toBe(609);
    });

    it.each([...named, ...tableCases].map((c) => [c.name, c] as const))(
      '%s: outputs, loss, gradients',
      async (_, c) => {
        const weights = c.weights(7);
        const pass = forward(c.spec, weights, c.X);
        const ref = backward(c.spec, weights, pass, c.Y);
        const model = createTfMlp(tf, c.spec, weights);
        const yHat = tf.tidy(() => model.predictTensor(matrixToTensor(tf, c.X)));
        const outputs = await yHat.data();
        yHat.dispose();
        const got = await model.lossAndGradients(c.X, c.Y);
        const back = await model.getWeights();
        model.dispose();

        const L = c.spec.layers.length;
        const gap = {
          weights: Math.max(...weights.W.map((W, l) => scaledGap(back.W[l]!.data, W.data))),
          outputs: scaledGap(outputs, pass.A[L]!.data),
          loss: scaledGap([got.loss], [ref.loss]),
          dW: Math.max(...ref.dW.map((dW, l) => scaledGap(got.dW[l]!.data, dW.data))),
          db: Math.max(...ref.db.map((db, l) => scaledGap(got.db[l]!, db))),
        };
        gaps.push({
          case: c.name,
          ...Object.fromEntries(Object.entries(gap).map(([k, v]) => [k, v.toExponential(1)])),
        });
        // float32 storage of float64 weights: a relative rounding of at most 2⁻²⁴ ≈ 6e-8
        expect(gap.weights).toBeLessThan(1e-7);
        for (const [what, value] of Object.entries(gap)) expect(value, what).toBeLessThanOrEqual(TOLERANCE);
        expect(got.dW.map((m) => [m.rows, m.cols])).toEqual(weights.W.map((m) => [m.rows, m.cols]));
        expect(ref.loss).toBeCloseTo(losses[c.spec.loss].value(pass.A[L]!, c.Y), 12);
      },
    );

    const optimizerConfigs: OptimizerConfig[] = [
      { name: 'sgd', learningRate: 0.1 },
      { name: 'momentum', learningRate: 0.1, momentum: 0.8 },
      { name: 'adagrad', learningRate: 0.1 },
      { name: 'rmsprop', learningRate: 0.01, rho: 0.95 },
      { name: 'adam', learningRate: 0.01 },
      { name: 'adam', learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, decay: 'inverseSqrt' },
      { name: 'sgd', learningRate: 0.1, decay: 'inverseSqrt' },
      { name: 'rmsprop', learningRate: 0.01, decay: 'inverseSqrt' },
      { name: 'adam', learningRate: 0.01, decay: 'linear', decaySteps: 3 },
    ];
    const decayName = { none: '', inverseSqrt: ' + 1/√t', linear: ' + linear decay' } as const;
    it.each(optimizerConfigs.map((c) => [`${c.name}${decayName[c.decay ?? 'none']}`, c] as const))(
      '%s: three steps from the same gradients give the reference parameters',
      async (_, config) => {
        const spec = named[0]!.spec;
        const weights = initWeights(spec, createRng(3), 'xavier');
        const model = createTfMlp(tf, spec, weights);
        const tfOptimizer = createTfOptimizer(tf, config);
        const reference = createOptimizer(config);
        const params = parameterBlocks(spec, weights);
        const rng = createRng(9);
        for (let step = 0; step < 3; step++) {
          // gradients of every scale, down to ~1e-4, where ε's placement would show
          const grads = params.map((p) => Float64Array.from(p, () => rng.normal() * 10 ** -rng.int(5)));
          reference.step(params, grads);
          const tensors = grads.map((g, i) => tf.tensor(Float32Array.from(g), model.variables[i]!.shape));
          tfOptimizer.step(model.variables, tensors);
          tf.dispose(tensors);
        }
        const got = await model.getWeights();
        tfOptimizer.dispose();
        model.dispose();
        expect(tfOptimizer.t).toBe(3);
        const gap = Math.max(...parameterBlocks(spec, got).map((block, i) => scaledGap(block, params[i]!)));
        gaps.push({ case: `optimizer ${config.name}${config.decay ? ' 1/√t' : ''}`, weights: gap.toExponential(1) });
        expect(gap).toBeLessThanOrEqual(TOLERANCE);
      },
    );

    it.each(['adagrad', 'rmsprop'] as const)(
      "tfjs' own %s would not do: ε under the root (and AdaGrad's s₀ = 0.1) move small-gradient steps",
      async (name) => {
        const theta = tf.variable(tf.zeros([4]));
        const g = tf.tensor1d([1e-4, -1e-4, 1e-3, 1]);
        const own = name === 'adagrad' ? tf.train.adagrad(0.01, 0) : tf.train.rmsprop(0.01, 0.9, 0, 1e-8);
        own.applyGradients([{ name: theta.name, tensor: g }]);
        const tfjsStep = await theta.data();
        own.dispose();
        tf.dispose([theta, g]);
        const params = [new Float64Array(4)];
        createOptimizer({ name, learningRate: 0.01 }).step(params, [Float64Array.from([1e-4, -1e-4, 1e-3, 1])]);
        expect(scaledGap(tfjsStep, params[0]!)).toBeGreaterThan(1e-3);
      },
    );

    it('trainTfMlp follows trainMlp: same batches, same losses, same weights (SGD, L2, 3 epochs)', async () => {
      const c = named[0]!;
      const weights = c.weights(4);
      const model = createTfMlp(tf, c.spec, weights);
      const options = {
        X: c.X,
        Y: c.Y,
        validation: { X: c.X, Y: c.Y },
        optimizer: { name: 'momentum', learningRate: 0.1 } as const,
        regularization: { kind: 'l2', alpha: 0.01 } as const,
        epochs: 3,
        batchSize: 5,
        seed: 21,
      };
      const batchesRef: number[] = [];
      const batchesTf: number[] = [];
      const ref = trainMlp(c.spec, weights, { ...options, onBatch: (b) => batchesRef.push(b.loss) });
      const got = await trainTfMlp(tf, model, { ...options, onBatch: (b) => batchesTf.push(b.loss) });
      const after = await model.getWeights();
      model.dispose();
      expect(got.status).toBe('done');
      expect(batchesTf).toHaveLength(batchesRef.length);
      const gap = {
        batchLosses: scaledGap(batchesTf, batchesRef),
        epochLosses: scaledGap(
          got.history.map((r) => r.loss),
          ref.history.map((r) => r.loss),
        ),
        valLosses: scaledGap(
          got.history.map((r) => r.valLoss!),
          ref.history.map((r) => r.valLoss!),
        ),
        weights: Math.max(...weights.W.map((W, l) => scaledGap(after.W[l]!.data, W.data))),
      };
      gaps.push({
        case: 'training, 3 epochs',
        ...Object.fromEntries(Object.entries(gap).map(([k, v]) => [k, v.toExponential(1)])),
      });
      for (const [what, value] of Object.entries(gap)) expect(value, what).toBeLessThanOrEqual(TOLERANCE);
    });
  });
}
