/**
 * Every number chapter 3 prints, recomputed through the functions the chapter calls and held
 * against an independent oracle (plain loops, closed forms): the worked forward pass, the batch,
 * the parameter counts, the hand-built XOR network, how often training solves XOR, the universal
 * approximation figure, and the numeric answers of the quiz.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { forward, fromRows, layerParameterCounts, parameterCount, relu, toRows } from '../../../src/nn';
import { exempleCours, passeSpec } from '../../../src/components/islands/passe-avant/network';
import { presets, specOf } from '../../../src/components/islands/parametres/architecture';
import {
  approximations,
  significantDigits,
  SETTINGS,
  trainApproximation,
  WIDTHS,
} from '../../../src/components/charts/universal-approx';
import { extrapolation, lot, xorHandNetwork, xorSeedSuccesses } from '../../../src/content/reseaux-calculs';

/** The forward pass by hand: loops over plain arrays, ReLU everywhere (the oracle). */
function byHand(x: number[]): number[][] {
  const W = exempleCours.weights.W.map(toRows);
  const b = exempleCours.weights.b.map((v) => Array.from(v));
  const layers = [x];
  W.forEach((w, l) => {
    const input = layers[l]!;
    layers.push(w[0]!.map((_, j) => relu(input.reduce((s, v, i) => s + v * w[i]![j]!, b[l]![j]!))));
  });
  return layers;
}

describe('chapter 3: the worked forward pass (70 kg, 25 years)', () => {
  const pass = forward(passeSpec(), exempleCours.weights, fromRows([exempleCours.x]));
  const A = pass.A.map((m) => toRows(m)[0]!);
  const Z = pass.Z.map((m) => toRows(m)[0]!);

  it.each([
    [1, [17.1, 26.7, 36.3]],
    [2, [37.9, 46.01, 54.12]],
    [3, [29.328]],
  ])('layer %i gives %j', (l, expected) => {
    expected.forEach((v, j) => {
      expect(A[l]![j]).toBeCloseTo(v, 12);
      expect(Z[l - 1]![j]).toBeCloseTo(v, 12); // every sum is positive: ReLU changes nothing
    });
  });

  it('agrees with a forward pass written by hand', () => {
    byHand([...exempleCours.x]).forEach((layer, l) => layer.forEach((v, j) => expect(A[l]![j]).toBeCloseTo(v, 12)));
  });

  it('the first sum is 70 × 0,1 + 25 × 0,4 + 0,1', () => {
    expect(Z[0]![0]).toBeCloseTo(70 * 0.1 + 25 * 0.4 + 0.1, 12);
  });

  it('the batch of three people: one row per person, the first is the worked example', () => {
    expect(lot.X).toHaveLength(3);
    lot.X.forEach((x, i) => {
      const hand = byHand(x);
      hand[1]!.forEach((v, j) => expect(lot.Z1[i]![j]).toBeCloseTo(v, 12));
      expect(lot.Y[i]![0]).toBeCloseTo(hand[3]![0]!, 12);
    });
    expect(lot.Y[0]![0]).toBeCloseTo(29.328, 12);
  });
});

describe('chapter 3: parameter counts', () => {
  it.each([
    [0, '3 → 4 → 4 → 1', [16, 20, 5], 41],
    [1, '2 → 16 → 16 → 16 → 1', [48, 272, 272, 17], 609],
    [2, '784 → 128 → 10', [100_480, 1_290], 101_770],
  ])('preset %i (%s): %j, total %i', (k, _label, perLayer, total) => {
    const spec = specOf(presets[k]!);
    expect(layerParameterCounts(spec)).toEqual(perLayer);
    expect(parameterCount(spec)).toBe(total);
    // closed form: Σ (n_in · n_out + n_out)
    const sizes = [spec.inputSize, ...spec.layers.map((l) => l.units)];
    expect(sizes.slice(1).reduce((s, k2, i) => s + sizes[i]! * k2 + k2, 0)).toBe(total);
  });
});

describe('chapter 3: XOR', () => {
  it('the hand-built step network computes OR, AND and XOR', () => {
    for (const row of xorHandNetwork()) {
      const [a, b] = row.x;
      expect(row.h).toEqual([a || b ? 1 : 0, a && b ? 1 : 0]);
      expect(row.y).toBe(row.attendu);
      expect(row.y).toBe(a !== b ? 1 : 0);
    }
  });

  it('training solves it from every seed with 4 hidden neurons, not always with 2 (as the text says)', () => {
    const [two, three, four] = xorSeedSuccesses(20);
    expect([two!.h, three!.h, four!.h]).toEqual([2, 3, 4]);
    expect(four!.n).toBe(20);
    expect(two!.n).toBeLessThan(20);
    expect(two!.n).toBeGreaterThan(0);
    expect(two!.n).toBeLessThanOrEqual(three!.n);
    expect(three!.n).toBeLessThanOrEqual(four!.n);
  });
});

