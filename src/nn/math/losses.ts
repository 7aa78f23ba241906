/**
 * Losses of a batch, with their gradients ∂J/∂Ŷ. Ŷ and Y are n×k matrices (n examples, one per
 * row, k outputs); the cost J is a mean over the batch, with the same conventions as
 * TensorFlow.js (`tf.layers` losses: a mean over the k outputs per example, then over the n
 * examples), so that both engines print the same numbers.
 */
import type { LossName } from '../spec';
import type { Matrix } from './matrix';

/**
 * Borne ε des prédictions avant un logarithme.
 *
 * Predictions are clipped into [ε, 1 − ε] before a logarithm: ln 0 = −∞ would turn one confident
 * mistake into an infinite cost (and NaN gradients). 1e-7 is TensorFlow.js' `epsilon()`, so both
 * engines clip alike; it caps one entry's cross-entropy at −ln 1e-7 ≈ 16.1.
 */
export const LOG_EPSILON = 1e-7;

export interface Loss {
  readonly name: LossName;
  /** French label shown to readers. */
  readonly label: string;
  /** The cost J(Ŷ, Y): a number, mean over the batch. Ŷ, Y: n×k. */
  value(yHat: Matrix, y: Matrix): number;
  /** ∂J/∂Ŷ, an n×k matrix (the derivative of the batch mean, so each entry carries a 1/n). */
  gradient(yHat: Matrix, y: Matrix): Matrix;
  /** The loss of each example (n numbers); their mean is `value`. */
  perExample(yHat: Matrix, y: Matrix): number[];
}

function checkShapes(yHat: Matrix, y: Matrix): void {
  if (yHat.rows !== y.rows || yHat.cols !== y.cols)
    throw new Error(
      `Perte\u00a0: prédictions ${yHat.rows}×${yHat.cols} et cibles ${y.rows}×${y.cols} de tailles différentes.`,
    );
  if (yHat.rows === 0) throw new Error('Perte\u00a0: le lot est vide.');
}

function clip(p: number): number {
  return Math.min(1 - LOG_EPSILON, Math.max(LOG_EPSILON, p));
}

/** True when clipping leaves p unchanged (the clip's derivative is 1 there, 0 outside, as in tfjs). */
function insideClip(p: number): boolean {
  return p >= LOG_EPSILON && p <= 1 - LOG_EPSILON;
}

/**
 * Builds a loss averaged over all n·k entries from one entry's loss ℓ(ŷ, y) and its derivative
 * ℓ′ = ∂ℓ/∂ŷ: J = (1/nk) Σᵢⱼ ℓ(ŷᵢⱼ, yᵢⱼ), ∂J/∂ŷᵢⱼ = ℓ′(ŷᵢⱼ, yᵢⱼ)/(nk).
 */
function entrywise(
  name: LossName,
  label: string,
  entry: (p: number, t: number) => number,
  entryDerivative: (p: number, t: number) => number,
): Loss {
  const perExample = (yHat: Matrix, y: Matrix): number[] => {
    checkShapes(yHat, y);
    const { rows: n, cols: k } = yHat;
    return Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let j = 0; j < k; j++) s += entry(yHat.data[i * k + j]!, y.data[i * k + j]!);
      return s / k;
    });
  };
  return {
    name,
    label,
    perExample,
    value: (yHat, y) => mean(perExample(yHat, y)),
    gradient(yHat, y) {
      checkShapes(yHat, y);
      const scale = 1 / yHat.data.length;
      return {
        rows: yHat.rows,
        cols: yHat.cols,
        data: yHat.data.map((p, idx) => entryDerivative(p, y.data[idx]!) * scale),
      };
    },
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, v) => a + v, 0) / values.length;
}

/**
 * Categorical cross-entropy: J = (1/n) Σᵢ −Σⱼ yᵢⱼ ln ŷᵢⱼ (ŷ clipped into [ε, 1 − ε]);
 * ∂J/∂ŷᵢⱼ = −yᵢⱼ/(n ŷᵢⱼ). Unlike tfjs, Ŷ is not renormalised to sum 1 (a softmax output already
 * does); with a softmax before it, both give the same ∂J/∂Z.
 */
const categoricalCrossEntropy: Loss = {
  name: 'categoricalCrossEntropy',
  label: 'Entropie croisée catégorielle',
  perExample(yHat, y) {
    checkShapes(yHat, y);
    const { rows: n, cols: k } = yHat;
    return Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let j = 0; j < k; j++) {
        const t = y.data[i * k + j]!;
        if (t !== 0) s -= t * Math.log(clip(yHat.data[i * k + j]!));
      }
      return s;
    });
  },
  value(yHat, y) {
    return mean(this.perExample(yHat, y));
  },
  gradient(yHat, y) {
    checkShapes(yHat, y);
    const n = yHat.rows;
    return {
      rows: yHat.rows,
      cols: yHat.cols,
      data: yHat.data.map((p, idx) => (insideClip(p) ? -y.data[idx]! / (n * p) : 0)),
    };
  },
};

