/**
 * Chapter 7's guided over-fitting experiment, computed at build time by the reference engine:
 * a big network (2 → 32 → 32 → 1, tanh) trained for many epochs on a few noisy points of
 * `moons`, first without regularisation (the validation loss climbs back while the training
 * loss keeps falling), then with an L2 penalty, with dropout and with early stopping.
 * Every number the chapter prints about it comes from `overfittingRuns()`.
 */
import {
  accuracy,
  createRng,
  generators2d,
  initWeights,
  losses,
  predict,
  trainMlp,
  type Matrix,
  type MlpSpec,
  type TrainOptions,
} from '../../nn';

export const OVERFIT_SETTINGS = {
  dataset: 'moons',
  trainPoints: 30,
  validationPoints: 200,
  testPoints: 1000,
  noise: 0.2,
  hidden: [32, 32],
  epochs: 800,
  learningRate: 0.002,
  batchSize: 10,
  seed: 7,
  l2: 0.05,
  dropoutKeep: 0.5,
  patience: 50,
} as const;

export type OverfitVariant = 'aucune' | 'l2' | 'dropout' | 'arret';
export const overfitVariants: readonly OverfitVariant[] = ['aucune', 'l2', 'dropout', 'arret'];
export const overfitLabels: Readonly<Record<OverfitVariant, string>> = {
  aucune: 'sans régularisation',
  l2: 'pénalité L2',
  dropout: 'dropout',
  arret: 'arrêt précoce',
};

export interface OverfitRun {
  readonly variant: OverfitVariant;
  /** Per epoch: training loss (mean over the epoch's batches) and validation loss. */
  readonly train: readonly number[];
  readonly validation: readonly number[];
  /** Epochs run (fewer than `epochs` with early stopping). */
  readonly epochs: number;
  /** With early stopping: the epoch whose weights were kept. */
  readonly bestEpoch: number | undefined;
  /** Loss of the final (kept) weights on the whole training set, without dropout. */
  readonly finalTrainLoss: number;
  /** Validation loss of the final (kept) weights. */
  readonly finalValLoss: number;
  /** Lowest validation loss reached during training, and its epoch. */
  readonly minValLoss: number;
  readonly minValEpoch: number;
  /** Share of the test points classified on the right side of 0.5. */
  readonly testAccuracy: number;
}

export function overfitSpec(): MlpSpec {
  return {
    inputSize: 2,
    layers: [
      ...OVERFIT_SETTINGS.hidden.map((units) => ({ units, activation: 'tanh' as const })),
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'bce',
  };
}

function dataset(seed: number, n: number): { X: Matrix; Y: Matrix; labels: Int32Array } {
  const { X, labels } = generators2d[OVERFIT_SETTINGS.dataset](createRng(seed), n, OVERFIT_SETTINGS.noise);
  return { X, Y: { rows: n, cols: 1, data: Float64Array.from(labels) }, labels };
}

/** The three independent draws of the experiment: 30 to learn from, 200 to watch, 1,000 to judge. */
export function overfitData() {
  const s = OVERFIT_SETTINGS;
  return {
    train: dataset(s.seed, s.trainPoints),
    validation: dataset(s.seed + 1, s.validationPoints),
    test: dataset(s.seed + 2, s.testPoints),
  };
}

/** Trains one variant from the same initial weights and the same shuffles. */
export function overfitRun(variant: OverfitVariant): OverfitRun {
  const s = OVERFIT_SETTINGS;
  const spec = overfitSpec();
  const data = overfitData();
  const weights = initWeights(spec, createRng(s.seed), 'xavier');
  const options: TrainOptions = {
    X: data.train.X,
    Y: data.train.Y,
    validation: { X: data.validation.X, Y: data.validation.Y },
    optimizer: { name: 'adam', learningRate: s.learningRate },
    epochs: s.epochs,
    batchSize: s.batchSize,
    seed: s.seed,
    ...(variant === 'l2' ? { regularization: { kind: 'l2', alpha: s.l2 } } : {}),
    ...(variant === 'dropout' ? { dropoutKeep: s.dropoutKeep } : {}),
    ...(variant === 'arret' ? { patience: s.patience } : {}),
  };
  const result = trainMlp(spec, weights, options);
  const validation = result.history.map((r) => r.valLoss!);
  const minValLoss = Math.min(...validation);
  const bce = losses.bce;
  const p = predict(spec, weights, data.test.X).data;
  const predicted = Int32Array.from(p, (v) => (v >= 0.5 ? 1 : 0));
  return {
    variant,
    train: result.history.map((r) => r.loss),
    validation,
    epochs: result.epochs,
    bestEpoch: result.bestEpoch,
    finalTrainLoss: bce.value(predict(spec, weights, data.train.X), data.train.Y),
    finalValLoss: bce.value(predict(spec, weights, data.validation.X), data.validation.Y),
    minValLoss,
    minValEpoch: validation.indexOf(minValLoss) + 1,
    testAccuracy: accuracy(data.test.labels, predicted),
  };
}

let cache: Record<OverfitVariant, OverfitRun> | null = null;
/** The four runs, computed once per build (the chapter and its chart share them). */
export function overfittingRuns(): Record<OverfitVariant, OverfitRun> {
  cache ??= Object.fromEntries(overfitVariants.map((v) => [v, overfitRun(v)])) as Record<OverfitVariant, OverfitRun>;
  return cache;
}
