/**
 * The logic of the "Gradients qui s’évanouissent" island, without DOM: a deep network (ten hidden
 * layers of equal width, one linear output, ½ squared error), its seeded weights and batch, and
 * one forward + backward pass on the reference engine, run a few examples at a time so that the
 * island can spread the work over animation frames. The gradient of a batch mean is the weighted
 * sum of the gradients of its chunks, so the chunked run gives the full-batch result.
 */
import {
  createRng,
  initWeights,
  backward,
  forward,
  selectRows,
  type Matrix,
  type MlpSpec,
  type MlpWeights,
} from '../../../nn';

export const HIDDEN_LAYERS = 10;
/** Examples in the batch (inputs and targets drawn from N(0, 1)). */
export const BATCH = 128;
export const deepActivations = ['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const;
export type DeepActivation = (typeof deepActivations)[number];
/**
 * `tiny` = 0.01·N(0, 1), `xavier` = N(0, 2/(fan_in + fan_out)), `he` = N(0, 2/fan_in) (src/nn's
 * schemes), and `grand` = N(0, 1): weights far too large, to see gradients explode.
 */
export const deepInits = ['tiny', 'xavier', 'he', 'grand'] as const;
export type DeepInit = (typeof deepInits)[number];

export interface DeepSettings {
  readonly act: DeepActivation;
  readonly init: DeepInit;
  readonly width: number;
  readonly seed: number;
}

/** width → 10 hidden layers of `width` units (activation `act`) → 1 linear output; loss ½(ŷ − y)². */
export function deepSpec(width: number, act: DeepActivation): MlpSpec {
  return {
    inputSize: width,
    layers: [
      ...Array.from({ length: HIDDEN_LAYERS }, () => ({ units: width, activation: act })),
      { units: 1, activation: 'identity' as const },
    ],
    loss: 'halfMse',
  };
}

function gaussianMatrix(rng: ReturnType<typeof createRng>, rows: number, cols: number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return { rows, cols, data };
}

/** The network, its weights and its batch: the same for the same settings (weights, then X, then Y). */
export function deepSetup({ act, init, width, seed }: DeepSettings) {
  const spec = deepSpec(width, act);
  const rng = createRng(seed);
  let weights: MlpWeights = initWeights(spec, rng, init === 'grand' ? 'tiny' : init);
  // N(0, 1) is the 0.01·N(0, 1) draw scaled by 100: the same random numbers, only larger.
  if (init === 'grand')
    weights = { W: weights.W.map((m) => ({ ...m, data: m.data.map((v) => v * 100) })), b: weights.b };
  const X = gaussianMatrix(rng, BATCH, width);
  const Y = gaussianMatrix(rng, BATCH, 1);
  return { spec, weights, X, Y };
}

/** What the island shows for one layer (hidden layers 1–10, then the output layer). */
export interface LayerReport {
  /** The layer's outputs A[l] on the whole batch (BATCH × units values). */
  readonly activations: Float64Array;
  readonly std: number;
  /** ‖∂J/∂W_l‖, the Frobenius norm of the layer's weight gradient. */
  readonly gradNorm: number;
}

export interface DeepResult {
  readonly loss: number;
  readonly layers: readonly LayerReport[];
  /** dW of every layer (full batch), for tests against the engine's `backward`. */
  readonly dW: readonly Matrix[];
}

export interface DeepProgress {
  readonly done: number;
  readonly total: number;
}

/** Standard deviation of all values (population form). */
export function std(values: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (values[i]! - mean) ** 2;
  return Math.sqrt(s / values.length);
}

function frobenius(m: Matrix): number {
  let s = 0;
  for (const v of m.data) s += v * v;
  return Math.sqrt(s);
}

/**
 * The forward and backward pass on the batch, `chunk` examples per step: each `next()` does one
 * chunk and yields the progress; the generator returns the per-layer report. ∂J/∂W of the batch
 * mean J = (1/n) Σ ℓᵢ is Σ_chunks (m/n) · ∂J_chunk/∂W for chunks of m examples.
 */
export function* deepPass(settings: DeepSettings, chunk = 16): Generator<DeepProgress, DeepResult> {
  const { spec, weights, X, Y } = deepSetup(settings);
  const n = X.rows;
  const L = spec.layers.length;
  const dW = weights.W.map((m) => ({ rows: m.rows, cols: m.cols, data: new Float64Array(m.data.length) }));
  const acts = spec.layers.map((layer) => new Float64Array(n * layer.units));
  let loss = 0;
  for (let start = 0; start < n; start += chunk) {
    const rows = Array.from({ length: Math.min(chunk, n - start) }, (_, i) => start + i);
    const pass = forward(spec, weights, selectRows(X, rows));
    const g = backward(spec, weights, pass, selectRows(Y, rows));
    const share = rows.length / n;
    loss += share * g.loss;
    for (let l = 0; l < L; l++) {
      const target = dW[l]!.data;
      g.dW[l]!.data.forEach((v, i) => (target[i]! += share * v));
      acts[l]!.set(pass.A[l + 1]!.data, start * spec.layers[l]!.units);
    }
    yield { done: start + rows.length, total: n };
  }
  return {
    loss,
    dW,
    layers: acts.map((a, l) => ({ activations: a, std: std(a), gradNorm: frobenius(dW[l]!) })),
  };
}

/** The whole pass at once (tests, and the chapter if it wants numbers). */
export function runDeepPass(settings: DeepSettings, chunk = BATCH): DeepResult {
  const it = deepPass(settings, chunk);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Counts of `values` in `bins` equal bins over [lo, hi] (values outside are put in the end bins). */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((values[i]! - lo) / width);
    counts[Math.min(bins - 1, Math.max(0, k))]!++;
  }
  return counts;
}

/** The x-range the histograms share: the activation's range, or the data's for ReLU-like ones. */
export function histogramRange(act: DeepActivation, layers: readonly LayerReport[]): [number, number] {
  if (act === 'sigmoid') return [0, 1];
  if (act === 'tanh') return [-1, 1];
  let lo = 0;
  let hi = 0;
  for (const { activations } of layers.slice(0, HIDDEN_LAYERS))
    for (const v of activations) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return hi > lo ? [lo, hi] : [0, 1];
}

/**
 * Decades [lo, hi] of a log axis holding every positive finite value and 10⁰ (so that "large"
 * and "tiny" read against the same reference).
 */
export function logDomain(values: readonly number[]): [number, number] {
  const logs = values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10);
  return [Math.floor(Math.min(0, ...logs)), Math.ceil(Math.max(0, ...logs))];
}
