/**
 * A trained model on a set of MNIST images: the predictions on the fast engine (tfjs, imported
 * on demand), then the figures evaluate.ts draws from them. Used after each epoch, within an
 * epoch, on the test set and by the imbalance experiment.
 */
import type { Tf, TfMlp, BatchSource } from '../../../nn/tf';
import { evaluateProbabilities, type MnistEvaluation } from './evaluate';

/** The loss, accuracy and confusion of `model` on `source`, whose digits are `labels`. */
export async function measure(tf: Tf, model: TfMlp, source: BatchSource, labels: Uint8Array): Promise<MnistEvaluation> {
  const { predictInBatches } = await import('../../../nn/tf');
  return evaluateProbabilities(await predictInBatches(tf, model, source), labels);
}
