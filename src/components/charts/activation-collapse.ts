/**
 * Chapter 6's experiment on initialisation, computed at build time with the reference engine:
 * a batch of 100 random inputs through 10 tanh layers of 500 units, once with weights
 * 0.01·N(0, 1) and once with Xavier's; the standard deviation of each layer's activations.
 * Memoised: the chart and the chapter's prose share one computation (about half a second).
 */
import { createRng, initWeights, forward, type MlpSpec } from '../../nn';

export const COLLAPSE_SETUP = { examples: 100, units: 500, layers: 10, seed: 6 } as const;

export type CollapseScheme = 'tiny' | 'xavier';

function std(data: Float64Array): number {
  let mean = 0;
  for (const v of data) mean += v;
  mean /= data.length;
  let s = 0;
  for (const v of data) s += (v - mean) ** 2;
  return Math.sqrt(s / data.length);
}

/** The standard deviation of the inputs, then of each layer's activations (layers + 1 numbers). */
export function layerStds(scheme: CollapseScheme, setup = COLLAPSE_SETUP): number[] {
  const { examples, units, layers, seed } = setup;
  const spec: MlpSpec = {
    inputSize: units,
    layers: Array.from({ length: layers }, () => ({ units, activation: 'tanh' as const })),
    loss: 'mse',
  };
  const inputs = createRng(seed);
  const data = new Float64Array(examples * units);
  for (let i = 0; i < data.length; i++) data[i] = inputs.normal();
  const weights = initWeights(spec, createRng(seed + 1), scheme);
  return forward(spec, weights, { rows: examples, cols: units, data }).A.map((a) => std(a.data));
}

let cache: Record<CollapseScheme, number[]> | null = null;

/** Both runs, computed once per build. */
export function activationCollapse(): Record<CollapseScheme, number[]> {
  cache ??= { tiny: layerStds('tiny'), xavier: layerStds('xavier') };
  return cache;
}
