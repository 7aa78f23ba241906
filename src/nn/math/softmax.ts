/**
 * Softmax stable d’un vecteur de scores — des probabilités positives de somme 1.
 *
 * softmax(z)_k = e^{z_k} / Σ_j e^{z_j}, computed as e^{z_k − max z} / Σ_j e^{z_j − max z}:
 * the same value (the factor e^{−max z} cancels) but no exponential can overflow.
 */
export function softmax(z: readonly number[]): number[] {
  if (z.length === 0) throw new Error('softmax: vecteur vide');
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * Rétropropagation à travers softmax.
 *
 * Jacobian-vector product of softmax: given p = softmax(z) and an upstream gradient g = ∂L/∂p,
 * returns ∂L/∂z = p ⊙ (g − (gᵀp)).
 */
export function softmaxBackward(p: readonly number[], g: readonly number[]): number[] {
  let gp = 0;
  for (let i = 0; i < p.length; i++) gp += g[i]! * p[i]!;
  return p.map((pi, i) => pi * (g[i]! - gp));
}
