/**
 * Chapter 6's build-time check of the vectorised gradients of softmax regression: for a small
 * batch, ∂J/∂W = Xᵀ(Ŷ − Y)/n and ∂J/∂b = column sums of (Ŷ − Y)/n, computed from these
 * formulas, set beside centred finite differences of the cost, with their relative errors.
 */
import {
  flattenWeights,
  fromRows,
  matmul,
  sumRows,
  transpose,
  type Matrix,
  predict,
  type MlpSpec,
  type MlpWeights,
} from '../../nn';
import {
  centredDifference,
  FINITE_DIFFERENCE_STEP,
  lossOfFlat,
  relativeError,
} from '../islands/backprop-pas/gradient-check';

/** n = 4 examples with d = 2 features, k = 3 classes; W is d×k, b has k entries. */
export const softmaxExample = {
  X: [
    [1, 2],
    [0.5, -1],
    [-1.5, 0.5],
    [2, -0.5],
  ],
  classes: [0, 2, 1, 0],
  W: [
    [0.2, -0.1, 0.4],
    [-0.3, 0.5, 0.1],
  ],
  b: [0.1, 0, -0.1],
} as const;

export const softmaxSpec: MlpSpec = {
  inputSize: 2,
  layers: [{ units: 3, activation: 'softmax' }],
  loss: 'categoricalCrossEntropy',
};

export interface CheckedParameter {
  /** "W₁₂" (row 1, column 2) or "b₃". */
  readonly name: string;
  readonly analytic: number;
  readonly numeric: number;
  readonly relativeError: number;
}

const SUB = ['₁', '₂', '₃', '₄'];

/** Everything the chapter prints: Ŷ, (Ŷ − Y)/n, the gradients from the formulas, and the check. */
export function softmaxCheck() {
  const ex = softmaxExample;
  const X = fromRows(ex.X);
  const Y = fromRows(ex.classes.map((c) => [0, 1, 2].map((j) => (j === c ? 1 : 0))));
  const weights: MlpWeights = { W: [fromRows(ex.W)], b: [Float64Array.from(ex.b)] };
  const n = X.rows;
  const yHat = predict(softmaxSpec, weights, X);
  const delta: Matrix = { rows: n, cols: yHat.cols, data: yHat.data.map((p, i) => (p - Y.data[i]!) / n) };
  const dW = matmul(transpose(X), delta);
  const db = sumRows(delta);
  const theta = flattenWeights(softmaxSpec, weights);
  const analytic = [...dW.data, ...db];
  const names = [
    ...ex.W.flatMap((row, i) => row.map((_, j) => `W${SUB[i]}${SUB[j]}`)),
    ...ex.b.map((_, j) => `b${SUB[j]}`),
  ];
  const f = (t: Float64Array) => lossOfFlat(softmaxSpec, t, X, Y);
  const parameters: CheckedParameter[] = names.map((name, k) => {
    const numeric = centredDifference(f, theta, k, FINITE_DIFFERENCE_STEP);
    return { name, analytic: analytic[k]!, numeric, relativeError: relativeError(analytic[k]!, numeric) };
  });
  return {
    X,
    Y,
    weights,
    yHat,
    delta,
    dW,
    db,
    loss: f(theta),
    parameters,
    maxRelativeError: Math.max(...parameters.map((p) => p.relativeError)),
  };
}
