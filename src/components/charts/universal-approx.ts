/**
 * The universal approximation illustration of chapter 3, computed at build time: networks with
 * one tanh hidden layer of growing width, each trained by the reference engine (full-batch Adam,
 * fixed seed) to fit a continuous function on [−1, 1]. About 0,7 s for the four widths here.
 */
import { createRng, fromRows, initWeights, predict, trainMlp, type MlpSpec, type MlpWeights } from '../../nn';

/** The function to approximate: continuous, a few oscillations, a slight slope. */
export const target = (x: number): number => Math.sin(6 * x) + 0.3 * x;
export const TARGET_TEX = String.raw`f(x) = \sin(6x) + 0{,}3\,x`;

export const WIDTHS = [1, 3, 10, 30] as const;

export const SETTINGS = {
  /** Training points, evenly spaced on [−1, 1]. */
  points: 64,
  epochs: 2500,
  learningRate: 0.01,
  seed: 1,
} as const;

export interface Approximation {
  readonly width: number;
  readonly spec: MlpSpec;
  readonly weights: MlpWeights;
  /** Mean squared error on the training points after training. */
  readonly mse: number;
  /** The trained network as a function of x. */
  readonly f: (x: number) => number;
}

export function approximationSpec(width: number): MlpSpec {
  return {
    inputSize: 1,
    layers: [
      { units: width, activation: 'tanh' },
      { units: 1, activation: 'identity' },
    ],
    loss: 'mse',
  };
}

export const trainingXs = (n: number = SETTINGS.points): number[] =>
  Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));

/** Trains one network of `width` hidden neurons (Xavier start from the seed) and measures it. */
export function trainApproximation(width: number, settings: typeof SETTINGS = SETTINGS): Approximation {
  const xs = trainingXs(settings.points);
  const X = fromRows(xs.map((x) => [x]));
  const Y = fromRows(xs.map((x) => [target(x)]));
  const spec = approximationSpec(width);
  const weights = initWeights(spec, createRng(settings.seed), 'xavier');
  trainMlp(spec, weights, {
    X,
    Y,
    optimizer: { name: 'adam', learningRate: settings.learningRate },
    epochs: settings.epochs,
    batchSize: settings.points,
    seed: settings.seed,
  });
  const yHat = predict(spec, weights, X).data;
  const mse = xs.reduce((s, _, i) => s + (yHat[i]! - Y.data[i]!) ** 2, 0) / xs.length;
  const f = (x: number) => predict(spec, weights, fromRows([[x]])).data[0]!;
  return { width, spec, weights, mse, f };
}

let cache: Approximation[] | null = null;

/** The four trained networks, computed once per build (the chapter and its chart share them). */
export function approximations(): Approximation[] {
  cache ??= WIDTHS.map((w) => trainApproximation(w));
  return cache;
}

/** Digits after the comma that show `n` significant digits of v (0,38 ; 0,0013). */
export function significantDigits(v: number, n = 2): number {
  return v === 0 ? n : Math.max(0, n - 1 - Math.floor(Math.log10(Math.abs(v))));
}
