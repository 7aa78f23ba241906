/**
 * XOR learnt by a 2 → h → 1 network (tanh hidden layer, sigmoid output, binary cross-entropy)
 * on the reference engine, one full-batch gradient step at a time so the island can animate
 * the decision regions between steps. Weights change in place; each step returns fresh numbers.
 */
import {
  createOptimizer,
  createRng,
  forward,
  fromRows,
  initWeights,
  lossAndGradients,
  logicGates,
  parameterBlocks,
  predict,
  toRows,
  type Matrix,
  type MlpSpec,
  type MlpWeights,
} from '../../../nn';

/** The four examples of XOR: inputs (4×2) and targets (4×1). */
export const XOR_X: Matrix = fromRows(logicGates.xor.map((e) => [...e.x]));
export const XOR_Y: Matrix = fromRows(logicGates.xor.map((e) => [e.y]));

/** Beyond this many epochs a run that has not solved XOR is declared stuck. */
export const MAX_EPOCHS = 2000;
/**
 * Solved: every example on the right side of 0.5 and the mean cross-entropy below this (or every
 * example right when MAX_EPOCHS is reached).
 */
export const TARGET_LOSS = 0.1;

export function xorSpec(hidden: number): MlpSpec {
  return {
    inputSize: 2,
    layers: [
      { units: hidden, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'bce',
  };
}

export interface XorRun {
  readonly spec: MlpSpec;
  /** Changed in place by `advance`. */
  readonly weights: MlpWeights;
  readonly epoch: number;
  readonly loss: number;
  /** Examples on the right side of 0.5, from 0 to 4. */
  readonly correct: number;
  readonly status: 'running' | 'solved' | 'stuck' | 'diverged';
}

function measure(spec: MlpSpec, weights: MlpWeights): { loss: number; correct: number } {
  const { loss } = lossAndGradients(spec, weights, XOR_X, XOR_Y);
  const p = predict(spec, weights, XOR_X).data;
  const correct = XOR_Y.data.reduce((n, y, i) => n + ((p[i]! >= 0.5 ? 1 : 0) === y ? 1 : 0), 0);
  return { loss, correct };
}

/** A fresh network from the seed (Xavier initialisation, biases 0): one seed, one run. */
export function startRun(hidden: number, seed: number): XorRun {
  const spec = xorSpec(hidden);
  const weights = initWeights(spec, createRng(seed), 'xavier');
  return { spec, weights, epoch: 0, ...measure(spec, weights), status: 'running' };
}

/** Up to `steps` epochs of gradient descent at `learningRate`, stopping when the run ends. */
export function advance(run: XorRun, learningRate: number, steps: number): XorRun {
  if (run.status !== 'running') return run;
  const { spec, weights } = run;
  const optimizer = createOptimizer({ name: 'sgd', learningRate });
  const params = parameterBlocks(spec, weights);
  let { epoch, loss, correct } = run;
  let status: XorRun['status'] = 'running';
  for (let i = 0; i < steps && status === 'running'; i++) {
    const g = lossAndGradients(spec, weights, XOR_X, XOR_Y);
    optimizer.step(params, parameterBlocks(spec, { W: g.dW, b: g.db }));
    epoch++;
    ({ loss, correct } = measure(spec, weights));
    if (!Number.isFinite(loss)) status = 'diverged';
    else if (correct === 4 && loss < TARGET_LOSS) status = 'solved';
    else if (epoch >= MAX_EPOCHS) status = correct === 4 ? 'solved' : 'stuck';
  }
  return { spec, weights, epoch, loss, correct, status };
}

/** The network's output (probability of 1) for each row of `points` (n×2). */
export function probabilities(run: XorRun, points: Matrix): Float64Array {
  return predict(run.spec, run.weights, points).data;
}

/** The hidden layer's values for the four examples: 4 rows of h numbers. */
export function hiddenValues(run: XorRun): number[][] {
  return toRows(forward(run.spec, run.weights, XOR_X).A[1]!);
}

/** The output neuron as a line in hidden space: σ(v·h + c), v = W₂ (h×1), c = b₂. */
export function outputNeuron(run: XorRun): { v: number[]; c: number } {
  return { v: Array.from(run.weights.W[1]!.data), c: run.weights.b[1]![0]! };
}
