/** The engine menu every TensorFlow.js island offers: "Automatique" first, then each backend by name. */
import { backendLabels, type BackendRequest } from '../../../nn';

export const backendMenu: readonly { value: BackendRequest; label: string }[] = [
  { value: 'auto', label: 'Automatique (recommandé)' },
  { value: 'webgpu', label: backendLabels.webgpu },
  { value: 'webgl', label: backendLabels.webgl },
  { value: 'wasm', label: backendLabels.wasm },
  { value: 'cpu', label: backendLabels.cpu },
];
