/**
 * The deep network of the "Gradients qui s’évanouissent" island: the chunked pass equals the
 * engine's full-batch backward; with sigmoid and 0.01·N(0, 1) the first layer's gradient is
 * orders of magnitude below the output layer's, with ReLU and He it is not; "N(0, 1)" explodes.
 */
import { describe, expect, it } from 'vitest';
import { backward, forward } from '../../../../src/nn';
import {
  BATCH,
  deepPass,
  deepSetup,
  HIDDEN_LAYERS,
  histogram,
  histogramRange,
  logDomain,
  runDeepPass,
  type DeepSettings,
} from '../../../../src/components/islands/gradients/deep-net';

const ratio = (s: DeepSettings) => {
  const r = runDeepPass(s, 32);
  return r.layers[0]!.gradNorm / r.layers[HIDDEN_LAYERS]!.gradNorm;
};
const seeds = [1, 2, 3, 4, 5];

describe('deepPass', () => {
  it('in chunks, gives the engine’s full-batch gradients and loss', () => {
    const settings: DeepSettings = { act: 'tanh', init: 'xavier', width: 32, seed: 9 };
    const { spec, weights, X, Y } = deepSetup(settings);
    const g = backward(spec, weights, forward(spec, weights, X), Y);
    const r = runDeepPass(settings, 7); // 7 does not divide 128: a short last chunk
    expect(r.loss).toBeCloseTo(g.loss, 12);
    r.dW.forEach((m, l) =>
      m.data.forEach((v, i) =>
        expect(v).toBeCloseTo(g.dW[l]!.data[i]!, 12 - Math.max(0, Math.ceil(Math.log10(Math.abs(v) + 1e-300)))),
      ),
    );
    expect(r.layers).toHaveLength(HIDDEN_LAYERS + 1);
    expect(r.layers[0]!.activations).toHaveLength(BATCH * 32);
  });

  it('yields its progress chunk by chunk, up to the whole batch', () => {
    const it = deepPass({ act: 'relu', init: 'he', width: 32, seed: 1 }, 50);
    const seen: number[] = [];
    for (let r = it.next(); !r.done; r = it.next()) seen.push(r.value.done);
    expect(seen).toEqual([50, 100, BATCH]);
  });

  it('is the same for the same settings, and differs with the seed', () => {
    const a = runDeepPass({ act: 'relu', init: 'he', width: 32, seed: 4 });
    const b = runDeepPass({ act: 'relu', init: 'he', width: 32, seed: 4 });
    const c = runDeepPass({ act: 'relu', init: 'he', width: 32, seed: 5 });
    expect(a.layers.map((l) => l.gradNorm)).toEqual(b.layers.map((l) => l.gradNorm));
    expect(a.layers[0]!.gradNorm).not.toBe(c.layers[0]!.gradNorm);
  });
});

describe.each([32, 64])('what the island shows, width %i', (width) => {
  it.each(seeds)('sigmoid + 0.01·N(0, 1): ‖dW₁‖/‖dW_sortie‖ < 1e-9 (seed %i)', (seed) => {
    expect(ratio({ act: 'sigmoid', init: 'tiny', width, seed })).toBeLessThan(1e-9);
  });
  it.each(seeds)('ReLU + He: within a factor 100 (seed %i)', (seed) => {
    const r = ratio({ act: 'relu', init: 'he', width, seed });
    expect(r).toBeGreaterThan(1e-2);
    expect(r).toBeLessThan(1e2);
  });
  it.each(seeds)('tanh + 0.01·N(0, 1): the activations collapse layer after layer (seed %i)', (seed) => {
    const r = runDeepPass({ act: 'tanh', init: 'tiny', width, seed });
    expect(r.layers[HIDDEN_LAYERS - 1]!.std / r.layers[0]!.std).toBeLessThan(1e-6);
  });
  it.each(seeds)('ReLU + N(0, 1): the activations explode (seed %i)', (seed) => {
    const r = runDeepPass({ act: 'relu', init: 'grand', width, seed });
    expect(r.layers[HIDDEN_LAYERS - 1]!.std / r.layers[0]!.std).toBeGreaterThan(1e4);
  });
});

describe('histograms and axes', () => {
  it('counts values in equal bins, clamping the outside ones into the end bins', () => {
    expect(histogram([0, 0.1, 0.5, 0.99, 1, -3, 7], 0, 1, 4)).toEqual([3, 0, 1, 3]);
  });
  it('uses the activation’s range when it is bounded, the data’s otherwise', () => {
    expect(histogramRange('sigmoid', [])).toEqual([0, 1]);
    expect(histogramRange('tanh', [])).toEqual([-1, 1]);
    const layers = [{ activations: Float64Array.of(0, 2.5, 0.1), std: 1, gradNorm: 1 }];
    expect(histogramRange('relu', layers)).toEqual([0, 2.5]);
  });
  it('spans whole decades around every positive norm and 10⁰', () => {
    expect(logDomain([3e-14, 2e-3, 0.5])).toEqual([-14, 0]);
    expect(logDomain([0.5, 40])).toEqual([-1, 2]);
    expect(logDomain([0, Infinity])).toEqual([0, 0]);
  });
});
