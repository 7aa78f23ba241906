/**
 * The lab's data and network from its settings: one seed draws the points, splits them into
 * training / validation / test, and draws the initial weights, so a link replays the same run.
 */
import {
  createRng,
  generators2d,
  splitIndices,
  takeRows,
  takeValues,
  initWeights,
  type Matrix,
  type LayerActivation,
  type MlpSpec,
  type MlpWeights,
  type OptimizerConfig,
  type Regularization,
  type StepperOptions,
} from '../../../nn';
import type { LabState } from './state';

export interface LabSplit {
  /** n×2 inputs. */
  readonly X: Matrix;
  /** n×1 targets (0 or 1). */
  readonly Y: Matrix;
  readonly labels: Int32Array;
}

export interface LabData {
  readonly train: LabSplit;
  readonly validation: LabSplit;
  readonly test: LabSplit;
}

/** The square drawn by the heat map: every dataset lies inside it, noise included (mostly). */
export const LAB_DOMAIN: readonly [number, number] = [-1.5, 1.5];

function part(X: Matrix, labels: Int32Array, rows: readonly number[]): LabSplit {
  const l = takeValues(labels, rows);
  return { X: takeRows(X, rows), Y: { rows: rows.length, cols: 1, data: Float64Array.from(l) }, labels: l };
}

/** Points, then split (train = `part`, the rest halved between validation and test). */
export function prepareData(s: Pick<LabState, 'donnees' | 'points' | 'bruit' | 'part' | 'seed'>): LabData {
  const rng = createRng(s.seed);
  const { X, labels } = generators2d[s.donnees](rng, s.points, s.bruit);
  const validation = (1 - s.part) / 2;
  const idx = splitIndices(rng, s.points, { train: s.part, validation, test: 1 - s.part - validation });
  return {
    train: part(X, labels, idx.train),
    validation: part(X, labels, idx.validation),
    test: part(X, labels, idx.test),
  };
}

/** 2 → hidden layers → 1 sigmoid neuron, binary cross-entropy. */
export function labSpec(s: Pick<LabState, 'couches' | 'act'>): MlpSpec {
  return {
    inputSize: 2,
    layers: [
      ...s.couches.map((units) => ({ units, activation: s.act as LayerActivation })),
      { units: 1, activation: 'sigmoid' },
    ],
    loss: 'bce',
  };
}

/** Initial weights: He for the ReLU family, Xavier otherwise; from the seed (+1: not the data's draws). */
export function labWeights(s: Pick<LabState, 'couches' | 'act' | 'seed'>): MlpWeights {
  const scheme = s.act === 'relu' || s.act === 'leakyRelu' ? 'he' : 'xavier';
  return initWeights(labSpec(s), createRng(s.seed + 1), scheme);
}

export function labOptimizer(s: Pick<LabState, 'optim' | 'lr'>): OptimizerConfig {
  return { name: s.optim, learningRate: s.lr };
}

export function labRegularization(s: Pick<LabState, 'reg' | 'alpha'>): Regularization | undefined {
  return s.reg === 'aucune' || s.alpha === 0 ? undefined : { kind: s.reg, alpha: s.alpha };
}

/** 0 or 1 per row of p (n×1 probabilities), threshold 0.5. */
export function classesOf(p: Matrix): Int32Array {
  return Int32Array.from(p.data, (v) => (v >= 0.5 ? 1 : 0));
}

/** The training run of the settings, for either engine. */
export function labOptions(s: LabState, data: LabData): StepperOptions {
  const reg = labRegularization(s);
  return {
    X: data.train.X,
    Y: data.train.Y,
    validation: { X: data.validation.X, Y: data.validation.Y },
    optimizer: labOptimizer(s),
    batchSize: s.lot,
    seed: s.seed,
    ...(reg ? { regularization: reg } : {}),
    ...(s.garde < 1 ? { dropoutKeep: s.garde } : {}),
    ...(s.patience > 0 ? { patience: s.patience } : {}),
  };
}
