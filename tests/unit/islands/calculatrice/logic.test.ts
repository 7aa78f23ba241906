/** The calculator's logic: data and split, de-normalised answers and metrics, the model file. */
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { calcSchema, type CalcState } from '../../../../src/components/islands/calculatrice/state';
import {
  answer,
  calcMetrics,
  calcRunRecord,
  calcSpec,
  calcWeights,
  decodeCalcModel,
  encodeCalcModel,
  overfittingSign,
  prepareCalcData,
} from '../../../../src/components/islands/calculatrice/logic';
import type { MlpWeights } from '../../../../src/nn/spec';

const defaults = defaultState(calcSchema);

/** 2 → 1 identity with w = (½, ½), b = 0: the exact sum once de-normalised by 2·max. */
const exactSum = (): { s: CalcState; w: MlpWeights } => ({
  s: { ...defaults, couches: [] },
  w: { W: [{ rows: 2, cols: 1, data: Float64Array.of(0.5, 0.5) }], b: [Float64Array.of(0)] },
});

describe('calculator logic', () => {
  it('draws the same data and split from the same seed, with disjoint parts of the right sizes', () => {
    const a = prepareCalcData(defaults)!;
    const b = prepareCalcData(defaults)!;
    expect(a.test.targets).toEqual(b.test.targets);
    expect([a.train.targets.length, a.validation.targets.length, a.test.targets.length]).toEqual([700, 150, 150]);
    for (let i = 0; i < a.test.targets.length; i++)
      expect(a.test.targets[i]).toBe(a.test.pairs.data[2 * i]! + a.test.pairs.data[2 * i + 1]!);
    expect(prepareCalcData({ ...defaults, min: 5, max: 5 })).toBeNull();
  });

  it('de-normalises the network output into the units of the result', () => {
    const { s, w } = exactSum();
    const pairs = { rows: 2, cols: 2, data: Float64Array.of(50, 50, 6, 6) };
    const out = answer(s, calcSpec(s), w, pairs);
    expect(out[0]).toBeCloseTo(100, 10);
    expect(out[1]).toBeCloseTo(12, 10);
    const product = { ...s, op: 'product' as const };
    // output ½(a + b)/max, times max² for the product
    expect(answer(product, calcSpec(product), w, pairs)[0]).toBeCloseTo(0.5 * (100 / 100) * 100 * 100, 8);
  });

  it('measures MSE, MAE and R² in the units of the result', () => {
    const m = calcMetrics([100, 50, 12], [101, 48, 12]);
    expect(m.mse).toBeCloseTo(5 / 3, 12);
    expect(m.mae).toBeCloseTo(1, 12);
    expect(m.r2).toBeGreaterThan(0.99);
  });

  it('a model file round-trips the settings and the weights; a corrupted one is refused in French', () => {
    const s = { ...defaults, op: 'product' as const, seed: 42, n: 100 };
    const w = calcWeights(s);
    const bytes = encodeCalcModel(s, w);
    const { settings, weights } = decodeCalcModel(bytes);
    expect(settings).toEqual({
      op: 'product',
      min: 0,
      max: 100,
      n: 100,
      seed: 42,
      val: 0.15,
      test: 0.15,
      couches: [16, 16, 16],
      act: 'relu',
    });
    const data = prepareCalcData(s)!;
    expect(answer(s, calcSpec(s), weights, data.test.pairs)).toEqual(
      answer(
        s,
        calcSpec(s),
        { W: w.W.map((m) => ({ ...m, data: m.data.map(Math.fround) })), b: w.b.map((b) => b.map(Math.fround)) },
        data.test.pairs,
      ),
    );
    const broken = bytes.slice(0, bytes.length - 7);
    expect(() => decodeCalcModel(broken)).toThrow(/^Fichier de poids/);
    expect(() => decodeCalcModel(new TextEncoder().encode('bonjour'))).toThrow(/Fichier de poids/);
  });

  it('sees over-fitting only when validation rises while training falls', () => {
    const down = Array.from({ length: 30 }, (_, i) => 1 / (i + 1));
    expect(overfittingSign(down, down)).toBeNull();
    const up = down.map((v, i) => (i < 10 ? v : down[9]! * (1 + (i - 9) * 0.2)));
    expect(overfittingSign(down, up)).toMatch(/surapprentissage/);
  });

  it('compares sum and product by the MAE over the largest possible result (2·max, max²)', () => {
    const metrics = { mse: 4, mae: 2, r2: 0.99 };
    const sum = calcRunRecord({ ...defaults, op: 'sum', max: 100 }, 60, metrics);
    const product = calcRunRecord({ ...defaults, op: 'product', max: 100 }, 60, metrics);
    expect(sum.relativeMae).toBeCloseTo(2 / 200, 15);
    expect(product.relativeMae).toBeCloseTo(2 / 10000, 15);
    expect(sum).toMatchObject({ op: 'sum', couches: [16, 16, 16], act: 'relu', epochs: 60, metrics });
  });
});
