/**
 * The backend policy, as pure logic (tested in Node): prefer a real GPU — WebGPU when its
 * adapter is not a fallback (software) adapter, then WebGL when its renderer is not a software
 * one (SwiftShader, llvmpipe) — otherwise WASM, then CPU. Software GPUs are slower than WASM
 * on a CPU (measured in DESIGN.md), so they are used only when explicitly asked for.
 */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
export type BackendRequest = BackendName | 'auto';
/** Les moteurs de calcul de TensorFlow.js. */
export const backendNames: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/** Les choix de moteur possibles, `auto` compris. */
export const backendRequests: readonly BackendRequest[] = ['auto', ...backendNames];

/** What the browser offers: for GPU APIs, whether there is one and whether it is a real GPU. */
export interface Capabilities {
  readonly webgpu: 'hardware' | 'software' | 'none';
  readonly webgl: 'hardware' | 'software' | 'none';
  readonly wasm: boolean;
}

export interface BackendChoice {
  readonly name: BackendName;
  /** French explanation shown to the reader. */
  readonly reason: string;
}

/** Les noms affichés des moteurs. */
export const backendLabels: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly (processeur)',
  cpu: 'JavaScript (processeur)',
};

/**
 * Dit si un rendu WebGL est logiciel.
 *
 * A WebGL renderer string that names a software rasteriser.
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

function available(caps: Capabilities, name: BackendName): boolean {
  if (name === 'webgpu') return caps.webgpu !== 'none';
  if (name === 'webgl') return caps.webgl !== 'none';
  if (name === 'wasm') return caps.wasm;
  return true;
}

/** Choisit le moteur de calcul. */
export function pickBackend(caps: Capabilities, request: BackendRequest): BackendChoice {
  if (request !== 'auto') {
    if (available(caps, request)) {
      const soft =
        (request === 'webgpu' && caps.webgpu === 'software') || (request === 'webgl' && caps.webgl === 'software');
      return {
        name: request,
        reason: soft
          ? `${backendLabels[request]} demandé\u00a0: ici, il est émulé par le processeur (pas de vraie carte graphique), donc lent.`
          : `${backendLabels[request]} demandé.`,
      };
    }
    const fallback = pickBackend(caps, 'auto');
    return {
      name: fallback.name,
      reason: `${backendLabels[request]} n’est pas disponible dans ce navigateur. ${fallback.reason}`,
    };
  }
  if (caps.webgpu === 'hardware') return { name: 'webgpu', reason: 'Carte graphique détectée\u00a0: WebGPU.' };
  if (caps.webgl === 'hardware')
    return { name: 'webgl', reason: 'Carte graphique détectée, sans WebGPU\u00a0: WebGL.' };
  if (caps.wasm)
    return {
      name: 'wasm',
      reason: 'Pas de carte graphique utilisable\u00a0: calcul sur le processeur avec WebAssembly, le plus rapide ici.',
    };
  return { name: 'cpu', reason: 'Ni carte graphique ni WebAssembly\u00a0: calcul en JavaScript, plus lent.' };
}
