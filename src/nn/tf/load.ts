/**
 * Loads TensorFlow.js and the chosen backend on demand (dynamic import: a chapter that is only
 * read never downloads it), reporting progress in stages: the one loader of the fast engine, for
 * the islands' training workers (`src/training/session.ts`) and the code blocks' worker
 * (`src/runnable/fast-engine.ts`). DOM-free: what the browser offers comes from the caller's
 * probe (`islands/shared/tf-probe.ts` on a page, a WebGPU adapter request in the code blocks'
 * worker).
 */
import {
  backendLabels,
  pickBackend,
  type BackendChoice,
  type BackendName,
  type BackendRequest,
  type Capabilities,
} from './backend';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type Tf = typeof import('@tensorflow/tfjs');

export interface LoadProgress {
  /** French description of the current stage. */
  readonly stage: string;
  /** 0 … 1 */
  readonly fraction: number;
}

let tfPromise: Promise<Tf> | null = null;
/** tfjs itself is loaded once per page, whichever island asks first. */
function importTf(): Promise<Tf> {
  tfPromise ??= import('@tensorflow/tfjs');
  return tfPromise;
}

/**
 * Where the wasm backend fetches its three .wasm files (emitted by Vite with the site, base path
 * included: no CDN).
 * - 'site': the paths as Vite wrote them, root-relative: a page, or a worker of the page's origin.
 * - `{ siteBase }`: the same files as absolute URLs against the site's base, for a worker that may
 *   run in a sandboxed, opaque-origin frame, where a root-relative path leads nowhere.
 * - 'node_modules': left to the backend, which in Node reads them from node_modules (the
 *   doc-tests; under vitest the `?url` imports are `/node_modules/…`, a path from the web root).
 */
export type WasmFiles = 'site' | { readonly siteBase: string } | 'node_modules';

export interface LoadTfOptions {
  /** Default 'site'. */
  readonly wasmFiles?: WasmFiles;
}

/** The paths handed to `setWasmPaths`, or null: the backend's own (node_modules in Node). */
function wasmPaths(files: WasmFiles): Record<string, string> | null {
  if (files === 'node_modules') return null;
  const at = (url: string) => (files === 'site' ? url : new URL(url, files.siteBase).href);
  return {
    'tfjs-backend-wasm.wasm': at(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': at(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': at(wasmThreadedSimd),
  };
}

async function registerBackend(name: BackendName, files: WasmFiles): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const paths = wasmPaths(files);
    if (paths) wasm.setWasmPaths(paths);
  }
}

/** Order tried after a failure to initialise `name`. */
const fallbackAfter: Record<BackendName, BackendName[]> = {
  webgpu: ['webgl', 'wasm', 'cpu'],
  webgl: ['wasm', 'cpu'],
  wasm: ['cpu'],
  cpu: [],
};

/**
 * Probes the browser with `probe`, picks a backend by the policy (or the reader's request),
 * loads tfjs and that backend, and falls back down the list if it fails to start, skipping the
 * backends the probe found missing (a worker that cannot probe WebGL says 'none': not tried).
 */
export async function loadTf(
  request: BackendRequest,
  probe: () => Promise<Capabilities>,
  onProgress: (p: LoadProgress) => void = () => {},
  options: LoadTfOptions = {},
): Promise<{ tf: Tf; backend: BackendChoice }> {
  onProgress({ stage: 'Détection de la carte graphique…', fraction: 0.05 });
  const caps = await probe();
  const choice = pickBackend(caps, request);
  // pickBackend keeps an explicit request only when the probe found it available
  const available = (name: BackendName) => pickBackend(caps, name).name === name;
  onProgress({ stage: 'Téléchargement de TensorFlow.js…', fraction: 0.15 });
  const tf = await importTf();
  const failures: string[] = [];
  for (const name of [choice.name, ...fallbackAfter[choice.name].filter(available)]) {
    onProgress({ stage: `Démarrage du moteur ${backendLabels[name]}…`, fraction: 0.75 });
    try {
      await registerBackend(name, options.wasmFiles ?? 'site');
      if (await tf.setBackend(name)) {
        await tf.ready();
        onProgress({ stage: 'Prêt', fraction: 1 });
        const reason =
          failures.length === 0 ? choice.reason : `${failures.join(' ')} Repli sur ${backendLabels[name]}.`;
        return { tf, backend: { name, reason } };
      }
      failures.push(`${backendLabels[name]} n’a pas pu démarrer.`);
    } catch (e) {
      failures.push(`${backendLabels[name]} n’a pas pu démarrer (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  throw new Error(`Aucun moteur de calcul n’a pu démarrer. ${failures.join(' ')}`);
}
