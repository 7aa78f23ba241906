/**
 * The book's quoted figures (chapter 8) are one source for the island and the readers' code,
 * and they agree with each other: for the sum of two integers uniform on [0, 100], the variance
 * of the target is 2 × (101² − 1) / 12 = 1700, so R² = 1 − MSE / 1700 — a mistyped figure shows.
 */
import { describe, expect, it } from 'vitest';
import { CALCULATOR_BOOK } from '../../../src/nn';
import { bookRun, pytorchReproduction } from '../../../src/components/islands/calculatrice/book';

const VARIANCE = (2 * (101 ** 2 - 1)) / 12;

describe('CALCULATOR_BOOK', () => {
  it('is what the island quotes', () => {
    expect(bookRun).toBe(CALCULATOR_BOOK.run);
    expect(pytorchReproduction).toBe(CALCULATOR_BOOK.pytorch);
  });

  it('has R² = 1 − MSE / Var(a + b) for the book’s run (to the 4 decimals it printed, 0.9990)', () => {
    const { mse, mae, r2 } = CALCULATOR_BOOK.run;
    expect(1 - mse / VARIANCE).toBeCloseTo(r2, 4);
    expect(mae).toBeLessThanOrEqual(Math.sqrt(mse)); // MAE ≤ RMSE always
  });

  // Each run draws its own test pairs (its own variance): the bounds agree to 1e-4, not exactly.
  it('has ordered ranges whose MSE bounds give its R² bounds (within 1e-4)', () => {
    const { r2, mse, mae } = CALCULATOR_BOOK.pytorch;
    for (const [lo, hi] of [r2, mse, mae]) expect(lo).toBeLessThan(hi);
    expect(Math.abs(1 - mse[1] / VARIANCE - r2[0])).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(1 - mse[0] / VARIANCE - r2[1])).toBeLessThanOrEqual(1e-4);
  });
});
