/**
 * The project's pure logic, without DOM or tfjs: data and split from the settings, the
 * network and its initial weights, evaluation in the units of the result, and the model file
 * (weights + spec + data settings + seed). One seed draws the pairs, the split and the weights,
 * so a link or a file replays the same experiment.
 */
import {
  calculatorDataset,
  denormalizeTarget,
  targetScale,
  type CalculatorDataset,
  createRng,
  splitIndices,
  takeRows,
  takeValues,
  initWeights,
  type Matrix,
  predict,
  mae,
  mse,
  r2,
  type LayerActivation,
  type MlpSpec,
  type MlpWeights,
  decodeWeightsFile,
  encodeWeightsFile,
} from '../../../nn';
import { defaultState } from '../shared/url-state';
import { calcActivations, calcOperations, calcSchema, validateCalc, type CalcState } from './state';

export interface CalcPart {
  /** Raw integer pairs (rows × 2). */
  readonly pairs: Matrix;
  /** Raw results a + b or a·b. */
  readonly targets: Float64Array;
  /** Normalised inputs and targets, as the network sees them. */
  readonly X: Matrix;
  readonly Y: Matrix;
}

export interface CalcData {
  readonly all: CalculatorDataset;
  readonly train: CalcPart;
  readonly validation: CalcPart;
  readonly test: CalcPart;
}

function part(d: CalculatorDataset, rows: readonly number[]): CalcPart {
  return {
    pairs: takeRows(d.pairs, rows),
    targets: takeValues(d.targets, rows),
    X: takeRows(d.X, rows),
    Y: takeRows(d.Y, rows),
  };
}

/** The pairs, then the split; null when the settings are not usable (see `validateCalc`). */
export function prepareCalcData(s: CalcState): CalcData | null {
  if (validateCalc(s)) return null;
  const rng = createRng(s.seed);
  const all = calculatorDataset(rng, { operation: s.op, min: s.min, max: s.max, count: s.n });
  const idx = splitIndices(rng, s.n, { train: 1 - s.val - s.test, validation: s.val, test: s.test });
  return { all, train: part(all, idx.train), validation: part(all, idx.validation), test: part(all, idx.test) };
}

/** 2 inputs → hidden layers → 1 linear output, mean squared error. */
export function calcSpec(s: { readonly couches: readonly number[]; readonly act: CalcState['act'] }): MlpSpec {
  return {
    inputSize: 2,
    layers: [
      ...s.couches.map((units) => ({ units, activation: s.act as LayerActivation })),
      { units: 1, activation: 'identity' },
    ],
    loss: 'mse',
  };
}

/** He for the ReLU family, Xavier otherwise; from the seed + 1 (not the data's draws). */
export function calcWeights(s: Parameters<typeof calcSpec>[0] & { readonly seed: number }): MlpWeights {
  const scheme = s.act === 'relu' || s.act === 'leakyRelu' ? 'he' : 'xavier';
  return initWeights(calcSpec(s), createRng(s.seed + 1), scheme);
}

/** The network's answers for raw pairs (rows × 2), in the units of the result. */
export function answer(s: Pick<CalcState, 'op' | 'max'>, spec: MlpSpec, w: MlpWeights, pairs: Matrix): Float64Array {
  const X = { rows: pairs.rows, cols: 2, data: pairs.data.map((v) => v / s.max) };
  return predict(spec, w, X).data.map((v) => denormalizeTarget(s.op, s.max, v));
}

export interface CalcMetrics {
  readonly mse: number;
  readonly mae: number;
  readonly r2: number;
}

/** MSE, MAE and R² of raw predictions against raw results. */
export function calcMetrics(targets: ArrayLike<number>, predictions: ArrayLike<number>): CalcMetrics {
  return { mse: mse(targets, predictions), mae: mae(targets, predictions), r2: r2(targets, predictions) };
}

