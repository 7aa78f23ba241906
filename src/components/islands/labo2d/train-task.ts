/**
 * The 2D lab's task in its training worker (train-worker.ts), on the shared life cycle
 * (src/training/session.ts): the model from the page's initial weights (or the one trained so
 * far, to go on with), epochs no faster than the chosen speed, a report per epoch (its losses),
 * the weights at the pace the heat map redraws, at a pause and at the end, so that the page maps
 * them and scores them with the course's engine.
 */
import {
  earlyStopReason,
  type BackendChoice,
  type EpochReport,
  type MlpSpec,
  type MlpWeights,
  type StepperOptions,
  type TrainResult,
} from '../../../nn';
import type { RunContext, TrainingTask } from '../../../training/session';
import { createPace, REFRESH_MS, type EpochPace } from './pace';

export interface LabJob {
  readonly spec: MlpSpec;
  /** The initial weights; null: go on with the worker's model. */
  readonly weights: MlpWeights | null;
  /** The settings' run (data, optimiser, regularisation, patience), as for the reference engine. */
  readonly options: Omit<StepperOptions, 'onEpoch' | 'onBatch'>;
  /** Epochs done before (numbering and shuffling go on from there), and epochs to run now. */
  readonly firstEpoch: number;
  readonly epochs: number;
  /** Epochs per second at most (Infinity: as fast as the engine goes). */
  readonly rate: number;
}

export interface LabReport {
  /** Training has begun on this backend. */
  readonly started?: BackendChoice;
  readonly epoch?: EpochReport;
  readonly weights?: MlpWeights;
  /** The run ended (a pause does not end it); `bestEpoch` after early stopping, counted from the lab's first epoch. */
  readonly end?: { readonly status: TrainResult['status']; readonly reason?: string; readonly bestEpoch?: number };
}

const buffers = (w: MlpWeights): Transferable[] => [...w.W.map((m) => m.data.buffer), ...w.b.map((b) => b.buffer)];

/** Sent during a run when the reader changes « Vitesse »: epochs per second from now on. */
export interface LabInput {
  readonly rate: number;
}

export function labTask(): TrainingTask<LabJob, LabInput, LabReport> {
  /** The pace of the run under way (a new run starts with its job's rate). */
  let pace: EpochPace | null = null;
  return {
    input: ({ rate }) => pace?.setRate(rate),
    run: async (job, ctx) => {
      pace = createPace(job.rate);
      await run(job, ctx, pace);
    },
  };
}

async function run(job: LabJob, ctx: RunContext<LabReport>, pace: EpochPace): Promise<void> {
  const { backend } = await ctx.engine();
  const model = await ctx.model(job.spec, job.weights);
  ctx.report({ started: backend });
  let sentAt = performance.now();
  const sendWeights = async () => {
    const weights = await model.getWeights();
    sentAt = performance.now();
    ctx.report({ weights }, buffers(weights));
  };
  const { result } = await ctx.train(model, {
    ...job.options,
    firstEpoch: job.firstEpoch,
    epochs: job.epochs,
    afterEpoch: async (epoch) => {
      ctx.report({ epoch });
      if (performance.now() - sentAt >= REFRESH_MS) await sendWeights();
      // the chosen speed: after an epoch that came too early, wait until its turn
      pace.spend(1);
      while (ctx.live() && pace.allowed(performance.now()) < 1) await new Promise((r) => setTimeout(r, 20));
    },
    onPause: sendWeights,
  });
  if (!ctx.live()) return;
  const { status, bestEpoch } = result;
  const patience = job.options.patience;
  const reason =
    status === 'earlyStopped' && bestEpoch !== undefined && patience !== undefined
      ? earlyStopReason(patience, bestEpoch)
      : result.reason;
  // the diverged weights are not worth mapping
  if (status !== 'diverged') await sendWeights();
  ctx.report({
    end: { status, ...(reason === undefined ? {} : { reason }), ...(bestEpoch === undefined ? {} : { bestEpoch }) },
  });
}
