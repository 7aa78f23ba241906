/**
 * `loadFastEngine()`, as the reader calls it: TensorFlow.js, downloaded only when code asks for
 * it, on WebGPU when a real GPU adapter exists, else WASM, else plain JS (the policy of
 * `pickBackend`). WebGL is not offered: a worker has no canvas to probe it with.
 * The .wasm files are resolved against `siteBase`, an absolute URL, because the worker may run
 * from a sandboxed (opaque-origin) frame where a root-relative path leads nowhere. In Node (no
 * siteBase) the wasm backend reads its files from node_modules, as the unit tests do.
 */
import { pickBackend, type BackendName } from '../nn/index';
import type { Tf } from '../nn/tf/index';

interface GpuLike {
  requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null>;
}

async function probeWebGpu(): Promise<'hardware' | 'software' | 'none'> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return 'none';
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return 'none';
    return (adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

async function register(tf: Tf, name: BackendName, siteBase: string | undefined): Promise<boolean> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (siteBase) {
      const { wasmUrls } = await import('./wasm-urls');
      wasm.setWasmPaths(wasmUrls(siteBase));
    }
  }
  return tf.setBackend(name);
}

let loaded: Promise<Tf> | null = null;

/** The reader's `loadFastEngine`: one engine per worker (or Node process), loaded once. */
export function makeLoadFastEngine(siteBase: string | undefined): () => Promise<Tf> {
  return function loadFastEngine() {
    loaded ??= (async () => {
      const tf = await import('@tensorflow/tfjs');
      const choice = pickBackend(
        { webgpu: await probeWebGpu(), webgl: 'none', wasm: typeof WebAssembly === 'object' },
        'auto',
      );
      const order: BackendName[] =
        choice.name === 'webgpu' ? ['webgpu', 'wasm', 'cpu'] : choice.name === 'wasm' ? ['wasm', 'cpu'] : ['cpu'];
      for (const name of order) {
        try {
          if (await register(tf, name, siteBase)) {
            await tf.ready();
            return tf;
          }
        } catch {
          // Try the next backend.
        }
      }
      throw new Error('Aucun moteur de calcul n’a pu démarrer.');
    })();
    loaded.catch(() => (loaded = null));
    return loaded;
  };
}
