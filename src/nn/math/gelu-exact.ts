/**
 * The exact GELU, z·Φ(z) with Φ written with erf, beside the tanh approximation the course uses
 * (`activations.gelu`). PyTorch's `nn.GELU()` computes this exact form by default, so chapter 2
 * measures how far the two curves ever are apart instead of leaving readers to wonder.
 */
import { gelu } from './activations';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/**
 * La fonction d’erreur erf(x), à environ 1e-13 près.
 *
 * erf(x) to about 1e-13: its Taylor series below |x| = 3 (terms stay under ~10⁴, so little is
 * lost to cancellation), beyond it 1 − erfc(x) with erfc's continued fraction, which converges
 * fast there. JavaScript has no Math.erf.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return TWO_OVER_SQRT_PI * sum;
  }
  // erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
  let t = x;
  for (let k = 120; k >= 1; k--) t = x + k / 2 / t;
  return 1 - Math.exp(-x * x) / Math.sqrt(Math.PI) / t;
}

/** Φ(z), la répartition de la loi normale. */
export const normalCdf = (z: number): number => 0.5 * (1 + erf(z / Math.SQRT2));

/**
 * GELU exacte, z·Φ(z).
 *
 * GELU in its exact form, z·Φ(z) (PyTorch's default).
 */
export const geluExact = (z: number): number => z * normalCdf(z);

/**
 * Le plus grand écart entre GELU exacte et approchée.
 *
 * The largest |exact − tanh approximation| on [−8, 8] (a grid of step 1e-3; beyond, both are 0
 * or z to far below 1e-6) and where it is reached (the gap is even in z: the first such z ≥ 0).
 */
export function geluApproximationGap(): { readonly max: number; readonly at: number } {
  let max = 0;
  let at = 0;
  for (let i = 0; i <= 8000; i++) {
    const z = i / 1000;
    const gap = Math.abs(geluExact(z) - gelu(z));
    if (gap > max) [max, at] = [gap, z];
  }
  return { max, at };
}