describe('chapter 3: universal approximation', () => {
  const fits = approximations();

  it('trains one network per width, 1, 3, 10 and 30 tanh neurons', () => {
    expect(fits.map((f) => f.width)).toEqual([...WIDTHS]);
    expect(fits.map((f) => f.spec.layers[0]!.units)).toEqual([1, 3, 10, 30]);
  });

  it('the training error decreases strictly as the hidden layer widens', () => {
    const mse = fits.map((f) => f.mse);
    for (let i = 1; i < mse.length; i++) expect(mse[i]).toBeLessThan(mse[i - 1]!);
    expect(mse[0]).toBeGreaterThan(0.1); // one neuron cannot follow the oscillations
    expect(mse[3]).toBeLessThan(0.001);
  });

  it('is deterministic (fixed seed): training again gives the same error', () => {
    expect(trainApproximation(3).mse).toBe(fits[1]!.mse);
  });

  it('outside its training interval, the widest network errs far more than on its training points', () => {
    expect(extrapolation).toBeGreaterThan(100 * fits[3]!.mse);
  });

  // The build-time cost is held by the amount of work (weights × points × epochs), not by a
  // timing: this machine is noisy. The time is printed for information only.
  it('stays a small build-time computation: at most 25 million weight updates for all widths', () => {
    const start = performance.now();
    for (const w of WIDTHS) trainApproximation(w, SETTINGS);
    const seconds = (performance.now() - start) / 1000;
    console.log(`approximation universelle : ${seconds.toFixed(2)} s pour les ${WIDTHS.length} largeurs`);
    const weights = WIDTHS.reduce((sum, w) => sum + 3 * w + 1, 0); // 1 → w → 1: 3w + 1 parameters
    expect(weights * SETTINGS.points * SETTINGS.epochs).toBeLessThanOrEqual(25_000_000);
  });

  it('significantDigits shows two significant digits', () => {
    expect(significantDigits(0.3768)).toBe(2);
    expect(significantDigits(0.0127)).toBe(3);
    expect(significantDigits(0.00063)).toBe(5);
    expect(significantDigits(1.24)).toBe(1);
  });
});

describe('chapter 3: numeric answers of the quiz', () => {
  const quiz = parse(readFileSync('src/content/quiz/reseaux.yaml', 'utf8')) as {
    questions: { question: string; choix: { texte: string }[]; reponse: number }[];
  };
  const find = (start: string) => quiz.questions.find((q) => q.question.startsWith(start))!;
  const answer = (start: string) => {
    const q = find(start);
    return q.choix[q.reponse]!.texte;
  };
  const num = (s: string) =>
    Number(
      s
        .replace(/[\s\u202f]/g, '')
        .replace(',', '.')
        .replace('−', '-'),
    );

  it('4 → 5 → 2 has 37 parameters', () => {
    const spec = specOf({ entree: 4, cachees: [5], sortie: 2, act: 'relu', fin: 'softmax' });
    expect(num(answer('Combien de paramètres compte un réseau dense 4 → 5 → 2'))).toBe(parameterCount(spec));
  });

  it('the ReLU layer of the quiz outputs (0 ; 1)', () => {
    const spec = { inputSize: 2, layers: [{ units: 2, activation: 'relu' as const }], loss: 'mse' as const };
    const weights = {
      W: [
        fromRows([
          [1, -1],
          [-1, 0.5],
        ]),
      ],
      b: [new Float64Array([0.5, 1])],
    };
    const out = toRows(forward(spec, weights, fromRows([[1, 2]])).A[1]!)[0]!;
    const text = answer('Une couche ReLU reçoit x = (1 ; 2)');
    expect(text.replace(/[()]/g, '').split(' ; ').map(num)).toEqual(out);
  });

  it('784 → 128 → 10: 100 480 parameters in the first layer, 101 770 in all', () => {
    const counts = layerParameterCounts(specOf(presets[2]!));
    expect(num(answer('Un classifieur de chiffres 784 → 128 → 10'))).toBe(counts[0]);
    expect(find('Un classifieur de chiffres 784 → 128 → 10').choix.map((c) => num(c.texte))).toContain(
      counts[0]! + counts[1]!,
    );
  });
});
