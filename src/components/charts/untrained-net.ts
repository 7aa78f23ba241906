/**
 * The sanity check of chapter 4, on a real network: a 784 → 40 → 10 MLP (ReLU, then softmax,
 * categorical cross-entropy), freshly initialised, fed a batch of random "images" with random
 * labels. Its cost should start near ln 10 ≈ 2,303, the cost of answering 1/10 for every class.
 * Computed at build time by the reference engine; the chapter prints the result.
 */
import { createRng, initWeights, losses, type Matrix, predict, type MlpSpec, type MlpWeights } from '../../nn';

export const UNTRAINED_SPEC: MlpSpec = {
  inputSize: 784,
  layers: [
    { units: 40, activation: 'relu' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categoricalCrossEntropy',
};

export interface UntrainedCheck {
  /** Cost of the batch with He initialisation everywhere. */
  readonly lossHe: number;
  /** Cost once the last layer's weights are multiplied by `lastLayerScale`. */
  readonly lossScaled: number;
  /** The largest probability the scaled network gives, over the whole batch. */
  readonly maxProbabilityScaled: number;
  readonly lastLayerScale: number;
  readonly batchSize: number;
  readonly classes: number;
}

/** n random inputs uniform in [0, 1] (n×784) and n one-hot labels drawn uniformly (n×10). */
export function randomBatch(seed: number, n: number): { X: Matrix; Y: Matrix } {
  const rng = createRng(seed);
  const d = UNTRAINED_SPEC.inputSize;
  const k = UNTRAINED_SPEC.layers[UNTRAINED_SPEC.layers.length - 1]!.units;
  const X = new Float64Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = rng.next();
  const Y = new Float64Array(n * k);
  for (let i = 0; i < n; i++) Y[i * k + rng.int(k)] = 1;
  return { X: { rows: n, cols: d, data: X }, Y: { rows: n, cols: k, data: Y } };
}

/** A copy of `weights` whose last layer's W is multiplied by `scale` (biases stay 0). */
function scaleLastLayer(weights: MlpWeights, scale: number): MlpWeights {
  const last = weights.W.length - 1;
  return {
    W: weights.W.map((m, l) => (l === last ? { ...m, data: m.data.map((v) => v * scale) } : m)),
    b: weights.b,
  };
}

/**
 * Why scale the last layer: with He initialisation the logits already spread by about ±1, so
 * the softmax is not quite uniform and the cost lands somewhat above ln 10. Small output
 * weights give small logits, hence an almost uniform softmax (1/10 everywhere) and a cost of
 * almost exactly ln 10, whatever the labels.
 */
export function untrainedCheck(seed = 2026, batchSize = 100, lastLayerScale = 0.01): UntrainedCheck {
  const rng = createRng(seed);
  const weights = initWeights(UNTRAINED_SPEC, rng, 'he');
  const { X, Y } = randomBatch(seed + 1, batchSize);
  const ce = losses.categoricalCrossEntropy;
  const scaled = predict(UNTRAINED_SPEC, scaleLastLayer(weights, lastLayerScale), X);
  return {
    lossHe: ce.value(predict(UNTRAINED_SPEC, weights, X), Y),
    lossScaled: ce.value(scaled, Y),
    maxProbabilityScaled: Math.max(...scaled.data),
    lastLayerScale,
    batchSize,
    classes: Y.cols,
  };
}
