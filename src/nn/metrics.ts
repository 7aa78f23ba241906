/**
 * Evaluation metrics for the projects: regression (chapter 8: MSE, MAE, R²) and
 * classification (chapter 9: accuracy, confusion matrix, precision, recall, F1).
 * Inputs are flat arrays of equal length (pass `matrix.data` for an n×k output);
 * class labels are integers 0..classes−1.
 */
import type { Matrix } from './math/matrix';

function checkPair(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, what: string): number {
  if (yTrue.length !== yPred.length)
    throw new Error(
      `${what}\u00a0: ${yTrue.length} valeurs vraies pour ${yPred.length} prédictions (il en faut autant).`,
    );
  if (yTrue.length === 0) throw new Error(`${what}\u00a0: aucune valeur (au moins une attendue).`);
  return yTrue.length;
}

/**
 * Erreur quadratique moyenne entre les vraies valeurs et les prédictions.
 *
 * Mean squared error (1/n) Σ (ŷᵢ − yᵢ)².
 */
export function mse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkPair(yTrue, yPred, 'mse');
  let s = 0;
  for (let i = 0; i < n; i++) s += (yPred[i]! - yTrue[i]!) ** 2;
  return s / n;
}

/** Erreur absolue moyenne (1/n) Σ |ŷᵢ − yᵢ|. */
export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkPair(yTrue, yPred, 'mae');
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(yPred[i]! - yTrue[i]!);
  return s / n;
}

/**
 * Coefficient de détermination R².
 *
 * Coefficient of determination R² = 1 − SS_res / SS_tot, SS_res = Σ (yᵢ − ŷᵢ)²,
 * SS_tot = Σ (yᵢ − ȳ)². 1 for a perfect prediction, 0 for always predicting the mean ȳ,
 * negative when worse than the mean. When all yᵢ are equal (SS_tot = 0), R² is 1 if the
 * prediction is exact (SS_res = 0) and 0 otherwise (scikit-learn's choice).
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkPair(yTrue, yPred, 'r2');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]! / n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (yTrue[i]! - yPred[i]!) ** 2;
    ssTot += (yTrue[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Exactitude (accuracy) — la part des prédictions égales aux vraies valeurs, entre 0 et 1.
 *
 * Share of exact matches: (1/n) #{i : ŷᵢ = yᵢ}, in [0, 1] (labels compared with ===).
 */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  const n = checkPair(yTrue, yPred, 'accuracy');
  let hits = 0;
  for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / n;
}

/**
 * La classe prédite de chaque ligne — l’indice du plus grand score.
 *
 * Predicted class of each row of an n×k score matrix (probabilities or logits): the column
 * of the largest value, the first one on ties → n labels.
 */
export function predictedClasses(scores: Matrix): Int32Array {
  if (scores.cols < 1) throw new Error('predictedClasses\u00a0: au moins une colonne (une classe) attendue.');
  const out = new Int32Array(scores.rows);
  for (let i = 0; i < scores.rows; i++) {
    let best = 0;
    for (let j = 1; j < scores.cols; j++)
      if (scores.data[i * scores.cols + j]! > scores.data[i * scores.cols + best]!) best = j;
    out[i] = best;
  }
  return out;
}

/**
 * Matrice de confusion — lignes = vraie classe, colonnes = classe prédite.
 *
 * classes×classes counts: C[t][p] = number of examples of true class t predicted as p
 * (rows = truth, columns = prediction; the diagonal holds the correct ones).
 * Throws on a label that is not an integer of [0, classes).
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): number[][] {
  const n = checkPair(yTrue, yPred, 'confusionMatrix');
  if (!Number.isInteger(classes) || classes < 1)
    throw new Error(`confusionMatrix\u00a0: le nombre de classes doit être un entier ≥ 1 (reçu ${classes}).`);
  const C = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const check = (v: number, i: number, which: string) => {
    if (!Number.isInteger(v) || v < 0 || v >= classes)
      throw new Error(`confusionMatrix\u00a0: ${which} ${v} à la position ${i}, entier de 0 à ${classes - 1} attendu.`);
  };
  for (let i = 0; i < n; i++) {
    check(yTrue[i]!, i, 'classe vraie');
    check(yPred[i]!, i, 'classe prédite');
    C[yTrue[i]!]![yPred[i]!]!++;
  }
  return C;
}

export interface ClassScores {
  /** TP / (TP + FP): of the examples predicted as this class, the share that are. 0 if none predicted. */
  readonly precision: number;
  /** TP / (TP + FN): of the examples of this class, the share found. 0 if the class has no example. */
  readonly recall: number;
  /** 2PR / (P + R), harmonic mean of precision and recall. 0 if P + R = 0. */
  readonly f1: number;
  /** Number of examples of this class (row sum of the confusion matrix). */
  readonly support: number;
}

/**
 * Précision, rappel et F1 de chaque classe, et leurs moyennes.
 *
 * Per-class precision, recall, F1 and support from a confusion matrix (rows = truth), and
 * their macro averages: the unweighted mean over all classes, those without examples included.
 * Every 0/0 is defined as 0 (precision when nothing is predicted as the class, recall when the
 * class has no example, F1 when precision + recall = 0), as scikit-learn's zero_division=0.
 */
export function precisionRecallF1(confusion: readonly (readonly number[])[]): {
  perClass: ClassScores[];
  macro: { precision: number; recall: number; f1: number };
} {
  const k = confusion.length;
  if (k === 0) throw new Error('precisionRecallF1\u00a0: matrice de confusion vide (au moins une classe attendue).');
  confusion.forEach((row, t) => {
    if (row.length !== k)
      throw new Error(
        `precisionRecallF1\u00a0: la ligne ${t} a ${row.length} colonnes, ${k} attendues (matrice carrée).`,
      );
  });
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const perClass = confusion.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((a, v) => a + v, 0);
    const predicted = confusion.reduce((a, r) => a + r[c]!, 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
  });
  const mean = (key: 'precision' | 'recall' | 'f1') => perClass.reduce((a, s) => a + s[key], 0) / k;
  return { perClass, macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') } };
}
