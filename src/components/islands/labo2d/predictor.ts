/**
 * The lab's predictions for the heat map and the scores, without garbage: the same arithmetic
 * as the reference `predict` (src/nn/math/mlp.ts: matmul, + b, f, in the same order, so the
 * same numbers to the last bit), but on a few rows at a time into buffers allocated once, and
 * cut into jobs that run a few milliseconds per animation frame. `predict` allocates one n×units
 * matrix per layer and step (4.5 MB for a 64×64 grid through 2 → 16 → 16 → 16 → 1): at ten maps
 * a second that garbage alone kept the collector busy.
 */
import { activations, type Matrix, type MlpSpec, type MlpWeights } from '../../../nn';

/** Rows per forward pass: small enough to check the clock often, large enough to amortise calls. */
export const CHUNK_ROWS = 128;

export interface Predictor {
  /**
   * The output of unit 0 of the last layer for rows [from, to) of X (at most CHUNK_ROWS rows),
   * written to out[at…].
   */
  rows(weights: MlpWeights, X: Matrix, from: number, to: number, out: Float64Array, at: number): void;
}

export function createPredictor(spec: MlpSpec): Predictor {
  const buffers = spec.layers.map((l) => new Float64Array(CHUNK_ROWS * l.units));
  const fs = spec.layers.map((l) => {
    if (l.activation === 'softmax') throw new Error('Le labo ne prédit pas de softmax.');
    return activations[l.activation].f;
  });
  return {
    rows(weights, X, from, to, out, at) {
      const n = to - from;
      let A = X.data.subarray(from * X.cols, to * X.cols);
      let cols = X.cols;
      for (let l = 0; l < spec.layers.length; l++) {
        const B = weights.W[l]!.data;
        const b = spec.layers[l]!.useBias === false ? null : weights.b[l]!;
        const m = spec.layers[l]!.units;
        const f = fs[l]!;
        const C = buffers[l]!;
        for (let i = 0; i < n; i++) {
          const aRow = i * cols;
          for (let j = 0; j < m; j++) {
            // matmul's sum, in its order (k ascending, zeros skipped), then + b, then f
            let z = 0;
            for (let k = 0; k < cols; k++) {
              const aik = A[aRow + k]!;
              if (aik !== 0) z += aik * B[k * m + j]!;
            }
            C[i * m + j] = b ? z + b[j]! : z;
          }
        }
        for (let i = 0; i < n * m; i++) C[i] = f(C[i]!);
        A = C;
        cols = m;
      }
      for (let i = 0; i < n; i++) out[at + i] = A[i * cols]!;
    },
  };
}

/** A prediction of several inputs, run a slice at a time; `out[i]` matches `inputs[i]`. */
export interface PredictJob {
  readonly out: readonly Float64Array[];
  readonly done: boolean;
  /** Chunks until `now()` reaches `deadline` (at least one) or the job is done; true when done. */
  run(deadline: number, now?: () => number): boolean;
}

/** `weights` must not change while the job runs (give it a copy). */
export function createPredictJob(predictor: Predictor, weights: MlpWeights, inputs: readonly Matrix[]): PredictJob {
  const out = inputs.map((X) => new Float64Array(X.rows));
  let input = 0;
  let row = 0;
  const job = {
    out,
    done: inputs.every((X) => X.rows === 0),
    run(deadline: number, now = () => performance.now()) {
      while (!job.done) {
        const X = inputs[input]!;
        const to = Math.min(X.rows, row + CHUNK_ROWS);
        predictor.rows(weights, X, row, to, out[input]!, row);
        row = to;
        if (row >= X.rows) {
          row = 0;
          input++;
          while (input < inputs.length && inputs[input]!.rows === 0) input++;
          job.done = input >= inputs.length;
        }
        if (now() >= deadline) break;
      }
      return job.done;
    },
  };
  return job;
}

/** Every row at once (reset, one epoch, tests). */
export function predictAll(spec: MlpSpec, weights: MlpWeights, inputs: readonly Matrix[]): Float64Array[] {
  const job = createPredictJob(createPredictor(spec), weights, inputs);
  job.run(Infinity);
  return job.out as Float64Array[];
}
