/**
 * The page of `node bench/profile-step.mjs [backend] [steps] [readEvery]` (not part of
 * `npm run bench`): where a training step of the MNIST 784-128-10 MLP spends its time — batch
 * fill, upload, forward + backward (`variableGrads` of `lossTensor`, as `trainTfMlp` calls it),
 * the optimiser, the loss read (every `readEvery` steps, stacked), the yield — in ms per step,
 * then tf.profile's kernel list of one step (name, input shapes, kernel ms).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readMnistPair } from '../src/nn/data/mnist';
import { createRng } from '../src/nn/data/rng';
import { initWeights } from '../src/nn/math/init';
import type { MlpSpec } from '../src/nn/spec';
import { createTfMlp } from '../src/nn/tf/model';
import { createTfOptimizer } from '../src/nn/tf/optimizer';
import { mnistSource } from '../src/nn/tf/mnist-source';
import { yieldToBrowser } from '../src/nn/tf/yield';

setWasmPaths(new URL('./', location.href).href);
const spec: MlpSpec = {
  inputSize: 784,
  layers: [
    { units: 128, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categoricalCrossEntropy',
};
const get = async (n: string) => new Uint8Array(await (await fetch(n)).arrayBuffer());

Object.assign(window, {
  async profile({ backend, steps, readEvery }: { backend: string; steps: number; readEvery: number }) {
    await tf.setBackend(backend);
    await tf.ready();
    const set = readMnistPair(await get('train-images'), await get('train-labels'));
    const source = mnistSource(set);
    const model = createTfMlp(tf, spec, initWeights(spec, createRng(2), 'he'));
    const opt = createTfOptimizer(tf, { name: 'adam', learningRate: 1e-3, epsilon: 1e-7 });
    const x = new Float32Array(128 * 784);
    const y = new Float32Array(128 * 10);
    const t = { fill: 0, upload: 0, grads: 0, opt: 0, read: 0, yield: 0 };
    const vars = model.variables as tf.Variable[];
    const pend: tf.Tensor[] = [];
    let start = 0;
    for (let s = -10; s < steps; s++) {
      if (s === 0) {
        for (const k in t) t[k as keyof typeof t] = 0;
        start = performance.now();
      }
      const rows = Array.from({ length: 128 }, (_, i) => (s + 10) * 128 + i);
      let t0 = performance.now();
      source.fill(rows, x, y);
      let t1 = performance.now();
      t.fill += t1 - t0;
      const loss = tf.tidy(() => {
        t0 = performance.now();
        const xt = tf.tensor2d(x, [128, 784]);
        const yt = tf.tensor2d(y, [128, 10]);
        t1 = performance.now();
        t.upload += t1 - t0;
        const { value, grads } = tf.variableGrads(() => model.lossTensor(xt, yt, { constantInput: true }), vars);
        const t2 = performance.now();
        t.grads += t2 - t1;
        opt.step(
          vars,
          vars.map((v) => grads[v.name]!),
        );
        t.opt += performance.now() - t2;
        return value;
      });
      t0 = performance.now();
      pend.push(loss);
      if (pend.length >= readEvery || s === steps - 1 || s === -1) {
        const all = tf.stack(pend);
        await all.data();
        tf.dispose([all, ...pend]);
        pend.length = 0;
      }
      t1 = performance.now();
      t.read += t1 - t0;
      await yieldToBrowser();
      t.yield += performance.now() - t1;
    }
    const total = (performance.now() - start) / steps;
    const perStep = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, +(v / steps).toFixed(3)]));
    perStep.total = +total.toFixed(3);
    // kernels of one step
    const rows = Array.from({ length: 128 }, (_, i) => i);
    source.fill(rows, x, y);
    const prof = await tf.profile(() => {
      const l = tf.tidy(() => {
        const xt = tf.tensor2d(x, [128, 784]);
        const yt = tf.tensor2d(y, [128, 10]);
        const { value, grads } = tf.variableGrads(() => model.lossTensor(xt, yt, { constantInput: true }), vars);
        opt.step(
          vars,
          vars.map((v) => grads[v.name]!),
        );
        return value;
      });
      l.dispose();
    });
    const kernels = prof.kernels.map(
      (k) => `${k.name} ${JSON.stringify(k.inputShapes)} ${(k.kernelTimeMs as number).toFixed?.(3)}`,
    );
    return { perStep, nKernels: prof.kernels.length, kernels };
  },
});
