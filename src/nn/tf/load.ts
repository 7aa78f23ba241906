/**
 * Loads TensorFlow.js and the chosen backend on demand (dynamic import: a chapter that is only
 * read never downloads it), reporting progress in stages. Browser only (it loads the .wasm
 * files by URL), but DOM-free: what the browser offers comes from the caller's probe
 * (`islands/shared/tf-probe.ts`).
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

async function registerBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The .wasm files are emitted by Vite with the site (base path included): no CDN.
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
    });
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
 * loads tfjs and that backend, and falls back down the list if it fails to start.
 */
export async function loadTf(
  request: BackendRequest,
  probe: () => Promise<Capabilities>,
  onProgress: (p: LoadProgress) => void = () => {},
): Promise<{ tf: Tf; backend: BackendChoice }> {
  onProgress({ stage: 'Détection de la carte graphique…', fraction: 0.05 });
  const choice = pickBackend(await probe(), request);
  onProgress({ stage: 'Téléchargement de TensorFlow.js…', fraction: 0.15 });
  const tf = await importTf();
  const failures: string[] = [];
  for (const name of [choice.name, ...fallbackAfter[choice.name]]) {
    onProgress({ stage: `Démarrage du moteur ${backendLabels[name]}…`, fraction: 0.75 });
    try {
      await registerBackend(name);
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
