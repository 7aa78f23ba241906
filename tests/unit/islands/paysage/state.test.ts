/**
 * URL state of the "Paysage de perte" island: exact round trip of random valid states,
 * malformed or out-of-range values fall back to the defaults and are listed; the optimiser
 * settings built from a state.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import {
  PAYSAGE_DEMO_ID,
  PAYSAGE_PREFIX,
  parsePaysageState,
  paysageSchema,
  racerConfigs,
  serializePaysageState,
  type PaysageState,
} from '../../../../src/components/islands/paysage/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(paysageSchema);
const keys = Object.keys(paysageSchema) as (keyof PaysageState)[];

const randomState = (seed: number): PaysageState => randomStateOf(paysageSchema, seed);

describe('paysage island state', () => {
  it('has the prefix `paysage`, the anchor `paysage-de-perte`, and writes every field', () => {
    expect(PAYSAGE_PREFIX).toBe('paysage');
    expect(PAYSAGE_DEMO_ID).toBe('paysage-de-perte');
    expect([...serializePaysageState(defaults).keys()].sort()).toEqual(keys.map((k) => `paysage.${k}`).sort());
  });

  it('defaults: the regression landscape, all points per step, Adam’s usual β₁ = 0,9 and β₂ = 0,999', () => {
    expect(defaults.surface).toBe('regression');
    expect(defaults.mode).toBe('lot');
    expect(defaults.beta1).toBe(0.9);
    expect(defaults.beta2).toBe(0.999);
    expect(defaults.rho).toBe(0.9);
    expect(parsePaysageState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random valid states', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      expect(parsePaysageState(serializePaysageState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  const malformed: Record<keyof PaysageState, string[]> = {
    surface: ['', 'Regression', 'bol', 'selle '],
    w0: ['abc', '-2.6', '5.01', '1,5'],
    b0: ['', '-3', '4.5', 'NaN'],
    mode: ['batch', 'sgd', 'LOT'],
    lot: ['1', '11', '4.5', 'quatre'],
    lrSgd: ['0', '-0.1', '1.5', 'vite'],
    lrMomentum: ['0.0001', '2'],
    rho: ['-0.1', '1', '0.995'],
    lrRmsprop: ['Infinity', '0x1'],
    rhoRms: ['0.4', '1'],
    lrAdam: ['', '1e3'],
    beta1: ['1', '-1', '0.999'],
    beta2: ['0.99999', '0.8', '1'],
    decroissance: ['oui', 'true'],
    seed: ['-1', '1.5', '2147483648'],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`paysage.${key}`, bad);
      const { state, invalid } = parsePaysageState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `paysage.${key}`, received: bad }]);
    });
  });

  it('a broken link keeps the valid fields and lists the others', () => {
    const { state, invalid } = parsePaysageState(
      new URLSearchParams('paysage.surface=selle&paysage.beta2=2&paysage.lrAdam=0.3&pas.lr=1.5'),
    );
    expect(state).toEqual({ ...defaults, surface: 'selle', lrAdam: 0.3 });
    expect(invalid).toEqual([{ key: 'paysage.beta2', received: '2' }]);
  });

  it('racerConfigs passes each racer its own settings, and the decay to all', () => {
    const s = { ...defaults, lrSgd: 0.3, rho: 0.5, rhoRms: 0.8, beta1: 0.7, beta2: 0.99, decroissance: true };
    const c = racerConfigs(s);
    expect(c.sgd).toEqual({ name: 'sgd', learningRate: 0.3, decay: 'inverseSqrt' });
    expect(c.momentum).toMatchObject({ name: 'momentum', learningRate: s.lrMomentum, momentum: 0.5 });
    expect(c.rmsprop).toMatchObject({ name: 'rmsprop', learningRate: s.lrRmsprop, rho: 0.8 });
    expect(c.adam).toMatchObject({ name: 'adam', learningRate: s.lrAdam, beta1: 0.7, beta2: 0.99 });
    expect(racerConfigs(defaults).adam.decay).toBe('none');
  });
});
