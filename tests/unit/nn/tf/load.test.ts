/**
 * `loadTf`, the fast engine's one loader, in Node: the wasm backend from node_modules, progress
 * in stages, and a fallback that skips the backends the probe found missing.
 */
import { describe, expect, test } from 'vitest';
import type { Capabilities } from '../../../../src/nn/tf/backend';
import { loadTf, type LoadProgress } from '../../../../src/nn/tf/load';

const probe = (caps: Capabilities) => () => Promise.resolve(caps);

describe('loadTf in Node', () => {
  test('auto without a GPU: WebAssembly, its files read from node_modules, progress up to « Prêt »', async () => {
    const stages: LoadProgress[] = [];
    const { tf, backend } = await loadTf(
      'auto',
      probe({ webgpu: 'none', webgl: 'none', wasm: true }),
      (p) => stages.push(p),
      { wasmFiles: 'node_modules' },
    );
    expect(backend.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(Array.from(tf.add(tf.tensor([1, 2]), 1).dataSync())).toEqual([2, 3]);
    expect(stages.map((s) => s.stage)).toEqual([
      'Détection de la carte graphique…',
      'Téléchargement de TensorFlow.js…',
      'Démarrage du moteur WebAssembly (processeur)…',
      'Prêt',
    ]);
    expect(stages.map((s) => s.fraction)).toEqual([...stages.map((s) => s.fraction)].sort((a, b) => a - b));
    expect(stages.at(-1)!.fraction).toBe(1);
  });

  test('a backend that fails falls back, skipping those the probe found missing (WebGL here)', async () => {
    const stages: string[] = [];
    const { tf, backend } = await loadTf(
      'auto',
      probe({ webgpu: 'hardware', webgl: 'none', wasm: true }),
      (p) => stages.push(p.stage),
      { wasmFiles: 'node_modules' },
    );
    expect(backend.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    // No WebGPU in Node: it fails, and WebGL, next on the list, is not tried (the probe said 'none').
    expect(stages).toEqual([
      'Détection de la carte graphique…',
      'Téléchargement de TensorFlow.js…',
      'Démarrage du moteur WebGPU…',
      'Démarrage du moteur WebAssembly (processeur)…',
      'Prêt',
    ]);
    expect(backend.reason).toMatch(/^WebGPU n’a pas pu démarrer \(.+\)\. Repli sur WebAssembly \(processeur\)\.$/);
  });
});
