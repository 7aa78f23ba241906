/**
 * The numbers chapter 6 prints (src/components/retropropagation/calculs.ts, softmax-check.ts,
 * charts/activation-collapse.ts): hand formulas against the engine's backward and against
 * centred differences, the syllabus' products (0,1⁵ = 10⁻⁵, not 0,001), the initialisation
 * experiment, and the numbers the quiz states.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  forward,
  fromRows,
  initStd,
  lossAndGradients,
  softmaxCrossEntropyDelta,
  toRows,
} from '../../../src/nn';
import {
  chaine,
  coupDePouce,
  inits,
  large,
  pretraitement,
  produits,
  unPas,
} from '../../../src/components/retropropagation/calculs';
import { softmaxCheck, softmaxSpec } from '../../../src/components/retropropagation/softmax-check';
import { activationCollapse, COLLAPSE_SETUP } from '../../../src/components/charts/activation-collapse';
import { checkGradients } from '../../../src/components/islands/backprop-pas/gradient-check';
import {
  chainExample,
  chainProblem,
  wideExample,
  wideProblem,
} from '../../../src/components/islands/backprop-pas/networks';

describe('the 1 → 1 → 1 chain', () => {
  it('has the forward values of the engine', () => {
    expect(chaine.z1).toBeCloseTo(chaine.moteurAvant.z1, 15);
    expect(chaine.a1).toBeCloseTo(chaine.moteurAvant.a1, 15);
    expect(chaine.z2).toBeCloseTo(chaine.moteurAvant.z2, 15);
    expect(chaine.yHat).toBeCloseTo(chaine.moteurAvant.yHat, 15);
    expect(chaine.loss).toBeCloseTo(chaine.moteurPerte, 15);
  });

  it('starts the backward pass from ŷ − y (not y − ŷ), negative here since ŷ < y', () => {
    expect(chaine.erreur).toBe(chaine.yHat - chainExample.y);
    expect(chaine.erreur).toBeLessThan(0);
  });

  it('gives by the chapter’s four formulas the engine’s gradients, to 1e-15', () => {
    for (const k of ['w1', 'b1', 'w2', 'b2'] as const) expect(chaine.formules[k]).toBeCloseTo(chaine.moteur[k], 15);
  });

  it('agrees with centred differences (relative error < 1e-8)', () => {
    const p = chainProblem(chainExample);
    const checks = checkGradients(p.spec, p.weights, p.X, p.Y);
    const flatFormulas = [chaine.formules.w1, chaine.formules.b1, chaine.formules.w2, chaine.formules.b2];
    checks.forEach((c, k) => expect(Math.abs(c.numeric - flatFormulas[k]!) / Math.abs(c.numeric)).toBeLessThan(1e-8));
  });

  it('nudging w₂ by 0,01 changes L by about 0,01·∂L/∂w₂ (within 1 %)', () => {
    expect(Math.abs(coupDePouce.reel - coupDePouce.predit) / Math.abs(coupDePouce.predit)).toBeLessThan(0.01);
  });

  it('one gradient step with η = 1 lowers the loss', () => {
    expect(unPas.perteApres).toBeLessThan(chaine.loss);
    expect(unPas.apres.w2).toBeCloseTo(chainExample.w2 - chaine.moteur.w2, 15);
  });
});

describe('the 2 → 2 → 1 network with a linear output', () => {
  it('hand formulas equal the engine: ∂L/∂v₁, ∂L/∂w₂₁ and the two-path sum ∂L/∂x₁', () => {
    expect(large.formules.v1).toBeCloseTo(large.moteur.v1, 15);
    expect(large.formules.w21).toBeCloseTo(large.moteur.w21, 15);
    expect(large.formules.x1).toBeCloseTo(large.moteur.x1, 15);
    expect(large.loss).toBeCloseTo(large.moteur.loss, 15);
  });

  it('every gradient agrees with a centred difference', () => {
    const p = wideProblem(wideExample);
    for (const c of checkGradients(p.spec, p.weights, p.X, p.Y)) expect(c.relativeError).toBeLessThan(1e-8);
  });
});

describe('softmax regression, vectorised', () => {
  const sm = softmaxCheck();

  it('Xᵀ(Ŷ − Y)/n and the column sums are the engine’s dW and db', () => {
    const g = lossAndGradients(softmaxSpec, sm.weights, sm.X, sm.Y);
    toRows(sm.dW)
      .flat()
      .forEach((v, i) => expect(v).toBeCloseTo(g.dW[0]!.data[i]!, 15));
    Array.from(sm.db).forEach((v, j) => expect(v).toBeCloseTo(g.db[0]![j]!, 15));
    expect(sm.loss).toBeCloseTo(g.loss, 15);
  });

  it('(Ŷ − Y)/n is the engine’s ∂J/∂Z, and each row of Ŷ sums to 1', () => {
    const pass = forward(softmaxSpec, sm.weights, sm.X);
    const g = backward(softmaxSpec, sm.weights, pass, sm.Y);
    sm.delta.data.forEach((v, i) => expect(v).toBeCloseTo(g.dZ[0]!.data[i]!, 15));
    for (const row of toRows(sm.yHat)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it('the page’s check: nine parameters, every relative error below 1e-7', () => {
    expect(sm.parameters.map((p) => p.name)).toEqual(['W₁₁', 'W₁₂', 'W₁₃', 'W₂₁', 'W₂₂', 'W₂₃', 'b₁', 'b₂', 'b₃']);
    expect(sm.maxRelativeError).toBeLessThan(1e-7);
    expect(sm.maxRelativeError).toBeGreaterThan(0);
  });
});

describe('vanishing and exploding products', () => {
  it('0,1⁵ = 10⁻⁵ (not 0,001), 10⁵ = 100 000, 0,25⁵ = 1/1024', () => {
    expect(produits.dixiemeCinq).toBeCloseTo(1e-5, 18);
    expect(produits.dixiemeCinq).not.toBeCloseTo(0.001, 6);
    expect(produits.dixCinq).toBe(100000);
    expect(produits.sigmaMax).toBe(0.25);
    expect(1 / produits.sigmaCinq).toBe(1024);
    expect(produits.sigmaPrimeCinq).toBeLessThan(0.01);
  });
});

describe('initialisation', () => {
  it('standard deviations of the three schemes for a 500 → 500 layer', () => {
    expect(inits.tiny).toBe(0.01);
    expect(inits.xavier).toBeCloseTo(Math.sqrt(2 / 1000), 15);
    expect(inits.he).toBeCloseTo(Math.sqrt(2 / 500), 15);
    expect(inits.he).toBe(initStd('he', 500, 500));
    expect(inits.facteurTiny).toBeCloseTo(0.2236, 4);
  });

  it('10 tanh layers of 500: tiny weights collapse the activations, Xavier keeps them', () => {
    const { tiny, xavier } = activationCollapse();
    const L = COLLAPSE_SETUP.layers;
    expect(tiny).toHaveLength(L + 1);
    for (let l = 1; l <= L; l++) {
      expect(tiny[l]! / tiny[l - 1]!).toBeGreaterThan(0.18);
      expect(tiny[l]! / tiny[l - 1]!).toBeLessThan(0.26);
    }
    expect(tiny[L]!).toBeLessThan(1e-5);
    expect(xavier[L]!).toBeGreaterThan(0.1);
    expect(activationCollapse()).toBe(activationCollapse()); // computed once per build
  });
});

describe('preprocessing', () => {
  it('standardised columns have mean 0 and standard deviation 1', () => {
    const rows = toRows(pretraitement.standardise);
    for (const j of [0, 1]) {
      const col = rows.map((r) => r[j]!);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      expect(mean).toBeCloseTo(0, 12);
      expect(sd).toBeCloseTo(1, 12);
    }
    expect(pretraitement.moyenne).toEqual([168.75, 39000]);
  });
});

describe('numbers stated in the quiz', () => {
  it('∂L/∂ŷ of ½(ŷ − y)² at ŷ = 0,8, y = 1 is −0,2', () => {
    const p = chainProblem(chainExample);
    const g = backward(p.spec, p.weights, forward(p.spec, p.weights, p.X), p.Y);
    expect(g.dA[2]!.data[0]).toBe(chaine.yHat - chainExample.y); // the engine's convention
    expect(0.8 - 1).toBeCloseTo(-0.2, 15);
  });

  it('softmax + cross-entropy on (0,7 ; 0,2 ; 0,1), class 1: ∂L/∂z = (−0,3 ; 0,2 ; 0,1), loss ≈ 0,357', () => {
    const d = softmaxCrossEntropyDelta(fromRows([[0.7, 0.2, 0.1]]), fromRows([[1, 0, 0]]));
    expect(Array.from(d.data).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-0.3, 0.2, 0.1]);
    expect(-Math.log(0.7)).toBeCloseTo(0.357, 3);
  });

  it('3 × (−0,5) = −1,5 and 0,1³ = 0,001 ≠ 0,1⁵', () => {
    expect(3 * -0.5).toBe(-1.5);
    expect(0.1 ** 3).toBeCloseTo(0.001, 15);
  });
});
