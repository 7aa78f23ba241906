/**
 * The two small networks of the "Rétropropagation pas à pas" island and of chapter 6, as
 * src/nn specs with their weights, built from plain named numbers (the island's fields):
 * - `chaine`: x → one sigmoid neuron → one sigmoid output, L = ½(ŷ − y)²;
 * - `large`: (x₁, x₂) → two sigmoid neurons → one linear output, L = ½(ŷ − y)².
 * One example (a batch of n = 1), so the engine's mean loss is exactly L.
 */
import { fromRows, type Matrix, type MlpSpec, type MlpWeights } from '../../../nn';

export type NetworkName = 'chaine' | 'large';
export const networkNames: readonly NetworkName[] = ['chaine', 'large'];

/** The chain's numbers: input, target, then w₁, b₁ (hidden neuron) and w₂, b₂ (output). */
export interface ChainValues {
  readonly x: number;
  readonly y: number;
  readonly w1: number;
  readonly b1: number;
  readonly w2: number;
  readonly b2: number;
}

/**
 * The wider network's numbers: inputs, target; wᵢⱼ joins input i to hidden neuron j, bⱼ is that
 * neuron's bias; vⱼ joins hidden neuron j to the output, whose bias is c.
 */
export interface WideValues {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly w11: number;
  readonly w21: number;
  readonly w12: number;
  readonly w22: number;
  readonly b1: number;
  readonly b2: number;
  readonly v1: number;
  readonly v2: number;
  readonly c: number;
}

/** The chapter's worked chain (also the island's default). */
export const chainExample: ChainValues = { x: 1.5, y: 1, w1: 0.8, b1: -0.4, w2: 1.2, b2: -0.3 };
/** The chapter's wider network (also the island's default). */
export const wideExample: WideValues = {
  x1: 2,
  x2: -1,
  y: 0.5,
  w11: 0.5,
  w21: 0.25,
  w12: -0.4,
  w22: 0.3,
  b1: 0.1,
  b2: 0.2,
  v1: 1.5,
  v2: -1,
  c: 0.3,
};

export const chainSpec: MlpSpec = {
  inputSize: 1,
  layers: [
    { units: 1, activation: 'sigmoid' },
    { units: 1, activation: 'sigmoid' },
  ],
  loss: 'halfMse',
};

export const wideSpec: MlpSpec = {
  inputSize: 2,
  layers: [
    { units: 2, activation: 'sigmoid' },
    { units: 1, activation: 'identity' },
  ],
  loss: 'halfMse',
};

/** A network ready for the engine: spec, weights, the one example X (1×d) and its target Y (1×1). */
export interface Problem {
  readonly spec: MlpSpec;
  readonly weights: MlpWeights;
  readonly X: Matrix;
  readonly Y: Matrix;
}

export function chainProblem(v: ChainValues): Problem {
  return {
    spec: chainSpec,
    weights: { W: [fromRows([[v.w1]]), fromRows([[v.w2]])], b: [Float64Array.of(v.b1), Float64Array.of(v.b2)] },
    X: fromRows([[v.x]]),
    Y: fromRows([[v.y]]),
  };
}

/** W[0] is inputs × units: row i, column j holds wᵢⱼ (input i → hidden neuron j). */
export function wideProblem(v: WideValues): Problem {
  return {
    spec: wideSpec,
    weights: {
      W: [
        fromRows([
          [v.w11, v.w12],
          [v.w21, v.w22],
        ]),
        fromRows([[v.v1], [v.v2]]),
      ],
      b: [Float64Array.of(v.b1, v.b2), Float64Array.of(v.c)],
    },
    X: fromRows([[v.x1, v.x2]]),
    Y: fromRows([[v.y]]),
  };
}
