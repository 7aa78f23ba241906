import { describe, expect, it } from 'vitest';
import {
  backendLabels,
  backendNames,
  backendRequests,
  isSoftwareRenderer,
  pickBackend,
  type BackendName,
  type BackendRequest,
  type Capabilities,
} from '../../../../src/nn/tf/backend';

const caps = (webgpu: Capabilities['webgpu'], webgl: Capabilities['webgl'], wasm: boolean): Capabilities => ({
  webgpu,
  webgl,
  wasm,
});

describe('pickBackend, automatic choice', () => {
  it.each<[string, Capabilities, BackendName]>([
    ['hardware WebGPU', caps('hardware', 'hardware', true), 'webgpu'],
    ['hardware WebGPU, nothing else', caps('hardware', 'none', false), 'webgpu'],
    ['software WebGPU + hardware WebGL', caps('software', 'hardware', true), 'webgl'],
    ['no WebGPU + hardware WebGL', caps('none', 'hardware', false), 'webgl'],
    ['software both + wasm', caps('software', 'software', true), 'wasm'],
    ['no GPU + wasm', caps('none', 'none', true), 'wasm'],
    ['software both, no wasm', caps('software', 'software', false), 'cpu'],
    ['nothing', caps('none', 'none', false), 'cpu'],
  ])('%s → %s', (_, c, expected) => {
    const choice = pickBackend(c, 'auto');
    expect(choice.name).toBe(expected);
    expect(choice.reason.length).toBeGreaterThan(10);
  });
});

describe('pickBackend, explicit request', () => {
  const everything = caps('software', 'software', true);

  it.each(backendNames)('%s is honoured when available, even if emulated', (name) => {
    const choice = pickBackend(everything, name);
    expect(choice.name).toBe(name);
    expect(choice.reason).toContain(backendLabels[name]);
    const emulated = name === 'webgpu' || name === 'webgl';
    expect(choice.reason.includes('émulé')).toBe(emulated);
  });

  it.each(['webgpu', 'webgl'] as const)('%s on real hardware is not called emulated', (name) => {
    const choice = pickBackend(caps('hardware', 'hardware', true), name);
    expect(choice.name).toBe(name);
    expect(choice.reason).not.toContain('émulé');
  });

  it.each<[BackendRequest, Capabilities, BackendName]>([
    ['webgpu', caps('none', 'hardware', true), 'webgl'],
    ['webgpu', caps('none', 'software', true), 'wasm'],
    ['webgl', caps('software', 'none', true), 'wasm'],
    ['webgl', caps('hardware', 'none', false), 'webgpu'],
    ['wasm', caps('none', 'none', false), 'cpu'],
    ['wasm', caps('none', 'hardware', false), 'webgl'],
  ])('%s unavailable falls back to the automatic choice', (request, c, expected) => {
    const choice = pickBackend(c, request);
    expect(choice.name).toBe(expected);
    expect(choice.name).toBe(pickBackend(c, 'auto').name);
    expect(choice.reason).toContain(backendLabels[request as BackendName]);
    expect(choice.reason).toMatch(/pas disponible/);
    expect(choice.reason).toContain(pickBackend(c, 'auto').reason);
  });

  it('cpu is always available', () => {
    expect(pickBackend(caps('none', 'none', false), 'cpu').name).toBe('cpu');
  });

  it('every request has a result for every combination of capabilities', () => {
    const levels = ['hardware', 'software', 'none'] as const;
    for (const gpu of levels)
      for (const gl of levels)
        for (const wasm of [true, false])
          for (const request of backendRequests) {
            const choice = pickBackend(caps(gpu, gl, wasm), request);
            expect(backendNames).toContain(choice.name);
            expect(backendLabels[choice.name]).toBeDefined();
          }
  });
});

describe('isSoftwareRenderer', () => {
  it.each<[string, boolean]>([
    ['Google SwiftShader', true],
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.7, 256 bits)', true],
    ['softpipe', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA GeForce RTX 3060)', false],
    ['ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M2', false],
    ['Mali-G78', false],
  ])('%s → %s', (renderer, expected) => {
    expect(isSoftwareRenderer(renderer)).toBe(expected);
  });
});
