/**
 * Where `loadTf` tells the wasm backend to fetch its .wasm files, for each `wasmFiles` option.
 * The backend is reduced here to `setWasmPaths` (it never registers, so each load falls back to
 * plain JS and nothing is fetched). Under vitest, Vite's `?url` imports are root-relative
 * `/node_modules/…` paths, as the built site's are `/<base>/_astro/…`.
 */
import { describe, expect, test, vi } from 'vitest';
import type { Capabilities } from '../../../../src/nn/tf/backend';
import { loadTf } from '../../../../src/nn/tf/load';

const { setWasmPaths } = vi.hoisted(() => ({ setWasmPaths: vi.fn() }));
vi.mock('@tensorflow/tfjs-backend-wasm', () => ({ setWasmPaths }));

const FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
const probe = () => Promise.resolve<Capabilities>({ webgpu: 'none', webgl: 'none', wasm: true });

/** The one map handed to setWasmPaths by a load with these options. */
async function pathsFor(options: Parameters<typeof loadTf>[3]): Promise<Record<string, string> | undefined> {
  setWasmPaths.mockClear();
  const { backend } = await loadTf('wasm', probe, undefined, options);
  expect(backend.name).toBe('cpu');
  expect(setWasmPaths.mock.calls.length).toBeLessThanOrEqual(1);
  return setWasmPaths.mock.calls[0]?.[0] as Record<string, string> | undefined;
}

describe('loadTf: the .wasm files', () => {
  test('by default, the paths Vite emitted, root-relative (a page, or a worker of its origin)', async () => {
    const paths = await pathsFor(undefined);
    expect(Object.keys(paths!)).toEqual(FILES);
    for (const name of FILES) expect(paths![name]).toMatch(new RegExp(`^/[^/].*/${name.replace(/\./g, '\\.')}$`));
  });

  test('with a site base, absolute URLs under it (a worker in an opaque-origin frame)', async () => {
    const root = await pathsFor(undefined);
    const siteBase = 'https://cours.example/';
    const paths = await pathsFor({ wasmFiles: { siteBase } });
    expect(Object.keys(paths!)).toEqual(FILES);
    for (const name of FILES) {
      expect(paths![name]).toBe(`https://cours.example${root![name]}`);
      expect(paths![name]!.startsWith(siteBase)).toBe(true);
    }
  });

  test('from node_modules: no paths set, the backend finds its own files (Node)', async () => {
    expect(await pathsFor({ wasmFiles: 'node_modules' })).toBeUndefined();
  });
});