/**
 * Les fonctions de perte par nom (`mse`, `bce`, …), chacune avec sa valeur et son gradient.
 *
 * The losses of `MlpSpec.loss`, each J(Ŷ, Y) with e = ŷ − y, entry by entry:
 * - `mse`: (1/nk) Σ e², gradient 2e/(nk);
 * - `halfMse`: (1/nk) Σ ½e², gradient e/(nk) (the ½ cancels the 2 of the square);
 * - `mae`: (1/nk) Σ |e|, gradient sign(e)/(nk), 0 at e = 0;
 * - `bce`: (1/nk) Σ −[y ln ŷ + (1 − y) ln(1 − ŷ)], ŷ clipped, gradient (ŷ − y)/(ŷ(1 − ŷ) nk);
 * - `categoricalCrossEntropy`: (1/n) Σᵢ −Σⱼ y ln ŷ (a sum over classes, a mean over examples);
 * - `hinge`: (1/nk) Σ max(0, 1 − yŷ) with y ∈ {−1, +1}, gradient −y/(nk) where 1 − yŷ > 0, else 0.
 */
export const losses: Readonly<Record<LossName, Loss>> = {
  mse: entrywise(
    'mse',
    'Erreur quadratique moyenne (MSE)',
    (p, t) => (p - t) ** 2,
    (p, t) => 2 * (p - t),
  ),
  halfMse: entrywise(
    'halfMse',
    'Demi-erreur quadratique moyenne (MSE/2)',
    (p, t) => 0.5 * (p - t) ** 2,
    (p, t) => p - t,
  ),
  mae: entrywise(
    'mae',
    'Erreur absolue moyenne (MAE)',
    (p, t) => Math.abs(p - t),
    (p, t) => Math.sign(p - t),
  ),
  bce: entrywise(
    'bce',
    'Entropie croisée binaire',
    (p, t) => {
      const c = clip(p);
      return -(t * Math.log(c) + (1 - t) * Math.log(1 - c));
    },
    (p, t) => (insideClip(p) ? (p - t) / (p * (1 - p)) : 0),
  ),
  categoricalCrossEntropy,
  hinge: entrywise(
    'hinge',
    'Perte charnière (hinge)',
    (p, t) => Math.max(0, 1 - t * p),
    (p, t) => (1 - t * p > 0 ? -t : 0),
  ),
};

/**
 * Gradient de sortie de softmax + entropie croisée.
 *
 * Fused output gradient of softmax + categorical cross-entropy: ∂J/∂Z = (Ŷ − Y)/n (Ŷ = softmax(Z)
 * row by row, each row of Y summing to 1). Why: the softmax Jacobian ∂ŷⱼ/∂zₘ = ŷⱼ(δⱼₘ − ŷₘ)
 * applied to ∂J/∂ŷⱼ = −yⱼ/(nŷⱼ) gives (1/n)(−yₘ + ŷₘ Σⱼ yⱼ) = (ŷₘ − yₘ)/n: the ŷⱼ cancel, so no
 * division by a tiny probability and no clipping. Shapes: n×k in, n×k out.
 */
export function softmaxCrossEntropyDelta(yHat: Matrix, y: Matrix): Matrix {
  checkShapes(yHat, y);
  const n = yHat.rows;
  return { rows: yHat.rows, cols: yHat.cols, data: yHat.data.map((p, idx) => (p - y.data[idx]!) / n) };
}

/**
 * Gradient de sortie de sigmoïde + entropie croisée binaire.
 *
 * Fused output gradient of sigmoid + binary cross-entropy: ∂J/∂Z = (Ŷ − Y)/(nk) with Ŷ = σ(Z).
 * Why: ∂J/∂ŷ = (ŷ − y)/(ŷ(1 − ŷ) nk) and σ′(z) = ŷ(1 − ŷ) cancel exactly. (Where tfjs clips a
 * saturated ŷ beyond [ε, 1 − ε] its gradient is 0; this exact form keeps pulling: only matters
 * when |z| > 16.) Shapes: n×k in, n×k out.
 */
export function sigmoidBceDelta(yHat: Matrix, y: Matrix): Matrix {
  checkShapes(yHat, y);
  const nk = yHat.data.length;
  return { rows: yHat.rows, cols: yHat.cols, data: yHat.data.map((p, idx) => (p - y.data[idx]!) / nk) };
}
