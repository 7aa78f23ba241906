/**
 * Regularisation (chapter 7): a weight penalty αΩ(θ) added to the cost, J′ = J + αΩ, on the W
 * matrices only (biases are not penalised), and inverted-dropout masks.
 */
import type { Rng } from '../data/rng';
import type { MlpWeights } from '../spec';
import type { Regularization } from '../training';
import type { Matrix } from './matrix';

function checkAlpha(reg: Regularization): void {
  if (!(reg.alpha >= 0) || !Number.isFinite(reg.alpha))
    throw new Error(`Régularisation\u00a0: α doit être un nombre fini ≥ 0 (reçu ${reg.alpha}).`);
}

/**
 * La pénalité de régularisation L1 ou L2 des poids.
 *
 * αΩ(W): L2 (ridge, weight decay) α·½ Σₗ ‖Wₗ‖² (sum of squares of every entry);
 * L1 (lasso) α Σₗ ‖Wₗ‖₁ (sum of absolute values). Biases are left out.
 * (tfjs' `l2({l2: c})` adds c‖W‖², without the ½: use c = α/2 there.)
 */
export function penalty(reg: Regularization, weights: MlpWeights): number {
  checkAlpha(reg);
  let s = 0;
  for (const W of weights.W) for (const w of W.data) s += reg.kind === 'l2' ? 0.5 * w * w : Math.abs(w);
  return reg.alpha * s;
}

/**
 * Le gradient de la pénalité, par couche.
 *
 * ∂(αΩ)/∂Wₗ for each layer, shaped like Wₗ: L2 → αWₗ; L1 → α·sign(Wₗ) (0 where a weight is
 * exactly 0, the usual subgradient choice). The biases' penalty gradient is 0.
 */
export function penaltyGradient(reg: Regularization, weights: MlpWeights): Matrix[] {
  checkAlpha(reg);
  const { alpha } = reg;
  return weights.W.map((W) => ({
    rows: W.rows,
    cols: W.cols,
    data: W.data.map((w) => (reg.kind === 'l2' ? alpha * w : alpha * Math.sign(w))),
  }));
}

/**
 * Un masque de dropout aléatoire.
 *
 * An inverted-dropout mask, rows×cols: each entry is independently 1/keep with probability
 * `keep`, else 0 (drawn row by row from `rng`, one `next()` per entry). Multiplying activations
 * by it keeps their expectation unchanged (E[mask] = keep·(1/keep) = 1), so at test time the
 * network runs without any mask or rescaling. keep = 1 gives all ones (and draws nothing).
 */
export function dropoutMask(rng: Rng, rows: number, cols: number, keep: number): Matrix {
  if (!(keep > 0 && keep <= 1))
    throw new Error(`Dropout\u00a0: la probabilité de garder un neurone doit être dans ]0, 1] (reçu ${keep}).`);
  const data = new Float64Array(rows * cols);
  if (keep === 1) data.fill(1);
  else for (let i = 0; i < data.length; i++) data[i] = rng.next() < keep ? 1 / keep : 0;
  return { rows, cols, data };
}
