/**
 * From the network's probabilities to what the chapter shows: the predicted digits, accuracy,
 * the cross-entropy, the confusion matrix and precision/recall/F1 per class. Pure: the island
 * runs it on what `predictInBatches` returns, the tests on hand-made probabilities.
 */
import { accuracy, confusionMatrix, precisionRecallF1, type ClassScores } from '../../../nn';

export interface MnistEvaluation {
  readonly count: number;
  /** predicted[i] = argmax of row i. */
  readonly predicted: Uint8Array;
  readonly accuracy: number;
  /** Mean −ln p(true digit), probabilities clipped at 1e-7 as the training loss. */
  readonly loss: number;
  /** confusion[true][predicted], counts. */
  readonly confusion: number[][];
  readonly perClass: ClassScores[];
  readonly macro: { precision: number; recall: number; f1: number };
}

const CLASSES = 10;

/** The argmax of each row of `probabilities` (n×10, row-major). */
export function argmaxRows(probabilities: ArrayLike<number>, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < CLASSES; k++)
      if (probabilities[i * CLASSES + k]! > probabilities[i * CLASSES + best]!) best = k;
    out[i] = best;
  }
  return out;
}

/** Everything the evaluation panel shows, for `labels` (n digits) and n×10 probabilities. */
export function evaluateProbabilities(probabilities: ArrayLike<number>, labels: ArrayLike<number>): MnistEvaluation {
  const n = labels.length;
  if (probabilities.length !== n * CLASSES)
    throw new Error(
      `Évaluation\u00a0: ${probabilities.length} probabilités pour ${n} images (${n * CLASSES} attendues).`,
    );
  if (n === 0) throw new Error('Évaluation\u00a0: aucune image à évaluer.');
  const predicted = argmaxRows(probabilities, n);
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= Math.log(Math.max(probabilities[i * CLASSES + labels[i]!]!, 1e-7));
  const confusion = confusionMatrix(labels, predicted, CLASSES);
  const { perClass, macro } = precisionRecallF1(confusion);
  return { count: n, predicted, accuracy: accuracy(labels, predicted), loss: loss / n, confusion, perClass, macro };
}

/** Indices (into the evaluated set) of the images of `digit` predicted as `as`. */
export function confusedIndices(labels: ArrayLike<number>, predicted: ArrayLike<number>, digit: number, as: number) {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === digit && predicted[i] === as) out.push(i);
  return out;
}
