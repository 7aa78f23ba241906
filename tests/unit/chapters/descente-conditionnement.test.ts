/**
 * Chapter 5's conditioning numbers (src/content/descente-conditionnement.ts) against closed forms
 * and against runs: κ ≈ 56 from the Hessian [[15, 5], [5, 2]], the best fixed step 2/(λmax + λmin)
 * really is the best (its neighbours need more steps), the predicted 193 steps are the measured
 * ones, and tuned momentum needs several times fewer.
 */
import { describe, expect, it } from 'vitest';
import {
  bestFactor,
  bestStep,
  kappa,
  lambdaMax,
  lambdaMin,
  measuredMomentumSteps,
  measuredSgdSteps,
  measuredSteps,
  momentumFactor,
  momentumRho,
  momentumStep,
  predictedGain,
  predictedMomentumSteps,
  predictedSgdSteps,
} from '../../../src/content/descente-conditionnement';

describe('the elongated bowl of ŷ = w·x + b on x = (1, 2, 3, 4), y = x + 1', () => {
  it('curvatures (17 ± √269)/2, κ ≈ 56', () => {
    expect(lambdaMax).toBeCloseTo((17 + Math.sqrt(269)) / 2, 12);
    expect(lambdaMin).toBeCloseTo((17 - Math.sqrt(269)) / 2, 12);
    // eigenvalues of [[15, 5], [5, 2]]: trace 17, determinant 5
    expect(lambdaMax + lambdaMin).toBeCloseTo(17, 12);
    expect(lambdaMax * lambdaMin).toBeCloseTo(5, 12);
    expect(Math.round(kappa)).toBe(56);
  });

  it('the best fixed step equalises both directions: any other step has a slower worst direction', () => {
    expect(1 - bestStep * lambdaMin).toBeCloseTo(bestFactor, 12);
    expect(bestStep * lambdaMax - 1).toBeCloseTo(bestFactor, 12);
    expect(bestFactor).toBeCloseTo((kappa - 1) / (kappa + 1), 12);
    const worst = (eta: number) => Math.max(Math.abs(1 - eta * lambdaMin), Math.abs(1 - eta * lambdaMax));
    for (const eta of [0.05, 0.1, bestStep * 0.99, bestStep * 1.01, 0.119])
      expect(worst(eta)).toBeGreaterThan(bestFactor);
  });

  it('SGD: about (κ/2)·ln 1000 steps predicted, and measured', () => {
    expect(predictedSgdSteps).toBe(193);
    expect(Math.abs(predictedSgdSteps - (kappa / 2) * Math.log(1000))).toBeLessThan(2);
    expect(measuredSgdSteps).toBe(predictedSgdSteps);
  });

  it('tuned momentum: factor (√κ − 1)/(√κ + 1), several times fewer steps than the best SGD', () => {
    expect(momentumFactor).toBeCloseTo(Math.sqrt(momentumRho), 12);
    expect(momentumStep).toBeCloseTo(4 / (Math.sqrt(lambdaMax) + Math.sqrt(lambdaMin)) ** 2, 12);
    expect(predictedMomentumSteps).toBe(26);
    expect(predictedGain).toBeGreaterThan(0.9 * Math.sqrt(kappa));
    expect(Number.isFinite(measuredMomentumSteps)).toBe(true);
    expect(measuredMomentumSteps).toBeLessThan(measuredSgdSteps / 4);
    // the default ρ = 0,9 at the same step is slower: the tuning matters
    expect(measuredSteps({ name: 'momentum', learningRate: momentumStep })).toBeGreaterThan(2 * measuredMomentumSteps);
  });

  it('what the chapter tells readers to try: the tuned settings to three digits beat Adam at 0,1; η = 0,19 diverges', () => {
    const rho = Number(momentumRho.toFixed(3));
    const eta = Number(momentumStep.toFixed(3));
    const within1e4 = Math.SQRT2 / 1e-4; // from (0, 0), √2 from the bottom, to within 0,0001
    expect(measuredSteps({ name: 'momentum', learningRate: eta, momentum: rho }, within1e4)).toBeLessThan(
      measuredSteps({ name: 'adam', learningRate: 0.1 }, within1e4),
    );
    expect((2 * (1 + momentumRho)) / lambdaMax).toBeLessThan(Number(momentumStep.toFixed(2)));
    const diverging = { name: 'momentum', learningRate: Number(momentumStep.toFixed(2)), momentum: rho } as const;
    expect(measuredSteps(diverging)).toBe(Number.POSITIVE_INFINITY);
  });
});