/** One evaluated model, for the table that sets sum and product side by side. */
export interface CalcRunRecord {
  readonly op: CalcState['op'];
  readonly couches: readonly number[];
  readonly act: CalcState['act'];
  readonly epochs: number;
  readonly metrics: CalcMetrics;
  /** MAE over the largest possible result (2·max or max²): errors compared across operations. */
  readonly relativeMae: number;
}

export function calcRunRecord(
  s: Pick<CalcState, 'op' | 'max' | 'couches' | 'act'>,
  epochs: number,
  metrics: CalcMetrics,
): CalcRunRecord {
  return {
    op: s.op,
    couches: [...s.couches],
    act: s.act,
    epochs,
    metrics,
    relativeMae: metrics.mae / targetScale(s.op, s.max),
  };
}

/** Signs of over-fitting in the curves, in French, or null: validation up while training goes down. */
export function overfittingSign(train: readonly number[], validation: readonly number[]): string | null {
  const n = validation.length;
  if (n < 10) return null;
  let best = Infinity;
  let at = 0;
  validation.forEach((v, i) => {
    if (v < best) [best, at] = [v, i];
  });
  const last = validation[n - 1]!;
  if (at > n - 6 || last < 1.5 * best || !(train[n - 1]! < train[at]!)) return null;
  return `La perte de validation remonte depuis l’époque ${at + 1} alors que celle d’entraînement baisse encore\u00a0: le réseau commence à apprendre ses exemples par cœur (surapprentissage). Moins d’époques, plus de données ou un réseau plus petit corrigent cela.`;
}

/** Settings stored in a model file: everything that makes the data and the network. */
const FILE_KEYS = ['op', 'min', 'max', 'n', 'seed', 'val', 'test', 'couches', 'act'] as const;
export type CalcFileSettings = Pick<CalcState, (typeof FILE_KEYS)[number]>;

export function encodeCalcModel(s: CalcState, w: MlpWeights): Uint8Array {
  const settings = Object.fromEntries(FILE_KEYS.map((k) => [k, s[k]]));
  return encodeWeightsFile(calcSpec(s), w, { note: JSON.stringify({ calculatrice: settings }) });
}

const fail = (why: string): never => {
  throw new Error(`Ce fichier n’est pas un modèle de la calculatrice\u00a0: ${why}`);
};

/** Reads a model file; throws a French message (nothing loaded) when it is not one. */
export function decodeCalcModel(bytes: Uint8Array): { settings: CalcFileSettings; weights: MlpWeights } {
  const { spec, weights, meta } = decodeWeightsFile(bytes);
  let raw: unknown;
  try {
    raw = (JSON.parse(meta.note ?? '{}') as { calculatrice?: unknown }).calculatrice;
  } catch {
    fail('sa note n’est pas du JSON.');
  }
  if (typeof raw !== 'object' || raw === null) return fail('il ne dit pas sur quelles données il a appris.');
  const r = raw as Record<string, unknown>;
  const int = (k: 'min' | 'max' | 'n' | 'seed') => {
    const v = r[k];
    const f = calcSchema[k];
    return Number.isInteger(v) && (v as number) >= f.min && (v as number) <= f.max
      ? (v as number)
      : fail(`${k} invalide.`);
  };
  const share = (k: 'val' | 'test') =>
    typeof r[k] === 'number' && r[k] >= 0 && r[k] <= 0.9 ? r[k] : fail(`part ${k} invalide.`);
  const op = calcOperations.find((o) => o === r.op) ?? fail('opération inconnue.');
  const act = calcActivations.find((a) => a === r.act) ?? fail('activation inconnue.');
  const couches = spec.layers.slice(0, -1).map((l) => l.units);
  const settings: CalcFileSettings = {
    op,
    min: int('min'),
    max: int('max'),
    n: int('n'),
    seed: int('seed'),
    val: share('val'),
    test: share('test'),
    couches,
    act,
  };
  const expected = calcSpec(settings);
  if (JSON.stringify(expected) !== JSON.stringify(spec)) fail('son réseau n’a pas la forme 2 → … → 1 attendue.');
  const problem = validateCalc({ ...defaultState(calcSchema), ...settings });
  if (problem) fail(problem);
  return { settings, weights };
}
