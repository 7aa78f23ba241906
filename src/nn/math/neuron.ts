import { activations, type ActivationName } from './activations';

/**
 * Produit scalaire w·x de deux vecteurs de même longueur.
 *
 * Dot product wᵀx; throws if the lengths differ (a silent truncation would hide a bug).
 */
export function dot(w: readonly number[], x: readonly number[]): number {
  if (w.length !== x.length) {
    throw new Error(`dot: ${w.length} poids pour ${x.length} entrées`);
  }
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * x[i]!;
  return s;
}

/**
 * Somme pondérée d’un neurone — z = w·x + b (b vaut 0 si vous l’omettez).
 *
 * Pre-activation of one neuron: z = wᵀx + b.
 */
export function weightedSum(w: readonly number[], x: readonly number[], b = 0): number {
  return dot(w, x) + b;
}

/**
 * Sortie d’un neurone — l’activation nommée appliquée à w·x + b.
 *
 * Output of one neuron: a = f(wᵀx + b).
 */
export function neuronOutput(
  w: readonly number[],
  x: readonly number[],
  b: number,
  activation: ActivationName,
): number {
  return activations[activation].f(weightedSum(w, x, b));
}
