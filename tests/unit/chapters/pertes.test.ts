/**
 * The numbers chapter 4 prints, through the same src/nn functions the MDX calls (syllabus
 * worked examples, with the reference erratum 0,233 → 0,223), and the numbers its quiz states.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, fromRows, losses, LOG_EPSILON } from '../../../src/nn';
import {
  crossEntropyGradient,
  pushRatio,
  squaredErrorGradient,
} from '../../../src/components/islands/entropie/formulas';

const colonne = (v: readonly number[]) => fromRows(v.map((x) => [x]));
/** What <Nombre chiffres={3} /> prints. */
const printed = (v: number, digits = 3) => formatNumber(v, { digits });

describe('regression worked example: predictions (15, 18, 20, 22, 25), truth (17, 20, 18, 21, 20)', () => {
  const yHat = colonne([15, 18, 20, 22, 25]);
  const y = colonne([17, 20, 18, 21, 20]);

  it('MAE = 2,4 and MSE = 7,6', () => {
    expect(losses.mae.value(yHat, y)).toBeCloseTo(2.4, 12);
    expect(losses.mse.value(yHat, y)).toBeCloseTo(7.6, 12);
    expect(printed(losses.mae.value(yHat, y))).toBe('2,4');
    expect(printed(losses.mse.value(yHat, y))).toBe('7,6');
  });

  it('per-example losses are |r| and r² with r = ŷ − y = (−2, −2, 2, 1, 5)', () => {
    expect(losses.mae.perExample(yHat, y)).toEqual([2, 2, 2, 1, 5]);
    expect(losses.mse.perExample(yHat, y)).toEqual([4, 4, 4, 1, 25]);
  });
});

describe('binary cross-entropy: y = (1, 0, 1), ŷ = (0,9 ; 0,2 ; 0,6)', () => {
  const yHat = colonne([0.9, 0.2, 0.6]);
  const y = colonne([1, 0, 1]);

  it('per example 0,105, 0,223 (not 0,233), 0,511; mean 0,280', () => {
    const per = losses.bce.perExample(yHat, y);
    expect(per.map((v) => printed(v))).toEqual(['0,105', '0,223', '0,511']);
    expect(per[1]).toBeCloseTo(-Math.log(0.8), 14);
    expect(printed(losses.bce.value(yHat, y), 3)).toBe('0,28');
    expect(losses.bce.value(yHat, y)).toBeCloseTo(0.28, 3);
  });

  it('the clipping caps one entry at −ln 1e-7 ≈ 16,1', () => {
    expect(losses.bce.value(colonne([0]), colonne([1]))).toBeCloseTo(-Math.log(LOG_EPSILON), 6);
    expect(printed(-Math.log(LOG_EPSILON), 1)).toBe('16,1');
  });
});

describe('categorical cross-entropy: three examples, 0,7 on the right class', () => {
  it('costs −ln 0,7 ≈ 0,357 each and on average', () => {
    const yHat = fromRows([
      [0.7, 0.2, 0.1],
      [0.1, 0.7, 0.2],
      [0.2, 0.1, 0.7],
    ]);
    const y = fromRows([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    const cce = losses.categoricalCrossEntropy;
    expect(cce.perExample(yHat, y).map((v) => printed(v))).toEqual(['0,357', '0,357', '0,357']);
    expect(printed(cce.value(yHat, y))).toBe('0,357');
  });

  it('a uniform prediction over 10 classes costs ln 10 ≈ 2,303', () => {
    const uniform = fromRows([Array(10).fill(0.1)]);
    const target = fromRows([[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]]);
    expect(losses.categoricalCrossEntropy.value(uniform, target)).toBeCloseTo(Math.LN10, 12);
    expect(printed(Math.LN10)).toBe('2,303');
  });
});

describe('gradients and hinge examples of the chapter', () => {
  it('at p = 0,01: −0,99 for cross-entropy, −0,0196 for the squared error, 50,5 times', () => {
    expect(printed(crossEntropyGradient(0.01), 4)).toBe('−0,99');
    expect(printed(squaredErrorGradient(0.01), 4)).toBe('−0,0196');
    expect(printed(pushRatio(0.01), 1)).toBe('50,5');
  });

  it('hinge: (y, s) = (1; 0,3) → 0,7, (1; 2) → 0, (−1; 0,5) → 1,5', () => {
    expect(losses.hinge.perExample(colonne([0.3, 2, 0.5]), colonne([1, 1, -1]))).toEqual([0.7, 0, 1.5]);
  });
});

describe('numbers stated in the quiz', () => {
  it('MAE 4/3 and MSE 10/3 for (3, 5, 10) against (4, 5, 7)', () => {
    expect(printed(losses.mae.value(colonne([3, 5, 10]), colonne([4, 5, 7])), 2)).toBe('1,33');
    expect(printed(losses.mse.value(colonne([3, 5, 10]), colonne([4, 5, 7])), 2)).toBe('3,33');
  });

  it('cross-entropies 0,105, 2,303, 1,204, 4,017 and ln 4 ≈ 1,386', () => {
    expect(printed(losses.bce.value(colonne([0.9]), colonne([1])))).toBe('0,105');
    expect(printed(losses.bce.value(colonne([0.9]), colonne([0])))).toBe('2,303');
    expect(printed(losses.categoricalCrossEntropy.value(fromRows([[0.1, 0.6, 0.3]]), fromRows([[0, 0, 1]])))).toBe(
      '1,204',
    );
    expect(printed(-(Math.log(0.1) + Math.log(0.6) + Math.log(0.3)))).toBe('4,017');
    expect(printed(Math.log(4))).toBe('1,386');
    expect(Math.exp(-9.2)).toBeCloseTo(1e-4, 5);
  });

  it('hinge losses 0,6, 1,5, 0 and 2', () => {
    const per = losses.hinge.perExample(colonne([0.4, 0.5, -2.5, -1]), colonne([1, -1, -1, 1]));
    expect(per.map((v) => printed(v))).toEqual(['0,6', '1,5', '0', '2']);
  });
});
