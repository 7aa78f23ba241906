/**
 * The figures chapter 8 (projet calculatrice) quotes from its book — Mattéo Eléouet, « Le Deep
 * Learning, une introduction », v0.4.8, 2023, § 5.1.6.1 — and from a PyTorch reproduction of
 * the book's code. They are quotations, not results of this library: one home for them, so that
 * the chapter's prose, the calculator island (book.ts) and the readers' code print the same ones.
 * Setting: sum of two integers of [0, 100], 10,000 pairs (8,000 for training), 2-16-16-16-1
 * ReLU, SGD at 0.1, batches of 64, 10 epochs, tested on 2,000 freshly drawn pairs.
 */

/** Les chiffres du livre pour la somme (une exécution de son code PyTorch) et l’intervalle obtenu en le refaisant tourner. */
export const CALCULATOR_BOOK = {
  /** What the book's code printed for its one run: MSE, MAE, R² on 2,000 fresh pairs, and two sums. */
  run: {
    testPairs: 2000,
    mse: 1.6901,
    mae: 1.0354,
    r2: 0.999,
    answers: [
      { a: 50, b: 50, answer: 100.02 },
      { a: 6, b: 6, answer: 11.89 },
    ],
  },
  /** The book's code re-run several times with PyTorch: [lowest, highest] of each metric. */
  pytorch: {
    r2: [0.9992, 0.9994],
    mse: [1.06, 1.27],
    mae: [0.61, 0.75],
  },
} as const;
