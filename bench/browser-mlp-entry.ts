/**
 * The page of the browser bench (bundled by browser-mlp.mjs): the same two trainings as the
 * Node bench (mlp-core.ts), on the WASM backend, one thread (no cross-origin isolation, as on
 * the site). The .wasm files are served next to this script.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { benchMlp } from './mlp-core';

setWasmPaths(new URL('./', location.href).href);

Object.assign(window, {
  async runMlpBench(backend: string) {
    if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} unavailable`);
    await tf.ready();
    const rows = await benchMlp(tf, 10_000, 2);
    return { rows, simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'), threads: crossOriginIsolated };
  },
});
