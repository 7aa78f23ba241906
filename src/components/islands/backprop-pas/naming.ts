/**
 * The symbols of the island's two networks (x₁, z₂, w₂₁, v₁…), the ids of their graph nodes, and
 * the names of their parameters in the engine's flat order.
 */
import type { NetworkName } from './networks';

/** Symbols of one network's parts (inputs i, hidden neurons j). */
export interface Naming {
  readonly input: readonly string[];
  readonly z: readonly string[];
  readonly a: readonly string[];
  readonly w: (i: number, j: number) => string;
  readonly b: readonly string[];
  readonly v: readonly string[];
  readonly c: string;
  /** Pre-activation of the output, when its activation is not the identity. */
  readonly zOut?: string;
}

const SUB = ['₀', '₁', '₂', '₃'];
export const namings: Readonly<Record<NetworkName, Naming>> = {
  chaine: { input: ['x'], z: ['z₁'], a: ['a₁'], w: () => 'w₁', b: ['b₁'], v: ['w₂'], c: 'b₂', zOut: 'z₂' },
  large: {
    input: ['x₁', 'x₂'],
    z: ['z₁', 'z₂'],
    a: ['a₁', 'a₂'],
    w: (i, j) => `w${SUB[i + 1]}${SUB[j + 1]}`,
    b: ['b₁', 'b₂'],
    v: ['v₁', 'v₂'],
    c: 'c',
  },
};

export const inputId = (net: NetworkName, i: number) => (net === 'chaine' ? 'x' : `x${i + 1}`);
export const hiddenId = (j: number) => `h${j + 1}`;

/** Parameter names in the order of `flattenWeights` (W₀ row by row, b₀, W₁, b₁). */
export function parameterNames(net: NetworkName): string[] {
  const n = namings[net];
  const inputs = n.input.map((_, i) => i);
  const hidden = n.z.map((_, j) => j);
  return [...inputs.flatMap((i) => hidden.map((j) => n.w(i, j))), ...n.b, ...n.v, n.c];
}
