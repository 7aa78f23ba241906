/**
 * The calculator's task in its training worker (train-worker.ts), on the shared life cycle
 * (src/training/session.ts): the model from the seed's weights (or the one paused, to go on
 * with), epochs on the training matrices with the validation loss after each, a report per
 * epoch; at a pause and at the end the weights come back, so that evaluation and analysis run on
 * the course's engine in the page.
 */
import type { EpochReport, Matrix, MlpSpec, MlpWeights, OptimizerConfig } from '../../../nn';
import type { TrainingTask } from '../../../training/session';

export interface CalcJob {
  readonly spec: MlpSpec;
  /** The initial weights; null: go on with the worker's model (« Reprendre » after a pause). */
  readonly weights: MlpWeights | null;
  readonly X: Matrix;
  readonly Y: Matrix;
  readonly validation: { readonly X: Matrix; readonly Y: Matrix };
  readonly optimizer: OptimizerConfig;
  readonly batchSize: number;
  readonly seed: number;
  /** Epochs done before (numbering and shuffling go on from there), and epochs to run now. */
  readonly firstEpoch: number;
  readonly epochs: number;
}

export interface CalcReport {
  readonly status?: 'entrainement' | 'pause' | 'fini' | 'divergence';
  readonly epoch?: EpochReport;
  /** The weights reached (at a pause, at the end); null after a divergence. */
  readonly weights?: MlpWeights | null;
  readonly message?: string;
}

export const calcTask = (): TrainingTask<CalcJob, never, CalcReport> => ({
  async run(job, ctx) {
    await ctx.engine();
    const model = await ctx.model(job.spec, job.weights);
    ctx.report({ status: 'entrainement' });
    const { X, Y, validation, optimizer, batchSize, seed, firstEpoch, epochs } = job;
    const { result } = await ctx.train(model, {
      X,
      Y,
      validation,
      optimizer,
      batchSize,
      seed,
      firstEpoch,
      epochs,
      afterEpoch: (epoch) => ctx.report({ epoch }),
      onPause: async () => ctx.report({ status: 'pause', weights: await model.getWeights() }),
      onResume: () => ctx.report({ status: 'entrainement' }),
    });
    if (!ctx.live()) return;
    if (result.status === 'diverged') ctx.report({ status: 'divergence', message: result.reason ?? '', weights: null });
    else ctx.report({ status: 'fini', weights: await model.getWeights() });
  },
});
