/**
 * tfjs's .wasm files as the site serves them (emitted by Vite, base path included), made
 * absolute against the site's base URL. Browser build only (`?url` is Vite's).
 */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export function wasmUrls(siteBase: string): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(wasmPlain, siteBase).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, siteBase).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedSimd, siteBase).href,
  };
}
