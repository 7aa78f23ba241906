/**
 * `loadFastEngine()`, as the reader calls it: TensorFlow.js, downloaded only when code asks for
 * it, loaded by the islands' own loader (`loadTf`, src/nn/tf/load.ts) under the policy of
 * `pickBackend`: WebGPU when a real GPU adapter exists, else WASM, else plain JS. This file only
 * says what the worker offers and where the .wasm files are: against `siteBase`, an absolute URL,
 * because the worker may run from a sandboxed (opaque-origin) frame where a root-relative path
 * leads nowhere; in Node (no siteBase) the wasm backend reads its files from node_modules, as the
 * unit tests and doc-tests do. No loading progress: a block's output is only what it prints.
 */
import type { Capabilities } from '../nn/index';
import type { Tf } from '../nn/tf/index';

interface GpuLike {
  requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null>;
}

async function probeWebGpu(): Promise<Capabilities['webgpu']> {
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

/** What this worker (or Node process) offers. */
async function probe(): Promise<Capabilities> {
  // WebGL is not offered: a worker has no canvas to probe it with.
  return { webgpu: await probeWebGpu(), webgl: 'none', wasm: typeof WebAssembly === 'object' };
}

let loaded: Promise<Tf> | null = null;

/** The reader's `loadFastEngine`: one engine per worker (or Node process), loaded once. */
export function makeLoadFastEngine(siteBase: string | undefined): () => Promise<Tf> {
  return function loadFastEngine() {
    loaded ??= (async () => {
      const { loadTf } = await import('../nn/tf/index');
      const { tf } = await loadTf('auto', probe, undefined, {
        wasmFiles: siteBase ? { siteBase } : 'node_modules',
      });
      return tf;
    })();
    // A failure lets the next call try again.
    loaded.catch(() => (loaded = null));
    return loaded;
  };
}
