/**
 * Probes what this browser offers, without loading TensorFlow.js: a WebGPU adapter (and
 * whether it is a fallback/software one), a WebGL renderer (and whether it is software, read
 * from a throwaway canvas), WebAssembly. Browser only: it touches the DOM, so it lives with the
 * islands rather than in src/nn, and is handed to `loadTf`, which applies the policy of
 * `nn/tf/backend.ts` to what it finds.
 */
import { isSoftwareRenderer, type Capabilities } from '../../../nn';

interface GpuAdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { readonly isFallbackAdapter?: boolean };
}
interface NavigatorWithGpu {
  readonly gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> };
}

async function probeWebGpu(): Promise<Capabilities['webgpu']> {
  const gpu = (navigator as NavigatorWithGpu).gpu;
  if (!gpu) return 'none';
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return 'none';
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    return fallback ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

function probeWebGl(): Capabilities['webgl'] {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!gl) return 'none';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return isSoftwareRenderer(renderer) ? 'software' : 'hardware';
  } catch {
    return 'none';
  }
}

export async function probeCapabilities(): Promise<Capabilities> {
  return {
    webgpu: await probeWebGpu(),
    webgl: probeWebGl(),
    wasm: typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function',
  };
}
