import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { linearDataset } from '../../../../src/nn/data/linear';
import {
  leastSquaresLine,
  logicGates,
  logisticAccuracy,
  logisticLossAndGradient,
  logisticStep,
  type Example,
  type GateName,
  type NeuronParams,
} from '../../../../src/nn/math/single-neuron';
import { maxRelativeError, numericalGradient } from '../gradient-check';

const gates: GateName[] = ['and', 'or', 'xor'];
const toParams = (theta: readonly number[]): NeuronParams => ({ w: theta.slice(0, -1), b: theta.at(-1)! });

function train(gate: GateName, seed: number, steps: number, learningRate = 1): NeuronParams {
  const rng = createRng(seed);
  let p: NeuronParams = { w: [rng.normal(), rng.normal()], b: rng.normal() };
  for (let i = 0; i < steps; i++) p = logisticStep(p, logicGates[gate], learningRate).params;
  return p;
}

describe('logic gates', () => {
  it.each(gates)('%s has the truth table of the bitwise operator on the four corners', (gate) => {
    const op = {
      and: (a: number, b: number) => a & b,
      or: (a: number, b: number) => a | b,
      xor: (a: number, b: number) => a ^ b,
    }[gate];
    expect(logicGates[gate]).toHaveLength(4);
    for (const { x, y } of logicGates[gate]) expect(y).toBe(op(x[0]!, x[1]!));
  });
});

describe('logisticLossAndGradient', () => {
  const rng = createRng(21);
  const randomData: Example[] = Array.from({ length: 12 }, () => ({
    x: [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)],
    y: rng.int(2),
  }));
  const datasets: [string, readonly Example[]][] = [
    ...gates.map((g): [string, readonly Example[]] => [g, logicGates[g]]),
    ['random 3-input data', randomData],
  ];

  it.each(datasets)('dw, db match finite differences of the loss on %s', (_, data) => {
    const dim = data[0]!.x.length;
    for (let trial = 0; trial < 10; trial++) {
      const theta = Array.from({ length: dim + 1 }, () => rng.uniform(-2, 2));
      const { dw, db } = logisticLossAndGradient(toParams(theta), data);
      const numeric = numericalGradient((t) => logisticLossAndGradient(toParams(t), data).loss, theta);
      expect(maxRelativeError([...dw, db], numeric)).toBeLessThan(1e-6);
    }
  });

  it.each(datasets)('at w = 0, b = 0 every prediction is 1/2, so the loss is ln 2 (%s)', (_, data) => {
    const p = { w: data[0]!.x.map(() => 0), b: 0 };
    expect(logisticLossAndGradient(p, data).loss).toBeCloseTo(Math.LN2, 14);
  });

  it('clips probabilities: a confidently wrong neuron has a large but finite loss', () => {
    const { loss } = logisticLossAndGradient({ w: [-1000, -1000], b: 0 }, logicGates.and);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(5);
  });
});

describe('logisticStep', () => {
  it('moves by −η∇J and reports the loss before the step', () => {
    const p = { w: [0.3, -0.7], b: 0.2 };
    const { loss, dw, db } = logisticLossAndGradient(p, logicGates.or);
    const step = logisticStep(p, logicGates.or, 0.5);
    expect(step.loss).toBe(loss);
    expect(step.params.w[0]).toBeCloseTo(0.3 - 0.5 * dw[0]!, 15);
    expect(step.params.w[1]).toBeCloseTo(-0.7 - 0.5 * dw[1]!, 15);
    expect(step.params.b).toBeCloseTo(0.2 - 0.5 * db, 15);
    expect(logisticLossAndGradient(step.params, logicGates.or).loss).toBeLessThan(loss);
  });
});

describe('logisticAccuracy', () => {
  it('thresholds at z = 0: hand-built AND and OR neurons are exact, and no line solves XOR', () => {
    const andNeuron = { w: [1, 1], b: -1.5 };
    const orNeuron = { w: [1, 1], b: -0.5 };
    expect(logisticAccuracy(andNeuron, logicGates.and)).toBe(1);
    expect(logisticAccuracy(orNeuron, logicGates.or)).toBe(1);
    expect(logisticAccuracy(orNeuron, logicGates.xor)).toBe(0.75);
    expect(logisticAccuracy(andNeuron, logicGates.xor)).toBe(0.25);
    expect(logisticAccuracy({ w: [0, 0], b: -1 }, logicGates.and)).toBe(0.75);
  });
});

describe.each([1, 2, 3, 4, 5])('gradient descent from seed %i, learning rate 1', (seed) => {
  it.each(['and', 'or'] as const)('learns %s within 3,000 steps', (gate) => {
    expect(logisticAccuracy(train(gate, seed, 3000), logicGates[gate])).toBe(1);
  });

  it('does not learn xor in 5,000 steps: the loss settles at its minimum ln 2', () => {
    const p = train('xor', seed, 5000);
    expect(logisticAccuracy(p, logicGates.xor)).toBeLessThan(1);
    // For XOR the mean cross-entropy is convex with its minimum at w = 0, b = 0 (gradient 0 there).
    expect(logisticLossAndGradient(p, logicGates.xor).loss).toBeCloseTo(Math.LN2, 6);
  });
});

describe('leastSquaresLine', () => {
  const mse = ([w, b]: readonly number[], xs: readonly number[], ys: readonly number[]) =>
    xs.reduce((s, x, i) => s + (w! * x + b! - ys[i]!) ** 2, 0) / xs.length;

  it('recovers (2, 1) on exact data of y = 2x + 1', () => {
    const xs = [-3, -1, 0, 0.5, 2, 7];
    const { w, b } = leastSquaresLine(
      xs,
      xs.map((x) => 2 * x + 1),
    );
    expect(w).toBeCloseTo(2, 12);
    expect(b).toBeCloseTo(1, 12);
  });

  it.each([1, 2, 3])('is the minimiser of the MSE on noisy data (seed %i): gradient ≈ 0', (seed) => {
    const { xs, ys } = linearDataset(createRng(seed), { n: 200, slope: -1.5, intercept: 0.3, noise: 0.4 });
    const { w, b } = leastSquaresLine(xs, ys);
    const grad = numericalGradient((t) => mse(t, xs, ys), [w, b]);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-8);
    // and any nearby line does worse
    const best = mse([w, b], xs, ys);
    for (const [dw, db] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
    ]) {
      expect(mse([w + dw!, b + db!], xs, ys)).toBeGreaterThan(best);
    }
  });

  it.each([
    ['fewer than two points', [1], [2]],
    ['no points', [], []],
    ['different lengths', [1, 2, 3], [1, 2]],
    ['all x equal', [2, 2, 2], [1, 2, 3]],
  ])('throws on %s', (_, xs, ys) => {
    expect(() => leastSquaresLine(xs, ys)).toThrow(/leastSquaresLine/);
  });
});
