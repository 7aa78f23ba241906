/**
 * Every number chapter 6 prints, computed by the reference engine (src/nn) at build time and
 * checked by tests/unit/chapters/retropropagation.test.ts. The worked networks are those of the
 * "Rétropropagation pas à pas" island, so the reader finds the same numbers there.
 */
import { activations, backward, initStd, fromRows, get, forward, fitStandardizer } from '../../nn';
import {
  chainExample,
  chainProblem,
  wideExample,
  wideProblem,
  type ChainValues,
} from '../islands/backprop-pas/networks';

const σ = activations.sigmoid.f;

/** The 1 → 1 → 1 chain: forward values, the gradients from the chapter's formulas, the engine's. */
function chain(v: ChainValues) {
  const p = chainProblem(v);
  const pass = forward(p.spec, p.weights, p.X);
  const g = backward(p.spec, p.weights, pass, p.Y);
  const z1 = v.w1 * v.x + v.b1;
  const a1 = σ(z1);
  const z2 = v.w2 * a1 + v.b2;
  const yHat = σ(z2);
  const loss = 0.5 * (yHat - v.y) ** 2;
  const erreur = yHat - v.y;
  const pente2 = yHat * (1 - yHat);
  const pente1 = a1 * (1 - a1);
  const delta2 = erreur * pente2;
  const delta1 = delta2 * v.w2 * pente1;
  return {
    v,
    z1,
    a1,
    z2,
    yHat,
    loss,
    erreur,
    pente2,
    pente1,
    delta2,
    delta1,
    /** From the formulas of the chapter, factor by factor. */
    formules: { w2: delta2 * a1, b2: delta2, w1: delta1 * v.x, b1: delta1 },
    /** From the engine's backward pass (matrix form). */
    moteur: { w2: get(g.dW[1]!, 0, 0), b2: g.db[1]![0]!, w1: get(g.dW[0]!, 0, 0), b1: g.db[0]![0]! },
    moteurPerte: g.loss,
    /** Engine forward values, to hold the hand computation against. */
    moteurAvant: {
      z1: get(pass.Z[0]!, 0, 0),
      a1: get(pass.A[1]!, 0, 0),
      z2: get(pass.Z[1]!, 0, 0),
      yHat: get(pass.A[2]!, 0, 0),
    },
  };
}

export const chaine = chain(chainExample);

/** Nudging w₂ by ε changes L by about ε·∂L/∂w₂: the meaning of a partial derivative. */
export const coupDePouce = (() => {
  const eps = 0.01;
  const after = chain({ ...chainExample, w2: chainExample.w2 + eps });
  return { eps, reel: after.loss - chaine.loss, predit: eps * chaine.moteur.w2, perteApres: after.loss };
})();

/** One gradient step on the chain (η = 1): every parameter moves against its gradient, L drops. */
export const unPas = (() => {
  const eta = 1;
  const m = chaine.moteur;
  const v = chainExample;
  const next: ChainValues = {
    ...v,
    w1: v.w1 - eta * m.w1,
    b1: v.b1 - eta * m.b1,
    w2: v.w2 - eta * m.w2,
    b2: v.b2 - eta * m.b2,
  };
  return { eta, apres: next, perteApres: chain(next).loss };
})();

/** The wider network (2 inputs, 2 sigmoid neurons, linear output). */
export const large = (() => {
  const v = wideExample;
  const p = wideProblem(v);
  const pass = forward(p.spec, p.weights, p.X);
  const g = backward(p.spec, p.weights, pass, p.Y);
  const x = [v.x1, v.x2];
  const w = [
    [v.w11, v.w12],
    [v.w21, v.w22],
  ];
  const b = [v.b1, v.b2];
  const vOut = [v.v1, v.v2];
  const z = [0, 1].map((j) => x[0]! * w[0]![j]! + x[1]! * w[1]![j]! + b[j]!);
  const a = z.map(σ);
  const yHat = vOut[0]! * a[0]! + vOut[1]! * a[1]! + v.c;
  const erreur = yHat - v.y;
  const delta = [0, 1].map((j) => erreur * vOut[j]! * a[j]! * (1 - a[j]!));
  return {
    v,
    z,
    a,
    yHat,
    loss: 0.5 * erreur ** 2,
    erreur,
    delta,
    formules: {
      v1: erreur * a[0]!,
      w21: delta[0]! * v.x2,
      x1: delta[0]! * w[0]![0]! + delta[1]! * w[0]![1]!,
    },
    moteur: { v1: get(g.dW[1]!, 0, 0), w21: get(g.dW[0]!, 1, 0), x1: get(g.dA[0]!, 0, 0), loss: g.loss },
  };
})();

/** Vanishing and exploding products over five layers. */
export const produits = {
  sigmaMax: activations.sigmoid.df(0),
  sigmaCinq: activations.sigmoid.df(0) ** 5,
  dixiemeCinq: 0.1 ** 5,
  dixCinq: 10 ** 5,
  /** σ′(5): a saturated sigmoid. */
  sigmaPrimeCinq: activations.sigmoid.df(5),
};

/** Standard deviations of the three initialisations for a 500 → 500 layer, and the tiny one's shrink factor. */
export const inits = {
  tiny: initStd('tiny', 500, 500),
  xavier: initStd('xavier', 500, 500),
  he: initStd('he', 500, 500),
  /** One layer multiplies the spread of its inputs by about 0.01·√500 with tiny weights. */
  facteurTiny: initStd('tiny', 500, 500) * Math.sqrt(500),
};

/** Preprocessing: heights (cm) and yearly incomes (€) of four people, standardised. */
export const pretraitement = (() => {
  const brut = [
    [165, 28000],
    [180, 42000],
    [172, 35000],
    [158, 51000],
  ];
  const X = fromRows(brut);
  const s = fitStandardizer(X);
  const Xs = s.transform(X);
  return { brut, moyenne: Array.from(s.mean), ecartType: Array.from(s.std), standardise: Xs };
})();
