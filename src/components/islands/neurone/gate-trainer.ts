/**
 * Training a single sigmoid neuron on a logic gate with the reference engine, one batch
 * gradient step at a time, so the island can animate the decision line between steps.
 */
import {
  createRng,
  logicGates,
  logisticAccuracy,
  logisticStep,
  logisticLossAndGradient,
  type GateName,
  type NeuronParams,
} from '../../../nn';

/** Beyond this many epochs a gate that is still misclassified is declared not learnable. */
export const MAX_EPOCHS = 3000;
/** Below this mean cross-entropy, with every example right, training has done its job. */
export const TARGET_LOSS = 0.1;

export interface GateProgress {
  epoch: number;
  params: NeuronParams;
  loss: number;
  accuracy: number;
  done: boolean;
}

/** Small random start (0,5·N(0,1)) from the seed, bias 0: the same seed gives the same run. */
export function initialParams(seed: number): NeuronParams {
  const rng = createRng(seed);
  return { w: [0.5 * rng.normal(), 0.5 * rng.normal()], b: 0 };
}

export function startProgress(gate: GateName, params: NeuronParams): GateProgress {
  const data = logicGates[gate];
  return {
    epoch: 0,
    params,
    loss: logisticLossAndGradient(params, data).loss,
    accuracy: logisticAccuracy(params, data),
    done: false,
  };
}

/** Advances `steps` epochs (stopping early when done). */
export function advance(progress: GateProgress, gate: GateName, learningRate: number, steps: number): GateProgress {
  const data = logicGates[gate];
  let { params, epoch } = progress;
  let loss = progress.loss;
  let accuracy = progress.accuracy;
  for (let i = 0; i < steps && epoch < MAX_EPOCHS; i++) {
    params = logisticStep(params, data, learningRate).params;
    epoch++;
    loss = logisticLossAndGradient(params, data).loss;
    accuracy = logisticAccuracy(params, data);
    if (!Number.isFinite(loss)) break;
    if (accuracy === 1 && loss < TARGET_LOSS) break;
  }
  const done = epoch >= MAX_EPOCHS || (accuracy === 1 && loss < TARGET_LOSS) || !Number.isFinite(loss);
  return { epoch, params, loss, accuracy, done };
}
