/**
 * Scalar functions readers call by name in code blocks, next to `sigmoid`, `relu` and `gelu`
 * (math/activations.ts), so that every activation reads the same way.
 */

/** Tangente hyperbolique — tanh(z) = (e^z − e^−z) / (e^z + e^−z), à valeurs dans ]−1, 1[. */
export function tanh(z: number): number {
  return Math.tanh(z);
}
