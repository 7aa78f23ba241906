/**
 * The page of the MNIST bench (run by mnist.bench.ts through browser.mjs): reads the raw IDX
 * files the bench server serves, then runs mnist-core.ts's trainings on one backend. WASM runs
 * on one thread (no cross-origin isolation, as on the site); WebGPU is Chromium's software one.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readMnistPair } from '../src/nn/data/mnist';
import { benchMnist, type MnistBenchOptions, type MnistBenchRow } from './mnist-core';

setWasmPaths(new URL('./', location.href).href);

const bytes = async (name: string) => new Uint8Array(await (await fetch(name)).arrayBuffer());

export interface MnistBenchResult {
  readonly rows: MnistBenchRow[];
  readonly backend: string;
  readonly simd?: boolean;
  readonly fallbackAdapter?: boolean;
}

Object.assign(window, {
  async runMnistBench({
    backend,
    options,
  }: {
    backend: string;
    options: MnistBenchOptions;
  }): Promise<MnistBenchResult> {
    if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} unavailable`);
    await tf.ready();
    const train = readMnistPair(await bytes('train-images'), await bytes('train-labels'));
    const test = readMnistPair(await bytes('test-images'), await bytes('test-labels'));
    const rows = await benchMnist(tf, train, test, options);
    const simd = backend === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : undefined;
    const adapter = backend === 'webgpu' ? await navigator.gpu?.requestAdapter() : undefined;
    return { rows, backend, simd, fallbackAdapter: adapter?.info?.isFallbackAdapter };
  },
});
