/** URL state of "Une calculatrice apprise": round trip, bad values fall back, French validation. */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import {
  CALC_PREFIX,
  calcPresets,
  calcSchema,
  parseCalcState,
  serializeCalcState,
  splitCounts,
  validateCalc,
  type CalcState,
} from '../../../../src/components/islands/calculatrice/state';
import { calcSpec } from '../../../../src/components/islands/calculatrice/logic';
import { parameterCount } from '../../../../src/nn/spec';

const defaults = defaultState(calcSchema);

const randomState = (seed: number): CalcState => randomStateOf(calcSchema, seed);

describe('calculator URL state', () => {
  it('writes every field under calc. and reads it back exactly', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = randomState(seed);
      const params = serializeCalcState(s);
      for (const k of Object.keys(calcSchema)) expect(params.has(`${CALC_PREFIX}.${k}`)).toBe(true);
      const { state, invalid } = parseCalcState(params);
      expect(invalid).toEqual([]);
      expect(state).toEqual(s);
    }
  });

  it('keeps the defaults for malformed values and lists them', () => {
    const params = new URLSearchParams(
      'calc.op=division&calc.n=0&calc.lr=abc&calc.couches=16,,16&calc.act=x&calc.seed=-1&calc.min=3.5&calc.moteur=gpu',
    );
    const { state, invalid } = parseCalcState(params);
    expect(state).toEqual(defaults);
    expect(invalid.map((i) => i.key).sort()).toEqual(
      ['calc.act', 'calc.couches', 'calc.lr', 'calc.min', 'calc.moteur', 'calc.n', 'calc.op', 'calc.seed'].sort(),
    );
  });

  it('defaults: the sum of 0–100, 1,000 samples, 3 × 16 ReLU (609 parameters), Adam', () => {
    expect(validateCalc(defaults)).toBeNull();
    expect(defaults).toMatchObject({ op: 'sum', min: 0, max: 100, n: 1000, optim: 'adam' });
    expect(parameterCount(calcSpec(defaults))).toBe(609);
    expect(splitCounts(defaults)).toEqual({ train: 700, validation: 150, test: 150 });
  });

  it('presets: one hidden layer, 4 × 40 ReLU, 3 × 16 → 609', () => {
    expect(calcPresets.map((p) => p.nom)).toEqual(['Une couche cachée', '4 × 40 ReLU', '3 × 16']);
    expect(parameterCount(calcSpec(calcPresets[2]))).toBe(609);
    expect(parameterCount(calcSpec(calcPresets[1]))).toBe(2 * 40 + 40 + 3 * (40 * 40 + 40) + 41);
  });

  it('explains in French why settings valid one by one do not fit together', () => {
    expect(validateCalc({ ...defaults, min: 100, max: 100 })).toMatch(/strictement plus petit/);
    expect(validateCalc({ ...defaults, min: 50, max: 10 })).toMatch(/minimum \(50\)/);
    expect(validateCalc({ ...defaults, min: -10, max: -1 })).toMatch(/positif/);
    expect(validateCalc({ ...defaults, val: 0.5, test: 0.5 })).toMatch(/aucun exemple pour l’entraînement/);
    expect(validateCalc({ ...defaults, val: 0 })).toMatch(/aucun exemple de validation/);
    expect(validateCalc({ ...defaults, n: 5, val: 0.4, test: 0.1 })).toMatch(/aucun exemple de test/);
  });
});
