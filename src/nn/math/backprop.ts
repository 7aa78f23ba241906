/**
 * Backpropagation (chapter 6): the gradient of the batch cost J with respect to every weight and
 * bias, layer by layer from the output back, by the chain rule in matrix form. Every intermediate
 * value is returned so that an island can show it.
 */
import { checkWeightsMatchSpec, validateSpec, type MlpSpec, type MlpWeights } from '../spec';
import { activations } from './activations';
import { losses, sigmoidBceDelta, softmaxCrossEntropyDelta } from './losses';
import { matmul, sumRows, transpose, type Matrix } from './matrix';
import { forward, type ForwardOptions, type ForwardPass } from './mlp';

/**
 * The backward pass on n examples for L layers (indices as in `ForwardPass`):
 * - `loss`: J, the mean batch loss (data term only, no penalty);
 * - `dA[l]` = ∂J/∂A[l] (shaped like A[l]); `dA[L]` = ∂J/∂Ŷ, `dA[0]` = ∂J/∂X; L + 1 entries;
 * - `dZ[l]` = ∂J/∂Z[l] (n×units_l), the "error" δ of layer l;
 * - `dW[l]` = ∂J/∂W[l] = A[l]ᵀ·dZ[l] (inputs_l×units_l, shaped like W[l]);
 * - `db[l]` = ∂J/∂b[l] = column sums of dZ[l] (units_l values; all 0 for a layer without bias).
 */
export interface Gradients {
  readonly loss: number;
  readonly dZ: Matrix[];
  readonly dA: Matrix[];
  readonly dW: Matrix[];
  readonly db: Float64Array[];
}

function hadamard(a: Matrix, b: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v * b.data[i]!) };
}

/**
 * ∂J/∂Z de la couche de sortie.
 *
 * Fused when the pair allows it (the derivative of the activation cancels against the loss's):
 * softmax + categorical cross-entropy → (Ŷ − Y)/n; sigmoid + binary cross-entropy → (Ŷ − Y)/(nk).
 * Otherwise the chain rule entry by entry: ∂J/∂Ŷ ⊙ f′(Z_L).
 */
export function outputDelta(spec: MlpSpec, ZL: Matrix, yHat: Matrix, Y: Matrix, dYHat: Matrix): Matrix {
  const last = spec.layers[spec.layers.length - 1]!;
  if (last.activation === 'softmax') {
    // validateSpec pairs softmax with categorical cross-entropy only
    return softmaxCrossEntropyDelta(yHat, Y);
  }
  if (last.activation === 'sigmoid' && spec.loss === 'bce') return sigmoidBceDelta(yHat, Y);
  const { df } = activations[last.activation];
  return { rows: ZL.rows, cols: ZL.cols, data: dYHat.data.map((g, i) => g * df(ZL.data[i]!)) };
}

/**
 * Rétropropagation — les gradients de la perte pour chaque couche.
 *
 * Backpropagation through a forward pass `pass` (from `forward`, with its dropout masks if any)
 * against targets Y (n×k): dZ[L−1] = `outputDelta`; then for l = L−1 down to 0:
 * dW[l] = A[l]ᵀ·dZ[l], db[l] = 1ᵀ·dZ[l], dA[l] = dZ[l]·W[l]ᵀ, and, below the first layer,
 * dZ[l−1] = dA[l] ⊙ mask[l−1] ⊙ f′_{l−1}(Z[l−1]) (the mask only when dropout was used).
 */
export function backward(spec: MlpSpec, weights: MlpWeights, pass: ForwardPass, Y: Matrix): Gradients {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  const L = spec.layers.length;
  if (pass.Z.length !== L || pass.A.length !== L + 1)
    throw new Error(`Rétropropagation\u00a0: la passe avant a ${pass.Z.length} couches, ${L} attendues.`);
  const yHat = pass.A[L]!;
  const loss = losses[spec.loss];
  const value = loss.value(yHat, Y);
  const dA: Matrix[] = new Array<Matrix>(L + 1);
  const dZ: Matrix[] = new Array<Matrix>(L);
  const dW: Matrix[] = new Array<Matrix>(L);
  const db: Float64Array[] = new Array<Float64Array>(L);
  dA[L] = loss.gradient(yHat, Y);
  dZ[L - 1] = outputDelta(spec, pass.Z[L - 1]!, yHat, Y, dA[L]);
  for (let l = L - 1; l >= 0; l--) {
    const delta = dZ[l]!;
    dW[l] = matmul(transpose(pass.A[l]!), delta);
    db[l] = spec.layers[l]!.useBias === false ? new Float64Array(delta.cols) : sumRows(delta);
    const dAl = matmul(delta, transpose(weights.W[l]!));
    dA[l] = dAl;
    if (l > 0) {
      const below = spec.layers[l - 1]!;
      // softmax is only allowed on the last layer, so `below` has a scalar activation
      const { df } = activations[below.activation as Exclude<typeof below.activation, 'softmax'>];
      const mask = pass.masks?.[l - 1];
      const upstream = mask ? hadamard(dAl, mask) : dAl;
      const z = pass.Z[l - 1]!;
      dZ[l - 1] = { rows: z.rows, cols: z.cols, data: upstream.data.map((g, i) => g * df(z.data[i]!)) };
    }
  }
  return { loss: value, dZ, dA, dW, db };
}

/**
 * La perte moyenne d’un lot et tous ses gradients.
 *
 * Forward then backward on a batch (X: n×d, Y: n×k): the mean loss J and every gradient.
 */
export function lossAndGradients(
  spec: MlpSpec,
  weights: MlpWeights,
  X: Matrix,
  Y: Matrix,
  options: ForwardOptions = {},
): Gradients {
  return backward(spec, weights, forward(spec, weights, X, options), Y);
}
