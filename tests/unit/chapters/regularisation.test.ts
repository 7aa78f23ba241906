/**
 * Chapter 7's numbers: the over-fitting experiment (validation loss climbing back without
 * regularisation, not with L2 or early stopping; a bounded amount of build-time work), the L1 / L2 geometry
 * (the L1 optimum on an axis, the L2 one off both), and the quiz's numeric answer.
 */
import { describe, expect, it } from 'vitest';
import { overfitRun, overfittingRuns, OVERFIT_SETTINGS } from '../../../src/components/charts/overfitting';
import { boundary, constrainedOptimum, quadraticLoss } from '../../../src/components/charts/l1-l2';
import { penaltyGradient } from '../../../src/nn';

describe('chapter 7: the over-fitting experiment', () => {
  const start = performance.now();
  const runs = overfittingRuns();
  const ms = performance.now() - start;

  // The build-time cost is held by the amount of work, not by a timing (this machine is noisy):
  // every run trains 30 points × 800 epochs; the time is printed for information only.
  it('stays a small build-time computation: at most 100,000 sample passes over all its runs', () => {
    console.log(`expérience de surapprentissage : ${ms.toFixed(0)} ms`);
    const passes = Object.keys(runs).length * OVERFIT_SETTINGS.trainPoints * OVERFIT_SETTINGS.epochs;
    expect(passes).toBeLessThanOrEqual(100_000);
  });
  it('without regularisation, the final validation loss is far above its minimum while the training loss vanishes', () => {
    const r = runs.aucune;
    expect(r.finalValLoss).toBeGreaterThan(3 * r.minValLoss);
    expect(r.finalTrainLoss).toBeLessThan(0.01);
    expect(r.minValEpoch).toBeLessThan(OVERFIT_SETTINGS.epochs / 10);
  });
  it('with L2 the final validation loss stays near its minimum', () => {
    expect(runs.l2.finalValLoss).toBeLessThan(1.1 * runs.l2.minValLoss);
    expect(runs.l2.finalValLoss).toBeLessThan(runs.aucune.finalValLoss / 3);
  });
  it('early stopping keeps the best epoch’s weights: final validation loss = its minimum', () => {
    const r = runs.arret;
    expect(r.bestEpoch).toBe(r.minValEpoch);
    expect(r.epochs).toBe(r.bestEpoch! + OVERFIT_SETTINGS.patience);
    expect(r.finalValLoss).toBeCloseTo(r.minValLoss, 12);
  });
  it('what the prose says: dropout alone does not fix it here; early stopping has the best test accuracy', () => {
    expect(runs.dropout.finalValLoss).toBeGreaterThan(3 * runs.dropout.minValLoss);
    const best = Math.max(...Object.values(runs).map((r) => r.testAccuracy));
    expect(runs.arret.testAccuracy).toBe(best);
  });
  it('is deterministic (the chapter and its chart print the same run)', () => {
    expect(overfitRun('l2').validation).toEqual(runs.l2.validation);
  });
});

describe('chapter 7: a circle against a diamond', () => {
  const l1 = constrainedOptimum('l1');
  const l2 = constrainedOptimum('l2');
  it('the L1 optimum is a vertex of the diamond (w₂ = 0), the L2 optimum has two non-zero weights', () => {
    expect(l1.w[0]).toBeCloseTo(1, 9);
    expect(Math.abs(l1.w[1])).toBeLessThan(1e-9);
    expect(Math.abs(l2.w[0])).toBeGreaterThan(0.1);
    expect(Math.abs(l2.w[1])).toBeGreaterThan(0.1);
    expect(Math.hypot(...l2.w)).toBeCloseTo(1, 9);
  });
  it('no point of either boundary does better (an independent coarse scan)', () => {
    for (const [kind, opt] of [
      ['l1', l1],
      ['l2', l2],
    ] as const)
      for (const w of boundary(kind, 997)) expect(quadraticLoss(w)).toBeGreaterThanOrEqual(opt.loss - 1e-9);
  });
});

describe('chapter 7: the quiz', () => {
  it('L2 at α = 0.01 on w = 2 adds 0.02 to the gradient; L1 adds 0.01', () => {
    const W = [{ rows: 1, cols: 1, data: Float64Array.of(2) }];
    expect(penaltyGradient({ kind: 'l2', alpha: 0.01 }, { W, b: [] })[0]!.data[0]).toBeCloseTo(0.02, 15);
    expect(penaltyGradient({ kind: 'l1', alpha: 0.01 }, { W, b: [] })[0]!.data[0]).toBeCloseTo(0.01, 15);
  });
});
