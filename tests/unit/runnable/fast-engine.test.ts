/**
 * The code blocks' `loadFastEngine` is a thin wrapper over the islands' loader: it goes through
 * `loadTf` (spied on here, doing its real work) with the worker's capabilities, hands the wasm
 * backend absolute URLs under the site's base, loads one engine per worker, and lets a failed
 * load be tried again. The wasm backend is reduced to `setWasmPaths` (it never registers, so the
 * load falls back to plain JS and nothing is fetched from the made-up site).
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type * as Load from '../../../src/nn/tf/load';

const { loadTf, setWasmPaths } = vi.hoisted(() => ({ loadTf: vi.fn(), setWasmPaths: vi.fn() }));
vi.mock('../../../src/nn/tf/load', async (importOriginal) => {
  const actual = await importOriginal<typeof Load>();
  loadTf.mockImplementation(actual.loadTf);
  return { ...actual, loadTf };
});
vi.mock('@tensorflow/tfjs-backend-wasm', () => ({ setWasmPaths }));

/** A fresh fast-engine module: its one engine per worker starts unloaded. */
async function freshLoader(siteBase: string | undefined) {
  vi.resetModules();
  const { makeLoadFastEngine } = await import('../../../src/runnable/fast-engine');
  return makeLoadFastEngine(siteBase);
}

// The built site's .wasm paths carry its base (`/<base>/_astro/…`); under vitest they are
// `/node_modules/…`, so the made-up site sits at the root of its origin.
const SITE = 'https://cours.example/';

describe('loadFastEngine', () => {
  beforeEach(() => {
    loadTf.mockClear();
    setWasmPaths.mockClear();
  });

  test('goes through loadTf, auto, with what a worker offers (no WebGL probe), without progress', async () => {
    const tf = await (await freshLoader(SITE))();
    expect(loadTf).toHaveBeenCalledTimes(1);
    const [request, probe, onProgress, options] = loadTf.mock.calls[0]!;
    expect(request).toBe('auto');
    expect(await probe()).toEqual({ webgpu: 'none', webgl: 'none', wasm: true });
    expect(onProgress).toBeUndefined();
    expect(options).toEqual({ wasmFiles: { siteBase: SITE } });
    // WebAssembly chosen, its backend missing here: the fallback is loadTf's.
    expect(tf.getBackend()).toBe('cpu');
  });

  test('hands the wasm backend absolute URLs under the site base', async () => {
    await (
      await freshLoader(SITE)
    )();
    expect(setWasmPaths).toHaveBeenCalledTimes(1);
    const paths = setWasmPaths.mock.calls[0]![0] as Record<string, string>;
    expect(Object.keys(paths)).toEqual([
      'tfjs-backend-wasm.wasm',
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
    ]);
    for (const [name, url] of Object.entries(paths)) {
      expect(url.startsWith(SITE), url).toBe(true);
      expect(new URL(url).pathname.endsWith(`/${name}`), url).toBe(true);
    }
  });

  test('in Node (no site base), leaves the wasm files to node_modules', async () => {
    await (
      await freshLoader(undefined)
    )();
    expect(loadTf.mock.calls[0]![3]).toEqual({ wasmFiles: 'node_modules' });
    expect(setWasmPaths).not.toHaveBeenCalled();
  });

  test('loads one engine per worker, and a failed load is tried again on the next call', async () => {
    const loadFastEngine = await freshLoader(SITE);
    loadTf.mockRejectedValueOnce(new Error('réseau coupé'));
    await expect(loadFastEngine()).rejects.toThrow('réseau coupé');
    const tf = await loadFastEngine();
    expect(await loadFastEngine()).toBe(tf);
    expect(loadTf).toHaveBeenCalledTimes(2);
  });
});
