/**
 * Numbers of chapter 3 that need more than one call into src/nn: the hand-built XOR network,
 * how often training finds XOR from 20 seeds, a batch through the worked network, and the error
 * of the widest approximating network outside its training interval. Computed at build time;
 * tests/unit/chapters/reseaux.test.ts checks them.
 */
import { forward, fromRows, logicGates, predict, toRows, type MlpSpec, type MlpWeights } from '../nn';
import { exempleCours, passeSpec } from '../components/islands/passe-avant/network';
import { advance, MAX_EPOCHS, startRun } from '../components/islands/xor/xor-trainer';
import { approximations, target } from '../components/charts/universal-approx';

/** XOR = OR but not AND, with step neurons: h₁ = OR, h₂ = AND, output = step(h₁ − h₂ − 0,5). */
export const xorHandSpec: MlpSpec = {
  inputSize: 2,
  layers: [
    { units: 2, activation: 'step' },
    { units: 1, activation: 'step' },
  ],
  loss: 'mse',
};
export const xorHandWeights: MlpWeights = {
  W: [
    fromRows([
      [1, 1],
      [1, 1],
    ]),
    fromRows([[1], [-1]]),
  ],
  b: [new Float64Array([-0.5, -1.5]), new Float64Array([-0.5])],
};

export function xorHandNetwork() {
  const X = fromRows(logicGates.xor.map((e) => [...e.x]));
  const { A } = forward(xorHandSpec, xorHandWeights, X);
  const h = toRows(A[1]!);
  const y = toRows(A[2]!);
  return logicGates.xor.map((e, i) => ({ x: e.x, h: h[i]!, y: y[i]![0]!, attendu: e.y }));
}

/** Solved runs out of seeds 1…`seeds`, for 2, 3 and 4 hidden neurons, at learning rate 1. */
export function xorSeedSuccesses(seeds = 20): { h: number; n: number }[] {
  return [2, 3, 4].map((h) => ({
    h,
    n: Array.from({ length: seeds }, (_, i) => advance(startRun(h, i + 1), 1, MAX_EPOCHS)).filter(
      (r) => r.status === 'solved',
    ).length,
  }));
}

/** Three people (kg, years) through the worked network: the first layer's sums and the outputs. */
export const lot = (() => {
  const X = [[...exempleCours.x], [55, 40], [90, 60]];
  const pass = forward(passeSpec(), exempleCours.weights, fromRows(X));
  return { X, Z1: toRows(pass.Z[0]!), Y: toRows(pass.A[3]!) };
})();

/** MSE of the widest network against the target for 1 < |x| ≤ 1,5 (it saw no example there). */
export const extrapolation = (() => {
  const widest = approximations().at(-1)!;
  const xs = Array.from({ length: 51 }, (_, i) => 1.01 + i * 0.0098).flatMap((x) => [x, -x]);
  const yHat = predict(widest.spec, widest.weights, fromRows(xs.map((x) => [x]))).data;
  return xs.reduce((s, x, i) => s + (yHat[i]! - target(x)) ** 2, 0) / xs.length;
})();
