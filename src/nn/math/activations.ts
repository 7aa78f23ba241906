/**
 * Activation functions, each as a pair {f, df} with its name and range, in one registry
 * (the shape of TensorFlow Playground's `Activations`, typed). Scalar in, scalar out:
 * layers apply them element-wise.
 */

export type ActivationName = 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'gelu' | 'identity';

export interface Activation {
  readonly name: ActivationName;
  /** French label shown to readers. */
  readonly label: string;
  /** f(z) */
  readonly f: (z: number) => number;
  /** f'(z); for step and ReLU at 0 the usual convention (0) is used. */
  readonly df: (z: number) => number;
  /** Image of f as [min, max] (±Infinity when unbounded). */
  readonly range: readonly [number, number];
}

/** Pente de Leaky ReLU pour z < 0. */
export const LEAKY_SLOPE = 0.01;

/**
 * Sigmoïde σ(z) = 1 / (1 + e^−z), à valeurs dans ]0, 1[.
 *
 * σ(z) = 1 / (1 + e^{−z}), written so that e^{−z} never overflows for large negative z.
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** ReLU — max(0, z), soit z si z > 0, sinon 0. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_C = 0.044715;

/**
 * GELU, l’activation des transformeurs, dans sa forme approchée par tanh.
 *
 * GELU in its usual tanh approximation: ½ z (1 + tanh(√(2/π)(z + 0.044715 z³))).
 */
export function gelu(z: number): number {
  return 0.5 * z * (1 + Math.tanh(SQRT_2_OVER_PI * (z + GELU_C * z ** 3)));
}

function geluDerivative(z: number): number {
  const u = SQRT_2_OVER_PI * (z + GELU_C * z ** 3);
  const t = Math.tanh(u);
  const du = SQRT_2_OVER_PI * (1 + 3 * GELU_C * z * z);
  return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * du;
}

/** Les activations par nom, chacune avec sa fonction `f` et sa dérivée `df`. Par exemple `activations.tanh.df(0)`. */
export const activations: Readonly<Record<ActivationName, Activation>> = {
  step: {
    name: 'step',
    label: 'Seuil (marche)',
    f: (z) => (z >= 0 ? 1 : 0),
    df: () => 0,
    range: [0, 1],
  },
  sigmoid: {
    name: 'sigmoid',
    label: 'Sigmoïde',
    f: sigmoid,
    // σ'(z) = σ(z)(1 − σ(z)), at most 0.25 (at z = 0)
    df: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    range: [0, 1],
  },
  tanh: {
    name: 'tanh',
    label: 'Tangente hyperbolique',
    f: Math.tanh,
    df: (z) => 1 - Math.tanh(z) ** 2,
    range: [-1, 1],
  },
  relu: {
    name: 'relu',
    label: 'ReLU',
    f: relu,
    df: (z) => (z > 0 ? 1 : 0),
    range: [0, Infinity],
  },
  leakyRelu: {
    name: 'leakyRelu',
    label: 'Leaky ReLU',
    f: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    range: [-Infinity, Infinity],
  },
  gelu: {
    name: 'gelu',
    label: 'GELU',
    f: gelu,
    df: geluDerivative,
    // min of GELU (tanh form) ≈ −0.17004 near z ≈ −0.7525: rounded outward so that
    // range[0] ≤ f(z) everywhere (−0.17 itself is above the minimum)
    range: [-0.1701, Infinity],
  },
  identity: {
    name: 'identity',
    label: 'Identité (linéaire)',
    f: (z) => z,
    df: () => 1,
    range: [-Infinity, Infinity],
  },
};

/** Les noms des activations (`sigmoid`, `tanh`, `relu`, …). */
export const activationNames = Object.keys(activations) as ActivationName[];

/** Dit si une chaîne est un nom d’activation. */
export function isActivationName(s: string): s is ActivationName {
  return Object.hasOwn(activations, s);
}
